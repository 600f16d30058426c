#include "daemon/base/ascii.h"

#include <catch2/catch.hpp>

#include <clocale>

namespace ascii = newsmon::ascii;

TEST_CASE("whitespace is the C locale's six bytes and nothing else", "[ascii]") {
  for (char c : std::string_view(" \t\n\v\f\r")) CHECK(ascii::is_space(c));
  CHECK_FALSE(ascii::is_space('x'));
  CHECK_FALSE(ascii::is_space('\0'));
  CHECK_FALSE(ascii::is_space('\x85'));  // NEL in Latin-1: a UTF-8 continuation byte here
  CHECK_FALSE(ascii::is_space('\xA0'));  // NBSP in Latin-1
}

TEST_CASE("case changes only A-Z, whatever the locale", "[ascii]") {
  // A Latin-1 locale would turn 0xC0 into 0xE0 with tolower(); UTF-8 must survive.
  std::setlocale(LC_ALL, "C.UTF-8");
  CHECK(ascii::lower("Caf\xC3\x89 ABC-xyz") == "caf\xC3\x89 abc-xyz");
  CHECK(ascii::upper("Caf\xC3\xA9 abc") == "CAF\xC3\xA9 ABC");
  std::setlocale(LC_ALL, "C");
  CHECK(ascii::lower('Q') == 'q');
  CHECK(ascii::upper('q') == 'Q');
  CHECK(ascii::lower('1') == '1');
}

TEST_CASE("trim removes whitespace at both ends only", "[ascii]") {
  CHECK(ascii::trim("  a b \t\r\n") == "a b");
  CHECK(ascii::trim("\v\fx\f\v") == "x");
  CHECK(ascii::trim(" \t ").empty());
  CHECK(ascii::trim("").empty());
  CHECK(ascii::trim("\xC2\xA0x") == "\xC2\xA0x");  // NBSP is not ASCII whitespace
}

TEST_CASE("trim_any removes the bytes it is given", "[ascii]") {
  CHECK(ascii::trim_any(" \"utf-8\" ", " \"") == "utf-8");
  CHECK(ascii::trim_any("\fvalue\t", " \t") == "\fvalue");
  CHECK(ascii::trim_any("xx", "x").empty());
}

TEST_CASE("comparisons ignore ASCII case only", "[ascii]") {
  CHECK(ascii::iequals("Content-Type", "content-TYPE"));
  CHECK_FALSE(ascii::iequals("abc", "abcd"));
  CHECK_FALSE(ascii::iequals("\xC3\x89", "\xC3\xA9"));
  CHECK(ascii::starts_with_ignoring_case("HTTPS://a.example", "https://"));
  CHECK_FALSE(ascii::starts_with_ignoring_case("http", "https://"));
}

TEST_CASE("the classes are ASCII letters and digits", "[ascii]") {
  CHECK(ascii::is_alpha('a'));
  CHECK(ascii::is_alpha('Z'));
  CHECK_FALSE(ascii::is_alpha('\xE9'));
  CHECK(ascii::is_digit('7'));
  CHECK(ascii::is_alnum('7'));
  CHECK_FALSE(ascii::is_alnum('-'));
}
