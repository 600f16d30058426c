#include "daemon/classify/classifier.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "daemon/base/word_tokenizer.h"

namespace newsmon {

namespace {

// One word of a rule term and how it meets a word of the text.
struct TermWord {
  enum class Mode { stem, prefix, exact } mode = Mode::stem;
  std::string key;  // the stem, the lowercase prefix, or the exact capitalised spelling
};

struct CompiledTerm {
  std::string text;  // as written in the config, for explanations
  std::vector<TermWord> words;
  int owner = 0;     // the group (or tag) it belongs to
};

// One place where a term was found.
struct Match {
  int term = 0;
  int zone = 0;           // 0 title, 1 body
  std::size_t start = 0;  // word index in its zone
  std::size_t length = 0;
};

bool word_matches(const TermWord& t, const Word& w) {
  switch (t.mode) {
    case TermWord::Mode::stem: return w.stem == t.key;
    case TermWord::Mode::prefix: return w.lower.starts_with(t.key);
    case TermWord::Mode::exact: return w.original == t.key;
  }
  return false;
}

// A set of phrases and where they occur in a list of words. Immutable after
// construction; find() is const and thread-safe.
class PhraseMatcher {
 public:
  void add(const std::string& text, int owner) {
    CompiledTerm term;
    term.text = text;
    term.owner = owner;
    // A * ends a word that matches as a prefix: mark it with a word of its own.
    std::string marked;
    for (char c : text) {
      if (c == '*') marked += " newsmonstarmarker ";
      else marked += c;
    }
    std::vector<Word> words;
    std::vector<bool> starred;
    for (auto& w : tokenize_words(marked)) {
      if (w.original == "newsmonstarmarker") {
        if (!starred.empty()) starred.back() = true;
        continue;
      }
      words.push_back(std::move(w));
      starred.push_back(false);
    }
    for (std::size_t i = 0; i < words.size(); ++i) {
      TermWord tw;
      if (starred[i]) {
        tw.mode = TermWord::Mode::prefix;
        tw.key = words[i].lower;
      } else if (is_capitalised(words[i].original)) {
        tw.mode = TermWord::Mode::exact;
        tw.key = words[i].original;
      } else {
        tw.key = words[i].stem;
      }
      term.words.push_back(std::move(tw));
    }
    if (term.words.empty()) return;
    const int index = static_cast<int>(terms_.size());
    const TermWord& first = term.words.front();
    if (first.mode == TermWord::Mode::prefix)
      prefix_first_[static_cast<unsigned char>(first.key[0])].push_back(index);  // never empty
    else by_first_[first.mode == TermWord::Mode::exact ? stem_word(words.front().lower) : first.key]
             .push_back(index);
    terms_.push_back(std::move(term));
  }

  void find(const std::vector<Word>& words, int zone, std::vector<Match>& out) const {
    for (std::size_t i = 0; i < words.size(); ++i) {
      auto try_term = [&](int index) {
        const CompiledTerm& term = terms_[static_cast<std::size_t>(index)];
        if (i + term.words.size() > words.size()) return;
        for (std::size_t k = 0; k < term.words.size(); ++k)
          if (!word_matches(term.words[k], words[i + k])) return;
        out.push_back({index, zone, i, term.words.size()});
      };
      if (auto it = by_first_.find(words[i].stem); it != by_first_.end())
        for (int index : it->second) try_term(index);
      for (int index : prefix_first_[static_cast<unsigned char>(words[i].lower[0])]) try_term(index);
    }
  }

  const CompiledTerm& term(int index) const { return terms_[static_cast<std::size_t>(index)]; }

