// How one stored item looks in the readers' output: its JSON object (for
// --json and export) and its one-line heading "[ID] DATE · OUTLET · TITLE".
// Every web-sourced text is passed through strip_control_characters here,
// before any colour. Pure functions.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "daemon/store/item.h"
#include "daemon/present/terminal.h"

namespace newsmon {

// An item's JSON object, for outputs that add to it (show, search): what
// append_item_json writes, as a tree.
nlohmann::json item_json(const Item& item, bool full);

// JSON text on one line; invalid UTF-8 becomes U+FFFD instead of throwing.
std::string json_line(const nlohmann::json& value);

// Appends an item as a JSON object on one line: authors, body (full),
// body_source (full), canonical_url, credited_outlets (full), duplicate_of,
// fetch_error (full), fetched, id, image (full), language, outlet, published
// (RFC 3339 UTC or null), relevant, robots_disallowed (full), score,
// site_name (full), story_id, summary (full), tags, title, topics, url; keys
// sorted, as nlohmann writes them. `full`: one item shown whole (show,
// export), not a line of a list. Text is kept as stored (JSON escapes C0 controls;
// invalid UTF-8 becomes U+FFFD); harmless_json() escapes DEL and C1 in the
// whole output afterwards. Written as text, not built as a tree: outputs of
// thousands of items (digest, export) spent half their time on the tree.
void append_item_json(std::string& out, const Item& item, bool full);

// JSON text with DEL and C1 controls (raw inside its strings) escaped as
// \u007f and \u0080..\u009f: the last step of json_line().
std::string harmless_json(std::string json);

// "[12] 2024-05-01 09:30 · The Guardian · Title", local time, the title in
// bold on a colour terminal (or `title` given already styled when non-empty).
std::string item_heading(const Terminal& terminal, std::int64_t id, Instant when, std::string_view outlet,
                         std::string_view title, const std::string& styled_title = "");

}  // namespace newsmon
