// Feed and FeedEntry: what a feed document says, in one shape for every
// format (RSS 0.9x/1.0/2.0, Atom 0.3/1.0, JSON Feed). Plain values; all text
// is UTF-8 with entities decoded; links are absolute.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "daemon/base/instant.h"

namespace newsmon {

struct Enclosure {
  std::string url;
  std::string type;     // MIME type, may be empty
  long long length = 0; // bytes, 0 when unknown
};

struct FeedEntry {
  std::string id;      // guid/id; when absent derived from link and title, stable across polls
  std::string title;   // plain text: tags stripped, whitespace folded
  std::string link;    // absolute alternate link
  std::optional<Instant> published;
  std::optional<Instant> updated;
  std::vector<std::string> authors;
  std::vector<std::string> categories;
  std::string summary;  // as given (may be HTML)
  std::string content;  // full content (content:encoded, atom:content), may be HTML
  std::vector<Enclosure> enclosures;
  std::string thumbnail;  // media:thumbnail / media:content image
};

struct Feed {
  std::string format;  // "rss2.0", "rss1.0", "rss0.91", "atom1.0", "atom0.3", "json1.1"...
  std::string title;
  std::string link;      // the site, not the feed
  std::string language;
  // Refresh hints for the scheduler: <ttl>, sy:updatePeriod × sy:updateFrequency.
  std::optional<std::chrono::seconds> ttl;
  std::optional<std::chrono::seconds> update_period;
  std::vector<FeedEntry> entries;
};

}  // namespace newsmon
