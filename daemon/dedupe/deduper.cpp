#include "daemon/dedupe/deduper.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "daemon/base/ascii.h"
#include "daemon/dedupe/simhash.h"

namespace newsmon {

std::optional<std::int64_t> find_near_duplicate(std::uint64_t simhash,
                                                const std::vector<DuplicateCandidate>& candidates) {
  std::optional<std::int64_t> best;
  for (const auto& c : candidates)
    if (hamming_distance(c.simhash, simhash) <= kNearDuplicateBits && (!best || c.item_id < *best))
      best = c.item_id;
  return best;
}

namespace {

bool is_stopword(std::string_view w) {
  static const std::unordered_set<std::string_view> words = {
      "the", "a", "an", "of", "to", "in", "on", "for", "and", "or", "is", "was", "has", "have",
      "had", "be", "been", "are", "were", "with", "by", "at", "from", "that", "this", "it",
      "its", "as", "but", "not", "will", "would", "said", "say", "says", "after", "over",
      "new", "more", "than", "their", "they", "he", "she", "his", "her", "we", "our", "you",
      "about", "also", "which", "who", "into", "up", "out", "could", "can", "may", "there",
      "what", "when", "while", "now", "no", "so", "if", "all", "any", "other", "some", "such",
      "them", "those", "these", "i", "us", "do", "did", "does", "being", "just", "last",
      "first", "year", "week", "day", "monday", "tuesday", "wednesday", "thursday", "friday",
      "saturday", "sunday", "mr", "ms", "mrs", "per", "cent", "percent", "one", "two"};
  return words.count(w) > 0;
}

// Entities are the names and figures: capitalised words inside a sentence,
// words in capitals, and numbers of two or more digits. A run of such words
// is one name ("National Cyber Security Centre"), so a long name shared
// counts once. Words are compared by a 64-bit hash (FNV-1a): sorted vectors
// of hashes merge fast.
using WordKey = std::uint64_t;

// ASCII classes without the locale (ascii.h, inline): the C locale's isalnum
// and tolower are function calls, and this runs over every word of every
// candidate.
bool is_word_byte(unsigned char c) { return ascii::is_alnum(char(c)) || c >= 0x80; }

// The key of `word` lowercased, and whether that is a stopword, without
// making a lowercase copy of every word.
WordKey lowercase_key(std::string_view word) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (char c : word) {
    h ^= static_cast<unsigned char>(ascii::lower(c));
    h *= 0x100000001b3ULL;
  }
  return h;
}

bool is_lowercase_stopword(std::string_view word) {
  constexpr std::size_t kLongestStopword = 9;  // "wednesday"
  if (word.size() > kLongestStopword) return false;
  char lower[kLongestStopword];
  for (std::size_t i = 0; i < word.size(); ++i) lower[i] = ascii::lower(word[i]);
  return is_stopword(std::string_view(lower, word.size()));
}

void add_text(StoryFeatures& f, std::string_view text, double weight) {
  bool sentence_start = true;
  bool in_name = false;  // the previous word was part of a name, with only spaces between
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (!is_word_byte(c)) {
      if (c == '.' || c == '!' || c == '?' || c == '\n' || c == ':') sentence_start = true;
      if (c != ' ' && c != '-') in_name = false;
      ++i;
      continue;
    }
    std::size_t j = i;
    bool capitals = true, digits = true;
    for (; j < text.size() && is_word_byte(static_cast<unsigned char>(text[j])); ++j) {
      if (text[j] >= 'a' && text[j] <= 'z') capitals = false;
      if (!(text[j] >= '0' && text[j] <= '9')) digits = false;
    }
    std::string_view word = text.substr(i, j - i);
    // A plural s goes ("bans" is "ban"), not a double one ("process").
    if (word.size() > 3 && ascii::lower(word.back()) == 's' && ascii::lower(word[word.size() - 2]) != 's')
      word.remove_suffix(1);
    const bool capitalised = text[i] >= 'A' && text[i] <= 'Z';
    bool entity = false;
    if (word.size() >= 2 && !is_lowercase_stopword(word)) {
      const WordKey key = lowercase_key(word);
      f.weights.emplace_back(key, weight);
      entity = digits || (capitalised && (!sentence_start || capitals));
      if (entity) {
        f.entities.push_back(key);
        if (!in_name) f.names.emplace_back();
        f.names.back().push_back(key);
      }
    }
    in_name = entity;
    sentence_start = false;
    i = j;
  }
}

}  // namespace

