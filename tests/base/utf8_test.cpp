#include <catch2/catch.hpp>

#include "daemon/base/utf8.h"

using newsmon::utf8_sequence_length;

TEST_CASE("well-formed sequences of one to four bytes are measured", "[utf8]") {
  CHECK(utf8_sequence_length("a") == 1);
  CHECK(utf8_sequence_length("\xc3\xa9x") == 2);
  CHECK(utf8_sequence_length("\xe5\x8d\x8e") == 3);
  CHECK(utf8_sequence_length("\xf0\x9f\x98\x80") == 4);
}

TEST_CASE("malformed sequences measure zero", "[utf8]") {
  CHECK(utf8_sequence_length("\x80") == 0);              // a stray continuation byte
  CHECK(utf8_sequence_length("\xc0\xaf") == 0);          // an overlong form
  CHECK(utf8_sequence_length("\xed\xa0\x80") == 0);      // a surrogate
  CHECK(utf8_sequence_length("\xf4\x90\x80\x80") == 0);  // above U+10FFFF
  CHECK(utf8_sequence_length("\xe5\x8d") == 0);          // cut short
}
