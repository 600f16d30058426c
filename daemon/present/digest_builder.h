// The digest's shape, apart from any output format: the relevant items of a
// time window folded into stories (one entry per story, every outlet that
// covered it, duplicates included), each story placed under one topic, the
// topics in config order and the stories ordered by coverage (how many
// outlets) then relevance (best score) then recency. A story that spans the
// window's edge (say midnight) shows the items inside the window only.
// Pure functions of values; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/store/item.h"

namespace newsmon {

struct DigestStory {
  std::int64_t story_id = 0;      // the archive's story id (or the lead's item id)
  Item lead;                // the best item: title, URL and extract come from it
  std::vector<Item> items;  // every item of the story in the window, oldest first
  std::vector<std::string> outlets;  // distinct, the lead's first, then by time
  std::vector<std::string> tags;     // the union of the items' tags, sorted
  double best_score = 0;
  Instant first{};        // the earliest item's when()
  std::string extract;    // the lead body's first two sentences, at most 280 bytes (raw, unstripped)
};

struct DigestTopic {
  std::string name;
  std::vector<DigestStory> stories;
};

struct Digest {
  Instant begin{};
  Instant end{};
  std::vector<DigestTopic> topics;  // only topics with stories
  std::size_t story_count() const;
  std::size_t outlet_count() const;  // distinct outlets across all stories
};

// Folds `items` (relevant items of [begin, end)) into a Digest. Topics are
// ordered as in `topic_order` (the config), unknown ones after it by name;
// a story is placed under its first topic in that order, a story without
// topics under "other".
Digest build_digest(std::vector<Item> items, const std::vector<std::string>& topic_order, Instant begin,
                    Instant end);

// The first sentences of `text`, whitespace collapsed: at most
// `max_sentences` whole sentences that fit in `max_chars` bytes (at least
// one, cut at a word with "…" when the first is already too long).
std::string first_sentences(std::string_view text, std::size_t max_chars, std::size_t max_sentences = 2);

}  // namespace newsmon
