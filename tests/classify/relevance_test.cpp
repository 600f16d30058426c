// The shipped topic on the labelled development set (tests/fixtures/relevance).
#include <catch2/catch.hpp>

#include <sstream>

#include "daemon/classify/classifier.h"
#include "daemon/config/config.h"
#include "support/temp_dir.h"

using namespace newsmon;

TEST_CASE("the shipped topic reaches an F1 of at least 0.95 on the development set", "[relevance]") {
  const Config config = load_config(std::string(NEWSMON_SOURCE_DIR) + "/feeds.toml");
  const Classifier classifier(config.topics, config.gazetteer);
  std::istringstream labels(test::read_file(test::fixture("fixtures/relevance/labels.tsv")));
  int true_positive = 0, false_positive = 0, false_negative = 0, total = 0, relevant = 0;
  std::string line;
  while (std::getline(labels, line)) {
    if (line.empty() || line[0] == '#') continue;
    const auto tab = line.find('\t');
    REQUIRE(tab != std::string::npos);
    const std::string file = line.substr(0, tab), label = line.substr(tab + 1);
    REQUIRE((label == "relevant" || label == "irrelevant"));
    const std::string text = test::read_file(test::fixture("fixtures/relevance/" + file));
    const auto newline = text.find('\n');
    const bool expected = label == "relevant";
    const bool got = classifier.classify(text.substr(0, newline), text.substr(newline + 1)).relevant;
    if (expected != got) UNSCOPED_INFO((got ? "false positive: " : "false negative: ") << file);
    true_positive += expected && got;
    false_positive += !expected && got;
    false_negative += expected && !got;
    total += 1;
    relevant += expected;
  }
  CHECK(total >= 120);
  CHECK(relevant * 2 >= total - 2);  // about half and half
  CHECK(relevant * 2 <= total + 2);
  const double precision = true_positive / double(true_positive + false_positive);
  const double recall = true_positive / double(true_positive + false_negative);
  const double f1 = 2 * precision * recall / (precision + recall);
  INFO("precision " << precision << ", recall " << recall << ", F1 " << f1);
  CHECK(f1 >= 0.95);
}
