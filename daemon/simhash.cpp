#include "daemon/simhash.h"

#include <array>
#include <string>
#include <vector>

namespace newsmon {

namespace {

// Words for fingerprinting: runs of ASCII letters and digits and of any
// non-ASCII bytes (so accented and non-Latin words count), ASCII lowercased.
std::vector<std::string> fingerprint_words(std::string_view text) {
  std::vector<std::string> words;
  std::string current;
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    const bool word = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                      c >= 0x80;
    if (word) {
      current.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : ch);
    } else if (!current.empty()) {
      words.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) words.push_back(std::move(current));
  return words;
}

// FNV-1a, then the splitmix64 finaliser so that every output bit depends on
// every input byte (SimHash needs well-spread feature hashes).
std::uint64_t feature_hash(const std::string& text) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebULL;
  h ^= h >> 31;
  return h;
}

constexpr std::size_t kShingleWords = 3;

}  // namespace

std::uint64_t simhash(std::string_view text) {
  const std::vector<std::string> words = fingerprint_words(text);
  if (words.empty()) return 0;
  std::array<std::int32_t, 64> votes{};
  auto vote = [&](std::uint64_t h) {  // branch-free, so the compiler can vectorise it
    for (std::size_t bit = 0; bit < 64; ++bit) votes[bit] += static_cast<std::int32_t>((h >> bit) & 1) * 2 - 1;
  };
  if (words.size() < kShingleWords) {
    for (const auto& w : words) vote(feature_hash(w));
  } else {
    std::string shingle;
    for (std::size_t i = 0; i + kShingleWords <= words.size(); ++i) {
      shingle.clear();
      for (std::size_t k = 0; k < kShingleWords; ++k) {
        if (k) shingle.push_back(' ');
        shingle += words[i + k];
      }
      vote(feature_hash(shingle));
    }
  }
  std::uint64_t fingerprint = 0;
  for (int bit = 0; bit < 64; ++bit)
    if (votes[static_cast<std::size_t>(bit)] > 0) fingerprint |= std::uint64_t{1} << bit;
  return fingerprint;
}

}  // namespace newsmon
