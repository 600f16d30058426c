// parse_feed_date: the dates feeds really carry, as UTC instants. Accepts
// RFC 3339 / ISO 8601 ("2019-12-01T10:00:00+01:00", "2019-12-01 10:00",
// "20191201T100000Z"), RFC 822/1123 and the variants real feeds use (missing
// seconds or weekday, zone names such as EST/GMT/UT/Z/CET, numeric zones with
// or without a colon, two-digit years, 12-hour clocks, the month before the
// day), "2020/1/10 14:33:00", and month names in English, French, German,
// Spanish, Portuguese and Italian. No zone means UTC. Anything else,
// impossible dates, and the literal Unix epoch (a common "no date" filler)
// are absent (nullopt), never the epoch. Pure function: thread-safe.
#pragma once

#include <optional>
#include <string_view>

#include "daemon/base/instant.h"

namespace newsmon {

std::optional<Instant> parse_feed_date(std::string_view text);

}  // namespace newsmon
