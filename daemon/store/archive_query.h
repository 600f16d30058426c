// Reading the archive: the queries behind digest, grep, search, show and
// export. Part of the store (only the store speaks SQL); opens nothing itself,
// works on the Store it is given. Each returns a Result, failing as the
// Store's functions do (ErrorKind::storage). Functions, no state: as
// thread-safe as the Store passed in (one Store per thread).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/base/instant.h"
#include "daemon/base/result.h"
#include "daemon/store/item.h"
#include "daemon/store/store.h"

namespace newsmon {

// Which items: every condition given must hold.
struct ItemQuery {
  std::optional<Instant> since;  // when() >= since
  std::optional<Instant> until;  // when() < until
  bool relevant_only = false;
  std::vector<std::string> topics;   // any of
  std::vector<std::string> tags;     // all of
  std::vector<std::string> outlets;  // any of (exact names, as in feeds.toml)
  std::optional<std::int64_t> limit;
  bool with_body = true;  // false: Item::body stays empty (cheaper)
};

// The items read back have every stored field but the dedupe keys
// (Item::feed_url, entry_id, simhash, story_keys stay empty).

// Items matching `query`, newest first (by when(), then id).
Result<std::vector<Item>> query_items(Store& store, const ItemQuery& query);

// The same, handed one at a time to `visit` (which returns false to stop),
// oldest first by id: for export, without holding the archive in memory.
Result<void> for_each_item(Store& store, const ItemQuery& query, const std::function<bool(const Item&)>& visit);

// Scans the items matching `query` (limit ignored), most recently stored
// first, for grep: only id, published, fetched, outlet, title, url and body
// are read, into one Item reused for every row (its strings keep their
// capacity: no allocation per row once the longest body is seen). Only ids
// in [min_id, max_id]. `visit` returns false to stop the scan.
Result<void> scan_item_texts(Store& store, const ItemQuery& query, std::int64_t min_id, std::int64_t max_id,
                             const std::function<bool(const Item&)>& visit);

// Tunes a read-only connection for a full scan: the file memory-mapped (no
// copies through the page cache) and a larger cache.
Result<void> prepare_for_scan(Store& store);

// The smallest and largest item ids (0, 0 for an empty archive).
Result<std::pair<std::int64_t, std::int64_t>> item_id_range(Store& store);

// One item by id, or by its URL (as fetched or canonical); nullopt if absent.
Result<std::optional<Item>> find_item(Store& store, std::int64_t id);
Result<std::optional<Item>> find_item_by_url(Store& store, std::string_view url);

// The other items of a story (not `except_id`), oldest first, without bodies.
Result<std::vector<Item>> story_items(Store& store, std::int64_t story_id, std::int64_t except_id);
// The items stored as duplicates of `id`, oldest first, without bodies.
Result<std::vector<Item>> duplicates_of(Store& store, std::int64_t id);

// One full-text hit: the item (without its body), a snippet of its body
// around the match with each matched term between kSnippetOpen and
// kSnippetClose, and its bm25 rank (lower is better).
struct SearchHit {
  Item item;
  std::string snippet;
  double rank = 0;
};
inline constexpr std::string_view kSnippetOpen = "\xEE\x80\x80";   // U+E000
inline constexpr std::string_view kSnippetClose = "\xEE\x80\x81";  // U+E001

// FTS5 MATCH `match` among the items matching `query`, best first (bm25,
// titles weighing more than bodies), at most query.limit hits. A malformed
// query is a parse error naming it; other failures are storage errors.
Result<std::vector<SearchHit>> search_items(Store& store, const std::string& match, const ItemQuery& query);

}  // namespace newsmon
