#include "extractors/site_rules.h"
#include "daemon/base/ascii.h"

#include <cctype>
#include <cstdlib>
#include <toml++/toml.h>

namespace newsmon {
namespace {

std::string where(const std::filesystem::path& path, const toml::source_region& r) {
  return path.string() + ":" + std::to_string(r.begin.line) + ":" + std::to_string(r.begin.column);
}

Result<std::vector<std::string>> string_list(const std::filesystem::path& path, const toml::table& t,
                                             const char* key, bool required) {
  std::vector<std::string> out;
  const toml::node* node = t.get(key);
  if (!node) {
    if (required) return fail(ErrorKind::parse, where(path, t.source()) + ": rule needs \"" + key + "\"");
    return out;
  }
  const toml::array* arr = node->as_array();
  if (!arr) return fail(ErrorKind::parse, where(path, node->source()) + ": \"" + key + "\" must be a list of strings");
  for (const toml::node& e : *arr) {
    const auto* s = e.as_string();
    if (!s) return fail(ErrorKind::parse, where(path, e.source()) + ": \"" + key + "\" must be a list of strings");
    out.push_back(s->get());
  }
  return out;
}

std::string host_of(std::string_view url) {
  const auto scheme = url.find("://");
  if (scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
  url = url.substr(0, url.find_first_of("/?#"));
  const auto at = url.rfind('@');
  if (at != std::string_view::npos) url.remove_prefix(at + 1);
  url = url.substr(0, url.find(':'));
  std::string host = ascii::lower(url);
  while (!host.empty() && host.back() == '.') host.pop_back();
  return host;
}

}  // namespace

Result<SiteRules> SiteRules::load(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return fail(ErrorKind::io, path.string() + ": no such file");
  toml::table root;
  try {
    root = toml::parse_file(path.string());
  } catch (const toml::parse_error& err) {
    return fail(ErrorKind::parse, where(path, err.source()) + ": " + std::string(err.description()));
  }
  SiteRules rules;
  for (const auto& [key, value] : root) {
    if (key.str() != "rule")
      return fail(ErrorKind::parse, where(path, value.source()) + ": unknown key \"" + std::string(key.str()) + "\"");
  }
  const toml::array* list = root["rule"].as_array();
  if (!list) return rules;
  for (const toml::node& entry : *list) {
    const toml::table* t = entry.as_table();
    if (!t) return fail(ErrorKind::parse, where(path, entry.source()) + ": \"rule\" must be an array of tables");
    SiteRule rule;
    for (const auto& [key, value] : *t) {
      const std::string k(key.str());
      if (k != "name" && k != "hosts" && k != "body" && k != "remove")
        return fail(ErrorKind::parse, where(path, value.source()) + ": unknown key \"" + k + "\"");
    }
    const auto* name = t->get_as<std::string>("name");
    if (!name || name->get().empty())
      return fail(ErrorKind::parse, where(path, t->source()) + ": rule needs a \"name\"");
    rule.name = name->get();
    auto hosts = string_list(path, *t, "hosts", true);
    if (!hosts) return std::unexpected(hosts.error());
    auto body = string_list(path, *t, "body", true);
    if (!body) return std::unexpected(body.error());
    auto remove = string_list(path, *t, "remove", false);
    if (!remove) return std::unexpected(remove.error());
    rule.hosts = std::move(*hosts);
    for (std::string& h : rule.hosts)
      h = ascii::lower(h);
    rule.body = std::move(*body);
    rule.remove = std::move(*remove);
    for (const auto& [texts, compiled] :
         {std::pair{&rule.body, &rule.body_selectors}, std::pair{&rule.remove, &rule.remove_selectors}}) {
      for (const std::string& s : *texts) {
        auto sel = CssSelector::parse(s);
        if (!sel)
          return fail(ErrorKind::parse, where(path, t->source()) + ": rule \"" + rule.name + "\": " + sel.error().message);
        compiled->push_back(std::move(*sel));
      }
    }
    if (rules.find_by_name(rule.name))
      return fail(ErrorKind::parse, where(path, t->source()) + ": rule \"" + rule.name + "\" defined twice");
    rules.rules_.push_back(std::move(rule));
  }
  return rules;
}

Result<SiteRules> SiteRules::load_default() {
  if (const char* env = std::getenv("NEWSMON_SITE_RULES"); env && *env) return load(env);
  std::vector<std::filesystem::path> tried;
#ifdef NEWSMON_DATADIR
  tried.emplace_back(std::filesystem::path(NEWSMON_DATADIR) / "newsmon" / "site_rules.toml");
#endif
  tried.emplace_back(std::filesystem::path(NEWSMON_SOURCE_DIR) / "extractors" / "site_rules.toml");
  std::error_code ec;
  for (const auto& p : tried)
    if (std::filesystem::exists(p, ec)) return load(p);
  std::string list;
  for (const auto& p : tried) list += (list.empty() ? "" : ", ") + p.string();
  return fail(ErrorKind::io, "site rules not found (set NEWSMON_SITE_RULES; looked in " + list + ")");
}

const SiteRule* SiteRules::find_for_url(std::string_view url) const {
  const std::string host = host_of(url);
  if (host.empty()) return nullptr;
  for (const SiteRule& rule : rules_) {
    for (const std::string& h : rule.hosts) {
      if (host == h || (host.size() > h.size() && host.ends_with(h) && host[host.size() - h.size() - 1] == '.'))
        return &rule;
    }
  }
  return nullptr;
}

const SiteRule* SiteRules::find_by_name(std::string_view name) const {
  for (const SiteRule& rule : rules_)
    if (rule.name == name) return &rule;
  return nullptr;
}

}  // namespace newsmon
