#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "support/run_binary.h"

using namespace newsmon::test;

namespace {

using Run = RunResult;

// Runs `newsmon parse-feed ARGS` with no config around.
Run parse_feed_command(const std::vector<std::string>& args) {
  TempDir dir;
  ProcessOptions options;
  options.working_directory = dir.path();
  options.env = {{"NEWSMON_CONFIG", ""}, {"XDG_CONFIG_HOME", dir.path().string()}};
  std::vector<std::string> all{"parse-feed"};
  all.insert(all.end(), args.begin(), args.end());
  return run_newsmon(all, options);
}

}  // namespace

TEST_CASE("parse-feed --json prints the feed and its entries with RFC 3339 dates", "[parse_feed_command]") {
  const Run run = parse_feed_command({"--json", fixture("fixtures/feeds/picofeed-pcinpact.xml").string()});
  REQUIRE(run.exit_code == 0);
  CHECK(run.err.empty());
  const auto json = nlohmann::json::parse(run.out);
  CHECK(json["format"] == "rss2.0");
  CHECK(json["title"] == "PC INpact");
  CHECK(json["link"] == "http://www.pcinpact.com/");
  CHECK(json["language"] == "");
  REQUIRE(json["entries"].size() == 30);
  const auto& first = json["entries"][0];
  CHECK(first["id"] == "78872");
  CHECK(first["title"] == "La DCRI purge Wikipedia par la menace, un bel effet Streisand à la clé");
  CHECK(first["published"].is_null());  // this feed has only a10:updated
  CHECK(first["updated"] == "2013-04-06T23:11:00Z");
  CHECK(first["authors"].is_array());
  CHECK(first["categories"].is_array());
  CHECK(first["summary"].is_string());
  for (const char* key : {"id", "title", "link", "published", "updated", "authors", "categories", "summary"})
    CHECK(first.contains(key));
}

TEST_CASE("parse-feed prints a readable listing by default", "[parse_feed_command]") {
  const Run run = parse_feed_command({fixture("fixtures/feeds/feed-rs-nbc-new-york.xml").string()});
  REQUIRE(run.exit_code == 0);
  CHECK(run.out ==
        "title: NBC New York\n"
        "format: rss2.0\n"
        "link: https://www.nbcnewyork.com\n"
        "language: en_US\n"
        "entries: 1\n"
        "\n"
        "1. 2023-12-16T14:02:33Z  NYC cops search for stabbing suspect after leaving 18-year-old to bleed out on sidewalk\n"
        "   https://www.nbcnewyork.com/news/local/nyc-cops-search-for-stabbing-suspect-after-leaving-18-year-old-to-bleed-out-on-sidewalk/4956764/\n"
        "   by Gaby Acevedo and Jessica Cunnington\n");
}

TEST_CASE("parse-feed strips control characters from what it prints", "[parse_feed_command]") {
  TempDir dir;
  const auto path = dir.write("evil.xml", "<rss version=\"2.0\"><channel><title>A&#x1b;[31mred</title>"
                                          "<item><title>\x1b]0;owned\x07 title</title></item></channel></rss>");
  const Run run = parse_feed_command({path.string()});
  REQUIRE(run.exit_code == 0);
  CHECK(run.out.find('\x1b') == std::string::npos);
  CHECK(run.out.find('\x07') == std::string::npos);
}

TEST_CASE("parse-feed exits 2 with one line when the input is not a feed", "[parse_feed_command]") {
  TempDir dir;
  const auto path = dir.write("page.html", "<html><body>hello</body></html>");
  const Run run = parse_feed_command({path.string()});
  CHECK(run.exit_code == 2);
  CHECK(run.out.empty());
  CHECK(run.err == "newsmon: " + path.string() + ": not a feed (the root element is <html>)\n");

  const Run empty = parse_feed_command({"--json", fixture("fixtures/feeds/edge/gofeed-empty-zero-bytes.xml").string()});
  CHECK(empty.exit_code == 2);
  CHECK(empty.err == "newsmon: " + fixture("fixtures/feeds/edge/gofeed-empty-zero-bytes.xml").string() +
                         ": not a feed (the document is empty)\n");
}

TEST_CASE("parse-feed exits 3 naming the file it cannot read", "[parse_feed_command]") {
  const Run run = parse_feed_command({"/nonexistent/feed.xml"});
  CHECK(run.exit_code == 3);
  CHECK(run.err == "newsmon: /nonexistent/feed.xml: cannot read the file\n");
}

TEST_CASE("parse-feed reads file:// URLs", "[parse_feed_command]") {
  const Run run = parse_feed_command({"--json", "file://" + fixture("fixtures/feeds/feed-rs-nbc-new-york.xml").string()});
  REQUIRE(run.exit_code == 0);
  CHECK(nlohmann::json::parse(run.out)["title"] == "NBC New York");
}
