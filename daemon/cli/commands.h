// The command line contract: one options struct per subcommand, filled by
// cli.cpp (the only file that includes CLI11), and the function that runs it,
// each in its own <name>_command.cpp. Every run_* returns the process exit
// code: 0 success, 1 nothing found (searching commands), 2 usage or config
// error, 3 any other failure; each failure prints one clear line on stderr.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "daemon/base/result.h"
#include "daemon/config/config.h"

namespace newsmon {

enum ExitCode : int { kExitOk = 0, kExitNothingFound = 1, kExitUsage = 2, kExitFailure = 3 };

struct GlobalOptions {
  std::string config;     // --config
  std::string database;   // --db
  std::string log_level;  // --log-level: trace, debug, info, warn, error, off
};

// Loads the config found by the lookup rules (paths.h). Throws ConfigError.
Config load_command_config(const GlobalOptions& global);
// The archive path for this config (paths.h rules).
std::filesystem::path command_database(const GlobalOptions& global, const Config& config);
// Prints a failure of the archive, "newsmon: archive: MESSAGE", and returns kExitFailure.
int report_archive_failure(const Error& error);

// Filters shared by digest, grep, search and export.
struct ItemFilter {
  std::string since;   // "24h", "7d", "2024-05-01"
  std::string until;
  std::vector<std::string> topics;
  std::vector<std::string> tags;
  std::vector<std::string> outlets;
};

struct CheckConfigOptions {
  std::string file;  // positional; empty: the lookup rules
};
int run_check_config_command(const GlobalOptions& global, const CheckConfigOptions& options);

struct PollOptions {
  bool once = false;
};
int run_poll_command(const GlobalOptions& global, const PollOptions& options);

struct RunOptions {};
int run_run_command(const GlobalOptions& global, const RunOptions& options);

struct DigestOptions {
  std::string date;  // YYYY-MM-DD, local
  ItemFilter filter;
  std::string format = "text";  // text, markdown, json
  bool write = false;           // write digests/YYYY-MM-DD.md and run [digest] command
};
int run_digest_command(const GlobalOptions& global, const DigestOptions& options);

struct ParseFeedOptions {
  std::string source;  // FILE or URL
  bool json = false;
};
int run_parse_feed_command(const GlobalOptions& global, const ParseFeedOptions& options);

struct ExtractOptions {
  std::string source;  // FILE or URL
  bool json = false;
  std::string base_url;
  std::string batch_in;   // --batch IN_DIR OUT_DIR
  std::string batch_out;
};
int run_extract_command(const GlobalOptions& global, const ExtractOptions& options);

struct ClassifyOptions {
  std::string file;
  bool explain = false;
};
int run_classify_command(const GlobalOptions& global, const ClassifyOptions& options);

struct GrepOptions {
  std::string pattern;
  bool ignore_case = false;   // -i
  bool word = false;          // -w
  bool fixed = false;         // -F
  bool files_only = false;    // -l
  bool count = false;         // -c
  bool line_numbers = false;  // -n
  bool json = false;
  ItemFilter filter;
};
int run_grep_command(const GlobalOptions& global, const GrepOptions& options);

struct SearchOptions {
  std::string query;
  bool json = false;
  int limit = 20;
  ItemFilter filter;
};
int run_search_command(const GlobalOptions& global, const SearchOptions& options);

struct ShowOptions {
  std::string item;  // id or URL
  bool json = false;
};
int run_show_command(const GlobalOptions& global, const ShowOptions& options);

struct ExportOptions {
  std::string format = "jsonl";  // jsonl, txt
  std::string output;            // file for jsonl ("-" or empty: stdout), directory for txt
  ItemFilter filter;
};
int run_export_command(const GlobalOptions& global, const ExportOptions& options);

struct FeedsOptions {
  bool json = false;
};
int run_feeds_command(const GlobalOptions& global, const FeedsOptions& options);

}  // namespace newsmon