StoryFeatures story_features(const StoryCandidate& item) {
  StoryFeatures f;
  add_text(f, item.title, 2.0);
  add_text(f, item.lead, 1.0);
  std::sort(f.names.begin(), f.names.end());  // a name mentioned twice is one name
  f.names.erase(std::unique(f.names.begin(), f.names.end()), f.names.end());
  std::sort(f.entities.begin(), f.entities.end());
  f.entities.erase(std::unique(f.entities.begin(), f.entities.end()), f.entities.end());
  std::sort(f.weights.begin(), f.weights.end());
  std::size_t out = 0;  // merge the mentions of each word
  for (std::size_t i = 0; i < f.weights.size(); ++i) {
    if (out > 0 && f.weights[out - 1].first == f.weights[i].first) f.weights[out - 1].second += f.weights[i].second;
    else f.weights[out++] = f.weights[i];
  }
  f.weights.resize(out);
  double sum = 0;
  for (const auto& [word, w] : f.weights) sum += w * w;
  f.norm = std::sqrt(sum);
  return f;
}

FeaturedCandidate featured_candidate(const StoryCandidate& item) {
  return {item.item_id, item.story_id, item.outlet, item.tags, item.published, story_features(item)};
}

namespace {

double cosine(const StoryFeatures& a, const StoryFeatures& b) {
  if (a.norm == 0 || b.norm == 0) return 0;
  double dot = 0;
  for (auto x = a.weights.begin(), y = b.weights.begin(); x != a.weights.end() && y != b.weights.end();) {
    if (x->first < y->first) ++x;
    else if (y->first < x->first) ++y;
    else dot += (x++)->second * (y++)->second;
  }
  return dot / (a.norm * b.norm);
}

// How many of a's names share a word with b's.
std::size_t names_shared(const StoryFeatures& a, const StoryFeatures& b) {
  std::size_t n = 0;
  for (const auto& name : a.names)
    n += std::any_of(name.begin(), name.end(), [&](WordKey w) {
      return std::binary_search(b.entities.begin(), b.entities.end(), w);
    });
  return n;
}

std::size_t shared_tags(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::size_t n = 0;
  for (const auto& x : a) n += std::find(b.begin(), b.end(), x) != b.end();
  return n;
}

}  // namespace

std::vector<std::uint64_t> story_keys(std::string_view title, std::string_view lead) {
  StoryFeatures title_only, lead_only;
  add_text(title_only, title, 1.0);
  add_text(lead_only, lead, 1.0);
  std::vector<std::uint64_t> keys;
  for (const auto& [word, weight] : title_only.weights) keys.push_back(word);
  for (const auto word : lead_only.entities) {
    if (keys.size() >= kMaxStoryKeys) break;
    keys.push_back(word);
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

double story_similarity(const StoryCandidate& a, const StoryCandidate& b) {
  return cosine(story_features(a), story_features(b));
}

std::optional<std::int64_t> match_story(const StoryCandidate& item,
                                        const std::vector<StoryCandidate>& candidates) {
  std::vector<FeaturedCandidate> featured;
  featured.reserve(candidates.size());
  for (const auto& c : candidates) featured.push_back(featured_candidate(c));
  std::vector<const FeaturedCandidate*> pointers;
  for (const auto& f : featured) pointers.push_back(&f);
  return match_story(item, story_features(item), pointers);
}

std::optional<std::int64_t> match_story(const StoryCandidate& item, const StoryFeatures& mine,
                                        const std::vector<const FeaturedCandidate*>& candidates) {
  std::optional<std::int64_t> best_story;
  double best_score = 0;
  for (const FeaturedCandidate* candidate : candidates) {
    const FeaturedCandidate& c = *candidate;
    const StoryFeatures& theirs = c.features;
    const auto gap = c.published > item.published ? c.published - item.published
                                                  : item.published - c.published;
    if (gap > kStoryWindow) continue;
    // Cheap test first: items that both have tags must share one.
    const std::size_t tags_in_common = shared_tags(item.tags, c.tags);
    if (!item.tags.empty() && !c.tags.empty() && tags_in_common == 0) continue;
    const double similarity = cosine(mine, theirs);
    if (similarity < kStoryMinimumSimilarity) continue;
    const std::size_t entities = std::min(names_shared(mine, theirs), names_shared(theirs, mine));
    const std::size_t fewer_entities = std::min(mine.entities.size(), theirs.entities.size());
    const double entity_overlap = fewer_entities ? double(entities) / double(fewer_entities) : 0;
    // Precision before recall: a near-copy of the lead, or a clearly similar
    // text that names mostly the same people, places and figures.
    const bool same_text = similarity >= kStorySameTextSimilarity;
    const bool same_event = similarity >= kStoryMinimumSimilarity && entities >= 4 &&
                            entity_overlap >= 0.4;
    // One outlet's own items are one story only when they are near-copies.
    if (c.outlet == item.outlet && !same_text) continue;
    if (!same_text && !same_event) continue;
    const double score = similarity + 0.05 * double(entities);
    if (score > best_score) {
      best_score = score;
      best_story = c.story_id;
    }
  }
  return best_story;
}

}  // namespace newsmon
