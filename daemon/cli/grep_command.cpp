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
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "daemon/base/safe_text.h"
#include "daemon/cli/commands.h"
#include "daemon/cli/item_query_filter.h"
#include "daemon/present/item_format.h"
#include "daemon/present/json_text.h"
#include "daemon/present/terminal.h"
#include "daemon/present/time_filter.h"
#include "daemon/store/archive_query.h"

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

// The pattern as RE2 runs it (-F, -w, -i applied; ^ and $ at line ends), or
// nullptr, after printing why, when it does not compile.
std::unique_ptr<RE2> compile_pattern(const GrepOptions& options) {
  std::string pattern = options.fixed ? RE2::QuoteMeta(options.pattern) : options.pattern;
  if (options.word) pattern = "\\b(?:" + pattern + ")\\b";
  RE2::Options re_options;
  re_options.set_case_sensitive(!options.ignore_case);
  re_options.set_log_errors(false);
  re_options.set_max_mem(256 << 20);
  auto re = std::make_unique<RE2>("(?m)" + pattern, re_options);
  if (re->ok()) return re;
  std::string error = re->error();
  if (const auto prefix = error.find("(?m)"); prefix != std::string::npos) error.erase(prefix, 4);
  std::fprintf(stderr, "newsmon: grep: bad pattern '%s': %s\n", strip_control_characters(options.pattern).c_str(),
               strip_control_characters(error).c_str());
  return nullptr;
}

// How an item matched: whether its title did, and its body's matching lines
// (for -c and -l the first one at most, and none when the title matched).
struct ItemMatch {
  bool title_hit = false;
  std::vector<MatchedLine> lines;
};

std::optional<ItemMatch> match_item(const RE2& re, const Item& item, bool summary_only) {
  ItemMatch match;
  match.title_hit = RE2::PartialMatch(item.title, re);
  const bool body_hit = RE2::PartialMatch(item.body, re);
  if (!match.title_hit && !body_hit) return std::nullopt;
  if (body_hit && !(summary_only && match.title_hit)) match.lines = matching_lines(re, item.body, summary_only);
  if (!match.title_hit && match.lines.empty()) return std::nullopt;
  return match;
}

// The printers, one per format; each appends one matching item to `out`.

// -l: the item's id and title.
void append_file_line(const Item& item, bool json, std::string& out) {
  if (json) out += json_line(nlohmann::json{{"id", item.id}, {"title", item.title}}) + "\n";
  else out += std::to_string(item.id) + "\t" + strip_control_characters(item.title) + "\n";
}

nlohmann::json json_ranges(const std::vector<std::pair<std::size_t, std::size_t>>& ranges) {
  nlohmann::json array = nlohmann::json::array();
  for (const auto& [start, end] : ranges) array.push_back({start, end});
  return array;
}

// --json: one line per item; "published" as in every item's JSON (null when
// the item has no publication date).
void append_json_item(const RE2& re, const Item& item, const ItemMatch& match, std::string& out) {
  nlohmann::json j;
  j["id"] = item.id;
  j["published"] = json_time(item.published);
  j["outlet"] = item.outlet;
  j["title"] = item.title;
  j["url"] = item.url;
  j["title_matches"] = match.title_hit ? json_ranges(match_ranges(re, item.title)) : nlohmann::json::array();
  j["lines"] = nlohmann::json::array();
  for (const auto& line : match.lines)
    j["lines"].push_back({{"line", line.number}, {"text", line.text}, {"matches", json_ranges(line.ranges)}});
  out += json_line(j) + "\n";
}

// Text: a blank line, the item's heading, then its matching lines indented.
void append_text_block(const Terminal& terminal, const RE2& re, const Item& item, const ItemMatch& match,
                       bool line_numbers, std::string& out) {
  const std::string title = strip_control_characters(item.title);
  const std::string styled_title =
      terminal.colour ? terminal.bold(highlight(terminal, title, match_ranges(re, title))) : title;
  out += "\n" + item_heading(terminal, item.id, item.when(), item.outlet, item.title, styled_title) + "\n";
  for (const auto& line : match.lines) {
    out += "  ";
    if (line_numbers) out += terminal.dim(std::to_string(line.number) + ":");
    out += highlight(terminal, line.text, line.ranges);
    out += "\n";
  }
}

// Matches an item and appends its output in the chosen format. Shared by
// the scanning threads: const, and RE2 is thread-safe.
class ItemPrinter {
 public:
  ItemPrinter(const RE2& re, const GrepOptions& options, const Terminal& terminal)
      : re_(re), options_(options), terminal_(terminal) {}

  // False, appending nothing, when the item does not match.
  bool print(const Item& item, std::string& out) const {
    const auto match = match_item(re_, item, options_.count || options_.files_only);
    if (!match) return false;
    if (options_.count) return true;
    if (options_.files_only) append_file_line(item, options_.json, out);
    else if (options_.json) append_json_item(re_, item, *match, out);
    else append_text_block(terminal_, re_, item, *match, options_.line_numbers, out);
    return true;
  }

  // In the text form every item's block starts with a blank line, dropped
  // before the first one printed.
  bool blocks_start_blank() const { return !options_.json && !options_.files_only; }

 private:
  const RE2& re_;
  const GrepOptions& options_;
  const Terminal& terminal_;
};

// What the scan of one chunk of ids produced: its output and how many items
// matched, or the error that stopped it.
struct ChunkResult {
  std::string out;
  std::size_t hits = 0;
  std::string error;
};

// The archive's ids cut in chunks, newest first: chunk 0 holds the largest.
struct ChunkPlan {
  static constexpr std::int64_t kChunk = 4096;
  std::int64_t min_id = 0;
  std::int64_t max_id = 0;

