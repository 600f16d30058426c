// `newsmon feeds`: every feed of the config (and any the archive still
// remembers), with its last success, last error, next poll and items stored.
#include <cstdio>
#include <filesystem>
#include <set>

#include <nlohmann/json.hpp>

#include "daemon/base/safe_text.h"
#include "daemon/cli/commands.h"
#include "daemon/present/json_text.h"
#include "daemon/store/store.h"

namespace newsmon {

namespace {

struct FeedRow {
  FeedState state;
  bool in_config = true;
  std::int64_t items = 0;
};

Result<std::vector<FeedRow>> collect_rows(const Config& config, const std::filesystem::path& database) {
  std::vector<FeedState> stored;
  std::optional<Store> store;
  if (std::filesystem::exists(database)) {
    auto opened = Store::open(database, Store::Access::read_only);
    if (!opened) return std::unexpected(opened.error());
    store.emplace(std::move(*opened));
    auto states = store->all_feed_states();
    if (!states) return std::unexpected(states.error());
    stored = std::move(*states);
  }
  const auto find = [&stored](const std::string& url) -> const FeedState* {
    for (const auto& s : stored)
      if (s.url == url) return &s;
    return nullptr;
  };
  std::vector<FeedRow> rows;
  std::set<std::string> listed;
  for (const auto& outlet : config.outlets)
    for (const auto& url : outlet.feeds) {
      if (!listed.insert(url).second) continue;
      FeedRow row;
      if (const FeedState* s = find(url)) row.state = *s;
      row.state.url = url;
      row.state.outlet = outlet.name;
      if (row.state.fetch_url.empty()) row.state.fetch_url = url;
      rows.push_back(std::move(row));
    }
  for (const auto& s : stored)
    if (listed.insert(s.url).second) rows.push_back(FeedRow{s, false, 0});
  if (store)
    for (auto& row : rows) {
      auto items = store->items_stored_for_feed(row.state.url);
      if (!items) return std::unexpected(items.error());
      row.items = *items;
    }
  return rows;
}

std::string when(const std::optional<Instant>& t) { return t ? to_rfc3339(*t) : "never"; }

std::string next_poll_text(const FeedState& s, Instant now) {
  if (s.retired) return "never: retired, the server said it is gone (410)";
  if (!s.next_poll || *s.next_poll <= now) return "due now";
  return to_rfc3339(*s.next_poll);
}

std::string error_text(const FeedState& s) {
  if (s.last_error.empty()) return "none";
  std::string text = s.last_error;
  if (s.last_attempt) text += " at " + to_rfc3339(*s.last_attempt);
  if (s.consecutive_failures > 1)
    text += " (" + std::to_string(s.consecutive_failures) + " failures in a row)";
  return text;
}

}  // namespace

int run_feeds_command(const GlobalOptions& global, const FeedsOptions& options) {
  const Config config = load_command_config(global);
  const auto collected = collect_rows(config, command_database(global, config));
  if (!collected) return report_archive_failure(collected.error());
  const std::vector<FeedRow>& rows = *collected;
  const Instant now = now_instant();

  if (options.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& row : rows) {
      const FeedState& s = row.state;
      out.push_back({
          {"outlet", s.outlet},
          {"url", s.url},
          {"fetch_url", s.fetch_url},
          {"title", s.title},
          {"in_config", row.in_config},
          {"last_attempt", json_time(s.last_attempt)},
          {"last_success", json_time(s.last_success)},
          {"last_status", s.last_status},
          {"last_error", s.last_error.empty() ? nlohmann::json(nullptr) : nlohmann::json(s.last_error)},
          {"consecutive_failures", s.consecutive_failures},
          {"next_poll", json_time(s.next_poll)},
          {"retired", s.retired},
          {"items_stored", row.items},
      });
    }
    // Invalid UTF-8 from a server becomes U+FFFD rather than an exception.
    std::printf("%s\n", out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    return kExitOk;
  }

  bool first = true;
  for (const auto& row : rows) {
    const FeedState& s = row.state;
    if (!first) std::printf("\n");
    first = false;
    std::printf("%s\t%s%s\n", strip_control_characters(s.outlet).c_str(),
                strip_control_characters(s.url).c_str(), row.in_config ? "" : "\t(not in the config)");
    if (s.fetch_url != s.url)
      std::printf("  fetched from   %s\n", strip_control_characters(s.fetch_url).c_str());
    std::printf("  last success   %s\n", when(s.last_success).c_str());
    std::printf("  last error     %s\n", strip_control_characters(error_text(s)).c_str());
    std::printf("  next poll      %s\n", next_poll_text(s, now).c_str());
    std::printf("  items stored   %lld\n", static_cast<long long>(row.items));
  }
  return kExitOk;
}

}  // namespace newsmon
