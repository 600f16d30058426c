#include "daemon/topic_rules.h"

#include "daemon/toml_reader.h"

namespace newsmon {

void read_topic(TableReader& table, TopicConfig& topic) {
  table.require("name");
  table.get("name", topic.name);
  std::vector<std::string> terms;
  table.get("terms", terms);
  for (auto& term : terms) topic.terms.push_back({std::move(term), 1.0});
  table.get("threshold", topic.threshold, 0.0, 1e9);
}

void read_tag(TableReader& table, TagConfig& tag) {
  table.require("name");
  table.get("name", tag.name);
  table.get("kind", tag.kind);
  table.get("aliases", tag.aliases);
  if (tag.aliases.empty()) tag.aliases.push_back(tag.name);
}

}  // namespace newsmon
