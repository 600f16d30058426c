#include "daemon/dedupe/url_canonicalizer.h"

#include <curl/curl.h>

#include <algorithm>
#include <array>
#include <optional>
#include <vector>

namespace newsmon {

namespace {

// RAII owner of one libcurl URL handle (curl_url), the only user of its
// create/destroy calls. Not thread-safe; each call makes its own.
class CurlUrl {
 public:
  CurlUrl() : handle_(curl_url()) {}
  CurlUrl(const CurlUrl&) = delete;
  CurlUrl& operator=(const CurlUrl&) = delete;
  ~CurlUrl() { curl_url_cleanup(handle_); }

  bool set(CURLUPart part, const std::string& value, unsigned flags = 0) {
    return handle_ && curl_url_set(handle_, part, value.c_str(), flags) == CURLUE_OK;
  }
  void clear(CURLUPart part) {
    if (handle_) curl_url_set(handle_, part, nullptr, 0);
  }
  std::optional<std::string> get(CURLUPart part, unsigned flags = 0) const {
    if (!handle_) return std::nullopt;
    char* out = nullptr;
    if (curl_url_get(handle_, part, &out, flags) != CURLUE_OK || !out) return std::nullopt;
    std::string value(out);
    curl_free(out);
    return value;
  }

 private:
  CURLU* handle_;
};

std::string trim(std::string_view text) {
  const auto begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return {};
  const auto end = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(begin, end - begin + 1));
}

std::string lowercase(std::string text) {
  for (char& c : text)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return text;
}

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
  const std::string lower = lowercase(std::string(name));
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
  if (path.empty()) path = "/";
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

// One pass of the canonical form of an absolute http(s) URL, or nullopt when
// it is not one.
std::optional<std::string> canonical_pass(CurlUrl& url) {
  auto scheme = url.get(CURLUPART_SCHEME);
  if (!scheme) return std::nullopt;
  *scheme = lowercase(*scheme);
  if (*scheme != "http" && *scheme != "https") return std::nullopt;
  auto host = url.get(CURLUPART_HOST);
  if (!host) return std::nullopt;
  url.set(CURLUPART_HOST, strip_host_prefixes(lowercase(*host)));
  if (auto port = url.get(CURLUPART_PORT))
    if ((*scheme == "http" && *port == "80") || (*scheme == "https" && *port == "443"))
      url.clear(CURLUPART_PORT);
  url.clear(CURLUPART_FRAGMENT);
  if (auto path = url.get(CURLUPART_PATH)) url.set(CURLUPART_PATH, strip_amp_path(*path));

  if (auto query = url.get(CURLUPART_QUERY)) {
    std::vector<std::string> kept;
    std::size_t start = 0;
    while (start <= query->size()) {
      std::size_t end = query->find('&', start);
      if (end == std::string::npos) end = query->size();
      const std::string pair = query->substr(start, end - start);
      const std::string name = pair.substr(0, pair.find('='));
      if (!pair.empty() && !is_tracking_parameter(name)) kept.push_back(pair);
      start = end + 1;
    }
    std::sort(kept.begin(), kept.end());  // the order of parameters means nothing
    std::string joined;
    for (const auto& pair : kept) joined += (joined.empty() ? "" : "&") + pair;
    if (joined.empty()) url.clear(CURLUPART_QUERY);
    else url.set(CURLUPART_QUERY, joined);
  }
  return url.get(CURLUPART_URL);
}

// Same site: the same host once www./m./amp. are gone, or one a subdomain of the other.
bool same_site(const std::string& a, const std::string& b) {
  const std::string x = strip_host_prefixes(lowercase(a)), y = strip_host_prefixes(lowercase(b));
  return x == y || x.ends_with("." + y) || y.ends_with("." + x);
}

// The canonical form: passes until nothing changes. A pass can expose more
// to normalise (a percent-encoded host that reads as an IPv4 address, an AMP
// marker under another); a few passes always settle it.
std::optional<std::string> canonical_form(CurlUrl& url) {
  auto form = canonical_pass(url);
  for (int pass = 0; form && pass < 4; ++pass) {
    CurlUrl again;
    if (!again.set(CURLUPART_URL, *form)) break;
    auto next = canonical_pass(again);
    if (!next || *next == *form) break;
    form = std::move(next);
  }
  return form;
}

}  // namespace

std::string canonicalize_url(std::string_view url_text, std::string_view rel_canonical) {
  const std::string trimmed = trim(url_text);
  CurlUrl url;
  if (!url.set(CURLUPART_URL, trimmed)) return trimmed;
  const auto page_host = url.get(CURLUPART_HOST);

  const std::string canonical_text = trim(rel_canonical);
  if (!canonical_text.empty() && page_host) {
    // Resolved against the page, so a relative canonical link works too.
    CurlUrl canonical;
    if (canonical.set(CURLUPART_URL, trimmed) && canonical.set(CURLUPART_URL, canonical_text)) {
      const auto host = canonical.get(CURLUPART_HOST);
      if (host && same_site(*host, *page_host))
        if (auto form = canonical_form(canonical)) return *form;
    }
  }
  if (auto form = canonical_form(url)) return *form;
  return trimmed;
}

}  // namespace newsmon
