#include <catch2/catch.hpp>

#include "daemon/dedupe/simhash.h"
#include "support/temp_dir.h"

using namespace newsmon;

namespace {
std::string body(const std::string& file) {
  const std::string text = test::read_file(test::fixture("fixtures/stories/" + file));
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

TEST_CASE("fingerprints never change: archives keep the ones computed when items were stored", "[simhash]") {
  // Values computed by the first implementation; a new one must give the same.
  CHECK(simhash("") == 0);
  CHECK(simhash("Huawei") == 0xdc55426bd38b26cdULL);
  CHECK(simhash("Huawei ban") == 0x80544063120120cdULL);
  CHECK(simhash("The UK caps Huawei at 35% of the 5G periphery.") == 0x30414080c816858eULL);
  CHECK(simhash("Ofcom said on Tuesday that BT, Vodafone and Three must remove Huawei kit from their 5G "
                "networks by 2027; Télécoms naïve café ÜBER.") == 0xa120011586284cbaULL);
  CHECK(simhash("a b c d e f g h i j k l m n o p q r s t u v w x y z 0 1 2 3 4 5 6 7 8 9") ==
        0x2a22a3142d5c4748ULL);
  std::string long_text;  // more than 255 shingles: the packed counters are emptied on the way
  for (int i = 0; i < 2000; ++i) long_text += "word" + std::to_string(i % 397) + (i % 7 ? " " : ". ");
  CHECK(simhash(long_text) == 0x6f62e451d522bebbULL);
}
