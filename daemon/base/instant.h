// Instant: a point in time, UTC, to the second. Every date newsmon stores or
// compares is one of these; text forms exist only at the edges.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace newsmon {

using Instant = std::chrono::sys_seconds;

Instant now_instant();
Instant instant_from_unix(std::int64_t seconds);
std::int64_t to_unix(Instant t);

// "2019-12-01T10:00:00Z"
std::string to_rfc3339(Instant t);
// Accepts "YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)" and "YYYY-MM-DD"; nullopt otherwise.
std::optional<Instant> parse_rfc3339(std::string_view text);

}  // namespace newsmon
