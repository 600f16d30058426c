// The duplicate and story decisions for a new item, as pure functions over
// candidates that the store looked up (Store::near_duplicate_candidates and
// Store::story_candidates). Thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "daemon/store.h"

namespace newsmon {

// The earliest candidate within kNearDuplicateBits of `simhash`, if any.
std::optional<std::int64_t> find_near_duplicate(std::uint64_t simhash,
                                                const std::vector<DuplicateCandidate>& candidates);

// The story of the candidate that tells the same event as `item` (similar
// title and lead, shared entities, within a few days), if any. Precision
// before recall: two different stories on one topic must stay apart.
std::optional<std::int64_t> match_story(const StoryCandidate& item,
                                        const std::vector<StoryCandidate>& candidates);

}  // namespace newsmon
