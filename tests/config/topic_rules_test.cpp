#include <catch2/catch.hpp>

#include "daemon/config/config.h"

using namespace newsmon;

namespace {

const char* kOutlet = "[[outlet]]\nname = \"A\"\nfeeds = [\"file:///a.xml\"]\n";

Config parse(const std::string& topics) { return parse_config(std::string(kOutlet) + topics, "t.toml"); }

std::vector<std::string> errors_of(const std::string& topics) {
  try {
    parse(topics);
  } catch (const ConfigError& e) {
    return e.errors();
  }
  return {};
}

}  // namespace

TEST_CASE("a plain terms list still makes a topic", "[topic_rules]") {
  const Config c = parse("[[topic]]\nname = \"rail\"\nterms = [\"rail strike\", \"RMT\"]\nthreshold = 2\n");
  REQUIRE(c.topics.size() == 1);
  CHECK(c.topics[0].name == "rail");
  REQUIRE(c.topics[0].terms.size() == 2);
  CHECK(c.topics[0].terms[0].text == "rail strike");
  CHECK(c.topics[0].terms[0].weight == 1.0);
  CHECK(c.topics[0].threshold == 2.0);
}

TEST_CASE("groups and near rules are read with their weights and defaults", "[topic_rules]") {
  const Config c = parse(R"([[topic]]
name = "t"
threshold = 5
title_weight = 3
lead_words = 40
[[topic.group]]
name = "vendor"
terms = ["Huawei", "ZTE"]
required = true
weight = 2
[[topic.group]]
name = "action"
terms = ["ban"]
limit = 4
[[topic.group]]
name = "review"
terms = ["review"]
weight = -3
[[topic.near]]
groups = ["vendor", "action"]
within = 6
)");
  const TopicConfig& t = c.topics.at(0);
  CHECK(t.title_weight == 3.0);
  CHECK(t.lead_weight == 1.5);
  CHECK(t.lead_words == 40);
  REQUIRE(t.groups.size() == 3);
  CHECK(t.groups[0].required);
  CHECK(t.groups[0].weight == 2.0);
  CHECK(t.groups[0].limit == 3.0);
  CHECK(t.groups[1].limit == 4.0);
  CHECK(t.groups[2].weight == -3.0);
  REQUIRE(t.near.size() == 1);
  CHECK(t.near[0].first == "vendor");
  CHECK(t.near[0].second == "action");
  CHECK(t.near[0].within == 6);
  CHECK(t.near[0].weight == 2.0);
}

TEST_CASE("an unknown key in a topic group is an error with file, line and column", "[topic_rules]") {
  const auto errors = errors_of("[[topic]]\nname = \"t\"\n[[topic.group]]\nname = \"g\"\nterms = [\"x\"]\nwieght = 2\n");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0] == "t.toml:9:10: unknown key 'topic[1].group[1].wieght'");
}

TEST_CASE("a bad value names the key and where it is", "[topic_rules]") {
  const auto errors = errors_of("[[topic]]\nname = \"t\"\nterms = [\"x\"]\nthreshold = \"high\"\n");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0] == "t.toml:7:13: topic[1].threshold: expected a number");
}

TEST_CASE("a near rule naming an unknown group is an error", "[topic_rules]") {
  const auto errors = errors_of(
      "[[topic]]\nname = \"t\"\n[[topic.group]]\nname = \"vendor\"\nterms = [\"x\"]\n"
      "[[topic.near]]\ngroups = [\"vendor\", \"acton\"]\n");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0] == "t.toml:10:10: topic[1].near[1].groups: no [[topic.group]] is named 'acton'");
}

TEST_CASE("a topic without terms or groups, a misplaced star and a duplicate group are errors",
          "[topic_rules]") {
  CHECK(errors_of("[[topic]]\nname = \"t\"\n").at(0) ==
        "t.toml:4:1: topic[1]: the topic 't' has no terms and no [[topic.group]]");
  CHECK(errors_of("[[topic]]\nname = \"t\"\nterms = [\"sanc*tion\"]\n").at(0) ==
        "t.toml:6:9: topic[1].terms: in \"sanc*tion\", * may only end a word (\"sanction*\")");
  CHECK(errors_of("[[topic]]\nname = \"t\"\nterms = [\"--\"]\n").at(0) ==
        "t.toml:6:9: topic[1].terms: the term \"--\" has no word in it");
  const auto twice = errors_of(
      "[[topic]]\nname = \"t\"\n[[topic.group]]\nname = \"g\"\nterms = [\"x\"]\n"
      "[[topic.group]]\nname = \"g\"\nterms = [\"y\"]\n");
  REQUIRE(twice.size() == 1);
  CHECK(twice[0] == "t.toml:10:8: topic[1].group[2].name: the group 'g' is defined twice in this topic");
}

TEST_CASE("a tag with an unknown kind or a badly written name is an error", "[topic_rules]") {
  const auto errors = errors_of("[[tag]]\nname = \"High Risk\"\nkind = \"vendr\"\n");
  REQUIRE(errors.size() == 2);
  // Reported in the order of the file.
  CHECK(errors[0] == "t.toml:5:8: tag[1].name: a tag name is written in small letters, digits and dashes (\"high-risk-vendor\")");
  CHECK(errors[1] == "t.toml:6:8: tag[1].kind: expected vendor, country, bloc, agency, instrument, technology or other, not 'vendr'");
}

TEST_CASE("a tag without aliases stands for its own name", "[topic_rules]") {
  const Config c = parse("[[tag]]\nname = \"ofcom\"\nkind = \"agency\"\n");
  REQUIRE(c.gazetteer.tags.size() == 1);
  CHECK(c.gazetteer.tags[0].aliases == std::vector<std::string>{"ofcom"});
}

TEST_CASE("the shipped feeds.toml loads", "[topic_rules]") {
  const Config c = load_config(std::string(NEWSMON_SOURCE_DIR) + "/feeds.toml");
  REQUIRE(c.topics.size() == 1);
  CHECK(c.topics[0].name == "telecom vendor policy");
  CHECK(c.gazetteer.tags.size() >= 30);
}
