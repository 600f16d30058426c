#include "daemon/dedupe/url_canonicalizer.h"

#include <algorithm>
#include <array>
#include <optional>
#include <vector>

#include "daemon/base/ascii.h"
#include "daemon/base/url.h"

namespace newsmon {

namespace {

// "www.", "m." and "amp." name another door to the same site.
std::string strip_host_prefixes(std::string host) {
  static constexpr std::array<std::string_view, 4> prefixes = {"www.", "m.", "amp.", "mobile."};
  for (bool again = true; again;) {
    again = false;
    for (auto prefix : prefixes)
      if (host.starts_with(prefix) && host.find('.', prefix.size()) != std::string::npos) {
        host.erase(0, prefix.size());
        again = true;
      }
  }
  return host;
}

// Query parameters that say who shared a link, never what it points to.
bool is_tracking_parameter(std::string_view name) {
  static constexpr std::array<std::string_view, 31> names = {
      "fbclid", "gclid",  "gclsrc",  "dclid",  "msclkid", "mc_cid", "mc_eid",     "igshid",
      "yclid",  "_ga",    "_gl",     "_hsenc", "_hsmi",   "mkt_tok", "ref",       "ref_src",
      "cmp",    "cmpid",  "smid",    "smtyp",  "icid",    "ncid",   "sr_share",   "at_medium",
      "at_campaign", "s_cid", "spm", "ito",   "guccounter", "outputtype", "amp"};
  const std::string lower = ascii::lower(name);
  if (lower.starts_with("utm_")) return true;
  return std::find(names.begin(), names.end(), lower) != names.end();
}

// Whether a path has a "." or ".." segment, which a URL parser would fold away.
bool has_dot_segment(std::string_view path) {
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    const auto segment = path.substr(start, end - start);
    if (segment == "." || segment == "..") return true;
    start = end + 1;
  }
  return false;
}

// One AMP marker off a path: an "amp" segment or an ".amp" suffix.
std::string strip_one_amp_marker(std::string path) {
  if (path.starts_with("/amp/")) path.erase(0, 4);
  else if (path.ends_with("/amp")) path.erase(path.size() - 4);
  else if (path.ends_with("/amp/")) path.erase(path.size() - 4);
  else if (path.ends_with(".amp")) path.erase(path.size() - 4);
  else if (path.ends_with(".amp.html")) path.erase(path.size() - 9, 4);
  if (path.empty()) path.push_back('/');  // not = "/": g++ 12 warns falsely (-Wrestrict)
  return path;
}

// An AMP page's path names the article with "amp" segments or suffixes; all
// of them go, so that canonicalising twice changes nothing. A strip that would
// leave a dot segment ("/....amp") is not an AMP path and is not made.
std::string strip_amp_path(std::string path) {
  for (;;) {
    std::string stripped = strip_one_amp_marker(path);
    if (stripped == path || has_dot_segment(stripped)) return path;
    path = std::move(stripped);
  }
}

// The query's parameters less the tracking ones, sorted (their order means
// nothing); "" when none is left.
std::string kept_parameters(const std::string& query) {
  std::vector<std::string> kept;
  std::size_t start = 0;
  while (start <= query.size()) {
    std::size_t end = query.find('&', start);
    if (end == std::string::npos) end = query.size();
    const std::string pair = query.substr(start, end - start);
    const std::string name = pair.substr(0, pair.find('='));
    if (!pair.empty() && !is_tracking_parameter(name)) kept.push_back(pair);
    start = end + 1;
  }
  std::sort(kept.begin(), kept.end());
  std::string joined;
  for (const auto& pair : kept) joined += (joined.empty() ? "" : "&") + pair;
  return joined;
}

// One pass of the canonical form of an absolute http(s) URL, or nullopt when
// it is not one.
std::optional<std::string> canonical_pass(Url& url) {
  const std::string scheme = ascii::lower(url.scheme());
  if (scheme != "http" && scheme != "https") return std::nullopt;
  const std::string host = url.host();
  if (host.empty()) return std::nullopt;
  url.set_host(strip_host_prefixes(ascii::lower(host)));
  const std::string port = url.port();
  if ((scheme == "http" && port == "80") || (scheme == "https" && port == "443")) url.clear_port();
  url.clear_fragment();
  if (const std::string path = url.path(); !path.empty()) url.set_path(strip_amp_path(path));

  // Also when the query is empty: a bare "?" goes.
  if (const std::string query = kept_parameters(url.query()); query.empty()) url.clear_query();
  else url.set_query(query);
  std::string text = url.text();
  if (text.empty()) return std::nullopt;
  return text;
}

// Same site: the same host once www./m./amp. are gone, or one a subdomain of the other.
bool same_site(const std::string& a, const std::string& b) {
  const std::string x = strip_host_prefixes(ascii::lower(a)), y = strip_host_prefixes(ascii::lower(b));
  return x == y || x.ends_with("." + y) || y.ends_with("." + x);
}

// The canonical form: passes until nothing changes. A pass can expose more
// to normalise (a percent-encoded host that reads as an IPv4 address, an AMP
// marker under another); a few passes always settle it.
std::optional<std::string> canonical_form(Url& url) {
  auto form = canonical_pass(url);
  for (int pass = 0; form && pass < 4; ++pass) {
    auto again = Url::parse(*form);
    if (!again) break;
    auto next = canonical_pass(*again);
    if (!next || *next == *form) break;
    form = std::move(next);
  }
  return form;
}

}  // namespace

std::string canonicalize_url(std::string_view url_text, std::string_view rel_canonical) {
  const std::string trimmed(ascii::trim(url_text));
  auto url = Url::parse(trimmed);
  if (!url) return trimmed;
  const std::string page_host = url->host();

  const std::string_view canonical_text = ascii::trim(rel_canonical);
  if (!canonical_text.empty() && !page_host.empty()) {
    // Resolved against the page, so a relative canonical link works too.
    if (auto canonical = url->resolve(canonical_text)) {
      const std::string host = canonical->host();
      if (!host.empty() && same_site(host, page_host))
        if (auto form = canonical_form(*canonical)) return *form;
    }
  }
  if (auto form = canonical_form(*url)) return *form;
  return trimmed;
}

}  // namespace newsmon
