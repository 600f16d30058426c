#include "daemon/present/item_format.h"

#include <cstdio>

#include "daemon/present/json_text.h"
#include "daemon/base/safe_text.h"
#include "daemon/present/time_filter.h"

namespace newsmon {

void append_item_json(std::string& out, const Item& item, bool full) {
  // item_json's keys in the order nlohmann writes them (sorted).
  append_json_key(out += '{', "authors", true);
  append_json_strings(out, item.authors);
  if (full) {
    append_json_key(out, "body");
    append_json_string(out, item.body);
    append_json_key(out, "body_source");
    append_json_string(out, item.body_source);
  }
  append_json_key(out, "canonical_url");
  append_json_string(out, item.canonical_url);
  if (full) {
    append_json_key(out, "credited_outlets");
    append_json_strings(out, item.credited_outlets);
  }
  append_json_key(out, "duplicate_of");
  if (item.duplicate_of) append_json_integer(out, *item.duplicate_of);
  else out += "null";
  if (full) {
    append_json_key(out, "fetch_error");
    append_json_string(out, item.fetch_error);
  }
  append_json_key(out, "fetched");
  append_json_string(out, to_rfc3339(item.fetched));
  append_json_key(out, "id");
  append_json_integer(out, item.id);
  if (full) {
    append_json_key(out, "image");
    append_json_string(out, item.image);
  }
  append_json_key(out, "language");
  append_json_string(out, item.language);
  append_json_key(out, "outlet");
  append_json_string(out, item.outlet);
  append_json_key(out, "published");
  append_json_time(out, item.published);
  append_json_key(out, "relevant");
  out += item.relevant ? "true" : "false";
  if (full) {
    append_json_key(out, "robots_disallowed");
    out += item.robots_disallowed ? "true" : "false";
  }
  append_json_key(out, "score");
  append_json_double(out, item.score);
  if (full) {
    append_json_key(out, "site_name");
    append_json_string(out, item.site_name);
  }
  append_json_key(out, "story_id");
  if (item.story_id) append_json_integer(out, *item.story_id);
  else out += "null";
  if (full) {
    append_json_key(out, "summary");
    append_json_string(out, item.summary);
  }
  append_json_key(out, "tags");
  append_json_strings(out, item.tags);
  append_json_key(out, "title");
  append_json_string(out, item.title);
  append_json_key(out, "topics");
  append_json_strings(out, item.topics);
  append_json_key(out, "url");
  append_json_string(out, item.url);
  out += '}';
}

nlohmann::json item_json(const Item& item, bool full) {
  // One definition of an item's fields: the text writer's, read back.
  std::string text;
  append_item_json(text, item, full);
  return nlohmann::json::parse(text);
}

std::string json_line(const nlohmann::json& value) {
  return harmless_json(value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

std::string harmless_json(std::string dumped) {
  // JSON escapes C0 controls only; DEL and C1 (which can only occur inside
  // strings) are escaped too, so the line is harmless on a terminal and lossless.
  // Copied in runs between the bytes to escape (rare), not byte by byte.
  std::string out;
  std::size_t run = 0;  // start of the bytes not yet copied
  for (std::size_t i = 0; i < dumped.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(dumped[i]);
    if (c != 0x7f && c != 0xc2) continue;
    if (run == 0) out.reserve(dumped.size() + 16);
    if (c == 0x7f) {
      out.append(dumped, run, i - run);
      out += "\\u007f";
      run = i + 1;
    } else if (i + 1 < dumped.size() && static_cast<unsigned char>(dumped[i + 1]) < 0xa0 &&
               static_cast<unsigned char>(dumped[i + 1]) >= 0x80) {
      out.append(dumped, run, i - run);
      char escape[8];
      std::snprintf(escape, sizeof escape, "\\u%04x", static_cast<unsigned char>(dumped[i + 1]));
      out += escape;
      ++i;
      run = i + 1;
    }
  }
  if (run == 0) return dumped;
  out.append(dumped, run, std::string::npos);
  return out;
}

std::string item_heading(const Terminal& terminal, std::int64_t id, Instant when, std::string_view outlet,
                         std::string_view title, const std::string& styled_title) {
  return terminal.dim("[" + std::to_string(id) + "]") + " " + terminal.dim(local_date_time(when)) + " · " +
         terminal.accent(strip_control_characters(outlet)) + " · " +
         (styled_title.empty() ? terminal.bold(strip_control_characters(title)) : styled_title);
}

}  // namespace newsmon
