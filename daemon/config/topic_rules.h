// Topic rules and the tag gazetteer as written in feeds.toml ([[topic]] and
// [[tag]] tables). This file only reads and validates them; the classifier
// (classifier.cpp) turns them into matchers. Plain values, thread-safe to copy.
//
// The rule language, as a person who is not a programmer writes it (the
// shipped feeds.toml documents it in its comments):
//
//   [[topic]]                       one topic
//   name = "telecom vendor policy"
//   threshold = 6                   relevant at or above this score
//   title_weight = 3                a mention in the headline counts 3 times
//   lead_weight = 2                 a mention in the first `lead_words` words, twice
//   lead_words = 60
//   terms = ["Huawei", "5G"]        simplest form: each mention adds 1
//
//   [[topic.group]]                 a named list of words and phrases
//   name = "vendor"
//   terms = ["Huawei", "ZTE", "telecom equipment"]
//   weight = 2                      each mention adds this (negative: a cue against)
//   limit = 3                       the group adds at most limit x weight
//   required = true                 no mention of the group: not relevant
//
//   [[topic.near]]                  two groups mentioned close together
//   groups = ["vendor", "action"]
//   within = 12                     at most this many words apart
//   weight = 3
//
// Words match every form of the same word (ban, bans, banned, banning) by
// English stemming; a word ending in * matches every word it begins
// ("sanction*"); a word written in capitals (US, EU, ZTE) matches only in
// capitals; punctuation and case do not matter otherwise ("high-risk
// vendors" matches the term "high risk vendor").
#pragma once

#include <string>
#include <vector>

namespace newsmon {

class TableReader;

struct TopicTerm {
  std::string text;     // a word or a phrase
  double weight = 1.0;
};

// [[topic.group]]: words and phrases that stand for one idea.
struct TopicGroup {
  std::string name;
  std::vector<std::string> terms;
  double weight = 1.0;    // added per mention; negative for cues against the topic
  double limit = 3.0;     // the group adds at most limit x |weight|
  bool required = false;  // the topic needs at least one mention of this group
};

// [[topic.near]]: a bonus when two groups are mentioned within a few words.
struct TopicNear {
  std::string first;   // group names, as declared in [[topic.group]]
  std::string second;
  int within = 12;     // words apart, at most; in the same headline or body
  double weight = 2.0; // per close pair
  double limit = 3.0;  // the rule adds at most limit x weight
};

// [[topic]]: in its simplest form a name and a list of terms.
struct TopicConfig {
  std::string name;
  std::vector<TopicTerm> terms;    // the plain `terms = [...]` list, weight 1 each
  std::vector<TopicGroup> groups;
  std::vector<TopicNear> near;
  double threshold = 1.0;  // score at or above which an item is relevant
  double title_weight = 2.0;  // a mention in the title counts this many times
  double lead_weight = 1.5;   // ... and in the lead (the first lead_words words)
  int lead_words = 60;
};

// [[tag]]: one tag and the words that stand for it.
struct TagConfig {
  std::string name;      // "huawei", "uk", "fcc"
  std::string kind;      // vendor, country, bloc, agency, instrument, technology, other
  std::vector<std::string> aliases;
};

struct Gazetteer {
  std::vector<TagConfig> tags;
};

// Read one [[topic]] or [[tag]] table; problems go to the table's diagnostics.
void read_topic(TableReader& table, TopicConfig& topic);
void read_tag(TableReader& table, TagConfig& tag);

}  // namespace newsmon
