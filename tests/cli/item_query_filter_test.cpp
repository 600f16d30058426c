// The command line's --since/--until/--topic/--tag/--outlet turned into an
// archive query (item_query_filter.cpp).
#include <catch2/catch.hpp>

#include "daemon/cli/item_query_filter.h"

using namespace newsmon;

namespace {

Instant at(const char* rfc3339) { return *parse_rfc3339(rfc3339); }

}  // namespace

TEST_CASE("an empty filter asks for every item", "[item_query_filter]") {
  const auto query = to_item_query(ItemFilter{}, at("2024-05-02T12:00:00Z"));
  REQUIRE(query);
  CHECK_FALSE(query->since);
  CHECK_FALSE(query->until);
  CHECK(query->topics.empty());
  CHECK(query->tags.empty());
  CHECK(query->outlets.empty());
}

TEST_CASE("since and until are read as time bounds counted from now", "[item_query_filter]") {
  ItemFilter filter;
  filter.since = "24h";
  filter.until = "2024-05-02T06:00:00Z";
  const auto query = to_item_query(filter, at("2024-05-02T12:00:00Z"));
  REQUIRE(query);
  CHECK(query->since == at("2024-05-01T12:00:00Z"));
  CHECK(query->until == at("2024-05-02T06:00:00Z"));
}

TEST_CASE("topics, tags and outlets pass to the query as given", "[item_query_filter]") {
  ItemFilter filter;
  filter.topics = {"telecom vendor policy"};
  filter.tags = {"huawei", "uk"};
  filter.outlets = {"The Guardian"};
  const auto query = to_item_query(filter, at("2024-05-02T12:00:00Z"));
  REQUIRE(query);
  CHECK(query->topics == filter.topics);
  CHECK(query->tags == filter.tags);
  CHECK(query->outlets == filter.outlets);
}

TEST_CASE("a bad time bound is an error naming the option and the text", "[item_query_filter]") {
  ItemFilter filter;
  filter.since = "yesterday";
  auto query = to_item_query(filter, at("2024-05-02T12:00:00Z"));
  REQUIRE_FALSE(query);
  CHECK(query.error().kind == ErrorKind::parse);
  CHECK(query.error().message ==
        "--since: 'yesterday' is not a time: use a duration (90m, 24h, 7d, 2w) or a date (YYYY-MM-DD)");
  filter.since.clear();
  filter.until = "soon";
  query = to_item_query(filter, at("2024-05-02T12:00:00Z"));
  REQUIRE_FALSE(query);
  CHECK(query.error().message.starts_with("--until: 'soon' is not a time"));
}
