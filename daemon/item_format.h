// How one stored item looks in the readers' output: its JSON object (for
// --json and export) and its one-line heading "[ID] DATE · OUTLET · TITLE".
// Every web-sourced text is passed through strip_control_characters here,
// before any colour. Pure functions.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "daemon/archive_query.h"
#include "daemon/terminal.h"

namespace newsmon {

// id, url, canonical_url, outlet, title, authors, published (RFC 3339 UTC or
// null), fetched, score, relevant, topics, tags, duplicate_of, story_id, and
// body when `with_body`. Text is kept as stored (JSON escapes controls).
nlohmann::json item_json(const StoredItem& item, bool with_body);

// JSON text on one line; invalid UTF-8 becomes U+FFFD instead of throwing.
std::string json_line(const nlohmann::json& value);

// Appends item_json(item, with_body) as JSON text without building it as a
// tree first: what json_line() writes for it, but for the DEL and C1 escapes,
// which harmless_json() then adds to the whole text (for outputs of thousands
// of items, like the digest's).
void append_item_json(std::string& out, const StoredItem& item, bool with_body);

// JSON text with DEL and C1 controls (raw inside its strings) escaped as
// \u007f and \u0080..\u009f: the last step of json_line().
std::string harmless_json(std::string json);

// "[12] 2024-05-01 09:30 · The Guardian · Title", local time, the title in
// bold on a colour terminal (or `title` given already styled when non-empty).
std::string item_heading(const Terminal& terminal, std::int64_t id, Instant when, std::string_view outlet,
                         std::string_view title, const std::string& styled_title = "");

}  // namespace newsmon
