// The earlier items the store looks up for the deduper (dedupe/deduper.h)
// to compare a new item with: plain values, no SQLite here.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "daemon/base/instant.h"

namespace newsmon {

// An earlier item whose fingerprint may be close to a new one's.
struct DuplicateCandidate {
  std::int64_t item_id;
  std::uint64_t simhash;
};

// A recent item that a new item might share a story with.
struct StoryCandidate {
  std::int64_t item_id = 0;
  std::int64_t story_id = 0;
  std::string outlet;
  std::string title;
  std::string lead;  // the first few hundred characters of the body
  std::vector<std::string> tags;
  Instant published{};
};

}  // namespace newsmon
