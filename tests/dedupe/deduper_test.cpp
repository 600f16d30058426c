// Duplicates and stories through a real temporary SQLite archive, deciding
// as the pipeline does: URL, then fingerprint, then story.

// First, alone: the deduper decides on values, and its header must not bring
// in the store's SQLite, directly or through another header.
#include "daemon/dedupe/deduper.h"
#if defined(NEWSMON_STORE_SQLITE_H) || defined(SQLITE_VERSION)
#error "daemon/dedupe/deduper.h includes SQLite"
#endif

#include <catch2/catch.hpp>

#include <optional>
#include <set>

#include "daemon/classify/classifier.h"
#include "daemon/config/config.h"
#include "daemon/dedupe/deduper.h"
#include "daemon/dedupe/simhash.h"
#include "daemon/store/store.h"
#include "daemon/dedupe/story_placer.h"
#include "daemon/dedupe/url_canonicalizer.h"
#include "support/temp_dir.h"

using namespace newsmon;

namespace {

struct Filed {
  std::int64_t id = 0;
  std::optional<std::int64_t> duplicate_of;
  std::int64_t story = 0;
};

class Archive {
 public:
  // With `one_placer`, one StoryPlacer files every item, remembering the
  // candidates it read, as in a poll; otherwise each item has a fresh one.
  explicit Archive(bool one_placer = false)
      : config_(load_config(std::string(NEWSMON_SOURCE_DIR) + "/feeds.toml")),
        classifier_(config_.topics, config_.gazetteer),
        store_(Store::open(dir_ / "archive.db").value()) {
    if (one_placer) placer_.emplace(store_);
  }

  // Files an article the way the pipeline does and reports what became of it.
  Filed file(const std::string& outlet, const std::string& url, const std::string& title,
             const std::string& body, Instant published) {
    Item item;
    item.url = url;
    item.canonical_url = canonicalize_url(url);
    item.outlet = outlet;
    item.title = title;
    item.body = body;
    item.published = published;
    item.fetched = published;
    const Classification c = classifier_.classify(title, body);
    item.relevant = c.relevant;
    item.score = c.score;
    item.tags = c.tags;
    item.topics = c.relevant_topics();
    item.simhash = simhash(body.empty() ? title : body);  // as the pipeline does
    if (placer_) placer_->place(item, published).value();
    else StoryPlacer(store_).place(item, published);
    const std::int64_t id = store_.insert_item(item).value();
    return {id, item.duplicate_of, story_of(id)};
  }

  Filed file_fixture(const std::string& outlet, const std::string& name, Instant published) {
    const std::string text = test::read_file(test::fixture("fixtures/stories/" + name));
    const auto newline = text.find('\n');
    return file(outlet, "https://" + outlet + ".test/" + name, text.substr(0, newline),
                text.substr(newline + 1), published);
  }

  std::int64_t story_of(std::int64_t id) {
    const auto story = store_.story_of(id).value();
    REQUIRE(story);
    return *story;
  }

  Store& store() { return store_; }

 private:
  test::TempDir dir_;
  Config config_;
  Classifier classifier_;
  Store store_;
  std::optional<StoryPlacer> placer_;
};

const Instant kDay = instant_from_unix(1603152000);  // 2020-10-20

}  // namespace

TEST_CASE("the same wire story at three outlets with their own headlines and boilerplate is one story",
          "[deduper]") {
  Archive archive;
  const Filed reuters = archive.file_fixture("reuters", "wire-sweden-reuters.txt", kDay);
  const Filed aggregator =
      archive.file_fixture("aggregator", "wire-sweden-aggregator.txt", kDay + std::chrono::hours(2));
  const Filed paper =
      archive.file_fixture("paper", "wire-sweden-newspaper.txt", kDay + std::chrono::hours(20));
  CHECK(aggregator.story == reuters.story);
  CHECK(paper.story == reuters.story);
}

TEST_CASE("two different Huawei stories of the same day stay apart", "[deduper]") {
  Archive archive;
  const Instant day = instant_from_unix(1594684800);  // 2020-07-14
  const Filed ban = archive.file_fixture("guardian", "huawei-uk-ban-2020-07-14.txt", day);
  const Filed visa =
      archive.file_fixture("nyt", "huawei-us-visa-2020-07-14.txt", day + std::chrono::hours(3));
  CHECK_FALSE(visa.duplicate_of);
  CHECK(visa.story != ban.story);
}

TEST_CASE("the seed page groups with a Guardian report of the same Esper-Wallace talks",
          "[deduper]") {
  Archive archive;
  const Instant day = instant_from_unix(1580947200);  // 2020-02-06
  const Filed guardian = archive.file_fixture("guardian", "guardian-esper-wallace.txt", day);
  const std::string seed = test::read_file(test::fixture("fixtures/stories/seed-huawei-5g/expected.txt"));
  const Filed aggregator = archive.file("cybersecurityintelligence",
                                        "https://www.cybersecurityintelligence.com/blog/4854.html",
                                        "The US & Britain Edge Closer To An Agreement On Huawei", seed,
                                        day + std::chrono::hours(30));
  CHECK_FALSE(aggregator.duplicate_of);
  CHECK(aggregator.story == guardian.story);
}

TEST_CASE("a wire copy republished under a headline of its own is a duplicate", "[deduper]") {
  Archive archive;
  const std::string text = test::read_file(test::fixture("fixtures/stories/wire-sweden-reuters.txt"));
  const std::string body = text.substr(text.find('\n') + 1);
  const Filed first = archive.file("reuters", "https://reuters.test/a", text.substr(0, text.find('\n')),
                                   body, kDay);
  const Filed copy = archive.file("portal", "https://portal.test/b",
                                  "Stockholm shuts Chinese suppliers out of its next mobile networks",
                                  body, kDay + std::chrono::hours(3));
  CHECK(copy.duplicate_of == first.id);
  CHECK(copy.story == first.story);
}

