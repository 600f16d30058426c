// Reading the archive: the queries behind digest, grep, search, show and
// export. Part of the store (it speaks SQL); opens nothing itself.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "daemon/instant.h"
#include "daemon/store.h"

namespace newsmon {

struct StoredItem {
  std::int64_t id = 0;
  std::string url;
  std::string canonical_url;
  std::string outlet;
  std::string title;
  std::vector<std::string> authors;
  std::optional<Instant> published;
  Instant fetched{};
  std::string body;
  std::string body_source;
  std::string summary;
  std::string language;
  double score = 0;
  bool relevant = false;
  std::vector<std::string> topics;
  std::vector<std::string> tags;
  std::optional<std::int64_t> duplicate_of;
  std::optional<std::int64_t> story_id;
  // When the item happened for a reader: published, else fetched.
  Instant when() const { return published.value_or(fetched); }
};

struct ItemQuery {
  std::optional<Instant> since;  // when() >= since
  std::optional<Instant> until;  // when() < until
  bool relevant_only = false;
  std::vector<std::string> topics;   // any of
  std::vector<std::string> tags;     // all of
  std::vector<std::string> outlets;  // any of
  std::optional<std::int64_t> limit;
};

// Items matching `query`, newest first.
std::vector<StoredItem> query_items(Store& store, const ItemQuery& query);

}  // namespace newsmon
