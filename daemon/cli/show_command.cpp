// `newsmon show ID|URL`: one article in full, with its metadata, tags, the
// other items of its story and its duplicates, wrapped for reading and
// paged on a terminal; or all of it as one JSON object.
#include <algorithm>
#include <charconv>
#include <cstdio>

#include "daemon/store/archive_query.h"
#include "daemon/cli/commands.h"
#include "daemon/present/item_format.h"
#include "daemon/base/safe_text.h"
#include "daemon/present/terminal.h"
#include "daemon/present/text_wrap.h"
#include "daemon/present/time_filter.h"

namespace newsmon {

namespace {

std::string join_safe(const std::vector<std::string>& values) {
  std::string out;
  for (const auto& v : values) out += (out.empty() ? "" : ", ") + strip_control_characters(v);
  return out;
}

std::optional<std::int64_t> as_id(std::string_view text) {
  std::int64_t id = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc{} || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return id;
}

std::string related_line(const Terminal& terminal, const Item& item) {
  return "  " + item_heading(terminal, item.id, item.when(), item.outlet, item.title) + "\n";
}

}  // namespace

int run_show_command(const GlobalOptions& global, const ShowOptions& options) {
  const Config config = load_command_config(global);
  auto store = Store::open(command_database(global, config), Store::Access::read_only);
  if (!store) return report_archive_failure(store.error());
  const auto id = as_id(options.item);
  auto found = id ? find_item(*store, *id) : find_item_by_url(*store, options.item);
  if (!found) return report_archive_failure(found.error());
  auto& item = *found;
  if (!item) {
    std::fprintf(stderr, "newsmon: show: no item %s%s%s in the archive\n", id ? "" : "'",
                 strip_control_characters(options.item).c_str(), id ? "" : "'");
    return kExitNothingFound;
  }
  std::vector<Item> story;
  if (item->story_id) {
    auto others = story_items(*store, *item->story_id, item->id);
    if (!others) return report_archive_failure(others.error());
    story = std::move(*others);
  }
  const auto duplicates = duplicates_of(*store, item->id);
  if (!duplicates) return report_archive_failure(duplicates.error());
  std::optional<Item> original;
  if (item->duplicate_of) {
    auto found_original = find_item(*store, *item->duplicate_of);
    if (!found_original) return report_archive_failure(found_original.error());
    original = std::move(*found_original);
  }
  // The story lists the other outlets' own items: not copies of this one, nor its original.
  std::erase_if(story, [&](const Item& other) {
    return other.duplicate_of == item->id || (item->duplicate_of && other.id == *item->duplicate_of);
  });

  if (options.json) {
    auto j = item_json(*item, true);
    j["story"] = nlohmann::json::array();
    for (const auto& other : story) j["story"].push_back(item_json(other, false));
    j["duplicates"] = nlohmann::json::array();
    for (const auto& other : *duplicates) j["duplicates"].push_back(item_json(other, false));
    write_all(stdout, json_line(j) + "\n");
    return kExitOk;
  }

  const Terminal terminal = Terminal::detect();
  const std::size_t width = std::size_t(std::clamp(terminal.width, 20, 100));
  std::string out;
  for (const auto& line : wrap_paragraph(strip_control_characters(item->title), width))
    out += terminal.bold(line) + "\n";
  std::string meta = strip_control_characters(item->outlet) + " · " + local_date_time(item->when());
  if (!item->authors.empty()) meta += " · by " + join_safe(item->authors);
  for (const auto& line : wrap_paragraph(meta, width)) out += terminal.accent(line) + "\n";
  out += strip_control_characters(item->url) + "\n";
  const auto field = [&](const char* name, const std::string& value) {
    if (!value.empty()) out += terminal.dim(std::string(name) + ":") + " " + value + "\n";
  };
  out += "\n";
  field("Item", std::to_string(item->id) + (item->relevant ? " (relevant, score " : " (not relevant, score ") +
                    [&] { char b[32]; std::snprintf(b, sizeof b, "%.2f)", item->score); return std::string(b); }());
  field("Topics", join_safe(item->topics));
  field("Tags", join_safe(item->tags));
  if (item->published) field("Fetched", local_date_time(item->fetched));
  if (item->canonical_url != item->url) field("Canonical", strip_control_characters(item->canonical_url));
  field("Site", strip_control_characters(item->site_name));
  field("Image", strip_control_characters(item->image));
  field("Credited", join_safe(item->credited_outlets));
  field("Fetch error", strip_control_characters(item->fetch_error));
  if (item->robots_disallowed) field("Robots", "disallowed");
  if (original) out += terminal.dim("Duplicate of:") + "\n" + related_line(terminal, *original);
  if (!story.empty()) {
    out += terminal.dim("Also in this story:") + "\n";
    for (const auto& other : story) out += related_line(terminal, other);
  }
  if (!duplicates->empty()) {
    out += terminal.dim("Duplicates:") + "\n";
    for (const auto& other : *duplicates) out += related_line(terminal, other);
  }
  out += "\n";
  const std::string& text = item->body.empty() ? item->summary : item->body;
  out += wrap_text(strip_control_characters(text), width);
  print_paged(terminal, out);
  return kExitOk;
}

}  // namespace newsmon
