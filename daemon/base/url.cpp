#include "daemon/base/url.h"

#include <curl/curl.h>

#include <new>
#include <utility>

#include "daemon/base/ascii.h"

namespace newsmon {

namespace {

// Any scheme is a URL here; which ones are fetched is the fetcher's business.
constexpr unsigned kParseFlags = CURLU_NON_SUPPORT_SCHEME;

CURLU* new_handle() {
  CURLU* handle = curl_url();
  if (handle == nullptr) throw std::bad_alloc();
  return handle;
}

CURLU* copy_of(CURLU* handle) {
  if (handle == nullptr) return nullptr;
  CURLU* copy = curl_url_dup(handle);
  if (copy == nullptr) throw std::bad_alloc();
  return copy;
}

std::string get_part(CURLU* handle, CURLUPart part) {
  char* text = nullptr;
  if (handle == nullptr || curl_url_get(handle, part, &text, 0) != CURLUE_OK || text == nullptr) return {};
  std::string copy(text);
  curl_free(text);
  return copy;
}

bool set_part(CURLU* handle, CURLUPart part, std::string_view value, unsigned flags = 0) {
  const std::string text(value);  // curl wants a NUL-terminated string
  return curl_url_set(handle, part, text.c_str(), flags) == CURLUE_OK;
}

// RFC 3986 section 3.1: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ), then ':'.
bool has_scheme(std::string_view s) {
  if (s.empty() || !ascii::is_alpha(s[0])) return false;
  for (std::size_t i = 1; i < s.size(); ++i) {
    const char c = s[i];
    if (c == ':') return true;
    if (!(ascii::is_alnum(c) || c == '+' || c == '-' || c == '.')) return false;
  }
  return false;
}

}  // namespace

std::optional<Url> Url::parse(std::string_view text) {
  Url url(new_handle());
  if (!set_part(url.handle_, CURLUPART_URL, text, kParseFlags)) return std::nullopt;
  return url;
}

std::optional<Url> Url::resolve(std::string_view reference, Unsafe unsafe) const {
  Url resolved(*this);
  // Setting a URL on a handle that holds one resolves it against that one;
  // but curl 7.88 also drops the last path segment and the query for a
  // fragment-only reference ("#s" against /c/d?q gives /c/#s), where RFC
  // 3986 5.2.2 keeps both: only the fragment changes.
  const bool fragment_only = reference.starts_with('#');
  const CURLUPart part = fragment_only ? CURLUPART_FRAGMENT : CURLUPART_URL;
  const std::string_view value = fragment_only ? reference.substr(1) : reference;
  const unsigned flags = fragment_only ? 0 : kParseFlags;
  if (set_part(resolved.handle_, part, value, flags)) return resolved;
  if (unsafe == Unsafe::percent_encode && set_part(resolved.handle_, part, value, flags | CURLU_URLENCODE))
    return resolved;
  return std::nullopt;
}

Url::Url(const Url& other) : handle_(copy_of(other.handle_)) {}
Url& Url::operator=(const Url& other) {
  if (this != &other) {
    CURLU* copy = copy_of(other.handle_);
    curl_url_cleanup(handle_);
    handle_ = copy;
  }
  return *this;
}
Url::Url(Url&& other) noexcept : handle_(std::exchange(other.handle_, nullptr)) {}
Url& Url::operator=(Url&& other) noexcept {
  if (this != &other) {
    curl_url_cleanup(handle_);
    handle_ = std::exchange(other.handle_, nullptr);
  }
  return *this;
}
Url::~Url() { curl_url_cleanup(handle_); }

std::string Url::text() const { return get_part(handle_, CURLUPART_URL); }
std::string Url::scheme() const { return get_part(handle_, CURLUPART_SCHEME); }
std::string Url::host() const { return get_part(handle_, CURLUPART_HOST); }
std::string Url::port() const { return get_part(handle_, CURLUPART_PORT); }
std::string Url::path() const { return get_part(handle_, CURLUPART_PATH); }
std::string Url::query() const { return get_part(handle_, CURLUPART_QUERY); }
std::string Url::fragment() const { return get_part(handle_, CURLUPART_FRAGMENT); }

bool Url::set_host(std::string_view host) { return set_part(handle_, CURLUPART_HOST, host); }
bool Url::set_path(std::string_view path) { return set_part(handle_, CURLUPART_PATH, path); }
bool Url::set_query(std::string_view query) { return set_part(handle_, CURLUPART_QUERY, query); }
void Url::clear_port() { curl_url_set(handle_, CURLUPART_PORT, nullptr, 0); }
void Url::clear_query() { curl_url_set(handle_, CURLUPART_QUERY, nullptr, 0); }
void Url::clear_fragment() { curl_url_set(handle_, CURLUPART_FRAGMENT, nullptr, 0); }

std::string resolve_link(std::string_view base, std::string_view reference) {
  const std::string_view ref = ascii::trim(reference);
  if (ref.empty() || has_scheme(ref)) return std::string(ref);
  const auto base_url = Url::parse(ascii::trim(base));
  if (!base_url) return std::string(ref);
  const auto resolved = base_url->resolve(ref, Url::Unsafe::percent_encode);
  return resolved ? resolved->text() : std::string(ref);
}

}  // namespace newsmon
