#include "daemon/present/json_text.h"

#include <nlohmann/json.hpp>

namespace newsmon {

namespace {

// nlohmann's own serialisation of one value: the reference for every case
// the shortcuts below do not cover.
std::string dumped(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  // Printable ASCII but '"' and '\' is written as it is; anything else (controls,
  // quotes, backslashes, non-ASCII that may be invalid UTF-8) goes through nlohmann.
  for (const char c : text) {
    if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
      out += dumped(nlohmann::json(text));
      return;
    }
  }
  out += '"';
  out += text;
  out += '"';
}

void append_json_strings(std::string& out, const std::vector<std::string>& values) {
  out += '[';
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += ',';
    append_json_string(out, values[i]);
  }
  out += ']';
}

void append_json_double(std::string& out, double value) { out += dumped(nlohmann::json(value)); }

void append_json_integer(std::string& out, std::int64_t value) { out += std::to_string(value); }

void append_json_key(std::string& out, std::string_view key, bool first) {
  if (!first) out += ',';
  append_json_string(out, key);
  out += ':';
}

void append_json_time(std::string& out, const std::optional<Instant>& time) {
  if (time) append_json_string(out, to_rfc3339(*time));
  else out += "null";
}

nlohmann::json json_time(const std::optional<Instant>& time) {
  return time ? nlohmann::json(to_rfc3339(*time)) : nlohmann::json(nullptr);
}

}  // namespace newsmon