  std::size_t count() const {
    return max_id >= min_id && max_id > 0 ? std::size_t((max_id - min_id) / kChunk + 1) : 0;
  }
  // Chunk k's ids, lowest and highest.
  std::pair<std::int64_t, std::int64_t> ids(std::size_t k) const {
    const std::int64_t high = max_id - std::int64_t(k) * kChunk;
    return {std::max(min_id, high - kChunk + 1), high};
  }
};

// Hands the chunks out to the scanning threads and their results back to
// the printing thread in order. A scanner runs at most kAhead chunks ahead
// of the printing, so memory stays bounded. Thread-safe.
class OrderedChunks {
 public:
  explicit OrderedChunks(std::size_t count) : count_(count) {}

  // For a scanner: the next chunk to scan, once it is near enough to the
  // printing; nullopt when every chunk is handed out or the scan stopped.
  std::optional<std::size_t> take() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return stop_ || next_ >= count_ || next_ < printed_ + kAhead; });
    if (stop_ || next_ >= count_) return std::nullopt;
    return next_++;
  }
  void finish(std::size_t k, ChunkResult result) {
    std::lock_guard lock(mutex_);
    finished_.emplace(k, std::move(result));
    changed_.notify_all();
  }

  // For the printer: whether chunks are left to print.
  bool unprinted() const { return printed_ < count_; }
  // The next chunk's result in order, once it is in.
  ChunkResult wait_next() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return finished_.contains(printed_); });
    ChunkResult result = std::move(finished_.at(printed_));
    finished_.erase(printed_);
    return result;
  }
  // The result from wait_next() is printed: the scanners may go one further.
  void printed() {
    std::lock_guard lock(mutex_);
    ++printed_;
    changed_.notify_all();
  }
  // Hands out no more chunks.
  void stop() {
    std::lock_guard lock(mutex_);
    stop_ = true;
    changed_.notify_all();
  }

 private:
  static constexpr std::size_t kAhead = 8;
  const std::size_t count_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::map<std::size_t, ChunkResult> finished_;
  std::size_t printed_ = 0;  // written by the printer only
  std::size_t next_ = 0;
  bool stop_ = false;
};

ChunkResult scan_chunk(Store& store, const ItemQuery& query, std::pair<std::int64_t, std::int64_t> ids,
                       const ItemPrinter& printer) {
  ChunkResult result;
  const auto scanned = scan_item_texts(store, query, ids.first, ids.second, [&](const Item& item) {
    if (printer.print(item, result.out)) ++result.hits;
    return true;
  });
  if (!scanned) result.error = scanned.error().message;
  return result;
}

// A scanning thread: its own connection to the archive, then chunks until
// none is left. A connection that fails to open fails each chunk it takes.
void scan_chunks(OrderedChunks& chunks, const ChunkPlan& plan, const std::filesystem::path& database,
                 const ItemQuery& query, const ItemPrinter& printer) {
  auto store = Store::open(database, Store::Access::read_only);
  std::string open_error;
  if (!store) open_error = store.error().message;
  else if (auto tuned = prepare_for_scan(*store); !tuned) open_error = tuned.error().message;
  while (const auto k = chunks.take()) {
    chunks.finish(*k, open_error.empty() ? scan_chunk(*store, query, plan.ids(*k), printer)
                                         : ChunkResult{.error = open_error});
  }
}

// What the printing saw: how many items matched, or the first error.
struct ScanTotals {
  std::size_t hits = 0;
  std::string failure;
};

// Prints the chunks' outputs in order, up to the first failed chunk.
ScanTotals print_in_order(OrderedChunks& chunks, bool blocks_start_blank) {
  ScanTotals totals;
  bool first_block = true;
  while (chunks.unprinted()) {
    const ChunkResult result = chunks.wait_next();
    if (!result.error.empty()) {
      totals.failure = result.error;
      chunks.stop();
      break;
    }
    totals.hits += result.hits;
    std::string_view text = result.out;
    if (first_block && blocks_start_blank && !text.empty() && text.front() == '\n') text.remove_prefix(1);
    if (!text.empty()) first_block = false;
    std::fwrite(text.data(), 1, text.size(), stdout);
    chunks.printed();
  }
  return totals;
}

// The archive is scanned in chunks of ids by a few threads with a
// connection each; the outputs are printed in the order of the chunks.
ScanTotals scan_archive(const std::filesystem::path& database, const ItemQuery& query, const ChunkPlan& plan,
                        const ItemPrinter& printer) {
  OrderedChunks chunks(plan.count());
  const std::size_t thread_count = std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 4);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < std::min(thread_count, plan.count()); ++i)
    threads.emplace_back([&] { scan_chunks(chunks, plan, database, query, printer); });
  const ScanTotals totals = print_in_order(chunks, printer.blocks_start_blank());
  for (auto& thread : threads) thread.join();
  return totals;
}

}  // namespace

int run_grep_command(const GlobalOptions& global, const GrepOptions& options) {
  const auto re = compile_pattern(options);
  if (!re) return kExitUsage;
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

  const ItemPrinter printer(*re, options, terminal);
  const ScanTotals totals = scan_archive(database, *query, ChunkPlan{.min_id = min_id, .max_id = max_id}, printer);
  if (!totals.failure.empty()) {
    std::fflush(stdout);
    return report_archive_failure(Error{ErrorKind::storage, totals.failure});
  }
  if (options.count) {
    if (options.json) std::printf("%s\n", json_line(nlohmann::json{{"count", totals.hits}}).c_str());
    else std::printf("%zu\n", totals.hits);
  }
  std::fflush(stdout);
  return totals.hits > 0 ? kExitOk : kExitNothingFound;
}

}  // namespace newsmon
