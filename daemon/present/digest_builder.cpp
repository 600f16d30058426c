#include "daemon/present/digest_builder.h"
#include "daemon/base/ascii.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace newsmon {

namespace {

// `text` with runs of whitespace collapsed to one space and the ends trimmed,
// or only the start of that: the collapsing stops once `limit` bytes are out
// (the result is then a prefix of the whole collapsed text, at least `limit`
// long), so a long body costs no more than the part that is read.
std::string collapse_whitespace(std::string_view text, std::size_t limit) {
  std::string out;
  out.reserve(std::min(text.size(), limit + 8));
  bool space = false;
  for (char c : text) {
    if (ascii::is_space(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
    if (out.size() >= limit) break;
  }
  return out;
}

// Does the sentence-ending dot at `dot` end an abbreviation ("Mr.", "U.S.")?
bool ends_abbreviation(std::string_view text, std::size_t dot) {
  std::size_t start = dot;
  while (start > 0 && !ascii::is_space(text[start - 1])) --start;
  std::string_view word = text.substr(start, dot - start);
  while (!word.empty() && (word.front() == '(' || word.front() == '"')) word.remove_prefix(1);
  if (word.size() == 1 && ascii::is_upper(word[0])) return true;  // initials
  if (word.find('.') != std::string_view::npos) return true;                                // U.S.
  static const std::set<std::string_view> abbreviations = {
      "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "vs", "etc", "Inc", "Co", "Corp", "Ltd", "Gen", "Sen",
      "Rep", "Gov", "No", "Prof", "Lt", "Col", "Sgt", "Capt", "Mt", "Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec"};
  return abbreviations.contains(word);
}

}  // namespace

std::string first_sentences(std::string_view raw, std::size_t max_chars, std::size_t max_sentences) {
  // Only the first max_chars bytes (plus the few a sentence end looks ahead:
  // closing quotes, a 3-byte "”", the space after) decide the result; a body
  // runs to thousands of bytes, so collapse only a prefix. When `text` is cut,
  // it is longer than max_chars + 4, and every test below that reads past
  // max_chars can only reject a sentence end that would not fit anyway.
  const std::string text = collapse_whitespace(raw, max_chars + 8);
  std::size_t taken = 0;  // end of the sentences kept so far
  std::size_t sentences = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c != '.' && c != '!' && c != '?') continue;
    std::size_t end = i + 1;
    while (end < text.size() && (text[end] == '"' || text[end] == ')' || text[end] == '\'')) ++end;
    if (end < text.size() && text.compare(end, 3, "\xE2\x80\x9D") == 0) end += 3;  // ”
    if (end < text.size() && text[end] != ' ') continue;
    if (c == '.' && ends_abbreviation(text, i)) continue;
    if (end > max_chars) break;
    taken = end;
    if (++sentences == max_sentences || end >= text.size()) break;
  }
  if (taken > 0) return text.substr(0, taken);
  if (text.size() <= max_chars) return text;
  std::size_t cut = text.rfind(' ', max_chars);
  if (cut == std::string::npos || cut < max_chars / 2) {
    cut = max_chars;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xc0) == 0x80) --cut;  // not inside a character
  }
  return text.substr(0, cut) + "…";
}

std::size_t Digest::story_count() const {
  std::size_t n = 0;
  for (const auto& topic : topics) n += topic.stories.size();
  return n;
}

std::size_t Digest::outlet_count() const {
  std::set<std::string> outlets;
  for (const auto& topic : topics)
    for (const auto& story : topic.stories) outlets.insert(story.outlets.begin(), story.outlets.end());
  return outlets.size();
}

Digest build_digest(std::vector<Item> items, const std::vector<std::string>& topic_order, Instant begin,
                    Instant end) {
  std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
    return a.when() != b.when() ? a.when() < b.when() : a.id < b.id;
  });
  // Group: by story, else with the original a duplicate copies, else alone.
  std::map<std::int64_t, std::vector<Item>> groups;
  std::vector<std::int64_t> group_order;
  for (auto& item : items) {
    const std::int64_t key = item.story_id ? *item.story_id : -(item.duplicate_of ? *item.duplicate_of : item.id);
    auto [it, inserted] = groups.try_emplace(key);
    if (inserted) group_order.push_back(key);
    it->second.push_back(std::move(item));
  }

  const auto topic_rank = [&](const std::string& name) {
    const auto it = std::find(topic_order.begin(), topic_order.end(), name);
    return it == topic_order.end() ? topic_order.size() : std::size_t(it - topic_order.begin());
  };
  const auto topic_before = [&](const std::string& a, const std::string& b) {
    const auto ra = topic_rank(a), rb = topic_rank(b);
    return ra != rb ? ra < rb : a < b;
  };

  std::map<std::string, std::vector<DigestStory>> by_topic;
  for (const auto key : group_order) {
    auto& members = groups[key];
    DigestStory story;
    story.story_id = key < 0 ? -key : key;
    // The lead: an original before a duplicate, then the fullest account (a
    // rewrite, a brief or a stub is shorter), then the best score, then the earliest.
    const auto lead = std::min_element(members.begin(), members.end(), [](const Item& a, const Item& b) {
      if (a.duplicate_of.has_value() != b.duplicate_of.has_value()) return !a.duplicate_of.has_value();
      if (a.body.size() != b.body.size()) return a.body.size() > b.body.size();
      if (a.score != b.score) return a.score > b.score;
      return a.when() != b.when() ? a.when() < b.when() : a.id < b.id;
    });
    story.lead = *lead;
    story.first = members.front().when();
    story.outlets.push_back(lead->outlet);
    std::set<std::string> tags;
    std::vector<std::string> topics;
    for (const auto& item : members) {
      if (std::find(story.outlets.begin(), story.outlets.end(), item.outlet) == story.outlets.end())
        story.outlets.push_back(item.outlet);
      tags.insert(item.tags.begin(), item.tags.end());
      topics.insert(topics.end(), item.topics.begin(), item.topics.end());
      story.best_score = std::max(story.best_score, item.score);
    }
    story.tags.assign(tags.begin(), tags.end());
    story.extract = first_sentences(story.lead.body.empty() ? story.lead.summary : story.lead.body, 280);
    story.items = std::move(members);
    for (auto& item : story.items) item.body.clear();  // the extract is all the digest shows
    std::string topic = "other";
    if (!topics.empty()) topic = *std::min_element(topics.begin(), topics.end(), topic_before);
    by_topic[topic].push_back(std::move(story));
  }

  Digest digest;
  digest.begin = begin;
  digest.end = end;
  std::vector<std::string> names;
  for (const auto& [name, stories] : by_topic) names.push_back(name);
  std::sort(names.begin(), names.end(), [&](const std::string& a, const std::string& b) {
    if ((a == "other") != (b == "other")) return b == "other";
    return topic_before(a, b);
  });
  for (const auto& name : names) {
    auto& stories = by_topic[name];
    std::sort(stories.begin(), stories.end(), [](const DigestStory& a, const DigestStory& b) {
      if (a.outlets.size() != b.outlets.size()) return a.outlets.size() > b.outlets.size();
      if (a.best_score != b.best_score) return a.best_score > b.best_score;
      if (a.first != b.first) return a.first > b.first;
      return a.story_id < b.story_id;
    });
    digest.topics.push_back(DigestTopic{name, std::move(stories)});
  }
  return digest;
}

}  // namespace newsmon
