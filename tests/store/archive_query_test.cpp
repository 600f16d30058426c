#include "daemon/store/archive_query.h"

#include <catch2/catch.hpp>

#include "support/temp_dir.h"

using namespace newsmon;

TEST_CASE("authors, tags and topics read back exactly as stored, whatever their characters", "[archive_query]") {
  test::TempDir dir;
  Store store = Store::open(dir / "archive.db").value();
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
    Item item;
    item.canonical_url = item.url = "https://example.org/" + std::to_string(i);
    item.outlet = "Example";
    item.title = "Item " + std::to_string(i);
    item.body = "Body.";
    item.fetched = instant_from_unix(1714521600);
    item.authors = lists[i];
    item.tags = lists[i];
    item.topics = lists[i];
    ids.push_back(store.insert_item(item).value());
  }
  for (std::size_t i = 0; i < lists.size(); ++i) {
    const auto item = find_item(store, ids[i]).value();
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

TEST_CASE("what the page fetch recorded reads back as stored, by every reader query", "[archive_query]") {
  test::TempDir dir;
  Store store = Store::open(dir / "archive.db").value();
  Item item;
  item.canonical_url = item.url = "https://example.org/wire";
  item.outlet = "Example";
  item.title = "Wire copy";
  item.body = "Body.";
  item.fetched = instant_from_unix(1714521600);
  item.site_name = "Example News";
  item.image = "https://example.org/lead.jpg";
  item.credited_outlets = {"Reuters", "AP"};
  item.fetch_error = "https://example.org/wire: HTTP 403";
  item.robots_disallowed = true;
  const auto id = store.insert_item(item).value();
  Item bare = item;  // nothing recorded: the defaults read back
  bare.canonical_url = bare.url = "https://example.org/bare";
  bare.site_name = bare.image = bare.fetch_error = "";
  bare.credited_outlets = {};
  bare.robots_disallowed = false;
  const auto bare_id = store.insert_item(bare).value();

  const auto check_recorded = [](const Item& read, const Item& stored) {
    CHECK(read.site_name == stored.site_name);
    CHECK(read.image == stored.image);
    CHECK(read.credited_outlets == stored.credited_outlets);
    CHECK(read.fetch_error == stored.fetch_error);
    CHECK(read.robots_disallowed == stored.robots_disallowed);
  };
  const auto found = find_item(store, id).value();
  REQUIRE(found);
  check_recorded(*found, item);
  const auto found_bare = find_item(store, bare_id).value();
  REQUIRE(found_bare);
  check_recorded(*found_bare, bare);
  const auto by_url = find_item_by_url(store, "https://example.org/wire").value();
  REQUIRE(by_url);
  check_recorded(*by_url, item);
  const auto listed = query_items(store, ItemQuery{}).value();
  REQUIRE(listed.size() == 2);
  check_recorded(listed[1].id == id ? listed[1] : listed[0], item);
  int visited = 0;
  for_each_item(store, ItemQuery{}, [&](const Item& read) {
    check_recorded(read, read.id == id ? item : bare);
    return ++visited > 0;
  }).value();
  CHECK(visited == 2);
}

TEST_CASE("grep's scan hands over one reused item with the text of each row", "[archive_query]") {
  test::TempDir dir;
  Store store = Store::open(dir / "archive.db").value();
  for (int i = 1; i <= 3; ++i) {
    Item item;
    item.canonical_url = item.url = "https://example.org/" + std::to_string(i);
    item.outlet = "Outlet " + std::to_string(i);
    item.title = "Title " + std::to_string(i);
    item.body = std::string(std::size_t(4 - i) * 100, 'x');  // shorter and shorter: capacity is reused
    item.fetched = instant_from_unix(1714521600 + i);
    if (i == 2) item.published = instant_from_unix(1714000000);
    store.insert_item(item).value();
  }
  std::vector<std::int64_t> ids;
  std::vector<const Item*> addresses;
  scan_item_texts(store, ItemQuery{}, 1, 3, [&](const Item& item) {
    ids.push_back(item.id);
    addresses.push_back(&item);
    CHECK(item.title == "Title " + std::to_string(item.id));
    CHECK(item.outlet == "Outlet " + std::to_string(item.id));
    CHECK(item.url == "https://example.org/" + std::to_string(item.id));
    CHECK(item.body == std::string(std::size_t(4 - item.id) * 100, 'x'));
    CHECK(item.when() == (item.id == 2 ? instant_from_unix(1714000000) : instant_from_unix(1714521600 + item.id)));
    return true;
  }).value();
  CHECK(ids == std::vector<std::int64_t>{3, 2, 1});  // most recently stored first
  CHECK(addresses[0] == addresses[2]);               // one Item, reused
}

TEST_CASE("a reader query on a broken archive is a storage error naming the file", "[archive_query]") {
  test::TempDir dir;
  Store store = Store::open(dir / "archive.db").value();
  store.db().exec("DROP TABLE item_topics");
  const auto items = query_items(store, ItemQuery{});
  REQUIRE_FALSE(items);
  CHECK(items.error().kind == ErrorKind::storage);
  CHECK(items.error().message == (dir / "archive.db").string() + ": no such table: item_topics");
}
