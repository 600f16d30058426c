// Bag-of-tokens precision/recall/F1, exactly as tests/fixtures/pages/README.md
// (the corpus README) defines it: ASCII lowercased, separators are ASCII
// non-alphanumerics and a few Unicode punctuation blocks, CJK code points are
// one token each, and the score compares token multisets. Header-only so
// the quality test and the report share one tokenizer. Pure; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

namespace newsmon::test {

struct TokenScore {
  double precision = 0;
  double recall = 0;
  double f1 = 0;
  std::size_t predicted = 0;  // tokens
  std::size_t gold = 0;
};

inline bool token_separator(std::uint32_t c) {
  if (c < 0x80) return !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
  return (c >= 0xA0 && c <= 0xBF) || c == 0xD7 || c == 0xF7 || (c >= 0x2000 && c <= 0x206F) ||
         (c >= 0x3000 && c <= 0x303F) || c == 0xFEFF || (c >= 0xFF00 && c <= 0xFF0F) ||
         (c >= 0xFF1A && c <= 0xFF20) || (c >= 0xFF3B && c <= 0xFF40) || (c >= 0xFF5B && c <= 0xFF65);
}

inline bool token_cjk(std::uint32_t c) {
  return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
         (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF);
}

// Decodes one UTF-8 code point at s[i]; invalid bytes decode as U+FFFD.
inline std::uint32_t next_code_point(std::string_view s, std::size_t& i) {
  const auto b = static_cast<unsigned char>(s[i]);
  int len = b < 0x80 ? 1 : (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 0;
  if (len == 0 || i + std::size_t(len) > s.size()) {
    ++i;
    return 0xFFFD;
  }
  std::uint32_t c = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
  for (int k = 1; k < len; ++k) {
    const auto cb = static_cast<unsigned char>(s[i + std::size_t(k)]);
    if ((cb & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    c = (c << 6) | (cb & 0x3F);
  }
  i += std::size_t(len);
  return c;
}

inline std::unordered_map<std::string, std::size_t> token_bag(std::string_view text, std::size_t& count) {
  std::unordered_map<std::string, std::size_t> bag;
  std::string current;
  count = 0;
  auto flush = [&] {
    if (current.empty()) return;
    ++bag[current];
    ++count;
    current.clear();
  };
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t start = i;
    std::uint32_t c = next_code_point(text, i);
    if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
    if (token_separator(c)) {
      flush();
    } else if (token_cjk(c)) {
      flush();
      current.assign(text.substr(start, i - start));
      flush();
    } else if (c < 0x80) {
      current.push_back(char(c));
    } else {
      current.append(text.substr(start, i - start));
    }
  }
  flush();
  return bag;
}

inline TokenScore token_f1(std::string_view predicted, std::string_view gold) {
  TokenScore s;
  const auto p = token_bag(predicted, s.predicted);
  const auto g = token_bag(gold, s.gold);
  if (s.predicted == 0 && s.gold == 0) {
    s.precision = s.recall = s.f1 = 1;
    return s;
  }
  if (s.predicted == 0 || s.gold == 0) return s;
  std::size_t common = 0;
  for (const auto& [token, n] : p) {
    const auto it = g.find(token);
    if (it != g.end()) common += std::min(n, it->second);
  }
  s.precision = double(common) / double(s.predicted);
  s.recall = double(common) / double(s.gold);
  s.f1 = s.precision + s.recall > 0 ? 2 * s.precision * s.recall / (s.precision + s.recall) : 0;
  return s;
}

// The reference with NYT-style photo-credit lines ("CreditKevin Frayer/Getty
// Images") removed: the references keep image credits, the issue calls them
// boilerplate, and the extractor drops them on purpose.
inline std::string without_credit_lines(std::string_view gold) {
  std::string out;
  std::size_t start = 0;
  while (start <= gold.size()) {
    std::size_t end = gold.find('\n', start);
    if (end == std::string_view::npos) end = gold.size();
    const std::string_view line = gold.substr(start, end - start);
    const bool credit = line.size() > 6 && line.starts_with("Credit") && !(line[6] >= 'a' && line[6] <= 'z');
    if (!credit) {
      out.append(line);
      out.push_back('\n');
    }
    start = end + 1;
  }
  return out;
}

}  // namespace newsmon::test
