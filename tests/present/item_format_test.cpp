#include "daemon/present/item_format.h"

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

TEST_CASE("an item's JSON text has every field, sorted, with controls escaped; its tree is the same", "[item_format]") {
  Item plain;
  plain.id = 42;
  plain.url = "https://example.org/a";
  plain.canonical_url = "https://example.org/a";
  plain.outlet = "The Guardian";
  plain.title = "Huawei cap";
  plain.fetched = instant_from_unix(1714521600);
  Item full = plain;
  full.authors = {"Patrick Tucker", "Zoë \"Z\" Ng"};
  full.published = instant_from_unix(1714500000);
  full.body = "Line one.\nLine\ttwo \x1b[1m bold\x7f \xC2\x85 \xFF end.";
  full.body_source = "page";
  full.summary = "A summary.";
  full.language = "en";
  full.score = 2.75;
  full.relevant = true;
  full.topics = {"telecom vendor policy"};
  full.tags = {"huawei", "uk"};
  full.duplicate_of = 7;
  full.story_id = 3;
  full.title = "Red\x1b[31m alert \xE2\x80\x94 ZTE";
  full.site_name = "The Guardian";
  full.image = "https://i.guim.co.uk/a.jpg";
  full.credited_outlets = {"Reuters", "AP"};
  full.fetch_error = "HTTP 403";
  full.robots_disallowed = true;
  for (const auto* item : {&plain, &full}) {
    for (const bool whole : {false, true}) {
      std::string out;
      append_item_json(out, *item, whole);
      CHECK(harmless_json(out) == json_line(item_json(*item, whole)));
    }
  }
  std::string out;
  append_item_json(out, plain, false);
  CHECK(harmless_json(out) ==
        R"({"authors":[],"canonical_url":"https://example.org/a","duplicate_of":null,"fetched":"2024-05-01T00:00:00Z",)"
        R"("id":42,"language":"","outlet":"The Guardian","published":null,"relevant":false,"score":0.0,)"
        R"("story_id":null,"tags":[],"title":"Huawei cap","topics":[],"url":"https://example.org/a"})");
  out.clear();
  append_item_json(out, full, false);  // a line of a list: not what the page fetch recorded
  CHECK(out.find("site_name") == std::string::npos);
  CHECK(out.find("robots_disallowed") == std::string::npos);
  out.clear();
  append_item_json(out, full, true);
  CHECK(harmless_json(out) ==
        "{\"authors\":[\"Patrick Tucker\",\"Zo\xC3\xAB \\\"Z\\\" Ng\"],"
        R"("body":"Line one.\nLine\ttwo \u001b[1m bold\u007f \u0085 )" "\xEF\xBF\xBD" R"( end.","body_source":"page",)"
        R"("canonical_url":"https://example.org/a","credited_outlets":["Reuters","AP"],"duplicate_of":7,)"
        R"("fetch_error":"HTTP 403","fetched":"2024-05-01T00:00:00Z","id":42,"image":"https://i.guim.co.uk/a.jpg",)"
        R"("language":"en","outlet":"The Guardian","published":"2024-04-30T18:00:00Z","relevant":true,)"
        R"("robots_disallowed":true,"score":2.75,"site_name":"The Guardian","story_id":3,"summary":"A summary.",)"
        R"("tags":["huawei","uk"],)"
        R"("title":"Red\u001b[31m alert )" "\xE2\x80\x94" R"( ZTE","topics":["telecom vendor policy"],)"
        R"("url":"https://example.org/a"})");
}
