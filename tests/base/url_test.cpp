#include "daemon/base/url.h"

#include <catch2/catch.hpp>

using newsmon::resolve_link;
using newsmon::Url;

TEST_CASE("a URL is taken apart the way curl will fetch it", "[url]") {
  const auto url = Url::parse("HTTPS://News.Example.com:8443/a/b?c=d#frag");
  REQUIRE(url);
  CHECK(url->scheme() == "https");
  CHECK(url->host() == "News.Example.com");
  CHECK(url->port() == "8443");
  CHECK(url->path() == "/a/b");
  CHECK(url->query() == "c=d");
  CHECK(url->fragment() == "frag");
  CHECK(url->text() == "https://News.Example.com:8443/a/b?c=d#frag");
  CHECK_FALSE(Url::parse("not a url"));
  CHECK_FALSE(Url::parse(""));
}

TEST_CASE("a part a URL does not have reads as empty", "[url]") {
  const auto url = Url::parse("http://a.example");
  REQUIRE(url);
  CHECK(url->port().empty());
  CHECK(url->query().empty());
  CHECK(url->fragment().empty());
  CHECK(url->path() == "/");
  CHECK(url->text() == "http://a.example/");
}

TEST_CASE("any scheme parses; which ones are fetched is not the URL's business", "[url]") {
  const auto url = Url::parse("gopher+x://host.example/p");
  REQUIRE(url);
  CHECK(url->scheme() == "gopher+x");
  CHECK(url->host() == "host.example");
}

TEST_CASE("parts can be set and cleared", "[url]") {
  auto url = Url::parse("https://www.a.example:443/x?utm_source=y#top");
  REQUIRE(url);
  CHECK(url->set_host("a.example"));
  CHECK(url->set_path("/y"));
  CHECK(url->set_query("k=v"));
  url->clear_fragment();
  url->clear_port();
  CHECK(url->text() == "https://a.example/y?k=v");
  url->clear_query();
  CHECK(url->text() == "https://a.example/y");
}

TEST_CASE("a copy is independent of the original, a move leaves it empty", "[url]") {
  auto original = Url::parse("https://a.example/one");
  REQUIRE(original);
  Url copy = *original;
  copy.set_path("/two");
  CHECK(original->text() == "https://a.example/one");
  CHECK(copy.text() == "https://a.example/two");
  Url moved = std::move(copy);
  CHECK(moved.text() == "https://a.example/two");
  copy = moved;  // a moved-from Url can be assigned to
  CHECK(copy.text() == "https://a.example/two");
}

TEST_CASE("relative references resolve as RFC 3986 section 5.4 says", "[url]") {
  const auto base = Url::parse("http://a/b/c/d;p?q");
  REQUIRE(base);
  const auto resolved = [&](const char* ref) {
    const auto url = base->resolve(ref);
    return url ? url->text() : std::string("(refused)");
  };
  CHECK(resolved("g") == "http://a/b/c/g");
  CHECK(resolved("./g") == "http://a/b/c/g");
  CHECK(resolved("g/") == "http://a/b/c/g/");
  CHECK(resolved("/g") == "http://a/g");
  CHECK(resolved("//g") == "http://g/");
  CHECK(resolved("?y") == "http://a/b/c/d;p?y");
  CHECK(resolved("g?y") == "http://a/b/c/g?y");
  CHECK(resolved("#s") == "http://a/b/c/d;p?q#s");
  CHECK(resolved("g#s") == "http://a/b/c/g#s");
  CHECK(resolved(";x") == "http://a/b/c/;x");
  CHECK(resolved(".") == "http://a/b/c/");
  CHECK(resolved("./") == "http://a/b/c/");
  CHECK(resolved("..") == "http://a/b/");
  CHECK(resolved("../g") == "http://a/b/g");
  CHECK(resolved("../..") == "http://a/");
  CHECK(resolved("../../g") == "http://a/g");
  CHECK(resolved("../../../g") == "http://a/g");
  CHECK(resolved("../../../../g") == "http://a/g");
  CHECK(resolved("http://x.example/y") == "http://x.example/y");
}

TEST_CASE("a URL with a space is refused or percent-encoded, as asked", "[url]") {
  const auto base = Url::parse("https://a.example/x/");
  REQUIRE(base);
  CHECK_FALSE(base->resolve("https://b.example/a b"));
  const auto encoded = base->resolve("https://b.example/a b", Url::Unsafe::percent_encode);
  REQUIRE(encoded);
  CHECK(encoded->text() == "https://b.example/a%20b");
  const auto relative = base->resolve("a b");
  REQUIRE(relative);
  CHECK(relative->text() == "https://a.example/x/a%20b");
}

TEST_CASE("a fragment-only reference keeps the base's path and query", "[url]") {
  // curl 7.88 alone would answer https://a.example/b/c/#s.
  const auto base = Url::parse("https://a.example/b/c/d?q#f");
  REQUIRE(base);
  const auto resolved = base->resolve("#s");
  REQUIRE(resolved);
  CHECK(resolved->text() == "https://a.example/b/c/d?q#s");
}

TEST_CASE("links in documents resolve against the document's URL", "[url]") {
  CHECK(resolve_link("https://a.example/x/y.xml", "z.html") == "https://a.example/x/z.html");
  CHECK(resolve_link("https://a.example/x/y.xml", "/z") == "https://a.example/z");
  CHECK(resolve_link("https://a.example/x/y.xml", "../z?q=1#f") == "https://a.example/z?q=1#f");
  CHECK(resolve_link("https://a.example/x/y.xml", "//cdn.example/i.jpg") == "https://cdn.example/i.jpg");
  CHECK(resolve_link("https://a.example/b/c/d?q#f", "?y") == "https://a.example/b/c/d?y");
  CHECK(resolve_link("https://a.example/b/c/d?q#f", "#s") == "https://a.example/b/c/d?q#s");
  CHECK(resolve_link("https://a.example/b/c/d?q#f", "./g/") == "https://a.example/b/c/g/");
  CHECK(resolve_link("https://a.example/", "a b") == "https://a.example/a%20b");
}

TEST_CASE("an absolute link is kept as written, trimmed", "[url]") {
  CHECK(resolve_link("https://a.example/x/", "  HTTP://Other.example/A/../B  ") == "HTTP://Other.example/A/../B");
  CHECK(resolve_link("https://a.example/x/", "mailto:someone@a.example") == "mailto:someone@a.example");
}

TEST_CASE("a link that cannot be resolved is kept as written", "[url]") {
  CHECK(resolve_link("", "relative/only") == "relative/only");
  CHECK(resolve_link("not a url", "x") == "x");
  CHECK(resolve_link("https://a.example/", "") == "");
  CHECK(resolve_link("https://a.example/", " \t\n") == "");
}
