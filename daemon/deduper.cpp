#include "daemon/deduper.h"

#include "daemon/simhash.h"

namespace newsmon {

std::optional<std::int64_t> find_near_duplicate(std::uint64_t simhash,
                                                const std::vector<DuplicateCandidate>& candidates) {
  std::optional<std::int64_t> best;
  for (const auto& c : candidates)
    if (hamming_distance(c.simhash, simhash) <= kNearDuplicateBits && (!best || c.item_id < *best))
      best = c.item_id;
  return best;
}

// Placeholder until the stories issue lands: every item is its own story.
std::optional<std::int64_t> match_story(const StoryCandidate&, const std::vector<StoryCandidate>&) {
  return std::nullopt;
}

}  // namespace newsmon
