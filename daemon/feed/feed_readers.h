// The per-format readers behind parse_feed (feed_parser.h), and what they
// share. Each turns a parsed document into a Feed; parse_feed detects the
// format and calls one. Internal to the feed parser; pure functions,
// thread-safe.
#pragma once

#include <libxml/tree.h>

#include <string>
#include <string_view>

#include "daemon/feed/feed.h"
#include "daemon/base/result.h"

namespace newsmon {

// RSS 0.9x/2.0 (root <rss>) and RSS 0.90/1.0 (root <rdf:RDF>).
Feed read_rss(const xmlNode* root, std::string_view feed_url, std::string format);

// Atom 1.0 and 0.3 (root <feed>).
Feed read_atom(const xmlNode* root, std::string_view feed_url, std::string format);

// JSON Feed 1.0/1.1, from UTF-8 text. An Error naming `feed_url` when the
// text is not JSON or not a JSON Feed.
Result<Feed> read_json_feed(std::string_view utf8, std::string_view feed_url);

// Media RSS (media:thumbnail, media:content, media:group) into `entry`,
// URLs resolved against `base`.
void read_media_element(const xmlNode* node, std::string_view base, FeedEntry& entry);

// The clean-ups every entry gets whatever its format: text fields with C1
// controls fixed, authors and categories folded and deduplicated, an id
// derived when there is none.
void finish_entry(FeedEntry& entry);

// Plain text as an HTML fragment (& < > escaped), for summaries and contents
// that a feed declares as text: the pipeline reads both as HTML.
std::string escape_html(std::string_view text);

// "60" -> 60; nullopt for anything but a positive decimal integer.
std::optional<long long> parse_positive_integer(std::string_view text);

}  // namespace newsmon
