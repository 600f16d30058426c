#include "extractors/metadata_extractor.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "extractors/article_extractor.h"
#include "support/temp_dir.h"

using namespace newsmon;
using newsmon::test::fixture;
using newsmon::test::read_file;

TEST_CASE("JSON-LD gives the title, authors, dates, publisher and image", "[metadata_extractor]") {
  const Article a = extract_article(
      "<html lang=en-GB><head><title>Ignored | Site</title><script type=\"application/ld+json\">"
      "{\"@context\":\"https://schema.org\",\"@graph\":[{\"@type\":\"WebPage\",\"name\":\"Page\"},"
      "{\"@type\":\"NewsArticle\",\"headline\":\"UK caps Huawei at 35%\",\"author\":[{\"@type\":\"Person\","
      "\"name\":\"Jane Doe\"},{\"name\":\"John Roe\"}],\"datePublished\":\"2020-01-28T10:00:00+01:00\","
      "\"dateModified\":\"2020-01-29T08:30:00Z\",\"publisher\":{\"name\":\"The Paper\"},"
      "\"image\":{\"url\":\"/img/lead.jpg\"}}]}</script></head><body></body></html>",
      "https://news.example.org/2020/story.html");
  CHECK(a.title == "UK caps Huawei at 35%");
  CHECK(a.authors == std::vector<std::string>{"Jane Doe", "John Roe"});
  REQUIRE(a.published);
  CHECK(to_rfc3339(*a.published) == "2020-01-28T09:00:00Z");
  REQUIRE(a.modified);
  CHECK(to_rfc3339(*a.modified) == "2020-01-29T08:30:00Z");
  CHECK(a.site_name == "The Paper");
  CHECK(a.image == "https://news.example.org/img/lead.jpg");
  CHECK(a.language == "en-GB");
}

TEST_CASE("OpenGraph and article meta fill what JSON-LD lacks, and <base> resolves links", "[metadata_extractor]") {
  const Article a = extract_article(
      "<head><base href=\"https://cdn.example.com/news/\"><meta property=\"og:title\" content=\"Vendor review "
      "&amp; the cap\"><meta property=\"og:site_name\" content=\"Example News\"><meta property=\"article:published_time\" "
      "content=\"2021-03-04T05:06:07Z\"><meta name=\"author\" content=\"By Sam Poe\"><meta name=\"description\" "
      "content=\"What the review found.\"><meta property=\"og:image\" content=\"pics/a.png\"><link rel=canonical "
      "href=\"../story?id=1\"><meta property=\"og:locale\" content=\"fr_FR\"></head><body></body>",
      "https://example.com/x");
  CHECK(a.title == "Vendor review & the cap");
  CHECK(a.site_name == "Example News");
  REQUIRE(a.published);
  CHECK(to_rfc3339(*a.published) == "2021-03-04T05:06:07Z");
  CHECK(a.authors == std::vector<std::string>{"Sam Poe"});
  CHECK(a.description == "What the review found.");
  CHECK(a.image == "https://cdn.example.com/news/pics/a.png");
  CHECK(a.canonical_url == "https://cdn.example.com/story?id=1");
  CHECK(a.language == "fr-FR");
}

TEST_CASE("the <title> loses its site suffix, and <time> dates the page", "[metadata_extractor]") {
  const Article a = extract_article(
      "<head><title>Britain sets a cap on high-risk vendors | The Example</title></head>"
      "<body><time datetime=\"2019-12-01\">1 Dec</time></body>",
      "");
  CHECK(a.title == "Britain sets a cap on high-risk vendors");
  REQUIRE(a.published);
  CHECK(to_rfc3339(*a.published) == "2019-12-01T00:00:00Z");
  CHECK(strip_site_suffix("Short - Site", "") == "Short - Site");
  CHECK(strip_site_suffix("New Zealand - Wikipedia", "") == "New Zealand");
  CHECK(strip_site_suffix("The Site: A long headline here", "The Site") == "A long headline here");
}

TEST_CASE("the titles of most corpus pages match the reference titles", "[metadata_extractor]") {
  int compared = 0, same = 0;
  for (const auto& entry : std::filesystem::directory_iterator(fixture("fixtures/pages"))) {
    if (!entry.is_directory()) continue;
    const auto meta = nlohmann::json::parse(read_file(entry.path() / "expected-metadata.json"));
    if (!meta.contains("title") || !meta["title"].is_string()) continue;
    const Article a = extract_article(read_file(entry.path() / "source.html"), "");
    std::string want;
    for (char c : meta["title"].get<std::string>()) {
      if (std::isspace(static_cast<unsigned char>(c))) {
        if (!want.empty() && want.back() != ' ') want.push_back(' ');
      } else {
        want.push_back(c);
      }
    }
    while (!want.empty() && want.back() == ' ') want.pop_back();
    ++compared;
    // The references keep site suffixes ("... | eHow"); we drop them on purpose.
    if (a.title == want || (want.starts_with(a.title) && a.title.size() * 2 > want.size())) ++same;
  }
  INFO(same << " of " << compared);
  CHECK(compared > 100);
  CHECK(double(same) / double(compared) >= 0.9);
}
