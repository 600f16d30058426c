#include <catch2/catch.hpp>

#include "daemon/store/archive_query.h"
#include "daemon/store/store.h"
#include "support/store_samples.h"
#include "support/temp_dir.h"

using namespace newsmon;

using test::full_text;
using test::pragma;
using test::sample_feed;
using test::sample_item;

TEST_CASE("a feed's state round-trips through the archive", "[store]") {
  test::TempDir dir;
  Store store = Store::open(dir / "a.db").value();
  FeedState fresh = store.feed_state("https://example.org/feed.xml", "Example").value();
  CHECK(fresh.fetch_url == "https://example.org/feed.xml");
  CHECK_FALSE(fresh.last_success);
  fresh.etag = "\"abc\"";
  fresh.last_modified = "Sun, 01 Dec 2019 10:00:00 GMT";
  fresh.last_success = instant_from_unix(1000);
  fresh.next_poll = instant_from_unix(2000);
  fresh.consecutive_failures = 2;
  fresh.ttl_seconds = 3600;
  store.save_feed_state(fresh).value();
  const FeedState back = store.feed_state("https://example.org/feed.xml", "Example").value();
  CHECK(back.etag == "\"abc\"");
  CHECK(back.last_modified == "Sun, 01 Dec 2019 10:00:00 GMT");
  CHECK(back.last_success == instant_from_unix(1000));
  CHECK(back.next_poll == instant_from_unix(2000));
  CHECK(back.consecutive_failures == 2);
  CHECK(back.ttl_seconds == 3600);
  CHECK(store.all_feed_states().value().size() == 1);
}

TEST_CASE("a stored item is found by entry, by URL, by query and by full-text search", "[store]") {
  test::TempDir dir;
  Store store = Store::open(dir / "a.db").value();
  sample_feed(store);
  const auto id = store.insert_item(sample_item("https://example.org/1", "Huawei cap")).value();
  CHECK(store.has_entry("https://example.org/feed.xml", "https://example.org/1").value());
  CHECK_FALSE(store.has_entry("https://example.org/feed.xml", "other").value());
  CHECK(store.item_id_for_url("https://example.org/1").value() == id);
  CHECK(store.items_stored_for_feed("https://example.org/feed.xml").value() == 1);

  const auto items = query_items(store, ItemQuery{}).value();
  REQUIRE(items.size() == 1);
  CHECK(items[0].title == "Huawei cap");
  CHECK(items[0].authors == std::vector<std::string>{"Ann Author"});
  CHECK(items[0].tags == std::vector<std::string>{"huawei", "uk"});
  CHECK(items[0].topics == std::vector<std::string>{"telecom vendor policy"});
  CHECK(items[0].story_id.has_value());

  SqliteStatement fts(store.db(), "SELECT rowid FROM items_fts WHERE items_fts MATCH 'second'");
  REQUIRE(fts.step());
  CHECK(fts.column_int(0) == id);
}

TEST_CASE("the same canonical URL is never stored twice", "[store]") {
  test::TempDir dir;
  Store store = Store::open(dir / "a.db").value();
  sample_feed(store);
  store.insert_item(sample_item("https://example.org/1", "One")).value();
  const auto again = store.insert_item(sample_item("https://example.org/1", "Again"));
  REQUIRE_FALSE(again);
  CHECK(again.error().kind == ErrorKind::storage);
  CHECK_THAT(again.error().message, Catch::Contains("a.db: UNIQUE constraint failed: items.canonical_url"));
}

TEST_CASE("a transaction that is not committed leaves nothing behind", "[store]") {
  test::TempDir dir;
  Store store = Store::open(dir / "a.db").value();
  {
    Transaction transaction(store.db());
    sample_feed(store);
    store.insert_item(sample_item("https://example.org/1", "One")).value();
  }
  CHECK(store.item_count().value() == 0);
  CHECK(store.all_feed_states().value().empty());
}

TEST_CASE("items of a write batch are searchable once it commits, and not at all when it rolls back",
          "[store]") {
  test::TempDir dir;
  Store store = Store::open(dir / "a.db").value();
  sample_feed(store);
  {
    auto batch = store.begin_batch().value();
    store.insert_item(sample_item("https://example.org/lost", "Forgotten")).value();
  }
  CHECK(store.item_count().value() == 0);
  CHECK(full_text(store, "forgotten").empty());

  auto batch = store.begin_batch().value();
  const auto first = store.insert_item(sample_item("https://example.org/1", "Alpha")).value();
  const auto second = store.insert_item(sample_item("https://example.org/2", "Bravo")).value();
  batch.commit().value();
  CHECK(full_text(store, "alpha") == std::vector<std::int64_t>{first});
  CHECK(full_text(store, "paragraph") == std::vector<std::int64_t>{first, second});
  // After the batch, an item is indexed as it is inserted.
  const auto third = store.insert_item(sample_item("https://example.org/3", "Charlie")).value();
  CHECK(full_text(store, "charlie") == std::vector<std::int64_t>{third});
}

