// Shared by the feed parser's tests: parse a document that must parse, and
// print an optional date. Header-only. Thread-safe as Catch2's macros are not:
// call from the test thread.
#pragma once

#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <string_view>

#include "daemon/feed/feed_parser.h"

namespace newsmon::test {

inline std::string rfc3339_or_empty(const std::optional<Instant>& t) { return t ? to_rfc3339(*t) : std::string(); }

// The feed parse_feed makes of `bytes`; the test stops with the error if none.
inline Feed parse_ok(std::string_view bytes, std::string_view url = "https://feeds.example.org/feed") {
  auto feed = parse_feed(bytes, url);
  INFO((feed ? std::string() : feed.error().message));
  REQUIRE(feed);
  return *feed;
}

}  // namespace newsmon::test
