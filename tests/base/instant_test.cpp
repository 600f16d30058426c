#include <catch2/catch.hpp>

#include "daemon/base/instant.h"

using namespace newsmon;

TEST_CASE("an instant prints as RFC 3339 UTC", "[instant]") {
  CHECK(to_rfc3339(instant_from_unix(0)) == "1970-01-01T00:00:00Z");
  CHECK(to_rfc3339(instant_from_unix(1575194400)) == "2019-12-01T10:00:00Z");
}

TEST_CASE("RFC 3339 text with an offset becomes the same UTC instant", "[instant]") {
  CHECK(parse_rfc3339("2019-12-01T10:00:00Z") == instant_from_unix(1575194400));
  CHECK(parse_rfc3339("2019-12-01T05:00:00-05:00") == instant_from_unix(1575194400));
  CHECK(parse_rfc3339("2019-12-01T10:00:00.123+00:00") == instant_from_unix(1575194400));
  CHECK(parse_rfc3339("2019-12-01") == instant_from_unix(1575158400));
}

TEST_CASE("malformed RFC 3339 text is absent, never the epoch", "[instant]") {
  CHECK_FALSE(parse_rfc3339(""));
  CHECK_FALSE(parse_rfc3339("yesterday"));
  CHECK_FALSE(parse_rfc3339("2019-13-01T00:00:00Z"));
  CHECK_FALSE(parse_rfc3339("2019-02-30"));
  CHECK_FALSE(parse_rfc3339("2019-12-01T25:00:00Z"));
  CHECK_FALSE(parse_rfc3339("2019-12-01T10:00:00Zjunk"));
}

TEST_CASE("a leap second folds into the second before it", "[instant]") {
  CHECK(parse_rfc3339("2016-12-31T23:59:60Z") == parse_rfc3339("2016-12-31T23:59:59Z"));
  CHECK(to_rfc3339(*parse_rfc3339("9999-12-31T23:59:60Z")) == "9999-12-31T23:59:59Z");
}

TEST_CASE("an offset that carries a date out of four-digit years is refused", "[instant]") {
  CHECK_FALSE(parse_rfc3339("9999-12-31T23:30:00-01:00"));
  CHECK(parse_rfc3339("9999-12-31T22:30:00-01:00"));
}

TEST_CASE("RFC 3339 text is the same by hand as through snprintf, from year 0 to 9999 and beyond",
          "[instant]") {
  const auto reference = [](Instant t) {
    const auto day = std::chrono::floor<std::chrono::days>(t);
    const std::chrono::year_month_day ymd{day};
    const std::chrono::hh_mm_ss hms{t - day};
    char out[64];
    std::snprintf(out, sizeof out, "%04d-%02u-%02uT%02ld:%02ld:%02lldZ", int(ymd.year()), unsigned(ymd.month()),
                  unsigned(ymd.day()), long(hms.hours().count()), long(hms.minutes().count()),
                  static_cast<long long>(hms.seconds().count()));
    return std::string(out);
  };
  CHECK(to_rfc3339(instant_from_unix(-62167219200)) == "0000-01-01T00:00:00Z");
  CHECK(to_rfc3339(instant_from_unix(253402300799)) == "9999-12-31T23:59:59Z");
  CHECK(to_rfc3339(instant_from_unix(253402300800)) == "10000-01-01T00:00:00Z");
  CHECK(to_rfc3339(instant_from_unix(-62167219201)) == "-001-12-31T23:59:59Z");
  std::int64_t seconds = -62200000000;
  for (int i = 0; i < 20000; ++i, seconds += 16000037) {
    INFO("unix seconds " << seconds);
    REQUIRE(to_rfc3339(instant_from_unix(seconds)) == reference(instant_from_unix(seconds)));
  }
}
