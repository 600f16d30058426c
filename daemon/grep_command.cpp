// `newsmon grep`: RE2 over the stored titles and bodies, line by line, as
// grep does over files. Speed comes from scanning the rows straight out of
// SQLite without copying them and from running the regex over a whole body
// first: only the bodies that match are split into lines.
#include <re2/re2.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "daemon/archive_query.h"
#include "daemon/commands.h"
#include "daemon/item_format.h"
#include "daemon/item_query_filter.h"
#include "daemon/safe_text.h"
#include "daemon/terminal.h"
#include "daemon/time_filter.h"

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
  Store store = Store::open(command_database(global, config), Store::Access::read_only);
  prepare_for_scan(store);
  const Terminal terminal = Terminal::detect();
  const auto [min_id, max_id] = item_id_range(store);

  static char buffer[1 << 16];
  std::setvbuf(stdout, buffer, _IOFBF, sizeof buffer);
  std::size_t hits = 0;
  std::string out;
  scan_item_texts(store, *query, min_id, max_id, [&](const ItemText& item) {
    const bool title_hit = RE2::PartialMatch(item.title, re);
    const bool body_hit = RE2::PartialMatch(item.body, re);
    if (!title_hit && !body_hit) return true;
    const bool summary_only = options.count || options.files_only;
    std::vector<MatchedLine> lines;
    if (body_hit && !(summary_only && title_hit)) lines = matching_lines(re, item.body, summary_only);
    if (!title_hit && lines.empty()) return true;
    ++hits;
    if (options.count) return true;
    out.clear();
    const std::string title = strip_control_characters(item.title);
    if (options.files_only) {
      if (options.json) {
        nlohmann::json j{{"id", item.id}, {"title", item.title}};
        out = json_line(j) + "\n";
      } else {
        out = std::to_string(item.id) + "\t" + title + "\n";
      }
    } else if (options.json) {
      nlohmann::json j;
      j["id"] = item.id;
      j["date"] = to_rfc3339(item.when);
      j["outlet"] = std::string(item.outlet);
      j["title"] = std::string(item.title);
      j["url"] = std::string(item.url);
      j["title_matches"] = nlohmann::json::array();
      if (title_hit)
        for (const auto& [s, e] : match_ranges(re, item.title)) j["title_matches"].push_back({s, e});
      j["lines"] = nlohmann::json::array();
      for (const auto& line : lines) {
        nlohmann::json l{{"line", line.number}, {"text", line.text}, {"matches", nlohmann::json::array()}};
        for (const auto& [s, e] : line.ranges) l["matches"].push_back({s, e});
        j["lines"].push_back(std::move(l));
      }
      out = json_line(j) + "\n";
    } else {
      if (hits > 1) out += "\n";
      const std::string styled_title =
          terminal.colour ? terminal.bold(highlight(terminal, title, match_ranges(re, title))) : title;
      out += item_heading(terminal, item.id, item.when, item.outlet, item.title, styled_title) + "\n";
      for (const auto& line : lines) {
        out += "  ";
        if (options.line_numbers) out += terminal.dim(std::to_string(line.number) + ":");
        out += highlight(terminal, line.text, line.ranges);
        out += "\n";
      }
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    return true;
  });
  if (options.count) {
    if (options.json) std::printf("%s\n", json_line(nlohmann::json{{"count", hits}}).c_str());
    else std::printf("%zu\n", hits);
  }
  std::fflush(stdout);
  return hits > 0 ? kExitOk : kExitNothingFound;
}

}  // namespace newsmon
