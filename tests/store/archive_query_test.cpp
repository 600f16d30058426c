#include "daemon/store/archive_query.h"

#include <catch2/catch.hpp>

#include "support/temp_dir.h"

using namespace newsmon;

TEST_CASE("authors, tags and topics read back exactly as stored, whatever their characters", "[archive_query]") {
  test::TempDir dir;
  Store store = Store::open(dir / "archive.db");
  const std::vector<std::vector<std::string>> lists = {
      {},
      {"Patrick Tucker"},
      {"Patrick Tucker", "Lauren Williams"},
      {""},
      {"", ""},
      {"a,b", "[c]", "d\",\"e"},
      {"back\\slash", "quote\"", "tab\there"},
      {"Zoë Kravitz", "José", "東京"},
      {"esc\x1b[1m", "del\x7f"},
      {"  spaced  ", "x"},
  };
  std::vector<std::int64_t> ids;
  for (std::size_t i = 0; i < lists.size(); ++i) {
    NewItem item;
    item.canonical_url = item.url = "https://example.org/" + std::to_string(i);
    item.outlet = "Example";
    item.title = "Item " + std::to_string(i);
    item.body = "Body.";
    item.fetched = instant_from_unix(1714521600);
    item.authors = lists[i];
    item.tags = lists[i];
    item.topics = lists[i];
    ids.push_back(store.insert_item(item));
  }
  for (std::size_t i = 0; i < lists.size(); ++i) {
    const auto item = find_item(store, ids[i]);
    REQUIRE(item);
    INFO("list " << i);
    CHECK(item->authors == lists[i]);  // in the order given
    auto sorted = lists[i];            // tags and topics: a set, sorted
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    CHECK(item->tags == sorted);
    CHECK(item->topics == sorted);
  }
}
