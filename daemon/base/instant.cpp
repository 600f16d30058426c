#include "daemon/base/instant.h"

#include <algorithm>
#include <cstdio>

namespace newsmon {

Instant now_instant() {
  return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

Instant instant_from_unix(std::int64_t seconds) { return Instant{std::chrono::seconds{seconds}}; }

std::int64_t to_unix(Instant t) { return t.time_since_epoch().count(); }

std::string to_rfc3339(Instant t) {
  const auto day = std::chrono::floor<std::chrono::days>(t);
  const std::chrono::year_month_day ymd{day};
  const std::chrono::hh_mm_ss hms{t - day};
  if (int(ymd.year()) >= 0 && int(ymd.year()) <= 9999) {
    // The common case by hand: the readers format thousands of these, and
    // snprintf cost more than all the rest of an item's JSON.
    std::string out = "0000-00-00T00:00:00Z";
    const auto put = [&out](std::size_t end, long value, int digits) {
      for (int i = 1; i <= digits; ++i, value /= 10) out[end - i] = char('0' + value % 10);
    };
    put(4, int(ymd.year()), 4);
    put(7, unsigned(ymd.month()), 2);
    put(10, unsigned(ymd.day()), 2);
    put(13, long(hms.hours().count()), 2);
    put(16, long(hms.minutes().count()), 2);
    put(19, long(hms.seconds().count()), 2);
    return out;
  }
  char out[64];
  std::snprintf(out, sizeof out, "%04d-%02u-%02uT%02ld:%02ld:%02lldZ", int(ymd.year()),
                unsigned(ymd.month()), unsigned(ymd.day()), long(hms.hours().count()),
                long(hms.minutes().count()), static_cast<long long>(hms.seconds().count()));
  return out;
}

namespace {

bool read_digits(std::string_view& s, int count, int& value) {
  if (s.size() < std::size_t(count)) return false;
  value = 0;
  for (int i = 0; i < count; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    value = value * 10 + (s[i] - '0');
  }
  s.remove_prefix(count);
  return true;
}

bool expect(std::string_view& s, char c) {
  if (s.empty() || s.front() != c) return false;
  s.remove_prefix(1);
  return true;
}

}  // namespace

std::optional<Instant> parse_rfc3339(std::string_view s) {
  int year, month, day, hour = 0, minute = 0, second = 0;
  if (!read_digits(s, 4, year) || !expect(s, '-') || !read_digits(s, 2, month) ||
      !expect(s, '-') || !read_digits(s, 2, day))
    return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month(month),
                                        std::chrono::day(day)};
  if (!ymd.ok()) return std::nullopt;
  int offset_minutes = 0;
  if (!s.empty()) {
    if (s.front() != 'T' && s.front() != 't' && s.front() != ' ') return std::nullopt;
    s.remove_prefix(1);
    if (!read_digits(s, 2, hour) || !expect(s, ':') || !read_digits(s, 2, minute))
      return std::nullopt;
    if (expect(s, ':') && !read_digits(s, 2, second)) return std::nullopt;
    if (!s.empty() && (s.front() == '.' || s.front() == ',')) {
      s.remove_prefix(1);
      while (!s.empty() && s.front() >= '0' && s.front() <= '9') s.remove_prefix(1);
    }
    if (hour > 23 || minute > 59 || second > 60) return std::nullopt;
    if (s == "Z" || s == "z" || s.empty()) {
      s = {};
    } else {
      const int sign = s.front() == '-' ? -1 : s.front() == '+' ? 1 : 0;
      if (sign == 0) return std::nullopt;
      s.remove_prefix(1);
      int oh, om = 0;
      if (!read_digits(s, 2, oh)) return std::nullopt;
      expect(s, ':');
      if (!s.empty() && !read_digits(s, 2, om)) return std::nullopt;
      if (!s.empty()) return std::nullopt;
      offset_minutes = sign * (oh * 60 + om);
    }
  }
  // A leap second (23:59:60) is folded into the second before it, as POSIX time does.
  second = std::min(second, 59);
  const Instant t = std::chrono::sys_days{ymd} + std::chrono::hours{hour} +
                    std::chrono::minutes{minute} + std::chrono::seconds{second} -
                    std::chrono::minutes{offset_minutes};
  // An offset can carry 0000-01-01 or 9999-12-31 out of the four-digit years we print.
  const std::chrono::year_month_day utc{std::chrono::floor<std::chrono::days>(t)};
  if (utc.year() < std::chrono::year{0} || utc.year() > std::chrono::year{9999}) return std::nullopt;
  return t;
}

}  // namespace newsmon
