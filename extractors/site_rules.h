// SiteRules: per-outlet extraction hints, kept as data in one TOML file
// (extractors/site_rules.toml), read once at start. Immutable after load.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "daemon/result.h"

namespace newsmon {

struct SiteRule {
  std::string name;                  // "guardian"
  std::vector<std::string> hosts;    // "theguardian.com" matches www.theguardian.com too
  std::vector<std::string> body;     // selectors of the article body, tried in order
  std::vector<std::string> remove;   // selectors removed inside the body
};

class SiteRules {
 public:
  static Result<SiteRules> load(const std::filesystem::path& path);
  // The shipped file: $NEWSMON_SITE_RULES, else installed, else source tree.
  static Result<SiteRules> load_default();
  const SiteRule* find_for_url(std::string_view url) const;
  const SiteRule* find_by_name(std::string_view name) const;
  const std::vector<SiteRule>& rules() const { return rules_; }

 private:
  std::vector<SiteRule> rules_;
};

}  // namespace newsmon
