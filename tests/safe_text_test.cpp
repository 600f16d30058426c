#include <catch2/catch.hpp>

#include "daemon/safe_text.h"

using newsmon::strip_control_characters;

TEST_CASE("an escape sequence in untrusted text prints as harmless text", "[safe_text]") {
  CHECK(strip_control_characters("\x1b[2J\x1b]0;pwned\x07Title") == "[2J]0;pwnedTitle");
}

TEST_CASE("tab and newline survive, other C0 controls and DEL do not", "[safe_text]") {
  CHECK(strip_control_characters("a\tb\nc\rd\x01" "e\x7f" "f") == "a\tb\ncdef");
}

TEST_CASE("C1 controls are removed but other non-ASCII text stays", "[safe_text]") {
  CHECK(strip_control_characters("x\xc2\x9b" "31my\xc2\xa0" "caf\xc3\xa9 \xe5\x8d\x8e") ==
        "x31my\xc2\xa0" "caf\xc3\xa9 \xe5\x8d\x8e");
}

TEST_CASE("invalid UTF-8 becomes the replacement character", "[safe_text]") {
  CHECK(strip_control_characters("a\xff" "b\xc3") == "a\xEF\xBF\xBD" "b\xEF\xBF\xBD");
  CHECK(strip_control_characters("\xed\xa0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
}