TEST_CASE("story candidates are the window's originals sharing the most keys, most recent postings first",
          "[store]") {
  test::TempDir dir;
  Store store = Store::open(dir / "a.db").value();
  sample_feed(store);
  const Instant day = instant_from_unix(1764000000);
  int n = 0;
  const auto add = [&](std::vector<std::uint64_t> keys, Instant published, bool duplicate = false) {
    auto item = sample_item("https://example.org/" + std::to_string(++n), "Item");
    item.published = published;
    item.story_keys = std::move(keys);
    if (duplicate) item.duplicate_of = 1;
    return store.insert_item(item).value();
  };
  const auto three = add({1, 2, 3}, day);
  const auto two = add({1, 2}, day - std::chrono::hours(30));
  const auto one = add({3}, day + std::chrono::hours(30));
  add({1, 2, 3}, day - std::chrono::hours(24 * 9));  // outside the window
  add({1, 2, 3}, day + std::chrono::hours(24 * 9));  // outside on the other side
  add({1, 2, 3}, day, /*duplicate=*/true);           // duplicates have no keys
  const auto window_start = day - std::chrono::hours(24 * 4), window_end = day + std::chrono::hours(24 * 4);
  CHECK(store.story_candidate_ids(window_start, window_end, {1, 2, 3}).value() ==
        std::vector<std::int64_t>{three, two, one});
  CHECK(store.story_candidate_ids(window_start, window_end, {1, 2, 3}, 2).value() == std::vector<std::int64_t>{three, two});
  CHECK(store.story_candidate_ids(window_start, window_end, {42}).value().empty());

  const auto candidate = store.story_candidate(three).value();
  REQUIRE(candidate);
  CHECK(candidate->title == "Item");
  CHECK(candidate->lead.starts_with("First paragraph about Item."));
  CHECK(candidate->tags == std::vector<std::string>{"huawei", "uk"});
  CHECK(candidate->published == day);
  CHECK_FALSE(store.story_candidate(9999).value());
}

TEST_CASE("a key that every item of the window has reads only its most recent postings", "[store]") {
  test::TempDir dir;
  Store store = Store::open(dir / "a.db").value();
  sample_feed(store);
  const Instant day = instant_from_unix(1764000000);
  auto batch = store.begin_batch().value();
  const int common_items = Store::kStoryPostingsPerKey + 20;
  std::vector<std::int64_t> ids;
  for (int i = 0; i < common_items; ++i) {
    auto item = sample_item("https://example.org/" + std::to_string(i), "Item");
    item.published = day + std::chrono::minutes(i);
    item.story_keys = {7};
    ids.push_back(store.insert_item(item).value());
  }
  batch.commit().value();
  const auto found = store.story_candidate_ids(day - std::chrono::hours(96), day + std::chrono::hours(96),
                                               {7}, 1000).value();
  REQUIRE(found.size() == static_cast<std::size_t>(Store::kStoryPostingsPerKey));
  CHECK(found.front() == ids[20]);  // the 20 oldest are past the cap; equal counts: oldest first
  CHECK(found.back() == ids.back());
}

TEST_CASE("items within three bits of a fingerprint are among its candidates", "[store]") {
  test::TempDir dir;
  Store store = Store::open(dir / "a.db").value();
  sample_feed(store);
  auto near = sample_item("https://example.org/1", "One");
  near.simhash = 0xffff'0000'ffff'0000ULL;
  auto far = sample_item("https://example.org/2", "Two");
  far.simhash = 0x0000'ffff'0000'ffffULL;
  const auto near_id = store.insert_item(near).value();
  store.insert_item(far).value();
  // Three bits flipped, one in each of three bands: the fourth band still matches.
  const auto candidates = store.near_duplicate_candidates(0xfffe'0001'fffe'0000ULL).value();
  REQUIRE(candidates.size() == 1);
  CHECK(candidates[0].item_id == near_id);
}

TEST_CASE("a reader sees committed items while the writer holds the archive open", "[store]") {
  test::TempDir dir;
  Store writer = Store::open(dir / "a.db").value();
  sample_feed(writer);
  writer.insert_item(sample_item("https://example.org/1", "One")).value();
  Transaction open_write(writer.db());
  writer.insert_item(sample_item("https://example.org/2", "Two")).value();
  Store reader = Store::open(dir / "a.db", Store::Access::read_only).value();
  CHECK(reader.item_count().value() == 1);  // the uncommitted item is not visible
}

TEST_CASE("a read-only open of a missing archive fails with the path in the message", "[store]") {
  test::TempDir dir;
  const auto opened = Store::open(dir / "none.db", Store::Access::read_only);
  REQUIRE_FALSE(opened);
  CHECK(opened.error().kind == ErrorKind::storage);
  CHECK(opened.error().message == (dir / "none.db").string() + ": unable to open database file");
}
