#include "daemon/config/topic_rules.h"

#include <set>

#include "daemon/config/toml_reader.h"
#include "daemon/base/word_tokenizer.h"

namespace newsmon {

namespace {

// A term must hold at least one word, and a * only at the end of a word.
void check_terms(TableReader& table, const char* key, const std::vector<std::string>& terms) {
  for (const auto& term : terms) {
    if (tokenize_words(term).empty()) {
      table.error(key, "the term \"" + term + "\" has no word in it");
      continue;
    }
    for (std::size_t i = 0; i < term.size(); ++i)
      if (term[i] == '*' && i + 1 < term.size() && term[i + 1] != ' ')
        table.error(key, "in \"" + term + "\", * may only end a word (\"sanction*\")");
  }
}

void read_group(TableReader& table, TopicGroup& group) {
  table.require("name");
  table.require("terms");
  table.get("name", group.name);
  table.get("terms", group.terms);
  table.get("weight", group.weight, -1000.0, 1000.0);
  table.get("limit", group.limit, 0.0, 1000.0);
  table.get("required", group.required);
  check_terms(table, "terms", group.terms);
  if (group.required && group.weight < 0)
    table.error("required", "a group with a negative weight cannot be required");
}

void read_near(TableReader& table, TopicNear& near, const std::vector<TopicGroup>& groups) {
  table.require("groups");
  std::vector<std::string> names;
  table.get("groups", names);
  table.get("within", near.within, 1, 1000);
  table.get("weight", near.weight, -1000.0, 1000.0);
  table.get("limit", near.limit, 0.0, 1000.0);
  if (names.size() != 2) {
    table.error("groups", "expected two group names, such as [\"vendor\", \"action\"]");
    return;
  }
  for (const auto& name : names) {
    bool known = false;
    for (const auto& g : groups) known = known || g.name == name;
    if (!known) table.error("groups", "no [[topic.group]] is named '" + name + "'");
  }
  near.first = names[0];
  near.second = names[1];
}

}  // namespace

void read_topic(TableReader& table, TopicConfig& topic) {
  table.require("name");
  table.get("name", topic.name);
  {
    std::vector<std::string> terms;
    table.get("terms", terms);
    check_terms(table, "terms", terms);
    for (auto& term : terms) topic.terms.push_back({std::move(term), 1.0});
  }
  table.get("threshold", topic.threshold, 0.0, 1e9);
  table.get("title_weight", topic.title_weight, 0.0, 100.0);
  table.get("lead_weight", topic.lead_weight, 0.0, 100.0);
  table.get("lead_words", topic.lead_words, 0, 100000);
  table.get_tables("group", [&](TableReader& t) {
    TopicGroup& group = topic.groups.emplace_back();
    read_group(t, group);
    for (std::size_t i = 0; i + 1 < topic.groups.size(); ++i)
      if (!group.name.empty() && topic.groups[i].name == group.name)
        t.error("name", "the group '" + group.name + "' is defined twice in this topic");
  });
  table.get_tables("near", [&](TableReader& t) { read_near(t, topic.near.emplace_back(), topic.groups); });
  if (topic.terms.empty() && topic.groups.empty())
    table.error("the topic '" + topic.name + "' has no terms and no [[topic.group]]");
}

void read_tag(TableReader& table, TagConfig& tag) {
  static const std::set<std::string> kinds = {"vendor",     "country",    "bloc", "agency",
                                              "instrument", "technology", "other"};
  table.require("name");
  table.get("name", tag.name);
  table.get("kind", tag.kind);
  table.get("aliases", tag.aliases);
  if (!tag.kind.empty() && !kinds.count(tag.kind))
    table.error("kind",
                "expected vendor, country, bloc, agency, instrument, technology or other, not '" +
                    tag.kind + "'");
  for (char c : tag.name)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
      table.error("name", "a tag name is written in small letters, digits and dashes (\"high-risk-vendor\")");
      break;
    }
  if (tag.aliases.empty()) tag.aliases.push_back(tag.name);
  check_terms(table, "aliases", tag.aliases);
}

}  // namespace newsmon
