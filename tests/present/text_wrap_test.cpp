#include "daemon/present/text_wrap.h"

#include <catch2/catch.hpp>

using namespace newsmon;

TEST_CASE("a paragraph wraps at word boundaries within the width", "[text_wrap]") {
  const auto lines = wrap_paragraph("the quick brown fox jumps over the lazy dog", 15);
  CHECK(lines == std::vector<std::string>{"the quick brown", "fox jumps over", "the lazy dog"});
}

TEST_CASE("widths count characters, not bytes, and wide characters as two", "[text_wrap]") {
  CHECK(display_width("Zürich café") == 11);
  CHECK(display_width("華為") == 4);
  CHECK(display_width("e\xCC\x81") == 1);  // e + combining acute
  CHECK(wrap_paragraph("Zürich café naïve", 11) == std::vector<std::string>{"Zürich café", "naïve"});
  CHECK(wrap_paragraph("華為 華為 華為", 5) == std::vector<std::string>{"華為", "華為", "華為"});
}

TEST_CASE("a word longer than the line is cut between characters", "[text_wrap]") {
  CHECK(wrap_paragraph("ééééé", 2) == std::vector<std::string>{"éé", "éé", "é"});
  CHECK(wrap_paragraph("https://example.org/a-very-long-path", 12) ==
        std::vector<std::string>{"https://exam", "ple.org/a-ve", "ry-long-path"});
}

TEST_CASE("wrap_text keeps blank lines and indents every line", "[text_wrap]") {
  CHECK(wrap_text("one two three\n\nfour", 11, "  ") == "  one two\n  three\n\n  four\n");
  CHECK(wrap_text("", 20) == "");
}

TEST_CASE("truncation cuts at a word and adds an ellipsis", "[text_wrap]") {
  CHECK(truncate_text("short", 10) == "short");
  CHECK(truncate_text("Huawei equipment must go", 20) == "Huawei equipment…");
}

TEST_CASE("display width counts ASCII, combining, wide and broken bytes as before the ASCII shortcut",
          "[text_wrap]") {
  CHECK(display_width("plain text") == 10);
  CHECK(display_width("tab\there") == 8);
  CHECK(display_width("e\xCC\x81t\xC3\xA9") == 3);      // e + combining acute, t, é
  CHECK(display_width("\xE6\x9D\xB1\xE4\xBA\xAC!") == 5);  // 東京!
  CHECK(display_width("a\xFF" "b\xC2") == 4);              // a stray byte is one column
  CHECK(display_width("soft\xC2\xAD" "hyphen") == 10);     // U+00AD takes none
}
