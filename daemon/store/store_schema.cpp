// The archive's schema and its forward migrations, in one place. Each entry of
// kMigrations moves the schema from version i to i+1; user_version records
// where a file stands. Never edit a released migration: add the next one.
#include <array>

#include "daemon/store/sqlite.h"
#include "daemon/store/store.h"

namespace newsmon {

namespace {

constexpr std::array<const char*, Store::kSchemaVersion> kMigrations = {
    // 0 -> 1: the first schema.
    R"sql(
CREATE TABLE feeds (
  id INTEGER PRIMARY KEY,
  url TEXT NOT NULL UNIQUE,
  outlet TEXT NOT NULL,
  fetch_url TEXT NOT NULL,
  title TEXT NOT NULL DEFAULT '',
  etag TEXT NOT NULL DEFAULT '',
  last_modified TEXT NOT NULL DEFAULT '',
  last_attempt INTEGER,
  last_success INTEGER,
  next_poll INTEGER,
  last_error TEXT NOT NULL DEFAULT '',
  last_status INTEGER NOT NULL DEFAULT 0,
  consecutive_failures INTEGER NOT NULL DEFAULT 0,
  redirect_target TEXT NOT NULL DEFAULT '',
  redirect_count INTEGER NOT NULL DEFAULT 0,
  gone_count INTEGER NOT NULL DEFAULT 0,
  retired INTEGER NOT NULL DEFAULT 0,
  ttl_seconds INTEGER
);

CREATE TABLE stories (
  id INTEGER PRIMARY KEY,
  first_seen INTEGER NOT NULL
);

CREATE TABLE items (
  id INTEGER PRIMARY KEY,
  canonical_url TEXT NOT NULL UNIQUE,
  url TEXT NOT NULL,
  feed_id INTEGER REFERENCES feeds(id),
  entry_id TEXT NOT NULL DEFAULT '',
  outlet TEXT NOT NULL,
  title TEXT NOT NULL,
  authors TEXT NOT NULL DEFAULT '[]',          -- JSON array
  published INTEGER,                            -- unix seconds, UTC
  fetched INTEGER NOT NULL,
  body TEXT NOT NULL,
  body_source TEXT NOT NULL,                    -- page, feed-content, feed-summary
  summary TEXT NOT NULL DEFAULT '',
  language TEXT NOT NULL DEFAULT '',
  site_name TEXT NOT NULL DEFAULT '',
  image TEXT NOT NULL DEFAULT '',
  credited_outlets TEXT NOT NULL DEFAULT '[]',  -- JSON array
  fetch_error TEXT NOT NULL DEFAULT '',
  robots_disallowed INTEGER NOT NULL DEFAULT 0,
  score REAL NOT NULL DEFAULT 0,
  relevant INTEGER NOT NULL DEFAULT 0,
  simhash INTEGER NOT NULL DEFAULT 0,
  band0 INTEGER NOT NULL DEFAULT 0,             -- simhash split in four 16-bit bands
  band1 INTEGER NOT NULL DEFAULT 0,
  band2 INTEGER NOT NULL DEFAULT 0,
  band3 INTEGER NOT NULL DEFAULT 0,
  duplicate_of INTEGER REFERENCES items(id),
  story_id INTEGER REFERENCES stories(id)
);
CREATE INDEX items_published ON items(coalesce(published, fetched));
CREATE INDEX items_fetched ON items(fetched);
CREATE INDEX items_story ON items(story_id);
CREATE INDEX items_duplicate_of ON items(duplicate_of);
CREATE INDEX items_band0 ON items(band0);
CREATE INDEX items_band1 ON items(band1);
CREATE INDEX items_band2 ON items(band2);
CREATE INDEX items_band3 ON items(band3);

-- Every feed entry ever seen, and the item it became: no entry is fetched twice.
CREATE TABLE entries (
  feed_id INTEGER NOT NULL REFERENCES feeds(id),
  entry_id TEXT NOT NULL,
  item_id INTEGER NOT NULL REFERENCES items(id),
  PRIMARY KEY (feed_id, entry_id)
) WITHOUT ROWID;

CREATE TABLE item_tags (
  item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  tag TEXT NOT NULL,
  PRIMARY KEY (item_id, tag)
) WITHOUT ROWID;
CREATE INDEX item_tags_tag ON item_tags(tag);

CREATE TABLE item_topics (
  item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  topic TEXT NOT NULL,
  PRIMARY KEY (item_id, topic)
) WITHOUT ROWID;
CREATE INDEX item_topics_topic ON item_topics(topic);

CREATE TABLE robots (
  host TEXT PRIMARY KEY,
  body TEXT NOT NULL,
  fetched INTEGER NOT NULL
);

-- Full-text index over title and body, kept in step by triggers.
CREATE VIRTUAL TABLE items_fts USING fts5(
  title, body, content='items', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER items_fts_insert AFTER INSERT ON items BEGIN
  INSERT INTO items_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER items_fts_delete AFTER DELETE ON items BEGIN
  INSERT INTO items_fts(items_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER items_fts_update AFTER UPDATE OF title, body ON items BEGIN
  INSERT INTO items_fts(items_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
  INSERT INTO items_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
)sql",
    // 1 -> 2: an index of story keys, so the story check reads a few postings
    // instead of every item of the last days (items stored before it are not
    // indexed: they only stop being found by stories begun after the upgrade);
    // and band indexes that hold the fingerprint, so the duplicate check reads
    // no table rows.
    R"sql(
DROP INDEX items_band0;
DROP INDEX items_band1;
DROP INDEX items_band2;
DROP INDEX items_band3;
CREATE INDEX items_band0 ON items(band0, simhash);
CREATE INDEX items_band1 ON items(band1, simhash);
CREATE INDEX items_band2 ON items(band2, simhash);
CREATE INDEX items_band3 ON items(band3, simhash);
CREATE TABLE story_words (
  word INTEGER NOT NULL,
  published INTEGER NOT NULL,  -- coalesce(published, fetched) of the item: the window is a range
  item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  PRIMARY KEY (word, published, item_id)
) WITHOUT ROWID;
)sql",
    // 2 -> 3: the store indexes new items for full-text search itself, a
    // write batch at a time (Store::WriteBatch): row by row, through the
    // trigger, FTS5 wrote a segment per item.
    R"sql(
DROP TRIGGER items_fts_insert;
)sql",
};

int user_version(SqliteDb& db) {
  SqliteStatement query(db, "PRAGMA user_version");
  query.step();
  return int(query.column_int(0));
}

}  // namespace

void migrate_schema(SqliteDb& db) {
  const int current = user_version(db);
  if (current > Store::kSchemaVersion)
    throw SqliteError(db.file_name() + ": the archive has schema version " + std::to_string(current) +
                              ", newer than this newsmon (" +
                              std::to_string(Store::kSchemaVersion) + "); upgrade newsmon");
  for (int version = current; version < Store::kSchemaVersion; ++version) {
    Transaction transaction(db);
    db.exec(kMigrations[version]);
    db.exec("PRAGMA user_version = " + std::to_string(version + 1));
    transaction.commit();
  }
}

}  // namespace newsmon
