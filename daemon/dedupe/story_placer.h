// Where a new item belongs, decided just before it is stored: a near-copy of
// an earlier item joins that item's story as its duplicate; an original joins
// the story of a recent item that tells the same event, or starts a story of
// its own. The store looks the candidates up, deduper.h decides.
//
// A poll places thousands of items against largely the same recent ones, so
// the placer keeps each candidate it has read, with its features, for its own
// lifetime (items never change once stored); a bounded memory, forgotten all
// at once when full. One per poll. Not thread-safe (the Store is not).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "daemon/dedupe/deduper.h"
#include "daemon/base/instant.h"
#include "daemon/base/result.h"
#include "daemon/store/store.h"

namespace newsmon {

class StoryPlacer {
 public:
  explicit StoryPlacer(Store& store) : store_(store) {}

  // Sets item.duplicate_of, item.story_id (nullopt: a new story) and
  // item.story_keys from item.simhash, title, body, outlet, tags and published
  // (`now` when the item has no date). Fails when the store does.
  Result<void> place(Item& item, Instant now);

  static constexpr std::size_t kMostRemembered = 8192;

 private:
  Result<const FeaturedCandidate*> candidate(std::int64_t item_id);  // null: not a candidate

  Store& store_;
  std::unordered_map<std::int64_t, std::optional<FeaturedCandidate>> known_;  // nullopt: not a candidate
};

// The start of a body that story matching compares: its first
// Store::kStoryLeadCharacters characters, as the store cuts them.
std::string_view story_lead(std::string_view body);

}  // namespace newsmon
