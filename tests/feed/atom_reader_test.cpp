// The Atom reader (atom_reader.cpp): Atom 1.0 and 0.3 documents into feeds.
#include <catch2/catch.hpp>

#include <string>

#include "support/feed_parse.h"

using namespace newsmon;
using newsmon::test::parse_ok;
using newsmon::test::rfc3339_or_empty;

TEST_CASE("Atom text constructs are read by their type", "[atom_reader]") {
  const Feed feed = parse_ok(R"(<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">
  <title type="html">Alerts &lt;b&gt;Huawei&lt;/b&gt; &amp;amp; ZTE</title>
  <author><name>Desk</name></author>
  <entry>
    <id>tag:x,2024:1</id>
    <title type="text">1 &lt; 2 &amp; &lt;b&gt; stays</title>
    <published>2024-05-01T10:00:00+02:00</published><updated>2024-05-02T00:00:00Z</updated>
    <category term="5g" label="5G"/>
    <summary type="text">a &lt; b</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hello <b>world</b></p></div></content>
  </entry>
  <entry>
    <id>tag:x,2024:2</id><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">An <i>xhtml</i> title</div></title>
    <author><name>Ann</name></author>
    <content type="html">&lt;p&gt;escaped&lt;/p&gt;</content>
  </entry>
</feed>)");
  CHECK(feed.title == "Alerts Huawei & ZTE");
  CHECK(feed.language == "de");
  REQUIRE(feed.entries.size() == 2);
  const FeedEntry& a = feed.entries[0];
  CHECK(a.title == "1 < 2 & <b> stays");
  CHECK(rfc3339_or_empty(a.published) == "2024-05-01T08:00:00Z");
  CHECK(rfc3339_or_empty(a.updated) == "2024-05-02T00:00:00Z");
  CHECK(a.categories == std::vector<std::string>{"5g"});
  CHECK(a.authors == std::vector<std::string>{"Desk"});  // inherited from the feed
  CHECK(a.summary == "a &lt; b");
  CHECK(a.content == "<p>Hello <b>world</b></p>");
  const FeedEntry& b = feed.entries[1];
  CHECK(b.title == "An xhtml title");
  CHECK(b.authors == std::vector<std::string>{"Ann"});
  CHECK(b.content == "<p>escaped</p>");
  CHECK(b.link.empty());
}


TEST_CASE("an Atom 0.3 feed reads its issued and modified dates", "[atom_reader]") {
  const Feed feed = parse_ok(R"(<?xml version="1.0"?>
<feed version="0.3" xmlns="http://purl.org/atom/ns#">
  <title>Old Atom</title>
  <link rel="alternate" type="text/html" href="https://old.example/"/>
  <entry>
    <title>Entry one</title>
    <link rel="alternate" type="text/html" href="https://old.example/1"/>
    <id>tag:old.example,2005:1</id>
    <issued>2005-07-31T12:29:29Z</issued>
    <modified>2005-08-01T00:00:00Z</modified>
  </entry>
</feed>)");
  CHECK(feed.format == "atom0.3");
  CHECK(feed.title == "Old Atom");
  CHECK(feed.link == "https://old.example/");
  REQUIRE(feed.entries.size() == 1);
  CHECK(feed.entries[0].link == "https://old.example/1");
  CHECK(feed.entries[0].id == "tag:old.example,2005:1");
  CHECK(rfc3339_or_empty(feed.entries[0].published) == "2005-07-31T12:29:29Z");
  CHECK(rfc3339_or_empty(feed.entries[0].updated) == "2005-08-01T00:00:00Z");
}

TEST_CASE("an Atom entry's alternate link wins over its other links", "[atom_reader]") {
  const Feed feed = parse_ok(R"(<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
  <entry><title>E</title><id>e</id>
    <link rel="enclosure" href="https://a.example/e.mp3" type="audio/mpeg" length="10"/>
    <link rel="alternate" href="https://a.example/e"/>
    <link rel="replies" href="https://a.example/e#comments"/>
  </entry></feed>)");
  CHECK(feed.format == "atom1.0");
  REQUIRE(feed.entries.size() == 1);
  CHECK(feed.entries[0].link == "https://a.example/e");
  REQUIRE(feed.entries[0].enclosures.size() == 1);
  CHECK(feed.entries[0].enclosures[0].url == "https://a.example/e.mp3");
}
