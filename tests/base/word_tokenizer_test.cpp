// The word tokenizer: words with their spelling, lowercase form and English
// stem, as the classifier and the story matcher see them.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "daemon/base/word_tokenizer.h"

using namespace newsmon;

namespace {

std::vector<std::string> originals(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& word : tokenize_words(text)) out.push_back(word.original);
  return out;
}

}  // namespace

TEST_CASE("punctuation, apostrophes and hyphens split words", "[word_tokenizer]") {
  CHECK(originals("Huawei's 5G-kit, banned (again).") ==
        std::vector<std::string>{"Huawei", "s", "5G", "kit", "banned", "again"});
}

TEST_CASE("letters joined by dots are one word without the dots", "[word_tokenizer]") {
  const auto words = tokenize_words("The U.S. ban");
  REQUIRE(words.size() == 3);
  CHECK(words[1].original == "US");
  CHECK(words[1].lower == "us");
}

TEST_CASE("each word carries its lowercase form and its English stem", "[word_tokenizer]") {
  const auto words = tokenize_words("Banning BANS banned");
  REQUIRE(words.size() == 3);
  CHECK(words[0].lower == "banning");
  CHECK(words[1].lower == "bans");
  for (const auto& word : words) CHECK(word.stem == "ban");
}

TEST_CASE("a rule word and its inflections share one stem", "[word_tokenizer]") {
  CHECK(stem_word("ban") == "ban");
  CHECK(stem_word("bans") == stem_word("ban"));
  CHECK(stem_word("vendors") == stem_word("vendor"));
  CHECK(stem_word("restrictions") == stem_word("restriction"));
}

TEST_CASE("text without letters or digits has no words", "[word_tokenizer]") {
  CHECK(tokenize_words("").empty());
  CHECK(tokenize_words(" -- ... !? ").empty());
}

TEST_CASE("words in capitals are capitalised, others are not", "[word_tokenizer]") {
  CHECK(is_capitalised("US"));
  CHECK(is_capitalised("EU"));
  CHECK_FALSE(is_capitalised("Us"));
  CHECK_FALSE(is_capitalised("us"));
  CHECK_FALSE(is_capitalised("A"));  // one capital alone is not enough
}
