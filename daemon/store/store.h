// Store: the SQLite archive, and the only code that speaks SQL. One writer
// (the daemon or `poll --once`) and any number of readers (the commands) may
// have the same file open at once: WAL mode, foreign keys on, the schema
// versioned by PRAGMA user_version and migrated forward on open.
// An item and the feed state that produced it are written inside one
// Store::WriteBatch, so a crash never saves validators without the items
// they covered. Not thread-safe: one Store per thread.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "daemon/base/instant.h"
#include "daemon/store/sqlite.h"

namespace newsmon {

// What the store remembers about one feed between polls.
struct FeedState {
  std::string url;        // as written in the config: the key
  std::string outlet;
  std::string fetch_url;  // where to fetch it now (after confirmed permanent redirects)
  std::string title;
  std::string etag;
  std::string last_modified;
  std::optional<Instant> last_attempt;
  std::optional<Instant> last_success;
  std::optional<Instant> next_poll;
  std::string last_error;  // empty after a success
  long last_status = 0;
  int consecutive_failures = 0;
  std::string redirect_target;  // the permanent redirect seen on the last polls...
  int redirect_count = 0;       // ...and on how many polls in a row
  int gone_count = 0;           // 410 answers in a row
  bool retired = false;         // confirmed gone: never polled again
  std::optional<std::int64_t> ttl_seconds;  // the feed's own refresh hint
};

// One article to store. Every fetched entry becomes one, relevant or not.
struct NewItem {
  std::string canonical_url;
  std::string url;
  std::string feed_url;
  std::string entry_id;
  std::string outlet;
  std::string title;
  std::vector<std::string> authors;
  std::optional<Instant> published;
  Instant fetched{};
  std::string body;
  std::string body_source = "page";  // page, feed-content, feed-summary
  std::string summary;
  std::string language;
  std::string site_name;
  std::string image;
  std::vector<std::string> credited_outlets;
  std::string fetch_error;      // why the page could not be used, if it could not
  bool robots_disallowed = false;
  double score = 0;
  bool relevant = false;
  std::vector<std::string> topics;  // the relevant topics' names
  std::vector<std::string> tags;
  std::uint64_t simhash = 0;
  std::optional<std::int64_t> duplicate_of;
  std::optional<std::int64_t> story_id;  // nullopt: a new story is made
  std::vector<std::uint64_t> story_keys;  // deduper.h story_keys(); how later items find its story
};

// An earlier item whose fingerprint may be close to a new one's.
struct DuplicateCandidate {
  std::int64_t item_id;
  std::uint64_t simhash;
};

// A recent item that a new item might share a story with.
struct StoryCandidate {
  std::int64_t item_id = 0;
  std::int64_t story_id = 0;
  std::string outlet;
  std::string title;
  std::string lead;  // the first few hundred characters of the body
  std::vector<std::string> tags;
  Instant published{};
};

class Store {
 public:
  enum class Access { read_write, read_only };
  // Opens (creating and migrating when read_write) the archive. Throws StorageError.
  static Store open(const std::filesystem::path& path, Access access = Access::read_write);
  static constexpr int kSchemaVersion = 3;

  SqliteDb& db() { return db_; }

  // A write transaction (IMMEDIATE; rolled back unless committed) whose new
  // items are indexed for full-text search together, at commit. FTS5 writes
  // out what it holds at every statement of a transaction, so items indexed
  // one by one would each become a segment of their own, merged again and
  // again. Outside a batch, each item is indexed as it is inserted.
  class WriteBatch {
   public:
    explicit WriteBatch(Store& store);
    ~WriteBatch();
    WriteBatch(const WriteBatch&) = delete;
    WriteBatch& operator=(const WriteBatch&) = delete;
    void commit();

   private:
    Store& store_;
    Transaction transaction_;
  };

  // --- feeds
  // The stored state, or a fresh one for a feed never polled.
  FeedState feed_state(const std::string& url, const std::string& outlet);
  std::vector<FeedState> all_feed_states();
  void save_feed_state(const FeedState& state);
  std::int64_t items_stored_for_feed(const std::string& url);

  // --- what is already here
  bool has_entry(const std::string& feed_url, const std::string& entry_id);
  std::optional<std::int64_t> item_id_for_url(const std::string& canonical_url);
  // Remembers that a feed entry led to an item already stored (another feed had it).
  void remember_entry(const std::string& feed_url, const std::string& entry_id, std::int64_t item_id);

  // --- duplicates and stories
  // Items sharing at least one 16-bit band of the fingerprint: by the pigeonhole
  // principle every item within 3 bits is among them. Indexed lookups.
  std::vector<DuplicateCandidate> near_duplicate_candidates(std::uint64_t simhash);
  // The originals (not duplicates) published (or fetched) between `from` and
  // `to` that share the most story keys with `keys`, at most `limit`, most
  // shared first, then oldest first. Reads at most kStoryPostingsPerKey items
  // of each key, the most recent, through the (key, time) index: the cost is
  // bounded by the number of keys, whatever the size of the archive or of the
  // window.
  std::vector<std::int64_t> story_candidate_ids(Instant from, Instant to,
                                                const std::vector<std::uint64_t>& keys, int limit = 50);
  static constexpr int kStoryPostingsPerKey = 64;
  // A stored original as a story candidate (its lead: the body's first
  // kStoryLeadCharacters characters); nullopt for a duplicate or an unknown id.
  std::optional<StoryCandidate> story_candidate(std::int64_t item_id);
  static constexpr std::size_t kStoryLeadCharacters = 600;

  // The story of a stored item (a duplicate joins its original's story).
  std::optional<std::int64_t> story_of(std::int64_t item_id);

  // Inserts the item (and its entry, tags and topics, story) and returns its id.
  std::int64_t insert_item(const NewItem& item);

  // --- robots.txt cache, per host
  struct RobotsEntry {
    std::string body;
    Instant fetched{};
  };
  std::optional<RobotsEntry> robots_txt(const std::string& host);
  void save_robots_txt(const std::string& host, const std::string& body, Instant fetched);

  std::int64_t item_count();

  // Merges the full-text index into one segment. Every write batch adds a
  // segment, and a search reads them all: on 100,000 items, phrase queries
  // took 50 ms instead of 30. Costs a pass over the index (seconds for
  // 500 MB of text), so the daemon does it once a day, after a poll.
  void optimize_search_index();

 private:
  explicit Store(SqliteDb db) : db_(std::move(db)) {}
  void index_items_from(std::int64_t first_id);  // full-text: the items from first_id on

  SqliteDb db_;
  bool in_batch_ = false;
  std::optional<std::int64_t> unindexed_from_;  // the batch's first item, not yet in items_fts
};

// Creates or migrates the schema to Store::kSchemaVersion (store_schema.cpp).
void migrate_schema(SqliteDb& db);

}  // namespace newsmon
