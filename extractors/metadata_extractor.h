// Metadata of an article page: title, authors, dates, canonical URL, site
// name, language, description, lead image, and the JSON-LD articleBody.
// Sources in order of trust: JSON-LD (schema.org Article types), OpenGraph
// and article:* meta, other meta conventions (Dublin Core, Parsely,
// twitter:), then the document itself (<title> minus the site suffix, <h1>,
// <time datetime>, <html lang>). Relative URLs are resolved against the
// page's <base>, else the base URL given (resolve_link, daemon/base/url.h).
// Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "extractors/article.h"
#include "extractors/page_tree.h"

namespace newsmon {

class HtmlDocument;

struct PageMetadata {
  Article fields;            // every field but text and credited_outlets
  std::string article_body;  // schema.org articleBody (JSON-LD), raw
  std::string base_url;      // what relative links resolve against
};

PageMetadata extract_metadata(const HtmlDocument& doc, const PageTree& tree, std::string_view base_url);

// "Title | Site", "Title - Site", "Site: Title"... -> "Title".
std::string strip_site_suffix(std::string_view title, std::string_view site_name);

}  // namespace newsmon
