// The duplicate and story decisions for a new item, as pure functions over
// candidates that the store looked up (Store::near_duplicate_candidates,
// Store::story_candidate_ids and Store::story_candidate; StoryPlacer puts
// them together). Thread-safe.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "daemon/store/dedupe_candidates.h"

namespace newsmon {

// The earliest candidate within kNearDuplicateBits of `simhash`, if any.
std::optional<std::int64_t> find_near_duplicate(std::uint64_t simhash,
                                                const std::vector<DuplicateCandidate>& candidates);

// The story of the candidate that tells the same event as `item` (similar
// title and lead, shared entities, within a few days), if any. Precision
// before recall: two different stories on one topic must stay apart.
//
// Two items are one story when they are within four days of each other, share
// a tag when both have tags, and either their titles and leads are near-copies
// (cosine similarity of their words >= kStorySameTextSimilarity) or they are
// clearly similar (>= kStoryMinimumSimilarity) and name mostly the same
// entities (capitalised names and figures: at least four shared, and at
// least 40% of the smaller set). Items of one outlet group only as near-copies.
// Among several matches, the most similar wins.
std::optional<std::int64_t> match_story(const StoryCandidate& item,
                                        const std::vector<StoryCandidate>& candidates);

// What match_story compares, computed once per item (a candidate meets many
// new items): the words of the title and lead, as 64-bit keys, lowercased,
// plural s dropped, stopwords out, title words counting twice; and the names
// among them.
struct StoryFeatures {
  std::vector<std::pair<std::uint64_t, double>> weights;  // sorted by word, one entry per word
  std::vector<std::uint64_t> entities;                    // every word of every name; sorted, unique
  std::vector<std::vector<std::uint64_t>> names;          // runs of entity words; unique
  double norm = 0;                                        // of the weights
};
StoryFeatures story_features(const StoryCandidate& item);

// What match_story needs of a candidate: its features in place of its text.
struct FeaturedCandidate {
  std::int64_t item_id = 0;
  std::int64_t story_id = 0;
  std::string outlet;
  std::vector<std::string> tags;
  Instant published{};
  StoryFeatures features;
};
FeaturedCandidate featured_candidate(const StoryCandidate& item);

// match_story over features computed beforehand.
std::optional<std::int64_t> match_story(const StoryCandidate& item, const StoryFeatures& features,
                                        const std::vector<const FeaturedCandidate*>& candidates);

inline constexpr double kStorySameTextSimilarity = 0.6;
// Two items further apart than this are never one story.
inline constexpr auto kStoryWindow = std::chrono::hours(24 * 4);
inline constexpr double kStoryMinimumSimilarity = 0.25;

// The words an item is found by when a later item looks for its story: the
// title's words and the names in its lead, as 64-bit keys, sorted, unique, at
// most kMaxStoryKeys. Store::story_candidate_ids ranks the window by how many it shares.
std::vector<std::uint64_t> story_keys(std::string_view title, std::string_view lead);
inline constexpr std::size_t kMaxStoryKeys = 32;

// The cosine similarity (0..1) of two items' title and lead words, title
// words counting twice; what match_story compares. For tests and tuning.
double story_similarity(const StoryCandidate& a, const StoryCandidate& b);

}  // namespace newsmon
