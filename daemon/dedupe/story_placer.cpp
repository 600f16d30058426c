#include "daemon/dedupe/story_placer.h"

namespace newsmon {

std::string_view story_lead(std::string_view body) {
  std::size_t characters = 0;
  for (std::size_t i = 0; i < body.size(); ++i) {
    const bool continuation = (static_cast<unsigned char>(body[i]) & 0xC0) == 0x80;
    if (!continuation && characters++ == Store::kStoryLeadCharacters) return body.substr(0, i);
  }
  return body;
}

Result<void> StoryPlacer::place(Item& item, Instant now) {
  auto near = store_.near_duplicate_candidates(item.simhash);
  if (!near) return std::unexpected(near.error());
  item.duplicate_of = find_near_duplicate(item.simhash, *near);
  if (item.duplicate_of) {
    auto story = store_.story_of(*item.duplicate_of);
    if (!story) return std::unexpected(story.error());
    item.story_id = *story;
    item.story_keys.clear();  // duplicates are never story candidates
    return {};
  }
  const StoryCandidate self{0, 0, item.outlet, item.title, std::string(story_lead(item.body)), item.tags,
                            item.published.value_or(now)};
  item.story_keys = story_keys(self.title, self.lead);
  const auto ids = store_.story_candidate_ids(self.published - kStoryWindow, self.published + kStoryWindow,
                                              item.story_keys);
  if (!ids) return std::unexpected(ids.error());
  // Forgotten all at once, and only here, before any pointer into it is taken.
  if (known_.size() + ids->size() > kMostRemembered) known_.clear();
  std::vector<const FeaturedCandidate*> candidates;
  for (const auto id : *ids) {
    auto c = candidate(id);
    if (!c) return std::unexpected(c.error());
    if (*c) candidates.push_back(*c);
  }
  item.story_id = match_story(self, story_features(self), candidates);
  return {};
}

Result<const FeaturedCandidate*> StoryPlacer::candidate(std::int64_t item_id) {
  if (auto found = known_.find(item_id); found != known_.end())
    return found->second ? &*found->second : nullptr;
  auto stored = store_.story_candidate(item_id);
  if (!stored) return std::unexpected(stored.error());
  std::optional<FeaturedCandidate> loaded;
  if (*stored) loaded = featured_candidate(**stored);
  const auto& slot = known_.emplace(item_id, std::move(loaded)).first->second;
  return slot ? &*slot : nullptr;
}

}  // namespace newsmon
