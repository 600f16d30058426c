#include "daemon/feed/feed_date.h"

#include <array>
#include <string>
#include <vector>

namespace newsmon {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80; }

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!is_digit(c)) return false;
  return true;
}

// The value of a run of digits, saturated at kTooLarge: no field of a date
// comes near it, so a longer run is out of range rather than an overflow.
constexpr int kTooLarge = 1'000'000'000;
int to_int(std::string_view digits) {
  int value = 0;
  for (char c : digits) {
    if (value >= kTooLarge / 10) return kTooLarge;
    value = value * 10 + (c - '0');
  }
  return value;
}

// Splits on `separator`; the parts must be 1 to 4 digits each.
std::vector<std::string_view> numeric_parts(std::string_view s, char separator) {
  std::vector<std::string_view> parts;
  while (true) {
    const std::size_t at = s.find(separator);
    parts.push_back(s.substr(0, at));
    if (at == std::string_view::npos) break;
    s.remove_prefix(at + 1);
  }
  for (auto part : parts)
    if (!all_digits(part) || part.size() > 4) return {};
  return parts;
}

struct MonthName {
  std::string_view prefix;
  int month;
};
// English, French, German, Spanish, Portuguese and Italian abbreviations; a
// token is a month when it starts with one of these.
constexpr std::array<MonthName, 37> kMonths{{
    {"jan", 1},  {"ene", 1},  {"gen", 1},  {"feb", 2},  {"fev", 2},  {"f\xc3\xa9v", 2}, {"mar", 3},
    {"m\xc3\xa4r", 3}, {"maer", 3}, {"mrz", 3}, {"apr", 4},  {"avr", 4},  {"abr", 4},  {"may", 5},
    {"mai", 5},  {"mag", 5},  {"jun", 6},  {"juin", 6}, {"giu", 6},  {"jul", 7},  {"juil", 7},
    {"lug", 7},  {"aug", 8},  {"ago", 8},  {"ao\xc3\xbb", 8}, {"aou", 8}, {"sep", 9},  {"set", 9},
    {"oct", 10}, {"okt", 10}, {"out", 10}, {"ott", 10}, {"nov", 11}, {"dec", 12}, {"dez", 12},
    {"dic", 12}, {"d\xc3\xa9""c", 12},
}};

int month_of(std::string_view word) {
  for (const auto& [prefix, month] : kMonths)
    if (month != 0 && word.starts_with(prefix)) return month;
  return 0;
}

struct ZoneName {
  std::string_view name;
  int minutes;
};
constexpr std::array<ZoneName, 37> kZones{{
    {"z", 0},        {"ut", 0},       {"utc", 0},     {"gmt", 0},      {"wet", 0},    {"est", -300},
    {"edt", -240},   {"cst", -360},   {"cdt", -300},  {"mst", -420},   {"mdt", -360}, {"pst", -480},
    {"pdt", -420},   {"akst", -540},  {"akdt", -480}, {"hst", -600},   {"ast", -240}, {"adt", -180},
    {"bst", 60},     {"ist", 330},    {"cet", 60},    {"cest", 120},   {"met", 60},   {"mest", 120},
    {"eet", 120},    {"eest", 180},   {"msk", 180},   {"jst", 540},    {"kst", 540},  {"aest", 600},
    {"aedt", 660},   {"awst", 480},   {"nzst", 720},  {"nzdt", 780},   {"sgt", 480},  {"hkt", 480},
    {"wib", 420},
}};

std::optional<int> zone_name_minutes(std::string_view word) {
  for (const auto& [name, minutes] : kZones)
    if (word == name) return minutes;
  return std::nullopt;
}

// "+0100", "-05:00", "+01", "-5"; nullopt when it is not one.
std::optional<int> numeric_zone_minutes(std::string_view s) {
  if (s.size() < 2 || (s[0] != '+' && s[0] != '-')) return std::nullopt;
  const int sign = s[0] == '-' ? -1 : 1;
  s.remove_prefix(1);
  int hours, minutes = 0;
  if (all_digits(s) && (s.size() == 1 || s.size() == 2)) {
    hours = to_int(s);
  } else if (all_digits(s) && s.size() == 4) {
    hours = to_int(s.substr(0, 2));
    minutes = to_int(s.substr(2));
  } else if (s.size() == 5 && s[2] == ':' && all_digits(s.substr(0, 2)) && all_digits(s.substr(3))) {
    hours = to_int(s.substr(0, 2));
    minutes = to_int(s.substr(3));
  } else {
    return std::nullopt;
  }
  if (hours > 14 || minutes > 59) return std::nullopt;
  return sign * (hours * 60 + minutes);
}

