// Topic rules and the tag gazetteer as written in feeds.toml ([[topic]] and
// [[tag]] tables). The classifier turns these into matchers; this file only
// reads and validates them. Plain values.
#pragma once

#include <string>
#include <vector>

namespace newsmon {

class TableReader;

struct TopicTerm {
  std::string text;     // a word or a phrase
  double weight = 1.0;
};

// [[topic]]: in its simplest form a name and a list of terms.
struct TopicConfig {
  std::string name;
  std::vector<TopicTerm> terms;
  double threshold = 1.0;  // score at or above which an item is relevant
};

// [[tag]]: one tag and the words that stand for it.
struct TagConfig {
  std::string name;      // "huawei", "uk", "fcc"
  std::string kind;      // vendor, country, agency, instrument, technology
  std::vector<std::string> aliases;
};

struct Gazetteer {
  std::vector<TagConfig> tags;
};

void read_topic(TableReader& table, TopicConfig& topic);
void read_tag(TableReader& table, TagConfig& tag);

}  // namespace newsmon
