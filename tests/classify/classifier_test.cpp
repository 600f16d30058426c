#include <catch2/catch.hpp>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "daemon/classify/classifier.h"
#include "daemon/config/config.h"
#include "support/temp_dir.h"

using namespace newsmon;

namespace {

TopicGroup group(std::string name, std::vector<std::string> terms, double weight = 1.0,
                 bool required = false) {
  TopicGroup g;
  g.name = std::move(name);
  g.terms = std::move(terms);
  g.weight = weight;
  g.required = required;
  return g;
}

TopicConfig topic(std::vector<TopicGroup> groups, double threshold = 1.0) {
  TopicConfig t;
  t.name = "t";
  t.groups = std::move(groups);
  t.threshold = threshold;
  t.title_weight = 1;
  t.lead_weight = 1;
  return t;
}

double score(const TopicConfig& t, std::string_view title, std::string_view body) {
  return Classifier({t}, {}).classify(title, body).score;
}

bool has_line(const Classification& c, const std::string& line) {
  return std::find(c.explanation.begin(), c.explanation.end(), line) != c.explanation.end();
}

}  // namespace

TEST_CASE("a term finds every form of its words", "[classifier]") {
  const TopicConfig t = topic({group("action", {"ban"}, 1.0)});
  CHECK(score(t, "", "They ban it.") == 1.0);
  CHECK(score(t, "", "It bans it.") == 1.0);
  CHECK(score(t, "", "It was banned.") == 1.0);
  CHECK(score(t, "", "Banning it.") == 1.0);
  CHECK(score(t, "", "A banner.") == 0.0);
}

TEST_CASE("a phrase matches across case, hyphens and plurals but only word after word",
          "[classifier]") {
  const TopicConfig t = topic({group("g", {"high-risk vendor"})});
  CHECK(score(t, "", "two High Risk Vendors were named") == 1.0);
  CHECK(score(t, "", "a high-risk vendor") == 1.0);
  CHECK(score(t, "", "a vendor at high risk") == 0.0);
}

TEST_CASE("a word in capitals matches only capitals, dotted or not", "[classifier]") {
  const TopicConfig t = topic({group("g", {"US"})});
  CHECK(score(t, "", "the US said") == 1.0);
  CHECK(score(t, "", "the U.S. said") == 1.0);
  CHECK(score(t, "", "he told us") == 0.0);
}

TEST_CASE("a word ending in a star matches every word it begins", "[classifier]") {
  const TopicConfig t = topic({group("g", {"telecom*"})});
  CHECK(score(t, "", "telecommunications") == 1.0);
  CHECK(score(t, "", "telecoms") == 1.0);
  CHECK(score(t, "", "tele") == 0.0);
}

TEST_CASE("a group adds at most its limit however often its words appear", "[classifier]") {
  TopicConfig t = topic({group("g", {"Huawei"}, 2.0)});
  t.groups[0].limit = 3;
  CHECK(score(t, "", "Huawei Huawei Huawei Huawei Huawei") == 6.0);
}

TEST_CASE("a mention in the title and the lead counts more than one in the tail",
          "[classifier]") {
  TopicConfig t = topic({group("g", {"Huawei"})});
  t.title_weight = 3;
  t.lead_weight = 2;
  t.lead_words = 3;
  CHECK(score(t, "Huawei", "") == 3.0);
  CHECK(score(t, "", "Huawei was here") == 2.0);
  CHECK(score(t, "", "one two three Huawei") == 1.0);
}

TEST_CASE("negative cues take away from the score", "[classifier]") {
  const TopicConfig t = topic({group("vendor", {"Huawei"}, 3.0), group("review", {"review"}, -2.0)});
  CHECK(score(t, "", "Huawei phone review") == 1.0);
}

