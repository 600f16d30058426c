// Time bounds as people type them on the command line (--since 24h, --since
// 7d, --until 2024-05-01, --date 2024-05-01) turned into Instants, and
// Instants turned back into local dates and times for reading. Calendar dates
// are local days in the process's time zone (TZ), as `date` understands them;
// durations count back from a given "now". Pure functions of their inputs and
// the time zone; thread-safe (localtime_r, mktime).
#pragma once

#include <string>
#include <string_view>

#include "daemon/base/instant.h"
#include "daemon/base/result.h"

namespace newsmon {

// A half-open span of time [begin, end).
struct TimeRange {
  Instant begin{};
  Instant end{};
};

// "90m", "24h", "7d", "2w" (now minus that), "YYYY-MM-DD" (local midnight
// starting that day), or a full RFC 3339 time. Errors name the text.
Result<Instant> parse_time_bound(std::string_view text, Instant now);

// The local calendar day "YYYY-MM-DD": from its midnight to the next one
// (23 or 25 hours long on daylight-saving days).
Result<TimeRange> local_day(std::string_view date);

// The local day containing `t`, as "YYYY-MM-DD".
std::string local_date(Instant t);
// "YYYY-MM-DD HH:MM" in local time.
std::string local_date_time(Instant t);

}  // namespace newsmon
