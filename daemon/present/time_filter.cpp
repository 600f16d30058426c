#include "daemon/present/time_filter.h"

#include <charconv>
#include <ctime>

namespace newsmon {

namespace {

bool parse_int(std::string_view text, int& value) {
  if (text.empty()) return false;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc{} && end == text.data() + text.size();
}

// Splits "YYYY-MM-DD" into its numbers, checking the calendar.
bool parse_date(std::string_view text, int& year, int& month, int& day) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  if (!parse_int(text.substr(0, 4), year) || !parse_int(text.substr(5, 2), month) ||
      !parse_int(text.substr(8, 2), day))
    return false;
  const std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{unsigned(month)},
                                        std::chrono::day{unsigned(day)}};
  return ymd.ok();
}

// Local midnight starting the given day (mktime normalises day overflow).
Instant local_midnight(int year, int month, int day) {
  std::tm tm{};
  tm.tm_year = year - 1900;
  tm.tm_mon = month - 1;
  tm.tm_mday = day;
  tm.tm_isdst = -1;
  return instant_from_unix(static_cast<std::int64_t>(std::mktime(&tm)));
}

std::string format_local(Instant t, const char* format) {
  const std::time_t seconds = static_cast<std::time_t>(to_unix(t));
  std::tm tm{};
  localtime_r(&seconds, &tm);
  char buffer[64];
  const std::size_t n = std::strftime(buffer, sizeof buffer, format, &tm);
  return std::string(buffer, n);
}

}  // namespace

Result<Instant> parse_time_bound(std::string_view text, Instant now) {
  if (text.size() >= 2) {
    int amount = 0;
    const char unit = text.back();
    if (parse_int(text.substr(0, text.size() - 1), amount) && amount >= 0) {
      switch (unit) {
        case 'm': return now - std::chrono::minutes{amount};
        case 'h': return now - std::chrono::hours{amount};
        case 'd': return now - std::chrono::days{amount};
        case 'w': return now - std::chrono::weeks{amount};
        default: break;
      }
    }
  }
  int year, month, day;
  if (parse_date(text, year, month, day)) return local_midnight(year, month, day);
  if (auto t = parse_rfc3339(text)) return *t;
  return fail(ErrorKind::parse, "'" + std::string(text) +
                                    "' is not a time: use a duration (90m, 24h, 7d, 2w) or a date (YYYY-MM-DD)");
}

Result<TimeRange> local_day(std::string_view date) {
  int year, month, day;
  if (!parse_date(date, year, month, day))
    return fail(ErrorKind::parse, "'" + std::string(date) + "' is not a date: use YYYY-MM-DD");
  return TimeRange{local_midnight(year, month, day), local_midnight(year, month, day + 1)};
}

std::string local_date(Instant t) { return format_local(t, "%Y-%m-%d"); }

std::string local_date_time(Instant t) { return format_local(t, "%Y-%m-%d %H:%M"); }

}  // namespace newsmon
