// Where a new item belongs (story_placer.cpp): a story of its own, the story
// of a near copy as its duplicate, or the story of a recent report of the
// same event; decided against a real temporary archive.
#include <catch2/catch.hpp>

#include <string>

#include "daemon/dedupe/simhash.h"
#include "daemon/dedupe/story_placer.h"
#include "support/store_samples.h"
#include "support/temp_dir.h"

using namespace newsmon;

namespace {

const std::string kBody =
    "The British government ordered telecom operators to remove Huawei equipment from their 5G networks "
    "by 2027, after the National Cyber Security Centre reviewed the effect of American sanctions on the "
    "company's supply chain. Operators said the ban would delay the roll-out of 5G by two to three years "
    "and cost them up to two billion pounds.";

Item item_with_body(const std::string& url, const std::string& title, const std::string& body) {
  Item item = test::sample_item(url, title);
  item.body = body;
  item.simhash = simhash(body);
  return item;
}

// An archive holding one item about the UK's Huawei ban, placed and stored
// by the placer the test goes on with.
struct ArchiveWithOneStory {
  test::TempDir dir;
  Store store = Store::open(dir / "a.db").value();
  StoryPlacer placer{store};
  std::int64_t first_id = 0;

  ArchiveWithOneStory() {
    test::sample_feed(store);
    Item first = item_with_body("https://a.example/1", "UK bans Huawei from 5G", kBody);
    placer.place(first, first.fetched).value();
    first_id = store.insert_item(first).value();
  }
};

}  // namespace

TEST_CASE("the first item of an empty archive starts a story of its own", "[story_placer]") {
  test::TempDir dir;
  Store store = Store::open(dir / "a.db").value();
  test::sample_feed(store);
  Item item = item_with_body("https://a.example/1", "UK bans Huawei from 5G", kBody);
  REQUIRE(StoryPlacer(store).place(item, item.fetched));
  CHECK_FALSE(item.duplicate_of);
  CHECK_FALSE(item.story_id);
  CHECK_FALSE(item.story_keys.empty());
}

TEST_CASE("a near copy of a stored item is its duplicate and joins its story", "[story_placer]") {
  ArchiveWithOneStory archive;
  Item copy = item_with_body("https://b.example/wire/1", "Britain bans Huawei", kBody);
  REQUIRE(archive.placer.place(copy, copy.fetched));
  REQUIRE(copy.duplicate_of);
  CHECK(*copy.duplicate_of == archive.first_id);
  REQUIRE(copy.story_id);
  CHECK(copy.story_id == archive.store.story_of(archive.first_id));
}

TEST_CASE("an unrelated item stored the same day starts a story of its own", "[story_placer]") {
  ArchiveWithOneStory archive;
  Item other = item_with_body("https://a.example/2", "Village bakery wins national prize",
                                 "A village bakery won the national prize for its sourdough, the judges said on "
                                 "Tuesday, praising the crust and the crumb of its country loaf.");
  other.tags = {"food"};
  REQUIRE(archive.placer.place(other, other.fetched));
  CHECK_FALSE(other.duplicate_of);
  CHECK_FALSE(other.story_id);
}

TEST_CASE("the story lead is the start of a body as the store cuts it", "[story_placer]") {
  CHECK(story_lead("short body") == "short body");
  const std::string long_body(Store::kStoryLeadCharacters + 100, 'x');
  CHECK(story_lead(long_body).size() == Store::kStoryLeadCharacters);
  CHECK(story_lead("") == "");
}
