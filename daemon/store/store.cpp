#include "daemon/store/store.h"

#include <algorithm>
#include <unordered_map>

#include <nlohmann/json.hpp>

namespace newsmon {

namespace {

std::string to_json_array(const std::vector<std::string>& values) {
  return nlohmann::json(values).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::vector<std::string> from_json_array(const std::string& text) {
  auto parsed = nlohmann::json::parse(text, nullptr, false);
  std::vector<std::string> out;
  if (parsed.is_array())
    for (const auto& v : parsed)
      if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}

std::optional<std::int64_t> unix_or_null(const std::optional<Instant>& t) {
  if (!t) return std::nullopt;
  return to_unix(*t);
}

std::optional<Instant> instant_or_null(const SqliteStatement& row, int column) {
  if (auto v = row.column_optional_int(column)) return instant_from_unix(*v);
  return std::nullopt;
}

std::int64_t band(std::uint64_t hash, int i) { return std::int64_t((hash >> (16 * i)) & 0xffff); }

constexpr const char* kFeedColumns =
    "url, outlet, fetch_url, title, etag, last_modified, last_attempt, last_success, next_poll,"
    " last_error, last_status, consecutive_failures, redirect_target, redirect_count,"
    " gone_count, retired, ttl_seconds";

FeedState read_feed_state(const SqliteStatement& row) {
  FeedState s;
  s.url = row.column_text(0);
  s.outlet = row.column_text(1);
  s.fetch_url = row.column_text(2);
  s.title = row.column_text(3);
  s.etag = row.column_text(4);
  s.last_modified = row.column_text(5);
  s.last_attempt = instant_or_null(row, 6);
  s.last_success = instant_or_null(row, 7);
  s.next_poll = instant_or_null(row, 8);
  s.last_error = row.column_text(9);
  s.last_status = long(row.column_int(10));
  s.consecutive_failures = int(row.column_int(11));
  s.redirect_target = row.column_text(12);
  s.redirect_count = int(row.column_int(13));
  s.gone_count = int(row.column_int(14));
  s.retired = row.column_int(15) != 0;
  s.ttl_seconds = row.column_optional_int(16);
  return s;
}

}  // namespace

Result<Store> Store::open(const std::filesystem::path& path, Access access) {
  if (access == Access::read_write && path.has_parent_path()) {
    std::error_code ec;
    std::filesystem::create_directories(path.parent_path(), ec);
  }
  return storage_result([&]() -> Result<Store> {
    SqliteDb db(path.string(), access == Access::read_only ? SqliteDb::Mode::read_only
                                                           : SqliteDb::Mode::read_write_create);
    db.exec("PRAGMA foreign_keys = ON");
    if (access == Access::read_write) {
      db.exec("PRAGMA journal_mode = WAL");
      // WAL with NORMAL is durable across application crashes; only a power cut may
      // lose the last commits, never corrupt the file.
      db.exec("PRAGMA synchronous = NORMAL");
      migrate_schema(db);
    } else {
      SqliteStatement version(db, "PRAGMA user_version");
      version.step();
      if (version.column_int(0) != kSchemaVersion)
        return fail(ErrorKind::storage, path.string() + ": not a newsmon archive of schema version " +
                                            std::to_string(kSchemaVersion) +
                                            " (run newsmon poll once to create or migrate it)");
    }
    return Store(std::move(db));
  });
}

Store::WriteBatch::WriteBatch(Store& store, Transaction transaction)
    : store_(&store), transaction_(std::move(transaction)) {
  store_->in_batch_ = true;
  store_->unindexed_from_.reset();
}

Store::WriteBatch::WriteBatch(WriteBatch&& other) noexcept
    : store_(std::exchange(other.store_, nullptr)), transaction_(std::move(other.transaction_)) {}

Store::WriteBatch::~WriteBatch() {
  if (!store_) return;
  store_->in_batch_ = false;
  store_->unindexed_from_.reset();
}

Result<void> Store::WriteBatch::commit() {
  return storage_result([this] {
    if (store_->unindexed_from_) store_->index_items_from(*store_->unindexed_from_);
    transaction_.commit();
    store_->in_batch_ = false;
    store_->unindexed_from_.reset();
  });
}

Result<Store::WriteBatch> Store::begin_batch() {
  return storage_result([this] { return WriteBatch(*this, Transaction(db_)); });
}

void Store::index_items_from(std::int64_t first_id) {
  auto index = db_.reuse("INSERT INTO items_fts(rowid, title, body) SELECT id, title, body FROM items"
                         " WHERE id >= ?");
  index->bind(1, first_id);
  index->run();
}

Result<FeedState> Store::feed_state(const std::string& url, const std::string& outlet) {
  return storage_result([&] {
    auto query = db_.reuse(std::string("SELECT ") + kFeedColumns + " FROM feeds WHERE url = ?");
    query->bind(1, url);
    if (query->step()) return read_feed_state(*query);
    FeedState fresh;
    fresh.url = url;
    fresh.outlet = outlet;
    fresh.fetch_url = url;
    return fresh;
  });
}

Result<std::vector<FeedState>> Store::all_feed_states() {
  return storage_result([&] {
    auto query = db_.reuse(std::string("SELECT ") + kFeedColumns + " FROM feeds ORDER BY outlet, url");
    std::vector<FeedState> states;
    while (query->step()) states.push_back(read_feed_state(*query));
    return states;
  });
}

Result<void> Store::save_feed_state(const FeedState& s) {
  return storage_result([&] {
    auto upsert = db_.reuse(std::string("INSERT INTO feeds (") + kFeedColumns +
                            ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
                            " ON CONFLICT(url) DO UPDATE SET outlet=excluded.outlet,"
                            " fetch_url=excluded.fetch_url, title=excluded.title,"
                            " etag=excluded.etag, last_modified=excluded.last_modified,"
                            " last_attempt=excluded.last_attempt, last_success=excluded.last_success,"
                            " next_poll=excluded.next_poll, last_error=excluded.last_error,"
                            " last_status=excluded.last_status,"
                            " consecutive_failures=excluded.consecutive_failures,"
                            " redirect_target=excluded.redirect_target,"
                            " redirect_count=excluded.redirect_count, gone_count=excluded.gone_count,"
                            " retired=excluded.retired, ttl_seconds=excluded.ttl_seconds");
    upsert->bind(1, s.url).bind(2, s.outlet).bind(3, s.fetch_url.empty() ? s.url : s.fetch_url);
    upsert->bind(4, s.title).bind(5, s.etag).bind(6, s.last_modified);
    upsert->bind(7, unix_or_null(s.last_attempt)).bind(8, unix_or_null(s.last_success));
    upsert->bind(9, unix_or_null(s.next_poll)).bind(10, s.last_error);
    upsert->bind(11, std::int64_t(s.last_status)).bind(12, s.consecutive_failures);
    upsert->bind(13, s.redirect_target).bind(14, s.redirect_count).bind(15, s.gone_count);
    upsert->bind(16, s.retired ? 1 : 0).bind(17, s.ttl_seconds);
    upsert->run();
  });
}

Result<std::int64_t> Store::items_stored_for_feed(const std::string& url) {
  return storage_result([&] {
    auto query = db_.reuse("SELECT count(*) FROM items JOIN feeds ON items.feed_id = feeds.id"
                           " WHERE feeds.url = ?");
    query->bind(1, url);
    query->step();
    return query->column_int(0);
  });
}

Result<bool> Store::has_entry(const std::string& feed_url, const std::string& entry_id) {
  return storage_result([&] {
    auto query = db_.reuse("SELECT 1 FROM entries JOIN feeds ON entries.feed_id = feeds.id"
                           " WHERE feeds.url = ? AND entries.entry_id = ?");
    query->bind(1, feed_url).bind(2, entry_id);
    return query->step();
  });
}

Result<std::optional<std::int64_t>> Store::item_id_for_url(const std::string& canonical_url) {
  return storage_result([&]() -> std::optional<std::int64_t> {
    auto query = db_.reuse("SELECT id FROM items WHERE canonical_url = ?");
    query->bind(1, canonical_url);
    if (query->step()) return query->column_int(0);
    return std::nullopt;
  });
}

void Store::insert_entry(const std::string& feed_url, const std::string& entry_id, std::int64_t item_id) {
  auto insert = db_.reuse("INSERT OR IGNORE INTO entries (feed_id, entry_id, item_id)"
                          " SELECT id, ?, ? FROM feeds WHERE url = ?");
  insert->bind(1, entry_id).bind(2, item_id).bind(3, feed_url);
  insert->run();
}

Result<void> Store::remember_entry(const std::string& feed_url, const std::string& entry_id,
                                   std::int64_t item_id) {
  return storage_result([&] { insert_entry(feed_url, entry_id, item_id); });
}

Result<std::vector<DuplicateCandidate>> Store::near_duplicate_candidates(std::uint64_t simhash) {
  return storage_result([&] {
    auto query = db_.reuse(
        "SELECT id, simhash FROM items WHERE band0 = ?1 UNION"
        " SELECT id, simhash FROM items WHERE band1 = ?2 UNION"
        " SELECT id, simhash FROM items WHERE band2 = ?3 UNION"
        " SELECT id, simhash FROM items WHERE band3 = ?4");
    for (int i = 0; i < 4; ++i) query->bind(i + 1, band(simhash, i));
    std::vector<DuplicateCandidate> out;
    while (query->step()) out.push_back({query->column_int(0), static_cast<std::uint64_t>(query->column_int(1))});
    return out;
  });
}

Result<std::vector<std::int64_t>> Store::story_candidate_ids(Instant from, Instant to,
                                                             const std::vector<std::uint64_t>& keys, int limit) {
  return storage_result([&] {
    // How many keys each item of the window shares, reading each key's most
    // recent postings only: a word that every item of the window uses tells
    // little, and must not make every lookup read the whole window.
    std::unordered_map<std::int64_t, int> shared;
    auto postings = db_.reuse(
        "SELECT item_id FROM story_words WHERE word = ? AND published BETWEEN ? AND ?"
        " ORDER BY published DESC LIMIT ?");
    for (const auto key : keys) {
      postings->bind(1, static_cast<std::int64_t>(key)).bind(2, to_unix(from)).bind(3, to_unix(to));
      postings->bind(4, kStoryPostingsPerKey);
      while (postings->step()) ++shared[postings->column_int(0)];
      postings->reset();
    }
    std::vector<std::pair<int, std::int64_t>> ranked;  // (-shared, id): most shared, then oldest first
    ranked.reserve(shared.size());
    for (const auto& [id, count] : shared) ranked.emplace_back(-count, id);
    const auto wanted = std::min(ranked.size(), static_cast<std::size_t>(std::max(limit, 0)));
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(wanted), ranked.end());
    std::vector<std::int64_t> ids;
    for (std::size_t i = 0; i < wanted; ++i) ids.push_back(ranked[i].second);
    return ids;
  });
}

Result<std::optional<StoryCandidate>> Store::story_candidate(std::int64_t item_id) {
  return storage_result([&]() -> std::optional<StoryCandidate> {
    auto row = db_.reuse(
        "SELECT story_id, outlet, title, substr(body, 1, ?),"
        " (SELECT json_group_array(tag) FROM item_tags WHERE item_id = id),"
        " coalesce(published, fetched)"
        " FROM items WHERE id = ? AND duplicate_of IS NULL AND story_id IS NOT NULL");
    row->bind(1, static_cast<std::int64_t>(kStoryLeadCharacters)).bind(2, item_id);
    if (!row->step()) return std::nullopt;
    StoryCandidate c;
    c.item_id = item_id;
    c.story_id = row->column_int(0);
    c.outlet = row->column_text(1);
    c.title = row->column_text(2);
    c.lead = row->column_text(3);
    c.tags = from_json_array(row->column_text(4));
    c.published = instant_from_unix(row->column_int(5));
    return c;
  });
}

Result<std::optional<std::int64_t>> Store::story_of(std::int64_t item_id) {
  return storage_result([&]() -> std::optional<std::int64_t> {
    auto query = db_.reuse("SELECT story_id FROM items WHERE id = ?");
    query->bind(1, item_id);
    if (query->step()) return query->column_optional_int(0);
    return std::nullopt;
  });
}

Result<std::int64_t> Store::insert_item(const Item& item) {
  return storage_result([&] {
    std::int64_t story_id;
    if (item.story_id) {
      story_id = *item.story_id;
    } else {
      auto story = db_.reuse("INSERT INTO stories (first_seen) VALUES (?)");
      story->bind(1, to_unix(item.published.value_or(item.fetched)));
      story->run();
      story_id = db_.last_insert_rowid();
    }

    auto insert = db_.reuse(
        "INSERT INTO items (canonical_url, url, feed_id, entry_id, outlet, title,"
        " authors, published, fetched, body, body_source, summary, language,"
        " site_name, image, credited_outlets, fetch_error, robots_disallowed,"
        " score, relevant, simhash, band0, band1, band2, band3, duplicate_of,"
        " story_id) VALUES (?,?,(SELECT id FROM feeds WHERE url = ?),?,?,?,?,?,?,"
        "?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    int column = 0;
    const auto next = [&column] { return ++column; };
    insert->bind(next(), item.canonical_url);
    insert->bind(next(), item.url);
    insert->bind(next(), item.feed_url);
    insert->bind(next(), item.entry_id);
    insert->bind(next(), item.outlet);
    insert->bind(next(), item.title);
    insert->bind(next(), to_json_array(item.authors));
    insert->bind(next(), unix_or_null(item.published));
    insert->bind(next(), to_unix(item.fetched));
    insert->bind(next(), item.body);
    insert->bind(next(), item.body_source);
    insert->bind(next(), item.summary);
    insert->bind(next(), item.language);
    insert->bind(next(), item.site_name);
    insert->bind(next(), item.image);
    insert->bind(next(), to_json_array(item.credited_outlets));
    insert->bind(next(), item.fetch_error);
    insert->bind(next(), item.robots_disallowed ? 1 : 0);
    insert->bind(next(), item.score);
    insert->bind(next(), item.relevant ? 1 : 0);
    insert->bind(next(), static_cast<std::int64_t>(item.simhash));
    for (int b = 0; b < 4; ++b) insert->bind(next(), band(item.simhash, b));
    insert->bind(next(), item.duplicate_of);
    insert->bind(next(), story_id);
    insert->run();
    const std::int64_t id = db_.last_insert_rowid();
    if (!in_batch_)
      index_items_from(id);
    else if (!unindexed_from_)
      unindexed_from_ = id;

    if (!item.entry_id.empty()) insert_entry(item.feed_url, item.entry_id, id);
    auto tag = db_.reuse("INSERT OR IGNORE INTO item_tags (item_id, tag) VALUES (?, ?)");
    for (const auto& t : item.tags) {
      tag->bind(1, id).bind(2, t);
      tag->run();
      tag->reset();
    }
    if (!item.duplicate_of) {  // duplicates are never story candidates
      auto word = db_.reuse(
          "INSERT OR IGNORE INTO story_words (word, published, item_id)"
          " VALUES (?, ?, ?)");
      const std::int64_t published = to_unix(item.published.value_or(item.fetched));
      for (const auto key : item.story_keys) {
        word->bind(1, static_cast<std::int64_t>(key)).bind(2, published).bind(3, id);
        word->run();
        word->reset();
      }
    }
    auto topic = db_.reuse("INSERT OR IGNORE INTO item_topics (item_id, topic) VALUES (?, ?)");
    for (const auto& t : item.topics) {
      topic->bind(1, id).bind(2, t);
      topic->run();
      topic->reset();
    }
    return id;
  });
}

Result<std::optional<Store::RobotsEntry>> Store::robots_txt(const std::string& host) {
  return storage_result([&]() -> std::optional<RobotsEntry> {
    auto query = db_.reuse("SELECT body, fetched FROM robots WHERE host = ?");
    query->bind(1, host);
    if (!query->step()) return std::nullopt;
    return RobotsEntry{query->column_text(0), instant_from_unix(query->column_int(1))};
  });
}

Result<void> Store::save_robots_txt(const std::string& host, const std::string& body, Instant fetched) {
  return storage_result([&] {
    auto upsert = db_.reuse("INSERT INTO robots (host, body, fetched) VALUES (?, ?, ?)"
                            " ON CONFLICT(host) DO UPDATE SET body = excluded.body,"
                            " fetched = excluded.fetched");
    upsert->bind(1, host).bind(2, body).bind(3, to_unix(fetched));
    upsert->run();
  });
}

Result<void> Store::optimize_search_index() {
  return storage_result([&] { db_.exec("INSERT INTO items_fts(items_fts) VALUES ('optimize')"); });
}

Result<std::int64_t> Store::item_count() {
  return storage_result([&] {
    auto query = db_.reuse("SELECT count(*) FROM items");
    query->step();
    return query->column_int(0);
  });
}

}  // namespace newsmon
