#include <catch2/catch.hpp>

#include "daemon/simhash.h"
#include "temp_dir.h"

using namespace newsmon;

namespace {
std::string body(const std::string& file) {
  const std::string text = test::read_file(test::fixture("data/stories/" + file));
  return text.substr(text.find('\n') + 1);
}
}  // namespace

TEST_CASE("the same text has the same fingerprint, whatever its case and punctuation", "[simhash]") {
  CHECK(simhash("Sweden bans Huawei, ZTE from 5G networks.") ==
        simhash("sweden BANS huawei -- zte from 5g networks"));
  CHECK(simhash("") == 0);
}

TEST_CASE("a republished article with one word changed is a near duplicate", "[simhash]") {
  const std::string original = body("wire-sweden-reuters.txt");
  std::string edited = original;
  edited.replace(edited.find("surprised"), 9, "astonished");
  const int distance = hamming_distance(simhash(original), simhash(edited));
  CHECK(distance <= kNearDuplicateBits);
}

TEST_CASE("different articles are far apart", "[simhash]") {
  const auto a = simhash(body("huawei-uk-ban-2020-07-14.txt"));
  const auto b = simhash(body("huawei-us-visa-2020-07-14.txt"));
  const auto c = simhash(body("wire-sweden-reuters.txt"));
  CHECK(hamming_distance(a, b) > 12);
  CHECK(hamming_distance(a, c) > 12);
  CHECK(hamming_distance(b, c) > 12);
}

TEST_CASE("the fingerprint uses all 64 bits", "[simhash]") {
  std::uint64_t seen = 0;
  for (int i = 0; i < 64; ++i) seen |= simhash("story number " + std::to_string(i) + " about things");
  CHECK(seen == ~std::uint64_t{0});
}
