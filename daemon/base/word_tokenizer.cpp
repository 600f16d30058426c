#include "daemon/base/word_tokenizer.h"

#include <libstemmer.h>

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <unordered_map>

namespace newsmon {

namespace {

// RAII owner of one libstemmer handle. A handle is not thread-safe, so each
// thread keeps its own (see thread_stemmer()).
class Stemmer {
 public:
  Stemmer() : handle_(sb_stemmer_new("english", "UTF_8")) {
    if (!handle_) throw std::runtime_error("libstemmer has no English stemmer");
  }
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;
  ~Stemmer() { sb_stemmer_delete(handle_); }

  std::string stem(std::string_view word) {
    const sb_symbol* out = sb_stemmer_stem(handle_, reinterpret_cast<const sb_symbol*>(word.data()),
                                           static_cast<int>(word.size()));
    if (!out) return std::string(word);  // out of memory: the word itself is a fine key
    return std::string(reinterpret_cast<const char*>(out),
                       static_cast<std::size_t>(sb_stemmer_length(handle_)));
  }

 private:
  sb_stemmer* handle_;
};

Stemmer& thread_stemmer() {
  thread_local Stemmer stemmer;
  return stemmer;
}

// Decodes the code point at text[i] and its length; invalid bytes are one
// unit each and count as U+FFFD (a letter-like symbol: harmless).
char32_t decode(std::string_view text, std::size_t i, std::size_t& length) {
  const auto c = static_cast<unsigned char>(text[i]);
  int extra = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : -1;
  if (extra < 0 || i + extra >= text.size() + (extra == 0 ? 1 : 0)) {
    length = 1;
    return extra == 0 ? c : 0xFFFD;
  }
  char32_t cp = extra == 0 ? c : c & (0x3F >> extra);
  for (int k = 1; k <= extra; ++k) {
    const auto next = static_cast<unsigned char>(text[i + k]);
    if ((next & 0xC0) != 0x80) {
      length = 1;
      return 0xFFFD;
    }
    cp = (cp << 6) | (next & 0x3F);
  }
  length = static_cast<std::size_t>(extra) + 1;
  return cp;
}

bool is_word_character(char32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
  if (cp <= 0xBF) return false;                    // Latin-1 punctuation, no-break space
  if (cp == 0xD7 || cp == 0xF7) return false;      // multiplication and division signs
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;  // punctuation, symbols, arrows, dashes, quotes
  if (cp >= 0x3000 && cp <= 0x303F) return false;  // CJK punctuation
  if (cp >= 0xFE30 && cp <= 0xFE4F) return false;
  if (cp >= 0xFF00 && cp <= 0xFF0F) return false;  // full-width punctuation
  return true;
}

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

}  // namespace

std::string stem_word(std::string_view lower) {
  // Remembered per thread: a text's words repeat (Zipf), and the stemmer
  // costs more than a lookup. Bounded: forgotten all at once when full.
  thread_local std::unordered_map<std::string, std::string> known;
  constexpr std::size_t kMostRemembered = 50000;
  const std::string word(lower);
  if (auto found = known.find(word); found != known.end()) return found->second;
  if (known.size() >= kMostRemembered) known.clear();
  return known.emplace(word, thread_stemmer().stem(lower)).first->second;
}

bool is_capitalised(std::string_view word) {
  int capitals = 0;
  for (char c : word) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++capitals;
  }
  return capitals >= 2;
}

std::vector<Word> tokenize_words(std::string_view text) {
  std::vector<Word> words;
  std::string current;
  auto flush = [&] {
    if (current.empty()) return;
    Word w;
    w.original = std::move(current);
    w.lower = w.original;
    for (char& c : w.lower)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    w.stem = stem_word(w.lower);
    words.push_back(std::move(w));
    current.clear();
  };
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t length = 1;
    const char32_t cp = decode(text, i, length);
    if (is_word_character(cp)) {
      current.append(text.substr(i, length));
    } else if (cp == '.' && current.size() == 1 && is_letter(current[0]) && i + 1 < text.size() &&
               is_letter(text[i + 1]) && (i + 2 >= text.size() || !is_letter(text[i + 2]) ||
                                          text[i + 2] == '.')) {
      // "U.S.", "U.K.": single letters joined by dots are one word. Keep going
      // while the pattern holds; the dots themselves are dropped.
      std::size_t j = i;
      while (j + 1 < text.size() && text[j] == '.' && is_letter(text[j + 1]) &&
             (j + 2 >= text.size() || !is_letter(text[j + 2]) || text[j + 2] == '.')) {
        current.push_back(text[j + 1]);
        j += 2;
      }
      if (j < text.size() && text[j] == '.') ++j;
      i = j;
      flush();
      continue;
    } else {
      flush();
    }
    i += length;
  }
  flush();
  return words;
}

}  // namespace newsmon
