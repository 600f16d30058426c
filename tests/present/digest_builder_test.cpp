#include "daemon/present/digest_builder.h"

#include <random>
#include <set>

#include <catch2/catch.hpp>

using namespace newsmon;

namespace {

Item item(std::int64_t id, std::int64_t story, const char* outlet, double score, std::int64_t when,
                std::vector<std::string> topics = {"telecom vendor policy"}) {
  Item i;
  i.id = id;
  i.story_id = story;
  i.outlet = outlet;
  i.title = "title " + std::to_string(id);
  i.body = "Body of " + std::to_string(id) + ". Second sentence. Third sentence.";
  i.score = score;
  i.relevant = true;
  i.published = instant_from_unix(when);
  i.topics = std::move(topics);
  i.tags = {"t" + std::to_string(id)};
  return i;
}

}  // namespace

TEST_CASE("each story appears once with every outlet that covered it", "[digest_builder]") {
  auto copy = item(3, 1, "Defense One", 9.0, 300);
  copy.duplicate_of = 1;
  const auto digest = build_digest({item(1, 1, "The Guardian", 2.0, 100), item(2, 1, "The New York Times", 3.0, 200),
                                    copy, item(4, 2, "Reuters", 1.0, 400)},
                                   {"telecom vendor policy"}, {}, {});
  REQUIRE(digest.topics.size() == 1);
  const auto& stories = digest.topics[0].stories;
  REQUIRE(stories.size() == 2);
  CHECK(stories[0].lead.id == 2);  // the best original, not the higher-scored copy
  CHECK(stories[0].outlets == std::vector<std::string>{"The New York Times", "The Guardian", "Defense One"});
  CHECK(stories[0].tags == std::vector<std::string>{"t1", "t2", "t3"});
  CHECK(stories[0].first == instant_from_unix(100));
  CHECK(stories[0].extract == "Body of 2. Second sentence.");
  CHECK(digest.story_count() == 2);
  CHECK(digest.outlet_count() == 4);
}

TEST_CASE("stories are ordered by coverage, then relevance, then recency", "[digest_builder]") {
  const auto digest = build_digest({item(1, 1, "A", 1.0, 100), item(2, 1, "B", 1.0, 110), item(3, 2, "A", 5.0, 100),
                                    item(4, 3, "A", 5.0, 200), item(5, 4, "A", 9.0, 50)},
                                   {}, {}, {});
  std::vector<std::int64_t> order;
  for (const auto& s : digest.topics[0].stories) order.push_back(s.story_id);
  CHECK(order == std::vector<std::int64_t>{1, 4, 3, 2});
}

TEST_CASE("topics follow the config order and a story sits under its first topic", "[digest_builder]") {
  const auto digest = build_digest({item(1, 1, "A", 1.0, 100, {"zeta", "open ran"}), item(2, 2, "A", 1.0, 100, {"beta"}),
                                    item(3, 3, "A", 1.0, 100, {}), item(4, 4, "A", 1.0, 100, {"alpha"})},
                                   {"telecom vendor policy", "open ran"}, {}, {});
  std::vector<std::string> names;
  for (const auto& t : digest.topics) names.push_back(t.name);
  CHECK(names == std::vector<std::string>{"open ran", "alpha", "beta", "other"});
}

TEST_CASE("the extract stops at sentences, not at abbreviations", "[digest_builder]") {
  CHECK(first_sentences("Mr. Smith went to the U.S. capital.  He  left.\nThen more.", 280) ==
        "Mr. Smith went to the U.S. capital. He left.");
  CHECK(first_sentences("One. Two. Three.", 280, 3) == "One. Two. Three.");
  CHECK(first_sentences("A very long sentence without an end", 20) == "A very long sentence…");
  CHECK(first_sentences("Short one. But the second is far too long to fit.", 20) == "Short one.");
  CHECK(first_sentences("", 20).empty());
}

namespace {

// first_sentences as it was before it learnt to collapse only the start of a
// body: it collapsed the whole text. Kept as the oracle for the test below.
std::string whole_text_first_sentences(std::string_view raw, std::size_t max_chars, std::size_t max_sentences) {
  const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  std::string text;
  bool space = false;
  for (char c : raw) {
    if (is_space(c)) {
      space = !text.empty();
      continue;
    }
    if (space) text += ' ';
    space = false;
    text += c;
  }
  const auto ends_abbreviation = [&](std::size_t dot) {
    std::size_t start = dot;
    while (start > 0 && !is_space(text[start - 1])) --start;
    std::string_view word = std::string_view(text).substr(start, dot - start);
    while (!word.empty() && (word.front() == '(' || word.front() == '"')) word.remove_prefix(1);
    if (word.size() == 1 && std::isupper(static_cast<unsigned char>(word[0]))) return true;
    if (word.find('.') != std::string_view::npos) return true;
    static const std::set<std::string_view> abbreviations = {
        "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "vs", "etc", "Inc", "Co", "Corp", "Ltd", "Gen", "Sen",
        "Rep", "Gov", "No", "Prof", "Lt", "Col", "Sgt", "Capt", "Mt", "Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec"};
    return abbreviations.contains(word);
  };
  std::size_t taken = 0, sentences = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c != '.' && c != '!' && c != '?') continue;
    std::size_t end = i + 1;
    while (end < text.size() && (text[end] == '"' || text[end] == ')' || text[end] == '\'')) ++end;
    if (end < text.size() && text.compare(end, 3, "\xE2\x80\x9D") == 0) end += 3;
    if (end < text.size() && text[end] != ' ') continue;
    if (c == '.' && ends_abbreviation(i)) continue;
    if (end > max_chars) break;
    taken = end;
    if (++sentences == max_sentences || end >= text.size()) break;
  }
  if (taken > 0) return text.substr(0, taken);
  if (text.size() <= max_chars) return text;
  std::size_t cut = text.rfind(' ', max_chars);
  if (cut == std::string::npos || cut < max_chars / 2) {
    cut = max_chars;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xc0) == 0x80) --cut;
  }
  return text.substr(0, cut) + "…";
}

}  // namespace

TEST_CASE("first sentences of a long body are those of its whole collapsed text", "[digest_builder]") {
  // Random texts dense in what the sentence finder looks at (ends, closing
  // quotes, "”", abbreviations, runs of whitespace, multi-byte characters),
  // around the byte limit where only a prefix of the body is collapsed.
  const std::vector<std::string> pieces = {"word", "Mr", "U.S", "A", "é", "”", "\"", ")", "'", ".", "!", "?",
                                           " ", "  ", "\n", "\t", "\r\n", "...", "x", "Inc", "no"};
  std::mt19937 random(7);
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const std::size_t length = random() % 60;
    for (std::size_t i = 0; i < length; ++i) text += pieces[random() % pieces.size()];
    const std::size_t max_chars = 1 + random() % 40;
    const std::size_t max_sentences = 1 + random() % 3;
    INFO("text '" << text << "' max_chars " << max_chars << " max_sentences " << max_sentences);
    REQUIRE(first_sentences(text, max_chars, max_sentences) ==
            whole_text_first_sentences(text, max_chars, max_sentences));
  }
}