 private:
  std::vector<CompiledTerm> terms_;
  std::unordered_map<std::string, std::vector<int>> by_first_;
  // Terms whose first word is a prefix, by the prefix's first byte: a word
  // tries only those that could start it.
  std::array<std::vector<int>, 256> prefix_first_;
};

// Within one owner (group or tag), keeps the longest match where two overlap:
// "high-risk vendor" is one mention, not also a mention of "vendor".
std::vector<Match> without_overlaps(std::vector<Match> matches, const PhraseMatcher& matcher) {
  std::sort(matches.begin(), matches.end(), [](const Match& a, const Match& b) {
    if (a.zone != b.zone) return a.zone < b.zone;
    if (a.length != b.length) return a.length > b.length;
    return a.start < b.start;
  });
  // The word positions the kept matches cover, per zone and owner: one
  // lookup per word of a match, however many matches a long text has.
  std::set<std::tuple<int, int, std::size_t>> covered;
  std::vector<Match> kept;
  for (const Match& m : matches) {
    const int owner = matcher.term(m.term).owner;
    bool overlaps = false;
    for (std::size_t p = m.start; p < m.start + m.length && !overlaps; ++p)
      overlaps = covered.count({m.zone, owner, p}) > 0;
    if (overlaps) continue;
    for (std::size_t p = m.start; p < m.start + m.length; ++p) covered.insert({m.zone, owner, p});
    kept.push_back(m);
  }
  std::sort(kept.begin(), kept.end(), [](const Match& a, const Match& b) {
    return a.zone != b.zone ? a.zone < b.zone : a.start < b.start;
  });
  return kept;
}

std::string format_number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", value);
  return buffer;
}

// "Huawei x2 (title), ZTE": which terms of a group were found, and where.
std::string describe(const std::vector<const Match*>& matches, const PhraseMatcher& matcher) {
  std::map<std::string, std::pair<int, bool>> seen;  // term -> count, in title
  std::vector<std::string> order;
  for (const Match* m : matches) {
    const std::string& text = matcher.term(m->term).text;
    auto [it, fresh] = seen.try_emplace(text, 0, false);
    if (fresh) order.push_back(text);
    it->second.first += 1;
    it->second.second = it->second.second || m->zone == 0;
  }
  std::string out;
  for (const auto& text : order) {
    if (!out.empty()) out += ", ";
    out += "\"" + text + "\"";
    const auto& [count, title] = seen[text];
    if (count > 1) out += " x" + std::to_string(count);
    if (title) out += " (title)";
  }
  return out;
}

struct CompiledTopic {
  TopicConfig config;
  std::vector<TopicGroup> groups;  // the config's groups, plus "terms" for a plain list
  PhraseMatcher matcher;
  struct Near {
    TopicNear rule;
    int first = 0, second = 0;  // group indexes
  };
  std::vector<Near> near;
};

}  // namespace

struct Classifier::Impl {
  std::vector<CompiledTopic> topics;
  Gazetteer gazetteer;
  PhraseMatcher tags;

  double zone_factor(const TopicConfig& topic, const Match& m) const {
    if (m.zone == 0) return topic.title_weight;
    return m.start < static_cast<std::size_t>(topic.lead_words) ? topic.lead_weight : 1.0;
  }

  TopicScore score(const CompiledTopic& topic, const std::vector<Word>& title,
                   const std::vector<Word>& body, std::vector<std::string>& explanation) const {
    std::vector<Match> found;
    topic.matcher.find(title, 0, found);
    topic.matcher.find(body, 1, found);
    found = without_overlaps(std::move(found), topic.matcher);

    const std::size_t group_count = topic.groups.size();
    std::vector<std::vector<const Match*>> by_group(group_count);
    for (const Match& m : found)
      by_group[static_cast<std::size_t>(topic.matcher.term(m.term).owner)].push_back(&m);

    const std::string prefix = "topic \"" + topic.config.name + "\": ";
    TopicScore result;
    result.topic = topic.config.name;
    double total = 0;
    std::vector<std::string> missing;
    for (std::size_t g = 0; g < group_count; ++g) {
      const TopicGroup& group = topic.groups[g];
      if (by_group[g].empty()) {
        if (group.required) missing.push_back(group.name);
        continue;
      }
      double mentions = 0;
      for (const Match* m : by_group[g]) mentions += zone_factor(topic.config, *m);
      const double added = group.weight * std::min(group.limit, mentions);
      total += added;
      explanation.push_back(prefix + "group " + group.name + " " + (added >= 0 ? "+" : "") +
                            format_number(added) + ": " + describe(by_group[g], topic.matcher));
    }
    for (std::size_t r = 0; r < topic.near.size(); ++r) {
      const TopicNear& rule = topic.near[r].rule;
      const int a = topic.near[r].first, b = topic.near[r].second;
      double hits = 0;
      std::string example;
      for (const Match* x : by_group[static_cast<std::size_t>(a)]) {
        double best = 0;
        const Match* partner = nullptr;
        for (const Match* y : by_group[static_cast<std::size_t>(b)]) {
          // One mention is never near itself, even when a term is in both groups.
          if (x->zone != y->zone ||
              (x->start < y->start + y->length && y->start < x->start + x->length))
            continue;
          const std::size_t distance = x->start > y->start ? x->start - y->start : y->start - x->start;
          if (distance > static_cast<std::size_t>(rule.within)) continue;
          const double factor = std::max(zone_factor(topic.config, *x), zone_factor(topic.config, *y));
          if (factor > best) {
            best = factor;
            partner = y;
          }
        }
        if (partner && example.empty())
          example = "\"" + topic.matcher.term(x->term).text + "\" near \"" +
                    topic.matcher.term(partner->term).text + "\"";
        hits += best;
      }
      if (hits == 0) continue;
      const double added = rule.weight * std::min(rule.limit, hits);
      total += added;
      explanation.push_back(prefix + "near " + rule.first + "/" + rule.second + " " +
                            (added >= 0 ? "+" : "") + format_number(added) + ": " + example);
    }
    result.score = std::round(total * 10) / 10;
    if (!missing.empty()) {
      std::string names;
      for (const auto& n : missing) names += (names.empty() ? "" : ", ") + n;
      explanation.push_back(prefix + "required group not found (" + names + "): score " +
                            format_number(result.score) + " counts as 0");
      result.score = 0;
    }
    result.relevant = missing.empty() && result.score >= topic.config.threshold;
    explanation.push_back(prefix + "score " + format_number(result.score) +
                          (result.relevant ? " >= " : " < ") + "threshold " +
                          format_number(topic.config.threshold) +
                          (result.relevant ? ": relevant" : ": irrelevant"));
    return result;
  }
};

