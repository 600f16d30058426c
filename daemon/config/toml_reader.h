// TableReader: reads one TOML table into typed fields and reports, with
// FILE:LINE:COL, every wrong type, bad value and unknown key. A typo in
// feeds.toml must never be silently ignored, so finish() flags every key
// that no get_*() call asked for.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <toml++/toml.h>

namespace newsmon {

// ConfigDiagnostics: every problem found in one config file, each with its
// position, so check-config can list them all at once.
class ConfigDiagnostics {
 public:
  explicit ConfigDiagnostics(std::string file) : file_(std::move(file)) {}
  void error(const toml::source_region& where, const std::string& message);
  void error(const std::string& message);  // about the file as a whole
  // In the order of the file (line, then column); whole-file errors last.
  std::vector<std::string> errors() const;
  const std::string& file() const { return file_; }

 private:
  struct Diagnostic {
    std::uint32_t line, column;
    std::string text;
  };
  std::string file_;
  std::vector<Diagnostic> diagnostics_;
};

class TableReader {
 public:
  // `path` is the table's dotted name ("http", "outlet[2]") used in messages.
  TableReader(const toml::table& table, std::string path, ConfigDiagnostics& diagnostics);

  void get(const char* key, std::string& out);
  void get(const char* key, bool& out);
  void get(const char* key, int& out, long long min, long long max);
  void get(const char* key, long& out, long long min, long long max);
  void get(const char* key, std::size_t& out, long long min, long long max);
  void get(const char* key, double& out, double min, double max);
  void get(const char* key, std::vector<std::string>& out);
  // Durations are written "90s", "15m", "6h", "1d" or "500ms".
  void get(const char* key, std::chrono::seconds& out);
  void get(const char* key, std::chrono::milliseconds& out);
  void get(const char* key, std::optional<std::chrono::seconds>& out);
  void get(const char* key, std::optional<std::chrono::milliseconds>& out);
  // Sub-tables and arrays of tables, handed to `read` one by one.
  void get_table(const char* key, const std::function<void(TableReader&)>& read);
  void get_tables(const char* key, const std::function<void(TableReader&)>& read);
  // Every key of this table that is itself a table: [tags.vendor.huawei] style maps.
  void each_table(const std::function<void(const std::string& key, TableReader&)>& read);

  void require(const char* key);  // reports a missing key
  void error(const char* key, const std::string& message);
  void error(const std::string& message);  // about the table itself
  // Reports every key that no get*() asked for. Called by the destructor too.
  void finish();
  ~TableReader() { finish(); }

  const std::string& path() const { return path_; }
  ConfigDiagnostics& diagnostics() { return diagnostics_; }

 private:
  const toml::node* take(const char* key);
  std::string name(const char* key) const;

  const toml::table& table_;
  std::string path_;
  ConfigDiagnostics& diagnostics_;
  std::set<std::string> seen_;
  bool finished_ = false;
};

// "90s" -> 90 s; nullopt when malformed.
std::optional<std::chrono::milliseconds> parse_duration(std::string_view text);

}  // namespace newsmon
