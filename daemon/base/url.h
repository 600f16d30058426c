// URLs, parsed and resolved the way curl itself will fetch them: libcurl's
// URL API behind one value type, for the fetcher, robots.txt, the feed
// readers, the extractors and the URL canonicaliser.
#pragma once

#include <optional>
#include <string>
#include <string_view>

// libcurl's URL handle, from <curl/urlapi.h>; only url.cpp sees its API.
struct Curl_URL;

namespace newsmon {

// Url: one absolute URL (any scheme), parsed by libcurl. Owns its CURLU
// handle: url.cpp is the only file that creates or destroys one. Copyable
// (the handle is duplicated) and movable; a moved-from Url may only be
// destroyed or assigned to. Not thread-safe: one Url belongs to one thread,
// but separate Urls may be used on separate threads.
//
// The text curl gives back is normalised: lowercase scheme, dot segments
// removed, an empty path written as "/". The host keeps its case.
class Url {
 public:
  // What resolve() does when curl refuses a reference as written (an
  // absolute URL with a space in it): give up, or try again with what a URL
  // may not hold percent-encoded, as a browser would. (curl encodes a space
  // in a relative reference by itself.)
  enum class Unsafe { refuse, percent_encode };

  // `text` as an absolute URL, or nullopt when curl does not accept it.
  // Throws std::bad_alloc when curl cannot allocate a handle.
  static std::optional<Url> parse(std::string_view text);

  // `reference` resolved against this URL as RFC 3986 section 5 says (an
  // absolute reference replaces it); nullopt when curl does not accept it.
  std::optional<Url> resolve(std::string_view reference, Unsafe unsafe = Unsafe::refuse) const;

  Url(const Url& other);
  Url& operator=(const Url& other);
  Url(Url&& other) noexcept;
  Url& operator=(Url&& other) noexcept;
  ~Url();

  // The whole URL.
  std::string text() const;
  // The parts; each "" when the URL has none. query() has no '?', port()
  // only a port written in the URL.
  std::string scheme() const;
  std::string host() const;
  std::string port() const;
  std::string path() const;
  std::string query() const;
  std::string fragment() const;

  // Replace a part; false (and the URL unchanged) when curl refuses the value.
  bool set_host(std::string_view host);
  bool set_path(std::string_view path);
  bool set_query(std::string_view query);
  // Remove a part.
  void clear_port();
  void clear_query();
  void clear_fragment();

 private:
  explicit Url(Curl_URL* handle) : handle_(handle) {}
  Curl_URL* handle_ = nullptr;
};

// A link found in a document (a feed's <link>, a page's canonical or image
// URL), resolved against the document's URL `base`. Both are trimmed of
// ASCII whitespace. The rules:
// - an empty reference stays empty (no link is not a link to the document);
// - an absolute reference (one with a scheme) is returned as written;
// - a relative one is resolved by curl (RFC 3986), percent-encoding what a
//   URL may not hold ("a b" -> "a%20b");
// - when `base` is not an absolute URL, or curl refuses either, the
//   reference is returned as written.
std::string resolve_link(std::string_view base, std::string_view reference);

}  // namespace newsmon
