#include <catch2/catch.hpp>

#include "daemon/net/robots_txt.h"

using newsmon::RobotsTxt;

namespace {

// Reads robots.txt `text` for the product token "newsmon" and checks that it
// allows every path of `allowed` and none of `disallowed`.
void check_paths(const char* text, std::initializer_list<const char*> allowed,
                 std::initializer_list<const char*> disallowed) {
  const auto robots = RobotsTxt::parse(text, "newsmon");
  for (const char* path : allowed) {
    INFO("allowed: " << path);
    CHECK(robots.allows(path));
  }
  for (const char* path : disallowed) {
    INFO("disallowed: " << path);
    CHECK_FALSE(robots.allows(path));
  }
}

}  // namespace

TEST_CASE("our own group applies, not the * group", "[robots_txt]") {
  check_paths(
      "User-agent: *\n"
      "Disallow: /\n"
      "\n"
      "User-agent: NewsMon\n"
      "Disallow: /private/\n",
      {"/news/story.html"},
      {"/private/x"});
}

TEST_CASE("without a group of ours the * group applies", "[robots_txt]") {
  check_paths("User-agent: Googlebot\nDisallow: /\n\nUser-agent: *\nDisallow: /search\n", {"/news/1"},
              {"/search?q=huawei"});
}

TEST_CASE("several groups naming us are merged, and a group may list several agents", "[robots_txt]") {
  check_paths(
      "User-agent: otherbot\n"
      "User-agent: newsmon/2.0\n"
      "Disallow: /a/\n"
      "\n"
      "User-agent: newsmon\n"
      "Disallow: /b/\n",
      {"/c/1"},
      {"/a/1", "/b/1"});
}

TEST_CASE("the longest match wins and Allow wins a tie", "[robots_txt]") {
  check_paths(
      "User-agent: *\n"
      "Disallow: /news/\n"
      "Allow: /news/public/\n"
      "Disallow: /tie\n"
      "Allow: /tie\n",
      {"/news/public/story", "/tie/x"},
      {"/news/secret"});
}

TEST_CASE("* matches any run of characters and $ anchors the end", "[robots_txt]") {
  check_paths(
      "User-agent: *\n"
      "Disallow: /*.pdf$\n"
      "Disallow: /*/print/\n"
      "Disallow: /exact$\n",
      {"/files/report.pdf?download=1", "/2024/05/story", "/exactly"},
      {"/files/report.pdf", "/2024/05/print/story", "/exact"});
}

TEST_CASE("an empty Disallow, comments, unknown lines and CRLF are harmless", "[robots_txt]") {
  check_paths(
      "\xEF\xBB\xBF# site rules\r\n"
      "user-agent: *   # everyone\r\n"
      "crawl-delay: 5\r\n"
      "sitemap: https://example.com/sitemap.xml\r\n"
      "disallow:\r\n"
      "DISALLOW: /tmp # scratch\r\n",
      {"/anything"},
      {"/tmp/file"});
}

TEST_CASE("rules before any user-agent line belong to no group", "[robots_txt]") {
  check_paths("Disallow: /\nUser-agent: *\nAllow: /\n", {"/x"}, {});
}

TEST_CASE("percent-escapes compare case-insensitively and UTF-8 rules match escaped paths",
          "[robots_txt]") {
  check_paths("User-agent: *\nDisallow: /a%2fb\nDisallow: /caf\xC3\xA9\n", {}, {"/a%2Fb", "/caf%C3%A9/menu"});
}

TEST_CASE("robots.txt itself is always allowed, and an empty file allows all", "[robots_txt]") {
  CHECK(RobotsTxt::parse("User-agent: *\nDisallow: /\n", "newsmon").allows("/robots.txt"));
  CHECK(RobotsTxt::parse("", "newsmon").allows("/"));
  CHECK(RobotsTxt::allow_all().allows("/x"));
  CHECK_FALSE(RobotsTxt::disallow_all().allows("/x"));
}

TEST_CASE("a pathological pattern is matched quickly", "[robots_txt]") {
  const auto robots = RobotsTxt::parse("User-agent: *\nDisallow: /*a*a*a*a*a*a*a*a*a*a*b$\n", "newsmon");
  CHECK(robots.allows("/" + std::string(20000, 'a')));
}

TEST_CASE("the product token is the User-Agent up to its version", "[robots_txt]") {
  CHECK(newsmon::product_token("newsmon/0.1.0 (+https://github.com/newsmon/newsmon)") == "newsmon");
}

TEST_CASE("a URL's robots origin keeps scheme, host and a non-default port", "[robots_txt]") {
  CHECK(newsmon::robots_origin("https://Example.com/a/b?c=d") == "https://example.com");
  CHECK(newsmon::robots_origin("http://example.com:80/") == "http://example.com");
  CHECK(newsmon::robots_origin("http://127.0.0.1:8080/x") == "http://127.0.0.1:8080");
  CHECK(newsmon::robots_origin("file:///etc/passwd").empty());
  CHECK(newsmon::robots_path("https://example.com/a/b?c=d") == "/a/b?c=d");
  CHECK(newsmon::robots_path("https://example.com") == "/");
}
