// The JSON Feed reader (json_feed_reader.cpp): JSON Feed 1.0 and 1.1 into feeds.
#include <catch2/catch.hpp>

#include <string>

#include "support/feed_parse.h"

using namespace newsmon;
using newsmon::test::parse_ok;
using newsmon::test::rfc3339_or_empty;

TEST_CASE("JSON Feed items become entries", "[json_feed_reader]") {
  const Feed feed = parse_ok(R"({
    "version": "https://jsonfeed.org/version/1.1", "title": "JSON news", "home_page_url": "/",
    "language": "en", "authors": [{"name": "Desk"}],
    "items": [
      {"id": 42, "url": "/a/1", "title": "  First\n item ", "content_html": "<p>x</p>", "summary": "s < t",
       "date_published": "2024-05-01T10:00:00-04:00", "date_modified": "not a date", "tags": ["a", 3, "b"],
       "attachments": [{"url": "https://x.example/f.mp3", "mime_type": "audio/mpeg", "size_in_bytes": 99}],
       "image": "https://x.example/i.jpg"},
      {"id": "b", "title": 7, "content_text": "plain & simple", "author": {"name": "Old style"}},
      "not an object"
    ]})",
                             "https://json.example/feed.json");
  CHECK(feed.title == "JSON news");
  CHECK(feed.link == "https://json.example/");
  CHECK(feed.language == "en");
  REQUIRE(feed.entries.size() == 2);
  const FeedEntry& a = feed.entries[0];
  CHECK(a.id == "42");
  CHECK(a.title == "First item");
  CHECK(a.link == "https://json.example/a/1");
  CHECK(rfc3339_or_empty(a.published) == "2024-05-01T14:00:00Z");
  CHECK_FALSE(a.updated);
  CHECK(a.categories == std::vector<std::string>{"a", "b"});
  CHECK(a.authors == std::vector<std::string>{"Desk"});
  CHECK(a.summary == "s &lt; t");
  CHECK(a.content == "<p>x</p>");
  REQUIRE(a.enclosures.size() == 1);
  CHECK(a.enclosures[0].length == 99);
  CHECK(a.thumbnail == "https://x.example/i.jpg");
  const FeedEntry& b = feed.entries[1];
  CHECK(b.title.empty());
  CHECK(b.authors == std::vector<std::string>{"Old style"});
  CHECK(b.content == "plain &amp; simple");
}


TEST_CASE("JSON that is not a JSON Feed is an error naming the feed", "[json_feed_reader]") {
  const auto not_a_feed = parse_feed(R"({"version": "1.0", "items": []})", "https://json.example/feed.json");
  REQUIRE_FALSE(not_a_feed);
  CHECK(not_a_feed.error().message.find("https://json.example/feed.json") != std::string::npos);
  const auto broken = parse_feed(R"({"version": "https://jsonfeed.org/version/1", "items": [)",
                                 "https://json.example/broken.json");
  REQUIRE_FALSE(broken);
  CHECK(broken.error().message.find("https://json.example/broken.json") != std::string::npos);
}

TEST_CASE("a JSON Feed 1.0 document reads as format json1.0 or json1.1 by its version", "[json_feed_reader]") {
  const Feed old = parse_ok(R"({"version": "https://jsonfeed.org/version/1", "title": "Old", "items": []})");
  const Feed current = parse_ok(R"({"version": "https://jsonfeed.org/version/1.1", "title": "New", "items": []})");
  CHECK(old.title == "Old");
  CHECK(current.title == "New");
  CHECK(old.entries.empty());
  CHECK(old.format.starts_with("json"));
  CHECK(current.format.starts_with("json"));
}
