// Word tokenizer for the classifier and the story matcher: splits UTF-8 text
// into words, each with its original spelling, its lowercase form and its
// English stem (Snowball/Porter2 through libstemmer), so that a rule word
// "ban" meets "bans", "banned" and "banning". Letters joined by dots are one
// word ("U.S." is "US"); apostrophes, hyphens and all other punctuation split
// words. Stateless functions; thread-safe (each thread has its own stemmer).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace newsmon {

struct Word {
  std::string original;  // as written, without dots ("US" for "U.S.")
  std::string lower;     // ASCII letters lowercased
  std::string stem;      // English stem of `lower`
};

std::vector<Word> tokenize_words(std::string_view text);

// The English stem of one lowercase word.
std::string stem_word(std::string_view lower);

// True when `word` is written in capitals (two or more capital letters, no
// small letter): such rule words match only capitalised text ("US", "EU").
bool is_capitalised(std::string_view word);

}  // namespace newsmon
