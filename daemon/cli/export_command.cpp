// `newsmon export`: the archive for other tools. jsonl: one JSON object per
// item (everything stored, body included) to a file or stdout. txt: one file
// per item in a directory, a header block then the body, so that plain
// `grep -r` and ripgrep work on the archive too.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>

#include "daemon/store/archive_query.h"
#include "daemon/cli/commands.h"
#include "daemon/present/item_format.h"
#include "daemon/cli/item_query_filter.h"
#include "daemon/base/safe_text.h"
#include "daemon/present/time_filter.h"

namespace newsmon {

namespace {

std::string join(const std::vector<std::string>& values) {
  std::string out;
  for (const auto& v : values) out += (out.empty() ? "" : ", ") + v;
  return out;
}

std::string one_line(std::string text) {
  for (char& c : text)
    if (c == '\n' || c == '\t') c = ' ';
  return text;
}

// The txt form of one item: "Key: value" lines, a blank line, the body.
std::string export_text(const Item& item) {
  std::string out;
  const auto field = [&](const char* key, const std::string& value) {
    out += key;
    out += ": ";
    out += one_line(strip_control_characters(value));
    out += '\n';
  };
  field("Title", item.title);
  field("Outlet", item.outlet);
  field("Date", to_rfc3339(item.when()));
  field("URL", item.url);
  if (!item.authors.empty()) field("Authors", join(item.authors));
  if (!item.topics.empty()) field("Topics", join(item.topics));
  if (!item.tags.empty()) field("Tags", join(item.tags));
  field("Id", std::to_string(item.id));
  out += '\n';
  out += strip_control_characters(item.body.empty() ? item.summary : item.body);
  if (!out.empty() && out.back() != '\n') out += '\n';
  return out;
}

}  // namespace

int run_export_command(const GlobalOptions& global, const ExportOptions& options) {
  if (options.format != "jsonl" && options.format != "txt") {
    std::fprintf(stderr, "newsmon: export: --format must be jsonl or txt, not '%s'\n", options.format.c_str());
    return kExitUsage;
  }
  if (options.format == "txt" && (options.output.empty() || options.output == "-")) {
    std::fprintf(stderr, "newsmon: export: --format txt writes one file per item: give a directory with -o DIR\n");
    return kExitUsage;
  }
  auto query = to_item_query(options.filter, now_instant());
  if (!query) {
    std::fprintf(stderr, "newsmon: export: %s\n", query.error().message.c_str());
    return kExitUsage;
  }
  const Config config = load_command_config(global);
  auto store = Store::open(command_database(global, config), Store::Access::read_only);
  if (!store) return report_archive_failure(store.error());
  if (auto tuned = prepare_for_scan(*store); !tuned) return report_archive_failure(tuned.error());

  if (options.format == "jsonl") {
    std::FILE* out = stdout;
    const bool to_file = !options.output.empty() && options.output != "-";
    if (to_file && !(out = std::fopen(options.output.c_str(), "wb"))) {
      std::fprintf(stderr, "newsmon: export: %s: %s\n", options.output.c_str(), std::strerror(errno));
      return kExitFailure;
    }
    bool ok = true;
    std::string line;
    const auto read = for_each_item(*store, *query, [&](const Item& item) {
      line.clear();
      append_item_json(line, item, true);  // json_line(item_json(item, true)), without the tree
      line = harmless_json(std::move(line));
      line += '\n';
      ok = std::fwrite(line.data(), 1, line.size(), out) == line.size();
      return ok;
    });
    ok = std::fflush(out) == 0 && ok;
    if (to_file) ok = std::fclose(out) == 0 && ok;
    if (!read) return report_archive_failure(read.error());
    if (!ok) {
      std::fprintf(stderr, "newsmon: export: %s: %s\n", to_file ? options.output.c_str() : "stdout",
                   std::strerror(errno));
      return kExitFailure;
    }
    return kExitOk;
  }

  const std::filesystem::path directory(options.output);
  std::error_code ec;
  std::filesystem::create_directories(directory, ec);
  if (ec) {
    std::fprintf(stderr, "newsmon: export: %s: %s\n", directory.c_str(), ec.message().c_str());
    return kExitFailure;
  }
  std::string failure;
  const auto read = for_each_item(*store, *query, [&](const Item& item) {
    const auto path = directory / (local_date(item.when()) + "-" + std::to_string(item.id) + ".txt");
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    file << export_text(item);
    file.close();
    if (!file) failure = path.string() + ": cannot write";
    return failure.empty();
  });
  if (!read) return report_archive_failure(read.error());
  if (!failure.empty()) {
    std::fprintf(stderr, "newsmon: export: %s\n", failure.c_str());
    return kExitFailure;
  }
  return kExitOk;
}

}  // namespace newsmon
