// SiteRules: per-outlet extraction hints, kept as data in one TOML file
// (extractors/site_rules.toml), read once at start. A rule names the CSS
// selectors of the article body (tried in order; the first that finds text
// wins) and those removed inside it; extract_article falls back to the
// generic extractor when no body selector finds anything. Immutable after
// load; safe to share between threads.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "daemon/base/result.h"
#include "extractors/css_selector.h"

namespace newsmon {

struct SiteRule {
  std::string name;                  // "guardian"
  std::vector<std::string> hosts;    // "theguardian.com" matches www.theguardian.com too
  std::vector<std::string> body;     // selectors of the article body, tried in order
  std::vector<std::string> remove;   // selectors removed inside the body
  // The same selectors, parsed by SiteRules::load (empty for a rule built by
  // hand: extract_article then parses the strings above).
  std::vector<CssSelector> body_selectors;
  std::vector<CssSelector> remove_selectors;
};

class SiteRules {
 public:
  // Errors name the file, and the line and key of a bad entry.
  static Result<SiteRules> load(const std::filesystem::path& path);
  // The shipped file: $NEWSMON_SITE_RULES, else installed
  // (${datadir}/newsmon/site_rules.toml), else the source tree's.
  static Result<SiteRules> load_default();
  // The rule whose host is the URL's host or a parent domain of it.
  const SiteRule* find_for_url(std::string_view url) const;
  const SiteRule* find_by_name(std::string_view name) const;
  const std::vector<SiteRule>& rules() const { return rules_; }

 private:
  std::vector<SiteRule> rules_;
};

}  // namespace newsmon
