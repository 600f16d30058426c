// Classifier: scores a text against the configured topics and tags it from
// the gazetteer. Built once from the config; classify() is const and
// thread-safe.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/config/topic_rules.h"

namespace newsmon {

struct TopicScore {
  std::string topic;
  double score = 0;
  bool relevant = false;
};

struct Classification {
  double score = 0;       // the best topic's score
  bool relevant = false;  // any topic at or above its threshold
  std::vector<TopicScore> topics;   // every configured topic, best first
  std::vector<std::string> tags;    // gazetteer tags found, sorted, unique
  std::vector<std::string> explanation;  // one line per rule that fired
  // The names of the relevant topics.
  std::vector<std::string> relevant_topics() const;
};

class Classifier {
 public:
  Classifier(std::vector<TopicConfig> topics, Gazetteer gazetteer);
  Classifier(const Classifier&) = delete;
  Classifier(Classifier&&) noexcept;
  ~Classifier();
  Classification classify(std::string_view title, std::string_view body) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsmon
