// Article: what the extractor found in one HTML page: the main text and the
// page's metadata. Plain value; UTF-8 throughout.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "daemon/base/instant.h"

namespace newsmon {

struct Article {
  std::string title;
  std::vector<std::string> authors;
  std::optional<Instant> published;
  std::optional<Instant> modified;
  std::string canonical_url;  // absolute, as the page declares it
  std::string site_name;
  std::string language;       // "en", "fr-FR"...
  std::string description;
  std::string image;          // lead image URL
  // For aggregators: outlets named in a credits line ("Defense One: Guardian: ...").
  std::vector<std::string> credited_outlets;
  // Paragraphs separated by one blank line; no trailing newline.
  std::string text;
};

}  // namespace newsmon
