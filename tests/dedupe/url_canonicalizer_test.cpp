#include <catch2/catch.hpp>

#include "daemon/dedupe/url_canonicalizer.h"

using namespace newsmon;

TEST_CASE("the scheme and host are lowercased, the path is not", "[url_canonicalizer]") {
  CHECK(canonicalize_url("HTTPS://Example.COM/News/Story") == "https://example.com/News/Story");
}

TEST_CASE("a default port is dropped, another port is kept", "[url_canonicalizer]") {
  CHECK(canonicalize_url("https://example.com:443/a") == "https://example.com/a");
  CHECK(canonicalize_url("http://example.com:80/a") == "http://example.com/a");
  CHECK(canonicalize_url("http://example.com:8080/a") == "http://example.com:8080/a");
  CHECK(canonicalize_url("https://example.com:80/a") == "https://example.com:80/a");
}

TEST_CASE("the fragment is dropped", "[url_canonicalizer]") {
  CHECK(canonicalize_url("https://example.com/a#comments") == "https://example.com/a");
}

TEST_CASE("www, m and amp host prefixes are dropped", "[url_canonicalizer]") {
  CHECK(canonicalize_url("https://www.theguardian.com/a") == "https://theguardian.com/a");
  CHECK(canonicalize_url("https://m.example.com/a") == "https://example.com/a");
  CHECK(canonicalize_url("https://amp.theguardian.com/a") == "https://theguardian.com/a");
  CHECK(canonicalize_url("https://www.m.example.com/a") == "https://example.com/a");
  CHECK(canonicalize_url("https://www.com/a") == "https://www.com/a");  // nothing left to name
}

TEST_CASE("an AMP path leads to the article itself", "[url_canonicalizer]") {
  CHECK(canonicalize_url("https://example.com/amp/2020/story") == "https://example.com/2020/story");
  CHECK(canonicalize_url("https://example.com/2020/story/amp") == "https://example.com/2020/story");
  CHECK(canonicalize_url("https://example.com/2020/story/amp/") == "https://example.com/2020/story/");
  CHECK(canonicalize_url("https://example.com/2020/story.amp") == "https://example.com/2020/story");
  CHECK(canonicalize_url("https://example.com/2020/story.amp.html") ==
        "https://example.com/2020/story.html");
  CHECK(canonicalize_url("https://example.com/story?amp=1") == "https://example.com/story");
  CHECK(canonicalize_url("https://example.com/example/ampere") == "https://example.com/example/ampere");
}

TEST_CASE("tracking parameters are dropped and the others kept in a stable order",
          "[url_canonicalizer]") {
  CHECK(canonicalize_url("https://example.com/a?utm_source=tw&utm_medium=social&utm_campaign=x") ==
        "https://example.com/a");
  CHECK(canonicalize_url("https://example.com/a?fbclid=abc") == "https://example.com/a");
  CHECK(canonicalize_url("https://example.com/a?gclid=abc") == "https://example.com/a");
  CHECK(canonicalize_url("https://example.com/a?mc_cid=1&mc_eid=2") == "https://example.com/a");
  CHECK(canonicalize_url("https://example.com/a?CMP=share_btn_tw") == "https://example.com/a");
  CHECK(canonicalize_url("https://example.com/a?smid=nytcore-ios-share") == "https://example.com/a");
  CHECK(canonicalize_url("https://example.com/a?page=2&utm_source=x&id=7") ==
        "https://example.com/a?id=7&page=2");
  CHECK(canonicalize_url("https://example.com/a?id=7&page=2") ==
        canonicalize_url("https://example.com/a?page=2&id=7"));
}

TEST_CASE("a canonical link on the same site wins", "[url_canonicalizer]") {
  CHECK(canonicalize_url("https://amp.example.com/x?utm_source=a",
                         "https://www.example.com/news/x") == "https://example.com/news/x");
  CHECK(canonicalize_url("https://www.example.com/x", "/news/x") == "https://example.com/news/x");
  CHECK(canonicalize_url("https://edition.example.com/x", "https://example.com/news/x") ==
        "https://example.com/news/x");
}

TEST_CASE("a canonical link to another site is ignored", "[url_canonicalizer]") {
  CHECK(canonicalize_url("https://aggregator.test/story-1", "https://example.com/original") ==
        "https://aggregator.test/story-1");
}

TEST_CASE("a URL that cannot be parsed is returned trimmed", "[url_canonicalizer]") {
  CHECK(canonicalize_url("  not a url ") == "not a url");
  CHECK(canonicalize_url("feed-entry-42") == "feed-entry-42");
}

TEST_CASE("the seed page's canonical URL loses only its www", "[url_canonicalizer]") {
  CHECK(canonicalize_url("https://www.cybersecurityintelligence.com/blog/the-us-and-britain-edge-"
                         "closer-to-an-agreement-on-huawei--4854.html?utm_source=rss#top") ==
        "https://cybersecurityintelligence.com/blog/the-us-and-britain-edge-closer-to-an-agreement-"
        "on-huawei--4854.html");
}

TEST_CASE("an .amp suffix that would leave a dot segment is kept (found by fuzzing)", "[url_canonicalizer]") {
  const std::string once = canonicalize_url("https://x.test/...amp");
  CHECK(once == "https://x.test/...amp");
  CHECK(canonicalize_url(once) == once);
}

TEST_CASE("stacked AMP markers all go, so a second pass changes nothing (found by fuzzing)", "[url_canonicalizer]") {
  const std::string once = canonicalize_url("https://x.test/amp/story.amp.html.amp.amp");
  CHECK(once == "https://x.test/story.html");
  CHECK(canonicalize_url(once) == once);
}

TEST_CASE("a percent-encoded host that reads as an address settles in one call (found by fuzzing)", "[url_canonicalizer]") {
  const std::string once = canonicalize_url("http://%30/a");
  CHECK(canonicalize_url(once) == once);
}
