#include "daemon/item_format.h"

#include "daemon/safe_text.h"
#include "daemon/time_filter.h"

namespace newsmon {

nlohmann::json item_json(const StoredItem& item, bool with_body) {
  nlohmann::json j;
  j["id"] = item.id;
  j["url"] = item.url;
  j["canonical_url"] = item.canonical_url;
  j["outlet"] = item.outlet;
  j["title"] = item.title;
  j["authors"] = item.authors;
  j["published"] = item.published ? nlohmann::json(to_rfc3339(*item.published)) : nlohmann::json(nullptr);
  j["fetched"] = to_rfc3339(item.fetched);
  j["language"] = item.language;
  j["score"] = item.score;
  j["relevant"] = item.relevant;
  j["topics"] = item.topics;
  j["tags"] = item.tags;
  j["duplicate_of"] = item.duplicate_of ? nlohmann::json(*item.duplicate_of) : nlohmann::json(nullptr);
  j["story_id"] = item.story_id ? nlohmann::json(*item.story_id) : nlohmann::json(nullptr);
  if (with_body) {
    j["summary"] = item.summary;
    j["body_source"] = item.body_source;
    j["body"] = item.body;
  }
  return j;
}

std::string json_line(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string item_heading(const Terminal& terminal, std::int64_t id, Instant when, std::string_view outlet,
                         std::string_view title, const std::string& styled_title) {
  return terminal.dim("[" + std::to_string(id) + "]") + " " + terminal.dim(local_date_time(when)) + " · " +
         terminal.accent(strip_control_characters(outlet)) + " · " +
         (styled_title.empty() ? terminal.bold(strip_control_characters(title)) : styled_title);
}

}  // namespace newsmon
