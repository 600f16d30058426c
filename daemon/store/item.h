// Item: one article, the one model of it from the pipeline to the readers.
// The pipeline builds one from a feed entry and its page and hands it to
// Store::insert_item; the readers (archive_query.h) get it back with `id`
// set. Every field but the dedupe keys (feed_url, entry_id, simhash,
// story_keys: how the store finds an item, not what a reader is shown) is
// stored and read back. A plain value; no SQLite here, so pure stages
// (dedupe, present) can use it without the database.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "daemon/base/instant.h"

namespace newsmon {

struct Item {
  std::int64_t id = 0;  // the store's; 0 until stored
  std::string canonical_url;
  std::string url;
  std::string outlet;
  std::string title;
  std::vector<std::string> authors;
  std::optional<Instant> published;
  Instant fetched{};
  std::string body;
  std::string body_source = "page";  // page, feed-content, feed-summary
  std::string summary;
  std::string language;
  // What the page fetch found beside the text (empty/false when not fetched).
  std::string site_name;
  std::string image;
  std::vector<std::string> credited_outlets;  // outlets the page credits (wire copy)
  std::string fetch_error;                    // why the page could not be used, if it could not
  bool robots_disallowed = false;             // robots.txt forbade fetching the page
  // The classifier's verdict.
  double score = 0;
  bool relevant = false;
  std::vector<std::string> topics;  // the relevant topics' names
  std::vector<std::string> tags;
  // Duplicates and stories.
  std::optional<std::int64_t> duplicate_of;
  std::optional<std::int64_t> story_id;  // nullopt when inserted: a new story is made
  // Written only (how the store finds items), never read back by the readers.
  std::string feed_url;
  std::string entry_id;
  std::uint64_t simhash = 0;
  std::vector<std::uint64_t> story_keys;  // deduper.h story_keys(); how later items find its story

  // When the item happened for a reader: published, else fetched.
  Instant when() const { return published.value_or(fetched); }
};

}  // namespace newsmon
