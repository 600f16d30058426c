// The text clean-ups every feed reader applies to what a document says:
// HTML to plain text (titles), entity decoding, whitespace folding, C1
// control characters read as windows-1252 (what the publisher meant), link
// resolution (libcurl's URL API, RFC 3986) and stable derived entry ids.
// Pure functions of their arguments: thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace newsmon {

// Decodes HTML character references: numeric ones and the HTML 4 named set
// (libxml2's table), plus &apos;. Unknown names stay as written.
std::string decode_html_entities(std::string_view text);

// Runs of whitespace (ASCII and U+00A0) become one space; ends trimmed.
std::string fold_whitespace(std::string_view text);

// U+0080..U+009F become the windows-1252 characters they stand for
// ("don\u0092t" -> "don’t"); the ones windows-1252 leaves undefined are dropped.
std::string fix_c1_controls(std::string_view text);

// A fragment of HTML as one line of plain text: tags (and the content of
// script/style) removed, entities decoded, C1 fixed, whitespace folded.
std::string html_to_plain_text(std::string_view html);

// An entry id for an entry that has none: the same link and title always
// give the same id ("urn:newsmon:entry:" + 16 hex digits).
std::string derive_entry_id(std::string_view link, std::string_view title, std::string_view fallback);

}  // namespace newsmon