Classifier::Classifier(std::vector<TopicConfig> topics, Gazetteer gazetteer)
    : impl_(std::make_unique<Impl>()) {
  for (auto& config : topics) {
    CompiledTopic topic;
    topic.config = std::move(config);
    topic.groups = topic.config.groups;
    for (std::size_t g = 0; g < topic.groups.size(); ++g)
      for (const auto& term : topic.groups[g].terms) topic.matcher.add(term, static_cast<int>(g));
    if (!topic.config.terms.empty()) {
      // The plain list: one group per distinct weight keeps each term's own weight.
      for (const auto& term : topic.config.terms) {
        std::size_t g = topic.groups.size();
        for (std::size_t k = topic.config.groups.size(); k < topic.groups.size(); ++k)
          if (topic.groups[k].weight == term.weight) g = k;
        if (g == topic.groups.size()) {
          TopicGroup plain;
          plain.name = "terms";
          plain.weight = term.weight;
          plain.limit = 10;
          topic.groups.push_back(plain);
        }
        topic.matcher.add(term.text, static_cast<int>(g));
      }
    }
    for (const auto& rule : topic.config.near) {
      int a = -1, b = -1;
      for (std::size_t g = 0; g < topic.groups.size(); ++g) {
        if (topic.groups[g].name == rule.first && a < 0) a = static_cast<int>(g);
        if (topic.groups[g].name == rule.second && b < 0) b = static_cast<int>(g);
      }
      if (a < 0 || b < 0) continue;  // read_topic reported the unknown name
      topic.near.push_back({rule, a, b});
    }
    impl_->topics.push_back(std::move(topic));
  }
  impl_->gazetteer = std::move(gazetteer);
  for (std::size_t t = 0; t < impl_->gazetteer.tags.size(); ++t)
    for (const auto& alias : impl_->gazetteer.tags[t].aliases) impl_->tags.add(alias, static_cast<int>(t));
}

Classifier::Classifier(Classifier&&) noexcept = default;
Classifier::~Classifier() = default;

Classification Classifier::classify(std::string_view title, std::string_view body) const {
  const std::vector<Word> title_words = tokenize_words(title);
  const std::vector<Word> body_words = tokenize_words(body);
  Classification result;
  for (const auto& topic : impl_->topics) {
    TopicScore s = impl_->score(topic, title_words, body_words, result.explanation);
    result.relevant = result.relevant || s.relevant;
    result.topics.push_back(std::move(s));
  }
  std::stable_sort(result.topics.begin(), result.topics.end(),
                   [](const TopicScore& a, const TopicScore& b) { return a.score > b.score; });
  if (!result.topics.empty()) result.score = result.topics.front().score;

  std::vector<Match> found;
  impl_->tags.find(title_words, 0, found);
  impl_->tags.find(body_words, 1, found);
  std::map<std::string, std::vector<const Match*>> by_tag;
  for (const Match& m : found)
    by_tag[impl_->gazetteer.tags[static_cast<std::size_t>(impl_->tags.term(m.term).owner)].name]
        .push_back(&m);
  for (const auto& [name, matches] : by_tag) {
    result.tags.push_back(name);
    result.explanation.push_back("tag " + name + ": " + describe(matches, impl_->tags));
  }
  return result;
}

std::vector<std::string> Classification::relevant_topics() const {
  std::vector<std::string> names;
  for (const auto& t : topics)
    if (t.relevant) names.push_back(t.topic);
  return names;
}

}  // namespace newsmon
