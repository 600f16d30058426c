// The RSS reader (rss_reader.cpp): RSS 0.9x, 2.0 and 1.0 (RDF) documents into feeds.
#include <catch2/catch.hpp>

#include <string>

#include "support/feed_parse.h"

using namespace newsmon;
using newsmon::test::parse_ok;
using newsmon::test::rfc3339_or_empty;

TEST_CASE("RSS entries carry every field real feeds use", "[rss_reader]") {
  const Feed feed = parse_ok(R"(<?xml version="1.0"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:media="http://search.yahoo.com/mrss/" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"
     xmlns:a10="http://www.w3.org/2005/Atom">
<channel>
  <title>  The &lt;b&gt;Daily&lt;/b&gt;   News </title>
  <link>https://news.example/</link>
  <language>en-gb</language>
  <ttl>45</ttl>
  <sy:updatePeriod>daily</sy:updatePeriod><sy:updateFrequency>4</sy:updateFrequency>
  <item>
    <title>Huawei &amp;nbsp;ban&nbsp;widens &eacute;</title>
    <link>  https://news.example/a/1  </link>
    <guid isPermaLink="false">item-1</guid>
    <pubDate>Tue, 10 Jun 2003 04:00:00 GMT</pubDate>
    <a10:updated>2003-06-11T08:00:00+02:00</a10:updated>
    <author>jo@news.example (Jo Doe)</author>
    <dc:creator>Ann Lee</dc:creator>
    <category>Telecom</category><category>Policy</category><dc:subject>Telecom</dc:subject>
    <description>&lt;p&gt;Summary &amp;amp; more&lt;/p&gt;</description>
    <content:encoded><![CDATA[<p>Full <b>text</b></p>]]></content:encoded>
    <enclosure url="/audio/1.mp3" type="audio/mpeg" length="12345"/>
    <media:group><media:content url="https://img.example/big.jpg" medium="image"/>
      <media:thumbnail url="https://img.example/small.jpg"/></media:group>
  </item>
  <item>
    <title>No guid</title>
    <guid>https://news.example/a/2</guid>
    <dc:date>2003-06-10T04:00:00-05:00</dc:date>
  </item>
</channel>
</rss>)");
  CHECK(feed.format == "rss2.0");
  CHECK(feed.title == "The Daily News");
  CHECK(feed.link == "https://news.example/");
  CHECK(feed.language == "en-gb");
  CHECK(feed.ttl == std::chrono::seconds{45 * 60});
  CHECK(feed.update_period == std::chrono::seconds{86400 / 4});
  REQUIRE(feed.entries.size() == 2);
  const FeedEntry& a = feed.entries[0];
  CHECK(a.id == "item-1");
  CHECK(a.title == "Huawei ban widens é");
  CHECK(a.link == "https://news.example/a/1");
  CHECK(rfc3339_or_empty(a.published) == "2003-06-10T04:00:00Z");
  CHECK(rfc3339_or_empty(a.updated) == "2003-06-11T06:00:00Z");
  CHECK(a.authors == std::vector<std::string>{"jo@news.example (Jo Doe)", "Ann Lee"});
  CHECK(a.categories == std::vector<std::string>{"Telecom", "Policy"});
  CHECK(a.summary == "<p>Summary &amp; more</p>");
  CHECK(a.content == "<p>Full <b>text</b></p>");
  REQUIRE(a.enclosures.size() == 2);
  CHECK(a.enclosures[0].url == "https://feeds.example.org/audio/1.mp3");
  CHECK(a.enclosures[0].type == "audio/mpeg");
  CHECK(a.enclosures[0].length == 12345);
  CHECK(a.enclosures[1].url == "https://img.example/big.jpg");
  CHECK(a.thumbnail == "https://img.example/small.jpg");
  const FeedEntry& b = feed.entries[1];
  CHECK(b.id == "https://news.example/a/2");
  CHECK(b.link == "https://news.example/a/2");  // a permalink guid is the link
  CHECK(rfc3339_or_empty(b.published) == "2003-06-10T09:00:00Z");
  CHECK_FALSE(b.updated);
}


TEST_CASE("an RSS 1.0 (RDF) feed reads its items outside the channel and their Dublin Core dates",
          "[rss_reader]") {
  const Feed feed = parse_ok(R"(<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://rdf.example/"><title>RDF news</title><link>https://rdf.example/</link></channel>
  <item rdf:about="https://rdf.example/1">
    <title>First</title><link>https://rdf.example/1</link>
    <dc:date>2023-01-25T18:03:02+01:00</dc:date><dc:creator>Ann</dc:creator>
  </item>
</rdf:RDF>)");
  CHECK(feed.format == "rss1.0");
  CHECK(feed.title == "RDF news");
  REQUIRE(feed.entries.size() == 1);
  CHECK(feed.entries[0].title == "First");
  CHECK(feed.entries[0].link == "https://rdf.example/1");
  CHECK(rfc3339_or_empty(feed.entries[0].published) == "2023-01-25T17:03:02Z");
  CHECK(feed.entries[0].authors == std::vector<std::string>{"Ann"});
}

TEST_CASE("an RSS guid that is not a permalink is the id but not the link", "[rss_reader]") {
  const Feed feed = parse_ok(R"(<rss version="2.0"><channel><title>T</title>
  <item><title>A</title><guid isPermaLink="false">urn:a:1</guid><link>https://a.example/1</link></item>
  <item><title>B</title><guid>https://a.example/2</guid></item>
  </channel></rss>)");
  CHECK(feed.format == "rss2.0");
  REQUIRE(feed.entries.size() == 2);
  CHECK(feed.entries[0].id == "urn:a:1");
  CHECK(feed.entries[0].link == "https://a.example/1");
  CHECK(feed.entries[1].id == "https://a.example/2");
  CHECK(feed.entries[1].link == "https://a.example/2");
}
