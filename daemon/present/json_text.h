// JSON text written straight into a string, byte for byte what
// nlohmann::json::dump(-1, ' ', false, error_handler_t::replace) writes for
// the same values, for the outputs too large to build as a JSON tree first
// (the digest of a day: thousands of items). Keys are written in the order
// given: to match a dumped nlohmann object (a std::map), give them sorted.
// Pure functions, thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "daemon/base/instant.h"

namespace newsmon {

// "text", escaped as nlohmann escapes it (invalid UTF-8 becomes U+FFFD).
void append_json_string(std::string& out, std::string_view text);
// ["a","b"]
void append_json_strings(std::string& out, const std::vector<std::string>& values);
// A double as nlohmann writes it (shortest round trip, "2.0" for two).
void append_json_double(std::string& out, double value);
void append_json_integer(std::string& out, std::int64_t value);
// A time as RFC 3339 UTC text, or null when absent: how every command's JSON
// writes a date (here into text, and as a value for nlohmann trees).
void append_json_time(std::string& out, const std::optional<Instant>& time);
nlohmann::json json_time(const std::optional<Instant>& time);

// "key": in front of the value, after a ',' unless `first`.
void append_json_key(std::string& out, std::string_view key, bool first = false);

}  // namespace newsmon
