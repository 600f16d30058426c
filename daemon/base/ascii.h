// ASCII text helpers for protocol text (HTTP headers, robots.txt, charset
// labels, URLs, HTML attribute names): case and whitespace by the ASCII
// table, never by the C locale, so a byte >= 0x80 (part of a UTF-8 sequence)
// is left as it is and is never a space. Pure functions: thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace newsmon::ascii {

// The one whitespace set: space, tab, line feed, vertical tab, form feed and
// carriage return (what isspace() means in the "C" locale). A caller that
// needs another set (HTTP's OWS is only space and tab) says so with trim_any
// and a named constant.
constexpr bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

constexpr bool is_digit(char c) { return c >= '0' && c <= '9'; }
constexpr bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
constexpr bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
constexpr bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }

constexpr char lower(char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; }
constexpr char upper(char c) { return c >= 'a' && c <= 'z' ? char(c - 'a' + 'A') : c; }

// A copy of `text` with A-Z (or a-z) changed; every other byte as it is.
inline std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = lower(c);
  return out;
}
inline std::string upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = upper(c);
  return out;
}

// `text` without the bytes of `chars` at either end.
constexpr std::string_view trim_any(std::string_view text, std::string_view chars) {
  const auto begin = text.find_first_not_of(chars);
  if (begin == std::string_view::npos) return {};
  return text.substr(begin, text.find_last_not_of(chars) - begin + 1);
}

// `text` without whitespace (is_space) at either end.
constexpr std::string_view trim(std::string_view text) { return trim_any(text, " \t\n\v\f\r"); }

// Equal but for ASCII case.
constexpr bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

constexpr bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && iequals(text.substr(0, prefix.size()), prefix);
}

}  // namespace newsmon::ascii
