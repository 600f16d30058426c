// TableReader and ConfigDiagnostics (toml_reader.cpp): typed fields read
// from a TOML table, every wrong type, bad value and unknown key reported
// with FILE:LINE:COL, and durations with their units.
#include <catch2/catch.hpp>

#include "daemon/config/toml_reader.h"

using namespace newsmon;
using namespace std::chrono_literals;

namespace {

toml::table parse(std::string_view text) { return toml::parse(text, std::string_view("test.toml")); }

}  // namespace

TEST_CASE("fields of the right type are read and nothing is reported", "[toml_reader]") {
  const toml::table table = parse("name = \"A\"\ncount = 3\nratio = 0.5\non = true\nlist = [\"x\", \"y\"]\n"
                                   "every = \"15m\"\n");
  ConfigDiagnostics diagnostics("test.toml");
  std::string name;
  int count = 0;
  double ratio = 0;
  bool on = false;
  std::vector<std::string> list;
  std::chrono::seconds every{0};
  {
    TableReader reader(table, "t", diagnostics);
    reader.get("name", name);
    reader.get("count", count, 1, 10);
    reader.get("ratio", ratio, 0.0, 1.0);
    reader.get("on", on);
    reader.get("list", list);
    reader.get("every", every);
  }
  CHECK(diagnostics.errors().empty());
  CHECK(name == "A");
  CHECK(count == 3);
  CHECK(ratio == 0.5);
  CHECK(on);
  CHECK(list == std::vector<std::string>{"x", "y"});
  CHECK(every == 15min);
}

TEST_CASE("a key nobody asked for is reported with its position when the reader finishes", "[toml_reader]") {
  const toml::table table = parse("name = \"A\"\nnmae = \"B\"\n");
  ConfigDiagnostics diagnostics("test.toml");
  std::string name;
  {
    TableReader reader(table, "outlet[1]", diagnostics);
    reader.get("name", name);
  }
  CHECK(diagnostics.errors() == std::vector<std::string>{"test.toml:2:8: unknown key 'outlet[1].nmae'"});
}

TEST_CASE("a wrong type or a value out of range is reported and the field keeps its default", "[toml_reader]") {
  const toml::table table = parse("count = \"3\"\nlimit = 0\n");
  ConfigDiagnostics diagnostics("test.toml");
  int count = 7, limit = 8;
  {
    TableReader reader(table, "http", diagnostics);
    reader.get("count", count, 1, 10);
    reader.get("limit", limit, 1, 256);
  }
  CHECK(diagnostics.errors() == std::vector<std::string>{"test.toml:1:9: http.count: expected an integer",
                                                          "test.toml:2:9: http.limit: must be between 1 and 256"});
  CHECK(count == 7);
  CHECK(limit == 8);
}

TEST_CASE("a missing required key is reported against its table", "[toml_reader]") {
  const toml::table table = parse("[outlet]\nfetch = true\n");
  ConfigDiagnostics diagnostics("test.toml");
  bool fetch = false;
  {
    TableReader reader(*table["outlet"].as_table(), "outlet", diagnostics);
    reader.get("fetch", fetch);
    reader.require("name");
  }
  CHECK(diagnostics.errors() == std::vector<std::string>{"test.toml:1:1: outlet: missing required key 'name'"});
}

TEST_CASE("diagnostics come in file order with whole-file errors last", "[toml_reader]") {
  const toml::table table = parse("a = 1\nb = 2\n");
  ConfigDiagnostics diagnostics("test.toml");
  diagnostics.error("no [[outlet]] is configured");
  diagnostics.error(table["b"].node()->source(), "second");
  diagnostics.error(table["a"].node()->source(), "first");
  CHECK(diagnostics.errors() == std::vector<std::string>{"test.toml:1:5: first", "test.toml:2:5: second",
                                                          "test.toml: no [[outlet]] is configured"});
}

TEST_CASE("durations are written with a unit", "[toml_reader]") {
  CHECK(parse_duration("90s") == 90s);
  CHECK(parse_duration("15m") == 15min);
  CHECK(parse_duration("6h") == 6h);
  CHECK(parse_duration("1d") == 24h);
  CHECK(parse_duration("500ms") == 500ms);
  CHECK_FALSE(parse_duration("90"));
  CHECK_FALSE(parse_duration("s"));
  CHECK_FALSE(parse_duration("-5s"));
  CHECK_FALSE(parse_duration("5 s"));
  CHECK_FALSE(parse_duration("99999999999999999999d"));
}
