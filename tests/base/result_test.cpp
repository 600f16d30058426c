// Result<T> and Error: a value or an error that says what kind of failure it
// is and names what it concerns.
#include <catch2/catch.hpp>

#include <string>

#include "daemon/base/result.h"

using namespace newsmon;

namespace {

Result<int> parse_port(const std::string& text) {
  if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos)
    return fail(ErrorKind::parse, "'" + text + "' is not a port");
  return std::stoi(text);
}

}  // namespace

TEST_CASE("a result holds its value when nothing failed", "[result]") {
  const Result<int> port = parse_port("8080");
  REQUIRE(port.has_value());
  CHECK(*port == 8080);
}

TEST_CASE("fail makes a result that carries the error's kind and message", "[result]") {
  const Result<int> port = parse_port("http");
  REQUIRE_FALSE(port.has_value());
  CHECK(port.error().kind == ErrorKind::parse);
  CHECK(port.error().message == "'http' is not a port");
}

TEST_CASE("every error kind has its own lowercase name", "[result]") {
  CHECK(to_string(ErrorKind::network) == "network");
  CHECK(to_string(ErrorKind::http) == "http");
  CHECK(to_string(ErrorKind::refused) == "refused");
  CHECK(to_string(ErrorKind::parse) == "parse");
  CHECK(to_string(ErrorKind::io) == "io");
  CHECK(to_string(ErrorKind::storage) == "storage");
}
