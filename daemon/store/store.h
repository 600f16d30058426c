// Store: the SQLite archive, and the only code that speaks SQL. One writer
// (the daemon or `poll --once`) and any number of readers (the commands) may
// have the same file open at once: WAL mode, foreign keys on, the schema
// versioned by PRAGMA user_version and migrated forward on open.
// An item and the feed state that produced it are written inside one
// Store::WriteBatch, so a crash never saves validators without the items
// they covered. Every function that can fail returns a Result whose
// Error{ErrorKind::storage} message names the database file and SQLite's
// message ("/var/lib/newsmon/archive.db: database or disk is full").
// Not thread-safe: one Store per thread.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "daemon/base/instant.h"
#include "daemon/base/result.h"
#include "daemon/store/dedupe_candidates.h"
#include "daemon/store/feed_state.h"
#include "daemon/store/item.h"
#include "daemon/store/sqlite.h"

namespace newsmon {

class Store {
 public:
  enum class Access { read_write, read_only };
  // Opens (creating and migrating when read_write) the archive. A read-only
  // open of a file that is missing, unreadable or of another schema version fails.
  static Result<Store> open(const std::filesystem::path& path, Access access = Access::read_write);
  static constexpr int kSchemaVersion = 3;

  // The connection, for the store's own queries (archive_query.cpp) and tests.
  SqliteDb& db() { return db_; }

  // A write transaction (IMMEDIATE; rolled back unless committed) whose new
  // items are indexed for full-text search together, at commit. FTS5 writes
  // out what it holds at every statement of a transaction, so items indexed
  // one by one would each become a segment of their own, merged again and
  // again. Outside a batch, each item is indexed as it is inserted.
  // Made by begin_batch(); one at a time per Store.
  class WriteBatch {
   public:
    ~WriteBatch();
    WriteBatch(WriteBatch&& other) noexcept;
    WriteBatch(const WriteBatch&) = delete;
    WriteBatch& operator=(const WriteBatch&) = delete;
    WriteBatch& operator=(WriteBatch&&) = delete;
    Result<void> commit();

   private:
    friend class Store;
    WriteBatch(Store& store, Transaction transaction);
    Store* store_;  // null once moved from
    Transaction transaction_;
  };
  // Begins a write batch (fails when the write lock stays taken past the busy timeout).
  Result<WriteBatch> begin_batch();

  // --- feeds
  // The stored state, or a fresh one for a feed never polled.
  Result<FeedState> feed_state(const std::string& url, const std::string& outlet);
  Result<std::vector<FeedState>> all_feed_states();
  Result<void> save_feed_state(const FeedState& state);
  Result<std::int64_t> items_stored_for_feed(const std::string& url);

  // --- what is already here
  Result<bool> has_entry(const std::string& feed_url, const std::string& entry_id);
  Result<std::optional<std::int64_t>> item_id_for_url(const std::string& canonical_url);
  // Remembers that a feed entry led to an item already stored (another feed had it).
  Result<void> remember_entry(const std::string& feed_url, const std::string& entry_id, std::int64_t item_id);

  // --- duplicates and stories
  // Items sharing at least one 16-bit band of the fingerprint: by the pigeonhole
  // principle every item within 3 bits is among them. Indexed lookups.
  Result<std::vector<DuplicateCandidate>> near_duplicate_candidates(std::uint64_t simhash);
  // The originals (not duplicates) published (or fetched) between `from` and
  // `to` that share the most story keys with `keys`, at most `limit`, most
  // shared first, then oldest first. Reads at most kStoryPostingsPerKey items
  // of each key, the most recent, through the (key, time) index: the cost is
  // bounded by the number of keys, whatever the size of the archive or of the
  // window.
  Result<std::vector<std::int64_t>> story_candidate_ids(Instant from, Instant to,
                                                        const std::vector<std::uint64_t>& keys, int limit = 50);
  static constexpr int kStoryPostingsPerKey = 64;
  // A stored original as a story candidate (its lead: the body's first
  // kStoryLeadCharacters characters); nullopt for a duplicate or an unknown id.
  Result<std::optional<StoryCandidate>> story_candidate(std::int64_t item_id);
  static constexpr std::size_t kStoryLeadCharacters = 600;

  // The story of a stored item (a duplicate joins its original's story).
  Result<std::optional<std::int64_t>> story_of(std::int64_t item_id);

  // Inserts the item (and its entry, tags and topics, story) and returns its
  // id; item.id is ignored.
  Result<std::int64_t> insert_item(const Item& item);

  // --- robots.txt cache, per host
  struct RobotsEntry {
    std::string body;
    Instant fetched{};
  };
  Result<std::optional<RobotsEntry>> robots_txt(const std::string& host);
  Result<void> save_robots_txt(const std::string& host, const std::string& body, Instant fetched);

  Result<std::int64_t> item_count();

  // Merges the full-text index into one segment. Every write batch adds a
  // segment, and a search reads them all: on 100,000 items, phrase queries
  // took 50 ms instead of 30. Costs a pass over the index (seconds for
  // 500 MB of text), so the daemon does it once a day, after a poll.
  Result<void> optimize_search_index();

 private:
  explicit Store(SqliteDb db) : db_(std::move(db)) {}
  void index_items_from(std::int64_t first_id);  // full-text: the items from first_id on
  void insert_entry(const std::string& feed_url, const std::string& entry_id, std::int64_t item_id);

  SqliteDb db_;
  bool in_batch_ = false;
  std::optional<std::int64_t> unindexed_from_;  // the batch's first item, not yet in items_fts
};

// Creates or migrates the schema to Store::kSchemaVersion (store_schema.cpp).
// Throws SqliteError.
void migrate_schema(SqliteDb& db);

}  // namespace newsmon
