#include "daemon/classifier.h"

namespace newsmon {

// Placeholder until the relevance issue lands: nothing is relevant.
struct Classifier::Impl {};
Classifier::Classifier(std::vector<TopicConfig>, Gazetteer) : impl_(std::make_unique<Impl>()) {}
Classifier::Classifier(Classifier&&) noexcept = default;
Classifier::~Classifier() = default;
Classification Classifier::classify(std::string_view, std::string_view) const { return {}; }
std::vector<std::string> Classification::relevant_topics() const {
  std::vector<std::string> names;
  for (const auto& t : topics)
    if (t.relevant) names.push_back(t.topic);
  return names;
}

}  // namespace newsmon