// The fields found so far; -1 is "not seen".
struct DateParts {
  int year = -1, month = -1, day = -1;
  int hour = -1, minute = 0, second = 0;
  int meridiem = 0;  // 0 none, 1 am, 2 pm
  std::optional<int> zone_minutes;
  std::vector<int> months;  // every month word, in order ("mar" may be a weekday)
  bool bad = false;
};

bool set_once(int& field, int value) {
  if (field != -1) return false;
  field = value;
  return true;
}

// "10:00", "10:00:00", "10:00:00.123" then an optional zone ("z", "+01:00", "gmt").
void read_time(std::string_view token, DateParts& parts) {
  std::size_t i = 0;
  const auto number = [&](int max_digits) {
    const std::size_t start = i;
    while (i < token.size() && is_digit(token[i]) && int(i - start) < max_digits) ++i;
    return i > start ? to_int(token.substr(start, i - start)) : -1;
  };
  const int hour = number(2);
  if (hour < 0 || i >= token.size() || token[i] != ':') return void(parts.bad = true);
  ++i;
  const int minute = number(2);
  if (minute < 0) return void(parts.bad = true);
  int second = 0;
  if (i < token.size() && token[i] == ':') {
    ++i;
    second = number(2);
    if (second < 0) return void(parts.bad = true);
    if (i < token.size() && (token[i] == '.' || token[i] == ',')) {
      ++i;
      while (i < token.size() && is_digit(token[i])) ++i;
    }
  }
  if (parts.hour != -1) return void(parts.bad = true);
  parts.hour = hour;
  parts.minute = minute;
  parts.second = second;
  const std::string_view rest = token.substr(i);
  if (rest.empty()) return;
  if (rest == "am" || rest == "pm") {
    parts.meridiem = rest == "am" ? 1 : 2;
  } else if (auto zone = numeric_zone_minutes(rest)) {
    parts.zone_minutes = zone;
  } else if (auto named = zone_name_minutes(rest)) {
    parts.zone_minutes = named;
  } else {
    parts.bad = true;
  }
}

void read_numeric_date(std::string_view token, char separator, DateParts& parts) {
  const auto p = numeric_parts(token, separator);
  if (p.size() != 3) return void(parts.bad = true);
  int y, m, d;
  if (p[0].size() == 4) {
    y = to_int(p[0]), m = to_int(p[1]), d = to_int(p[2]);
  } else if (separator == '/' && to_int(p[0]) <= 12) {  // US order: month/day/year
    m = to_int(p[0]), d = to_int(p[1]), y = to_int(p[2]);
  } else {  // day-month-year (European, and "31/12/2020")
    d = to_int(p[0]), m = to_int(p[1]), y = to_int(p[2]);
  }
  if (p[0].size() != 4 && p[2].size() == 2) y += y < 50 ? 2000 : 1900;
  if (!set_once(parts.year, y) || !set_once(parts.day, d)) return void(parts.bad = true);
  parts.months.push_back(m);
}

void read_token(std::string_view token, DateParts& parts) {
  if (token.empty()) return;
  // An ISO 8601 date glued to its time: "2019-12-01t10:00:00+01:00".
  if (token.size() > 10 && token[10] == 't' && token[4] == '-') {
    read_token(token.substr(0, 10), parts);
    read_token(token.substr(11), parts);
    return;
  }
  if (token.find(':') != std::string_view::npos && is_digit(token[0])) return read_time(token, parts);
  if (token[0] == '+' || token[0] == '-') {
    if (auto zone = numeric_zone_minutes(token)) return void(parts.zone_minutes = zone);
    return void(parts.bad = true);
  }
  if (is_digit(token[0])) {
    if (token.find('/') != std::string_view::npos) return read_numeric_date(token, '/', parts);
    if (token.find('.') != std::string_view::npos) return read_numeric_date(token, '.', parts);
    if (token.find('-') != std::string_view::npos) {
      const std::size_t a = token.find('-'), b = token.rfind('-');
      if (a != b && is_alpha(token[a + 1])) {  // "16-nov-2022"
        read_token(token.substr(0, a), parts);
        read_token(token.substr(a + 1, b - a - 1), parts);
        read_token(token.substr(b + 1), parts);
        return;
      }
      return read_numeric_date(token, '-', parts);
    }
    std::size_t digits = 0;
    while (digits < token.size() && is_digit(token[digits])) ++digits;
    const std::string_view number = token.substr(0, digits), suffix = token.substr(digits);
    if (!suffix.empty() && suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th" && suffix != ".") {
      if (suffix == "am" || suffix == "pm") {  // "2pm"
        if (!set_once(parts.hour, to_int(number))) parts.bad = true;
        parts.meridiem = suffix == "am" ? 1 : 2;
        return;
      }
      return void(parts.bad = true);
    }
    const int value = to_int(number);
    if (number.size() == 4) {
      if (!set_once(parts.year, value)) parts.bad = true;
    } else if (number.size() <= 2 && parts.day == -1) {
      parts.day = value;
    } else if (number.size() <= 2 && parts.year == -1) {
      parts.year = value + (value < 50 ? 2000 : 1900);
    } else if (number.size() == 3 && parts.year == -1) {
      parts.year = value + 1900;
    } else {
      parts.bad = true;
    }
    return;
  }
  if (token == "am" || token == "a.m." || token == "pm" || token == "p.m.") {
    parts.meridiem = token[0] == 'a' ? 1 : 2;
    return;
  }
  if (auto zone = zone_name_minutes(token)) return void(parts.zone_minutes = zone);
  for (std::string_view prefix : {"gmt", "utc", "ut"}) {  // "GMT+0100", "UTC-5"
    if (token.starts_with(prefix) && token.size() > prefix.size() &&
        (token[prefix.size()] == '+' || token[prefix.size()] == '-')) {
      if (auto zone = numeric_zone_minutes(token.substr(prefix.size()))) return void(parts.zone_minutes = zone);
      return void(parts.bad = true);
    }
  }
  if (const int month = month_of(token)) return parts.months.push_back(month);
  // Weekday names in any language and filler words are ignored, but a word
  // with digits in it is not a date we understand.
  for (char c : token)
    if (is_digit(c)) return void(parts.bad = true);
}

std::optional<Instant> assemble(const DateParts& parts) {
  if (parts.bad || parts.year == -1 || parts.day == -1 || parts.months.empty() || parts.months.size() > 2)
    return std::nullopt;
  // Two month words: the first was a weekday that looks like one ("mar" for martes).
  const int month = parts.months.back();
  int hour = parts.hour == -1 ? 0 : parts.hour;
  if (parts.meridiem != 0) {
    if (hour < 1 || hour > 12) return std::nullopt;
    if (parts.meridiem == 1 && hour == 12) hour = 0;
    if (parts.meridiem == 2 && hour != 12) hour += 12;
  }
  if (parts.year < 1900 || parts.year > 2200 || hour > 23 || parts.minute > 59 || parts.second > 60)
    return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year{parts.year}, std::chrono::month(unsigned(month)),
                                        std::chrono::day(unsigned(parts.day))};
  if (!ymd.ok()) return std::nullopt;
  const int second = parts.second == 60 ? 59 : parts.second;
  const Instant t = std::chrono::sys_days{ymd} + std::chrono::hours{hour} + std::chrono::minutes{parts.minute} +
                    std::chrono::seconds{second} - std::chrono::minutes{parts.zone_minutes.value_or(0)};
  return t;
}

// ISO 8601 basic format: "20191201T100000Z", "20191201T1000+0100", "20191201".
std::optional<Instant> parse_iso_basic(std::string_view s) {
  if (s.size() < 8 || !all_digits(s.substr(0, 8))) return std::nullopt;
  DateParts parts;
  parts.year = to_int(s.substr(0, 4));
  parts.months.push_back(to_int(s.substr(4, 2)));
  parts.day = to_int(s.substr(6, 2));
  s.remove_prefix(8);
  if (!s.empty()) {
    if (s[0] != 't' || s.size() < 5 || !all_digits(s.substr(1, 4))) return std::nullopt;
    parts.hour = to_int(s.substr(1, 2));
    parts.minute = to_int(s.substr(3, 2));
    s.remove_prefix(5);
    if (s.size() >= 2 && all_digits(s.substr(0, 2))) {
      parts.second = to_int(s.substr(0, 2));
      s.remove_prefix(2);
    }
    if (!s.empty()) {
      if (s == "z") parts.zone_minutes = 0;
      else if (auto zone = numeric_zone_minutes(s)) parts.zone_minutes = zone;
      else return std::nullopt;
    }
  }
  return assemble(parts);
}

}  // namespace

std::optional<Instant> parse_feed_date(std::string_view text) {
  if (text.size() > 200) return std::nullopt;
  std::string low;
  for (char c : text) low += (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : (c == ',' ? ' ' : c);
  std::string_view s = low;
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  if (s.empty()) return std::nullopt;

  std::optional<Instant> result = parse_rfc3339(s);
  if (!result) result = parse_iso_basic(s);
  if (!result) {
    DateParts parts;
    std::size_t i = 0;
    while (i < s.size() && !parts.bad) {
      while (i < s.size() && space(s[i])) ++i;
      const std::size_t start = i;
      while (i < s.size() && !space(s[i])) ++i;
      read_token(s.substr(start, i - start), parts);
    }
    result = assemble(parts);
  }
  if (result && to_unix(*result) == 0) return std::nullopt;  // "no date" written as the epoch
  return result;
}

}  // namespace newsmon
