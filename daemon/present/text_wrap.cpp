#include "daemon/present/text_wrap.h"
#include "daemon/base/ascii.h"

namespace newsmon {

namespace {

struct CodePoint {
  char32_t value;
  std::size_t length;  // bytes
};

CodePoint decode(std::string_view s) {
  const auto b = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char b0 = b(0);
  std::size_t n = b0 < 0x80 ? 1 : (b0 >> 5) == 0x6 ? 2 : (b0 >> 4) == 0xe ? 3 : (b0 >> 3) == 0x1e ? 4 : 0;
  if (n == 0 || n > s.size()) return {b0, 1};
  char32_t v = n == 1 ? b0 : n == 2 ? (b0 & 0x1f) : n == 3 ? (b0 & 0x0f) : (b0 & 0x07);
  for (std::size_t i = 1; i < n; ++i) {
    if ((b(i) & 0xc0) != 0x80) return {b0, 1};
    v = (v << 6) | (b(i) & 0x3f);
  }
  return {v, n};
}

std::size_t columns(char32_t c) {
  if ((c >= 0x0300 && c <= 0x036f) || (c >= 0x200b && c <= 0x200f) || (c >= 0xfe00 && c <= 0xfe0f) ||
      c == 0x00ad)
    return 0;
  if ((c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x1f300 && c <= 0x1f64f) || (c >= 0x1f900 && c <= 0x1f9ff) ||
      (c >= 0x20000 && c <= 0x3fffd))
    return 2;
  return 1;
}

std::string_view rtrim(std::string_view s) {
  while (!s.empty() && ascii::is_space(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  while (!text.empty()) {
    if (static_cast<unsigned char>(text[0]) < 0x80) {  // ASCII: one column, no decoding
      ++width;
      text.remove_prefix(1);
      continue;
    }
    const auto cp = decode(text);
    width += columns(cp.value);
    text.remove_prefix(cp.length);
  }
  return width;
}

std::vector<std::string> wrap_paragraph(std::string_view text, std::size_t width) {
  if (width == 0) width = 1;
  std::vector<std::string> lines;
  std::string line;
  std::size_t line_width = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && ascii::is_space(text[i])) ++i;
    std::size_t j = i;
    while (j < text.size() && !ascii::is_space(text[j])) ++j;
    if (i == j) break;
    std::string_view word = text.substr(i, j - i);
    i = j;
    std::size_t word_width = display_width(word);
    if (!line.empty() && line_width + 1 + word_width <= width) {
      line += ' ';
      line += word;
      line_width += 1 + word_width;
      continue;
    }
    if (!line.empty()) {
      lines.push_back(std::move(line));
      line.clear();
      line_width = 0;
    }
    // A word wider than the line is cut into pieces, never inside a character.
    while (word_width > width) {
      std::size_t bytes = 0, cols = 0;
      while (bytes < word.size()) {
        const auto cp = decode(word.substr(bytes));
        const std::size_t w = columns(cp.value);
        if (cols + w > width && cols > 0) break;
        cols += w;
        bytes += cp.length;
      }
      lines.emplace_back(word.substr(0, bytes));
      word.remove_prefix(bytes);
      word_width -= cols;
    }
    line = std::string(word);
    line_width = word_width;
  }
  if (!line.empty()) lines.push_back(std::move(line));
  return lines;
}

std::string wrap_text(std::string_view text, std::size_t width, std::string_view indent) {
  const std::size_t indent_width = display_width(indent);
  const std::size_t inner = width > indent_width + 10 ? width - indent_width : 10;
  std::string out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    const auto wrapped = wrap_paragraph(line, inner);
    if (wrapped.empty()) {
      if (end < text.size()) out += rtrim(indent), out += '\n';
    } else {
      for (const auto& l : wrapped) {
        out += indent;
        out += l;
        out += '\n';
      }
    }
    if (end == text.size()) break;
    start = end + 1;
  }
  return out;
}

std::string truncate_text(std::string_view text, std::size_t max_columns) {
  if (display_width(text) <= max_columns) return std::string(text);
  std::size_t bytes = 0, cols = 0;
  while (bytes < text.size()) {
    const auto cp = decode(text.substr(bytes));
    const std::size_t w = columns(cp.value);
    if (cols + w > max_columns - 1) break;
    cols += w;
    bytes += cp.length;
  }
  std::string_view cut = text.substr(0, bytes);
  const auto space = cut.rfind(' ');
  if (space != std::string_view::npos && space > bytes * 2 / 3) cut = cut.substr(0, space);
  return std::string(rtrim(cut)) + "…";
}

}  // namespace newsmon
