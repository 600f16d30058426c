#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "daemon/base/safe_text.h"
#include "daemon/base/utf8.h"

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

TEST_CASE("stripping copies runs of plain text yet treats every byte as the sequence-by-sequence filter did",
          "[safe_text]") {
  // The filter before it copied runs: one UTF-8 sequence at a time.
  const auto reference = [](std::string_view text) {
    std::string out;
    while (!text.empty()) {
      const std::size_t n = newsmon::utf8_sequence_length(text);
      if (n == 0) {
        out += "\xEF\xBF\xBD";
        text.remove_prefix(1);
        continue;
      }
      const unsigned char b0 = static_cast<unsigned char>(text[0]);
      const bool c0 = n == 1 && (b0 < 0x20 || b0 == 0x7f) && b0 != '\t' && b0 != '\n';
      const bool c1 = n == 2 && b0 == 0xc2 && static_cast<unsigned char>(text[1]) < 0xa0;
      if (!c0 && !c1) out.append(text.substr(0, n));
      text.remove_prefix(n);
    }
    return out;
  };
  // Random mixes of plain text, controls, C1, valid and broken UTF-8.
  const std::vector<std::string> pieces = {"plain ", "x", "\t", "\n", "\r", "\x1b[1m", "\x7f", "\xC2\x85", "\xC2\xA0",
                                           "é", "東", "😀", "\xFF", "\xC2", "\xE2\x82", "\xED\xA0\x80", "\xF4\x90\x80\x80"};
  std::mt19937 random(11);
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const std::size_t length = random() % 12;
    for (std::size_t i = 0; i < length; ++i) text += pieces[random() % pieces.size()];
    INFO("round " << round);
    REQUIRE(strip_control_characters(text) == reference(text));
  }
}
