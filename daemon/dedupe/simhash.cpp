#include "daemon/dedupe/simhash.h"
#include "daemon/base/ascii.h"

#include <array>
#include <string>
#include <vector>

namespace newsmon {

namespace {

bool is_word_byte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

// Words for fingerprinting: runs of ASCII letters and digits and of any
// non-ASCII bytes (so accented and non-Latin words count), ASCII lowercased.
// Views into `lower`, the text lowercased once.
std::vector<std::string_view> fingerprint_words(std::string_view lower) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < lower.size()) {
    while (i < lower.size() && !is_word_byte(static_cast<unsigned char>(lower[i]))) ++i;
    const std::size_t start = i;
    while (i < lower.size() && is_word_byte(static_cast<unsigned char>(lower[i]))) ++i;
    if (i > start) words.push_back(lower.substr(start, i - start));
  }
  return words;
}

// A feature's hash: FNV-1a over its bytes (fed in parts: a shingle's words
// and the spaces between them), then the splitmix64 finaliser so that every
// output bit depends on every input byte (SimHash needs well-spread hashes).
// Fingerprints are stored: these values must never change.
constexpr std::uint64_t kFnvOffset = 0xcbf29ce484222325ULL;

std::uint64_t fnv_feed(std::uint64_t h, std::string_view bytes) {
  for (char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

std::uint64_t finish(std::uint64_t h) {
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebULL;
  h ^= h >> 31;
  return h;
}

// The 64 per-bit votes of SimHash, counted eight bits per addition: byte k
// of spread[v] is bit k of v, so adding spread[byte] to a word of eight
// byte-wide counters counts eight bits at once. The counters are emptied
// into wide ones before a byte can overflow.
class BitVotes {
 public:
  void add(std::uint64_t h) {
    for (std::size_t b = 0; b < 8; ++b) packed_[b] += kSpread[(h >> (8 * b)) & 0xff];
    ++count_;
    if (++pending_ == 255) flush();
  }

  // Bit i is set when more hashes have it set than clear.
  std::uint64_t fingerprint() {
    flush();
    std::uint64_t fingerprint = 0;
    for (std::size_t bit = 0; bit < 64; ++bit)
      if (2 * ones_[bit] > count_) fingerprint |= std::uint64_t{1} << bit;
    return fingerprint;
  }

 private:
  static constexpr std::array<std::uint64_t, 256> kSpread = [] {
    std::array<std::uint64_t, 256> spread{};
    for (std::size_t v = 0; v < 256; ++v)
      for (std::size_t k = 0; k < 8; ++k)
        if (v >> k & 1) spread[v] |= std::uint64_t{1} << (8 * k);
    return spread;
  }();

  void flush() {
    for (std::size_t b = 0; b < 8; ++b) {
      for (std::size_t k = 0; k < 8; ++k) ones_[8 * b + k] += (packed_[b] >> (8 * k)) & 0xff;
      packed_[b] = 0;
    }
    pending_ = 0;
  }

  std::array<std::uint64_t, 8> packed_{};
  std::array<std::uint64_t, 64> ones_{};
  std::uint64_t count_ = 0;
  unsigned pending_ = 0;
};

constexpr std::size_t kShingleWords = 3;

}  // namespace

std::uint64_t simhash(std::string_view text) {
  const std::string lower = ascii::lower(text);
  const std::vector<std::string_view> words = fingerprint_words(lower);
  if (words.empty()) return 0;
  BitVotes votes;
  if (words.size() < kShingleWords) {
    for (const auto w : words) votes.add(finish(fnv_feed(kFnvOffset, w)));
  } else {
    for (std::size_t i = 0; i + kShingleWords <= words.size(); ++i) {
      std::uint64_t h = fnv_feed(kFnvOffset, words[i]);
      for (std::size_t k = 1; k < kShingleWords; ++k) h = fnv_feed(fnv_feed(h, " "), words[i + k]);
      votes.add(finish(h));
    }
  }
  return votes.fingerprint();
}

}  // namespace newsmon
