// Sample rows for the store's tests: an item and a feed state with every
// field set, and two read-backs (a PRAGMA's value, full-text matches).
// Header-only. Not thread-safe (a Store is not).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "daemon/store/store.h"

namespace newsmon::test {

inline Item sample_item(const std::string& url, const std::string& title) {
  Item item;
  item.canonical_url = url;
  item.url = url;
  item.feed_url = "https://example.org/feed.xml";
  item.entry_id = url;
  item.outlet = "Example";
  item.title = title;
  item.authors = {"Ann Author"};
  item.published = instant_from_unix(1575194400);
  item.fetched = instant_from_unix(1575198000);
  item.body = "First paragraph about " + title + ".\n\nSecond paragraph.";
  item.relevant = true;
  item.score = 3.5;
  item.topics = {"telecom vendor policy"};
  item.tags = {"huawei", "uk"};
  item.simhash = 0x1234'5678'9abc'def0ULL;
  return item;
}

inline FeedState sample_feed(Store& store) {
  FeedState state = store.feed_state("https://example.org/feed.xml", "Example").value();
  state.etag = "\"v1\"";
  store.save_feed_state(state).value();
  return state;
}

inline std::string pragma(Store& store, const char* name) {
  SqliteStatement q(store.db(), std::string("PRAGMA ") + name);
  q.step();
  return q.column_text(0);
}

// The ids full-text search finds for `query`, in id order.
inline std::vector<std::int64_t> full_text(Store& store, const char* query) {
  SqliteStatement fts(store.db(), std::string("SELECT rowid FROM items_fts WHERE items_fts MATCH '") +
                                      query + "' ORDER BY rowid");
  std::vector<std::int64_t> ids;
  while (fts.step()) ids.push_back(fts.column_int(0));
  return ids;
}

}  // namespace newsmon::test
