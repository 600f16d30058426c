// `newsmon grep`: RE2 over the stored titles and bodies, line by line, as
// grep does over files. Speed comes from scanning the rows straight out of
// SQLite without copying them and from running the regex over a whole body
// first: only the bodies that match are split into lines; and from scanning
// id ranges on a few threads at once, printed in order.
#include <re2/re2.h>

#include <algorithm>
#include <condition_variable>
#include <cstdio>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "daemon/store/archive_query.h"
#include "daemon/cli/commands.h"
#include "daemon/present/item_format.h"
#include "daemon/cli/item_query_filter.h"
#include "daemon/base/safe_text.h"
#include "daemon/present/terminal.h"
#include "daemon/present/time_filter.h"

namespace newsmon {

namespace {

// One matching line of a body: its number (from 1), its text as printed
// (control characters stripped) and the byte ranges of the matches in it.
struct MatchedLine {
  std::size_t number = 0;
  std::string text;
  std::vector<std::pair<std::size_t, std::size_t>> ranges;
};

std::vector<std::pair<std::size_t, std::size_t>> match_ranges(const RE2& re, std::string_view text) {
  std::vector<std::pair<std::size_t, std::size_t>> ranges;
  std::size_t pos = 0;
  re2::StringPiece match;
  while (pos <= text.size() && re.Match(text, pos, text.size(), RE2::UNANCHORED, &match, 1)) {
    const std::size_t start = std::size_t(match.data() - text.data());
    const std::size_t end = start + match.size();
    if (end > start) ranges.emplace_back(start, end);
    pos = end > start ? end : end + 1;
  }
  return ranges;
}

std::string highlight(const Terminal& terminal, std::string_view text,
                      const std::vector<std::pair<std::size_t, std::size_t>>& ranges) {
  if (!terminal.colour || ranges.empty()) return std::string(text);
  std::string out;
  std::size_t at = 0;
  for (const auto& [start, end] : ranges) {
    out += text.substr(at, start - at);
    out += terminal.match(text.substr(start, end - start));
    at = end;
  }
  out += text.substr(at);
  return out;
}

// The lines of `body` that `re` matches on their own, in order; with
// `first_only`, the first one only and undecorated (for -c and -l).
std::vector<MatchedLine> matching_lines(const RE2& re, std::string_view body, bool first_only) {
  std::vector<MatchedLine> lines;
  std::size_t pos = 0, line_number = 1, counted_to = 0;
  re2::StringPiece match;
  while (pos <= body.size() && re.Match(body, pos, body.size(), RE2::UNANCHORED, &match, 1)) {
    const std::size_t at = std::size_t(match.data() - body.data());
    const std::size_t line_start = at == 0 ? 0 : body.rfind('\n', at - 1) + 1;  // npos + 1 == 0
    std::size_t line_end = body.find('\n', at);
    if (line_end == std::string_view::npos) line_end = body.size();
    line_number += std::size_t(std::count(body.begin() + counted_to, body.begin() + line_start, '\n'));
    counted_to = line_start;
    // A match running over a newline (\s, [^x]) is no line match; the next
    // search starts on the following line.
    const std::string_view line = body.substr(line_start, line_end - line_start);
    if (at + match.size() <= line_end || RE2::PartialMatch(line, re)) {
      MatchedLine m;
      m.number = line_number;
      if (!first_only) {
        m.text = strip_control_characters(line);
        m.ranges = match_ranges(re, m.text);
      }
      lines.push_back(std::move(m));
      if (first_only) break;
    }
    pos = line_end + 1;
  }
  return lines;
}

}  // namespace

int run_grep_command(const GlobalOptions& global, const GrepOptions& options) {
  std::string pattern = options.fixed ? RE2::QuoteMeta(options.pattern) : options.pattern;
  if (options.word) pattern = "\\b(?:" + pattern + ")\\b";
  RE2::Options re_options;
  re_options.set_case_sensitive(!options.ignore_case);
  re_options.set_log_errors(false);
  re_options.set_max_mem(256 << 20);
  const RE2 re("(?m)" + pattern, re_options);
  if (!re.ok()) {
    std::string error = re.error();
    if (const auto prefix = error.find("(?m)"); prefix != std::string::npos) error.erase(prefix, 4);
    std::fprintf(stderr, "newsmon: grep: bad pattern '%s': %s\n", strip_control_characters(options.pattern).c_str(),
                 strip_control_characters(error).c_str());
    return kExitUsage;
  }
  auto query = to_item_query(options.filter, now_instant());
  if (!query) {
    std::fprintf(stderr, "newsmon: grep: %s\n", query.error().message.c_str());
    return kExitUsage;
  }
  const Config config = load_command_config(global);
  const auto database = command_database(global, config);
  auto store = Store::open(database, Store::Access::read_only);
  if (!store) return report_archive_failure(store.error());
  const Terminal terminal = Terminal::detect();
  const auto id_range = item_id_range(*store);
  if (!id_range) return report_archive_failure(id_range.error());
  const auto [min_id, max_id] = *id_range;

  // One item's output, appended to `out`; false when it does not match. In
  // the text form every item's block starts with a blank line, dropped
  // before the first one printed.
  const auto render = [&](const Item& item, std::string& out) {
    const bool title_hit = RE2::PartialMatch(item.title, re);
    const bool body_hit = RE2::PartialMatch(item.body, re);
    if (!title_hit && !body_hit) return false;
    const bool summary_only = options.count || options.files_only;
    std::vector<MatchedLine> lines;
    if (body_hit && !(summary_only && title_hit)) lines = matching_lines(re, item.body, summary_only);
    if (!title_hit && lines.empty()) return false;
    if (options.count) return true;
    const std::string title = strip_control_characters(item.title);
    if (options.files_only) {
      if (options.json) out += json_line(nlohmann::json{{"id", item.id}, {"title", item.title}}) + "\n";
      else out += std::to_string(item.id) + "\t" + title + "\n";
    } else if (options.json) {
      nlohmann::json j;
      j["id"] = item.id;
      j["date"] = to_rfc3339(item.when());
      j["outlet"] = item.outlet;
      j["title"] = item.title;
      j["url"] = item.url;
      j["title_matches"] = nlohmann::json::array();
      if (title_hit)
        for (const auto& [s, e] : match_ranges(re, item.title)) j["title_matches"].push_back({s, e});
      j["lines"] = nlohmann::json::array();
      for (const auto& line : lines) {
        nlohmann::json l{{"line", line.number}, {"text", line.text}, {"matches", nlohmann::json::array()}};
        for (const auto& [s, e] : line.ranges) l["matches"].push_back({s, e});
        j["lines"].push_back(std::move(l));
      }
      out += json_line(j) + "\n";
    } else {
      const std::string styled_title =
          terminal.colour ? terminal.bold(highlight(terminal, title, match_ranges(re, title))) : title;
      out += "\n" + item_heading(terminal, item.id, item.when(), item.outlet, item.title, styled_title) + "\n";
      for (const auto& line : lines) {
        out += "  ";
        if (options.line_numbers) out += terminal.dim(std::to_string(line.number) + ":");
        out += highlight(terminal, line.text, line.ranges);
        out += "\n";
      }
    }
    return true;
  };

  // The archive is scanned in chunks of ids, newest first, by a few threads
  // with a connection each; the chunks' outputs are printed in order, and a
  // thread runs at most kAhead chunks ahead of the printing (bounded memory).
  constexpr std::int64_t kChunk = 4096;
  constexpr std::size_t kAhead = 8;
  const std::size_t chunks = max_id >= min_id && max_id > 0 ? std::size_t((max_id - min_id) / kChunk + 1) : 0;
  struct ChunkResult {
    std::string out;
    std::size_t hits = 0;
    std::string error;
  };
  std::mutex mutex;
  std::condition_variable changed;
  std::map<std::size_t, ChunkResult> finished;
  std::size_t printed = 0;
  std::size_t next = 0;
  bool stop = false;
  const auto worker = [&] {
    auto own = Store::open(database, Store::Access::read_only);
    std::string open_error;
    if (!own) open_error = own.error().message;
    else if (auto tuned = prepare_for_scan(*own); !tuned) open_error = tuned.error().message;
    while (true) {
      std::size_t k;
      {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return stop || next >= chunks || next < printed + kAhead; });
        if (stop || next >= chunks) return;
        k = next++;
      }
      ChunkResult result;
      result.error = open_error;
      if (result.error.empty()) {
        const std::int64_t high = max_id - std::int64_t(k) * kChunk;
        const auto scanned =
            scan_item_texts(*own, *query, std::max(min_id, high - kChunk + 1), high, [&](const Item& item) {
              if (render(item, result.out)) ++result.hits;
              return true;
            });
        if (!scanned) result.error = scanned.error().message;
      }
      std::lock_guard lock(mutex);
      finished.emplace(k, std::move(result));
      changed.notify_all();
    }
  };
  const std::size_t thread_count = std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 4);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < std::min(thread_count, chunks); ++i) threads.emplace_back(worker);

  std::size_t hits = 0;
  std::string failure;
  bool first_block = true;
  while (printed < chunks) {
    ChunkResult result;
    {
      std::unique_lock lock(mutex);
      changed.wait(lock, [&] { return finished.contains(printed); });
      result = std::move(finished.at(printed));
      finished.erase(printed);
    }
    if (!result.error.empty()) {
      failure = result.error;
      std::lock_guard lock(mutex);
      stop = true;
      changed.notify_all();
      break;
    }
    hits += result.hits;
    std::string_view text = result.out;
    if (first_block && !text.empty() && !options.json && !options.files_only && text.front() == '\n') {
      text.remove_prefix(1);
    }
    if (!text.empty()) first_block = false;
    std::fwrite(text.data(), 1, text.size(), stdout);
    std::lock_guard lock(mutex);
    ++printed;
    changed.notify_all();
  }
  for (auto& thread : threads) thread.join();
  if (!failure.empty()) {
    std::fflush(stdout);
    return report_archive_failure(Error{ErrorKind::storage, failure});
  }
  if (options.count) {
    if (options.json) std::printf("%s\n", json_line(nlohmann::json{{"count", hits}}).c_str());
    else std::printf("%zu\n", hits);
  }
  std::fflush(stdout);
  return hits > 0 ? kExitOk : kExitNothingFound;
}

}  // namespace newsmon