TEST_CASE("a missing required group makes the score zero and the item irrelevant",
          "[classifier]") {
  const TopicConfig t = topic({group("vendor", {"Huawei"}, 5.0, true), group("action", {"ban"}, 1.0, true)}, 1.0);
  const Classifier classifier({t}, {});
  const Classification without = classifier.classify("Huawei", "A new phone");
  CHECK(without.score == 0.0);
  CHECK_FALSE(without.relevant);
  CHECK(has_line(without, "topic \"t\": required group not found (action): score 5.0 counts as 0"));
  const Classification with = classifier.classify("Huawei", "A ban");
  CHECK(with.score == 6.0);
  CHECK(with.relevant);
  CHECK(with.relevant_topics() == std::vector<std::string>{"t"});
}

TEST_CASE("two groups close together earn the near bonus, far apart they do not", "[classifier]") {
  TopicConfig t = topic({group("vendor", {"ZTE"}, 0.0), group("action", {"ban"}, 0.0)});
  TopicNear near;
  near.first = "vendor";
  near.second = "action";
  near.within = 3;
  near.weight = 4;
  t.near.push_back(near);
  CHECK(score(t, "", "a ban on ZTE") == 4.0);
  CHECK(score(t, "", "ZTE said on Monday that the ban") == 0.0);
  CHECK(score(t, "ZTE", "ban") == 0.0);  // title and body are apart
}

TEST_CASE("the explanation lists each group and near rule that fired and the verdict",
          "[classifier]") {
  TopicConfig t = topic({group("vendor", {"Huawei"}, 2.0), group("action", {"ban"})}, 3.0);
  t.title_weight = 2;
  const Classification c = Classifier({t}, {}).classify("Huawei", "a ban and a ban");
  CHECK(has_line(c, "topic \"t\": group vendor +4.0: \"Huawei\" (title)"));
  CHECK(has_line(c, "topic \"t\": group action +2.0: \"ban\" x2"));
  CHECK(has_line(c, "topic \"t\": score 6.0 >= threshold 3.0: relevant"));
}

TEST_CASE("a plain terms list scores one per mention", "[classifier]") {
  TopicConfig t;
  t.name = "rail";
  t.terms = {{"rail strike", 1.0}, {"RMT", 1.0}};
  t.threshold = 2;
  t.title_weight = 1;
  t.lead_weight = 1;
  const Classification c = Classifier({t}, {}).classify("Rail strikes", "The RMT union said");
  CHECK(c.score == 2.0);
  CHECK(c.relevant);
}

TEST_CASE("tags come from the gazetteer, sorted and unique", "[classifier]") {
  Gazetteer g;
  g.tags.push_back({"us", "country", {"US", "United States"}});
  g.tags.push_back({"huawei", "vendor", {"Huawei"}});
  g.tags.push_back({"eu", "bloc", {"EU"}});
  const Classification c = Classifier({}, g).classify("Huawei and the U.S.", "the United States told us");
  CHECK(c.tags == std::vector<std::string>{"huawei", "us"});
  CHECK(has_line(c, "tag us: \"US\" (title), \"United States\""));
}

TEST_CASE("the seed page is telecom vendor policy with its expected tags", "[classifier]") {
  const Config config = load_config(std::string(NEWSMON_SOURCE_DIR) + "/feeds.toml");
  const Classifier classifier(config.topics, config.gazetteer);
  const auto metadata =
      nlohmann::json::parse(test::read_file(test::fixture("fixtures/stories/seed-huawei-5g/expected-metadata.json")));
  const std::string body = test::read_file(test::fixture("fixtures/stories/seed-huawei-5g/expected.txt"));
  const Classification c = classifier.classify(metadata["title"].get<std::string>(), body);
  CHECK(c.relevant);
  CHECK(c.relevant_topics() == std::vector<std::string>{"telecom vendor policy"});
  for (const auto& tag : metadata["expectedTags"]) {
    INFO(tag);
    CHECK(std::find(c.tags.begin(), c.tags.end(), tag.get<std::string>()) != c.tags.end());
  }
}

TEST_CASE("the seed page's raw text dump, boilerplate and all, is still relevant", "[classifier]") {
  const Config config = load_config(std::string(NEWSMON_SOURCE_DIR) + "/feeds.toml");
  const Classifier classifier(config.topics, config.gazetteer);
  const std::string page = test::read_file(test::fixture("fixtures/stories/seed-huawei-5g/source.txt"));
  CHECK(classifier.classify("", page).relevant);
}
