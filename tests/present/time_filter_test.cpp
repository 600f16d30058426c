#include "daemon/present/time_filter.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <ctime>

using namespace newsmon;

namespace {

// Sets TZ for the scope of a test and restores UTC after it.
struct TimeZone {
  explicit TimeZone(const char* zone) {
    ::setenv("TZ", zone, 1);
    ::tzset();
  }
  ~TimeZone() {
    ::setenv("TZ", "UTC", 1);
    ::tzset();
  }
};

Instant at(const char* text) { return *parse_rfc3339(text); }

}  // namespace

TEST_CASE("durations count back from now", "[time_filter]") {
  const Instant now = at("2024-05-02T12:00:00Z");
  CHECK(*parse_time_bound("24h", now) == at("2024-05-01T12:00:00Z"));
  CHECK(*parse_time_bound("7d", now) == at("2024-04-25T12:00:00Z"));
  CHECK(*parse_time_bound("90m", now) == at("2024-05-02T10:30:00Z"));
  CHECK(*parse_time_bound("2w", now) == at("2024-04-18T12:00:00Z"));
}

TEST_CASE("a date is the local midnight that starts it", "[time_filter]") {
  TimeZone zone("Europe/Berlin");
  CHECK(*parse_time_bound("2024-05-01", {}) == at("2024-04-30T22:00:00Z"));
  CHECK(*parse_time_bound("2024-05-01T10:00:00Z", {}) == at("2024-05-01T10:00:00Z"));
}

TEST_CASE("a local day runs from midnight to midnight, 23 hours on the spring change", "[time_filter]") {
  TimeZone zone("Europe/Berlin");
  const auto day = local_day("2024-03-31");
  REQUIRE(day);
  CHECK(day->begin == at("2024-03-30T23:00:00Z"));
  CHECK(day->end == at("2024-03-31T22:00:00Z"));
  const auto new_year = local_day("2024-12-31");
  CHECK(new_year->end == at("2024-12-31T23:00:00Z"));
}

TEST_CASE("times that are neither durations nor dates are refused with the text named", "[time_filter]") {
  const auto bad = parse_time_bound("yesterday", {});
  REQUIRE_FALSE(bad);
  CHECK(bad.error().message ==
        "'yesterday' is not a time: use a duration (90m, 24h, 7d, 2w) or a date (YYYY-MM-DD)");
  CHECK_FALSE(parse_time_bound("24x", {}));
  CHECK_FALSE(local_day("2024-02-30"));
  CHECK(local_day("2024-13-01").error().message == "'2024-13-01' is not a date: use YYYY-MM-DD");
}

TEST_CASE("instants print as local dates and times", "[time_filter]") {
  TimeZone zone("America/New_York");
  CHECK(local_date(at("2024-05-02T03:00:00Z")) == "2024-05-01");
  CHECK(local_date_time(at("2024-05-02T03:00:00Z")) == "2024-05-01 23:00");
}
