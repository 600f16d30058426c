#include "daemon/item_format.h"

#include <catch2/catch.hpp>

using namespace newsmon;

TEST_CASE("a JSON line escapes DEL and C1 controls wherever they are in a string", "[item_format]") {
  CHECK(json_line(nlohmann::json("plain")) == R"("plain")");
  CHECK(json_line(nlohmann::json("\x7f")) == R"("\u007f")");
  CHECK(json_line(nlohmann::json("a\x7f" "b\xC2\x85" "c\xC2\x9F")) == R"("a\u007fb\u0085c\u009f")");
  CHECK(json_line(nlohmann::json("\xC2\x80\xC2\x80")) == R"("\u0080\u0080")");
  CHECK(json_line(nlohmann::json::array({"x\x7f", "\xC2\x9B[1m"})) == R"(["x\u007f","\u009b[1m"])");
}

TEST_CASE("a JSON line keeps other characters that start with byte C2 and C0 escapes as JSON writes them",
          "[item_format]") {
  CHECK(json_line(nlohmann::json("\xC2\xA0no-break \xC2\xA9 2024")) == "\"\xC2\xA0no-break \xC2\xA9 2024\"");
  CHECK(json_line(nlohmann::json("\xC2\xA0then\x7f")) == "\"\xC2\xA0then\\u007f\"");
  CHECK(json_line(nlohmann::json("esc\x1b[0m tab\t")) == R"("esc\u001b[0m tab\t")");
  nlohmann::json object;
  object["b"] = 1.5;
  object["a"] = "\x7f";
  CHECK(json_line(object) == R"({"a":"\u007f","b":1.5})");
}

TEST_CASE("a JSON line replaces invalid UTF-8 instead of throwing", "[item_format]") {
  CHECK(json_line(nlohmann::json("bad \xFF byte")) == "\"bad \xEF\xBF\xBD byte\"");
}
