// The archive's schema and its migrations (store_schema.cpp): a new archive
// gets the current schema; an archive of every older version is migrated
// and keeps its data; a newer one is refused.
#include <catch2/catch.hpp>

#include "support/store_samples.h"
#include "support/temp_dir.h"

using namespace newsmon;
using test::full_text;
using test::pragma;
using test::sample_feed;
using test::sample_item;

namespace {

// An archive at `path` with one feed and one item, taken back to an older
// schema by `downgrade` (SQL that ends by setting user_version); the item's id.
std::int64_t old_archive(const std::filesystem::path& path, const std::string& downgrade) {
  Store store = Store::open(path).value();
  sample_feed(store);
  const std::int64_t id = store.insert_item(sample_item("https://example.org/old", "Oldest")).value();
  store.db().exec(downgrade);
  return id;
}

}  // namespace

TEST_CASE("a new archive is created in WAL mode with foreign keys on and the current schema", "[store_schema]") {
  test::TempDir dir;
  Store store = Store::open(dir / "sub" / "newsmon.db").value();
  CHECK(pragma(store, "journal_mode") == "wal");
  CHECK(pragma(store, "foreign_keys") == "1");
  CHECK(pragma(store, "user_version") == std::to_string(Store::kSchemaVersion));
}

TEST_CASE("opening an archive twice migrates nothing and keeps its items", "[store_schema]") {
  test::TempDir dir;
  {
    Store store = Store::open(dir / "a.db").value();
    sample_feed(store);
    store.insert_item(sample_item("https://example.org/1", "One")).value();
  }
  Store again = Store::open(dir / "a.db").value();
  CHECK(again.item_count().value() == 1);
}

TEST_CASE("an archive from a newer newsmon is refused with a clear message", "[store_schema]") {
  test::TempDir dir;
  { Store::open(dir / "a.db").value().db().exec("PRAGMA user_version = 99"); }
  const auto opened = Store::open(dir / "a.db");
  REQUIRE_FALSE(opened);
  CHECK(opened.error().kind == ErrorKind::storage);
  CHECK_THAT(opened.error().message, Catch::Contains("a.db: the archive has schema version 99, newer than this newsmon"));
}

TEST_CASE("a schema 2 archive, indexed by trigger, moves to indexing by batch and keeps its index",
          "[store_schema]") {
  test::TempDir dir;
  // Back to schema 2 as it was: its trigger indexed every inserted item.
  const std::int64_t old_id =
      old_archive(dir / "a.db", "CREATE TRIGGER items_fts_insert AFTER INSERT ON items BEGIN"
                                " INSERT INTO items_fts(rowid, title, body) VALUES (new.id, new.title, new.body); END;"
                                " PRAGMA user_version = 2");
  Store store = Store::open(dir / "a.db").value();
  CHECK(pragma(store, "user_version") == "3");
  auto batch = store.begin_batch().value();
  const auto new_id = store.insert_item(sample_item("https://example.org/new", "Newest")).value();
  batch.commit().value();
  CHECK(full_text(store, "oldest") == std::vector<std::int64_t>{old_id});
  CHECK(full_text(store, "newest") == std::vector<std::int64_t>{new_id});  // indexed once, not twice
  SqliteStatement integrity(store.db(), "INSERT INTO items_fts(items_fts, rank) VALUES ('integrity-check', 1)");
  CHECK_NOTHROW(integrity.run());
}

TEST_CASE("a schema 1 archive moves to the current schema and keeps its feeds, items and search",
          "[store_schema]") {
  test::TempDir dir;
  // Back to schema 1 as it was: no story index, band indexes without the
  // fingerprint, and the trigger that indexed every inserted item.
  const std::int64_t old_id = old_archive(
      dir / "a.db",
      "DROP TABLE story_words;"
      " DROP INDEX items_band0; DROP INDEX items_band1; DROP INDEX items_band2; DROP INDEX items_band3;"
      " CREATE INDEX items_band0 ON items(band0); CREATE INDEX items_band1 ON items(band1);"
      " CREATE INDEX items_band2 ON items(band2); CREATE INDEX items_band3 ON items(band3);"
      " CREATE TRIGGER items_fts_insert AFTER INSERT ON items BEGIN"
      " INSERT INTO items_fts(rowid, title, body) VALUES (new.id, new.title, new.body); END;"
      " PRAGMA user_version = 1");
  Store store = Store::open(dir / "a.db").value();
  CHECK(pragma(store, "user_version") == std::to_string(Store::kSchemaVersion));
  CHECK(store.item_count().value() == 1);
  CHECK(store.feed_state("https://example.org/feed.xml", "Example").value().etag == "\"v1\"");
  CHECK(full_text(store, "oldest") == std::vector<std::int64_t>{old_id});
  SqliteStatement story_words(store.db(), "SELECT count(*) FROM story_words");
  REQUIRE(story_words.step());
  CHECK(story_words.column_int(0) == 0);  // items stored before the index are not in it
  auto batch = store.begin_batch().value();
  const auto new_id = store.insert_item(sample_item("https://example.org/new", "Newest")).value();
  batch.commit().value();
  CHECK(full_text(store, "newest") == std::vector<std::int64_t>{new_id});
}
