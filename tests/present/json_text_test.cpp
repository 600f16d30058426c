#include "daemon/present/json_text.h"

#include <random>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace newsmon;

namespace {

std::string nlohmann_text(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

TEST_CASE("JSON strings are written as nlohmann writes them, escapes and broken UTF-8 included", "[json_text]") {
  const std::vector<std::string> pieces = {"plain", " ", "\"", "\\", "/", "\n", "\t", "\b", "\f", "\r", "\x01",
                                           "\x1f", "\x7f", "\xC2\x85", "é", "東", "😀", "\xFF", "\xC2", "\xE2\x82",
                                           "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xC0\xAF"};
  std::mt19937 random(5);
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const std::size_t length = random() % 8;
    for (std::size_t i = 0; i < length; ++i) text += pieces[random() % pieces.size()];
    std::string out;
    append_json_string(out, text);
    INFO("round " << round);
    REQUIRE(out == nlohmann_text(nlohmann::json(text)));
  }
}

TEST_CASE("JSON numbers, lists and keys are written as nlohmann writes them", "[json_text]") {
  for (const double value : {0.0, -0.0, 1.0, 2.5, 0.1, 1e21, 1e-7, 123456789.125, -3.75, 1.0 / 3.0}) {
    std::string out;
    append_json_double(out, value);
    CHECK(out == nlohmann_text(nlohmann::json(value)));
  }
  for (const std::int64_t value : {std::int64_t(0), std::int64_t(-1), std::int64_t(9007199254740993),
                                   std::numeric_limits<std::int64_t>::min()}) {
    std::string out;
    append_json_integer(out, value);
    CHECK(out == nlohmann_text(nlohmann::json(value)));
  }
  std::string empty, list, object(1, '{');
  append_json_strings(empty, {});
  CHECK(empty == "[]");
  append_json_strings(list, {"a", "b\"c"});
  CHECK(list == R"(["a","b\"c"])");
  append_json_key(object, "first", true);
  object.push_back('1');
  append_json_key(object, "second");
  object.push_back('2');
  object.push_back('}');
  CHECK(object == nlohmann_text(nlohmann::json{{"first", 1}, {"second", 2}}));
}