TEST_CASE("a republished copy is stored as a duplicate of the first and keeps its outlet and URL",
          "[deduper]") {
  Archive archive;
  const std::string text = test::read_file(test::fixture("fixtures/stories/wire-sweden-reuters.txt"));
  const auto newline = text.find('\n');
  const std::string title = text.substr(0, newline), body = text.substr(newline + 1);
  const Filed first = archive.file("reuters", "https://reuters.test/a", title, body, kDay);
  const Filed copy = archive.file("syndicate", "https://syndicate.test/b?utm_source=rss", title,
                                  body + "\nCopyright Reuters.", kDay + std::chrono::hours(1));
  REQUIRE(copy.duplicate_of);
  CHECK(*copy.duplicate_of == first.id);
  CHECK(copy.story == first.story);
  SqliteStatement q(archive.store().db(), "SELECT outlet, url, canonical_url FROM items WHERE id = ?");
  q.bind(1, copy.id);
  REQUIRE(q.step());
  CHECK(q.column_text(0) == "syndicate");
  CHECK(q.column_text(1) == "https://syndicate.test/b?utm_source=rss");
  CHECK(q.column_text(2) == "https://syndicate.test/b");
}

TEST_CASE("stories more than four days apart are not grouped", "[deduper]") {
  Archive archive;
  const Filed first = archive.file_fixture("reuters", "wire-sweden-reuters.txt", kDay);
  const Filed late = archive.file_fixture("paper", "wire-sweden-newspaper.txt", kDay + std::chrono::days(6));
  CHECK(late.story != first.story);
}

TEST_CASE("one outlet's two reports of an event are one story only when they are near copies",
          "[deduper]") {
  StoryCandidate a{1, 10, "guardian", "Sweden bans Huawei from 5G", "Sweden's regulator barred Huawei and ZTE.", {"huawei", "sweden"}, kDay};
  StoryCandidate b{0, 0, "guardian", "Huawei appeal fails in Sweden", "A court in Stockholm rejected Huawei's appeal against the regulator.", {"huawei", "sweden"}, kDay};
  CHECK_FALSE(match_story(b, {a}));
  StoryCandidate c = a;
  c.item_id = 0;
  c.story_id = 0;
  CHECK(match_story(c, {a}) == 10);
}

TEST_CASE("items that both have tags but share none are never one story", "[deduper]") {
  StoryCandidate a{1, 10, "x", "Sweden bans Huawei from 5G", "Sweden's regulator barred Huawei.", {"huawei"}, kDay};
  StoryCandidate b{0, 0, "y", "Sweden bans Huawei from 5G", "Sweden's regulator barred Huawei.", {"zte"}, kDay};
  CHECK_FALSE(match_story(b, {a}));
}

TEST_CASE("the development set's different events filed in the same four days stay apart",
          "[deduper]") {
  // The development set: many Huawei, ZTE and 5G stories that share most of
  // their vocabulary but each tell a different event.
  std::vector<StoryCandidate> pool;
  for (int i = 1; i <= 121; ++i) {
    char name[40];
    std::snprintf(name, sizeof name, "fixtures/relevance/%03d.txt", i);
    const std::string text = test::read_file(test::fixture(name));
    const auto newline = text.find('\n');
    StoryCandidate item{i, i, "outlet" + std::to_string(i % 3), text.substr(0, newline),
                        text.substr(newline + 1, 600), {}, kDay + std::chrono::minutes(30 * i)};
    const auto story = match_story(item, pool);
    INFO(name);
    CHECK_FALSE(story);
    pool.push_back(std::move(item));
  }
}

TEST_CASE("a placer that remembers its candidates files a poll's items as fresh lookups do", "[deduper]") {
  Archive remembering(/*one_placer=*/true), fresh;
  std::vector<std::pair<std::string, std::string>> texts;  // (title, body)
  for (const char* name : {"wire-sweden-reuters.txt", "wire-sweden-aggregator.txt", "wire-sweden-newspaper.txt",
                           "guardian-esper-wallace.txt", "huawei-uk-ban-2020-07-14.txt",
                           "huawei-us-visa-2020-07-14.txt"}) {
    const std::string text = test::read_file(test::fixture(std::string("fixtures/stories/") + name));
    texts.emplace_back(text.substr(0, text.find('\n')), text.substr(text.find('\n') + 1));
  }
  for (int i = 1; i <= 60; ++i) {
    char name[40];
    std::snprintf(name, sizeof name, "fixtures/relevance/%03d.txt", i);
    const std::string text = test::read_file(test::fixture(name));
    texts.emplace_back(text.substr(0, text.find('\n')), text.substr(text.find('\n') + 1));
  }
  std::set<std::int64_t> stories;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    const std::string outlet = "outlet" + std::to_string(i % 3);
    const std::string url = "https://" + outlet + ".test/" + std::to_string(i);
    const Instant published = kDay + std::chrono::minutes(20 * static_cast<int>(i));
    const Filed a = remembering.file(outlet, url, texts[i].first, texts[i].second, published);
    const Filed b = fresh.file(outlet, url, texts[i].first, texts[i].second, published);
    INFO(texts[i].first);
    CHECK(a.id == b.id);
    CHECK(a.duplicate_of == b.duplicate_of);
    CHECK(a.story == b.story);
    stories.insert(a.story);
  }
  CHECK(stories.size() < texts.size());  // some items did join a story
}
