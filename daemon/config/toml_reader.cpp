#include "daemon/config/toml_reader.h"

#include <algorithm>
#include <charconv>
#include <tuple>
#include <limits>

namespace newsmon {

void ConfigDiagnostics::error(const toml::source_region& where, const std::string& message) {
  diagnostics_.push_back({where.begin.line, where.begin.column,
                          file_ + ":" + std::to_string(where.begin.line) + ":" +
                              std::to_string(where.begin.column) + ": " + message});
}

void ConfigDiagnostics::error(const std::string& message) {
  constexpr auto last = std::numeric_limits<std::uint32_t>::max();
  diagnostics_.push_back({last, last, file_ + ": " + message});
}

std::vector<std::string> ConfigDiagnostics::errors() const {
  auto sorted = diagnostics_;
  std::stable_sort(sorted.begin(), sorted.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.line, a.column) < std::tie(b.line, b.column);
  });
  std::vector<std::string> out;
  for (auto& d : sorted) out.push_back(std::move(d.text));
  return out;
}

TableReader::TableReader(const toml::table& table, std::string path, ConfigDiagnostics& diagnostics)
    : table_(table), path_(std::move(path)), diagnostics_(diagnostics) {}

std::string TableReader::name(const char* key) const {
  return path_.empty() ? std::string(key) : path_ + "." + key;
}

const toml::node* TableReader::take(const char* key) {
  seen_.insert(key);
  return table_.get(key);
}

void TableReader::error(const char* key, const std::string& message) {
  const toml::node* node = table_.get(key);
  const auto& where = node ? node->source() : table_.source();
  diagnostics_.error(where, name(key) + ": " + message);
}

void TableReader::error(const std::string& message) {
  diagnostics_.error(table_.source(), (path_.empty() ? "" : path_ + ": ") + message);
}

void TableReader::require(const char* key) {
  if (!table_.contains(key)) error("missing required key '" + std::string(key) + "'");
}

void TableReader::get(const char* key, std::string& out) {
  if (const auto* node = take(key)) {
    if (auto v = node->value<std::string>()) out = *v;
    else error(key, "expected a string");
  }
}

void TableReader::get(const char* key, bool& out) {
  if (const auto* node = take(key)) {
    if (auto v = node->value_exact<bool>()) out = *v;
    else error(key, "expected true or false");
  }
}

namespace {
template <class Int>
void read_integer(TableReader& reader, const toml::node* node, const char* key, Int& out,
                  long long min, long long max) {
  if (!node) return;
  auto v = node->value_exact<int64_t>();
  if (!v) return reader.error(key, "expected an integer");
  if (*v < min || *v > max)
    return reader.error(key, "must be between " + std::to_string(min) + " and " + std::to_string(max));
  out = static_cast<Int>(*v);
}
}  // namespace

void TableReader::get(const char* key, int& out, long long min, long long max) {
  read_integer(*this, take(key), key, out, min, max);
}
void TableReader::get(const char* key, long& out, long long min, long long max) {
  read_integer(*this, take(key), key, out, min, max);
}
void TableReader::get(const char* key, std::size_t& out, long long min, long long max) {
  read_integer(*this, take(key), key, out, min, max);
}

void TableReader::get(const char* key, double& out, double min, double max) {
  if (const auto* node = take(key)) {
    auto v = node->value<double>();  // integers are accepted too
    if (!v) return error(key, "expected a number");
    if (*v < min || *v > max)
      return error(key, "must be between " + std::to_string(min) + " and " + std::to_string(max));
    out = *v;
  }
}

void TableReader::get(const char* key, std::vector<std::string>& out) {
  const auto* node = take(key);
  if (!node) return;
  const auto* array = node->as_array();
  if (!array) return error(key, "expected an array of strings");
  out.clear();
  for (const auto& element : *array) {
    if (auto v = element.value<std::string>()) out.push_back(*v);
    else diagnostics_.error(element.source(), name(key) + ": expected a string");
  }
}

std::optional<std::chrono::milliseconds> parse_duration(std::string_view text) {
  long long value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end == text.data() || value < 0) return std::nullopt;
  const std::string_view unit(end, text.data() + text.size() - end);
  using namespace std::chrono;
  long long factor;
  if (unit == "ms") factor = 1;
  else if (unit == "s") factor = 1000;
  else if (unit == "m") factor = 60'000;
  else if (unit == "h") factor = 3'600'000;
  else if (unit == "d") factor = 86'400'000;
  else return std::nullopt;
  if (value > std::numeric_limits<long long>::max() / factor) return std::nullopt;
  return milliseconds{value * factor};
}

void TableReader::get(const char* key, std::optional<std::chrono::milliseconds>& out) {
  const auto* node = take(key);
  if (!node) return;
  auto text = node->value<std::string>();
  auto parsed = text ? parse_duration(*text) : std::nullopt;
  if (!parsed) return error(key, "expected a duration such as \"90s\", \"15m\", \"6h\" or \"1d\"");
  out = parsed;
}

void TableReader::get(const char* key, std::optional<std::chrono::seconds>& out) {
  std::optional<std::chrono::milliseconds> ms;
  get(key, ms);
  if (ms) out = std::chrono::duration_cast<std::chrono::seconds>(*ms);
}

void TableReader::get(const char* key, std::chrono::milliseconds& out) {
  std::optional<std::chrono::milliseconds> ms;
  get(key, ms);
  if (ms) out = *ms;
}

void TableReader::get(const char* key, std::chrono::seconds& out) {
  std::optional<std::chrono::seconds> s;
  get(key, s);
  if (s) out = *s;
}

void TableReader::get_table(const char* key, const std::function<void(TableReader&)>& read) {
  const auto* node = take(key);
  if (!node) return;
  const auto* table = node->as_table();
  if (!table) return error(key, "expected a table");
  TableReader sub(*table, name(key), diagnostics_);
  read(sub);
}

void TableReader::get_tables(const char* key, const std::function<void(TableReader&)>& read) {
  const auto* node = take(key);
  if (!node) return;
  const auto* array = node->as_array();
  if (!array || !array->is_array_of_tables())
    return error(key, "expected [[" + std::string(key) + "]] tables");
  for (std::size_t i = 0; i < array->size(); ++i) {
    TableReader sub(*array->get(i)->as_table(), name(key) + "[" + std::to_string(i + 1) + "]",
                    diagnostics_);
    read(sub);
  }
}

void TableReader::each_table(const std::function<void(const std::string&, TableReader&)>& read) {
  for (const auto& [key, node] : table_) {
    const std::string k(key.str());
    if (const auto* table = node.as_table()) {
      seen_.insert(k);
      TableReader sub(*table, name(k.c_str()), diagnostics_);
      read(k, sub);
    }
  }
}

void TableReader::finish() {
  if (finished_) return;
  finished_ = true;
  for (const auto& [key, node] : table_) {
    const std::string k(key.str());
    if (!seen_.count(k)) diagnostics_.error(node.source(), "unknown key '" + name(k.c_str()) + "'");
  }
}

}  // namespace newsmon
