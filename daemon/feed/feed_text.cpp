#include "daemon/feed/feed_text.h"

#include <libxml/HTMLparser.h>

#include <array>
#include <cstdint>
#include <cstdio>
#include <memory>

#include "daemon/base/ascii.h"

namespace newsmon {

namespace {

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out += char(cp);
  } else if (cp < 0x800) {
    out += char(0xC0 | (cp >> 6));
    out += char(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += char(0xE0 | (cp >> 12));
    out += char(0x80 | ((cp >> 6) & 0x3F));
    out += char(0x80 | (cp & 0x3F));
  } else {
    out += char(0xF0 | (cp >> 18));
    out += char(0x80 | ((cp >> 12) & 0x3F));
    out += char(0x80 | ((cp >> 6) & 0x3F));
    out += char(0x80 | (cp & 0x3F));
  }
}

// windows-1252 0x80..0x9F; 0 where it is undefined.
constexpr std::array<std::uint16_t, 32> kWindows1252High{
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

}  // namespace

std::string decode_html_entities(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t amp = text.find('&', i);
    if (amp == std::string_view::npos) {
      out.append(text.substr(i));
      break;
    }
    out.append(text.substr(i, amp - i));
    i = amp + 1;
    const std::size_t semicolon = text.find(';', i);
    if (semicolon == std::string_view::npos || semicolon - i > 32 || semicolon == i) {
      out += '&';
      continue;
    }
    const std::string_view name = text.substr(i, semicolon - i);
    if (name[0] == '#') {
      const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
      const std::string_view digits = name.substr(hex ? 2 : 1);
      std::uint32_t cp = 0;
      bool ok = !digits.empty() && digits.size() <= 8;
      for (char c : digits) {
        int d = c >= '0' && c <= '9' ? c - '0' : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                                              : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0) ok = false;
        else cp = cp * (hex ? 16 : 10) + std::uint32_t(d);
      }
      if (!ok) {
        out += '&';
        continue;
      }
      if (cp >= 0x80 && cp <= 0x9F && kWindows1252High[cp - 0x80]) cp = kWindows1252High[cp - 0x80];
      if (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') {  // a control: nothing to show
        i = semicolon + 1;
        continue;
      }
      append_utf8(out, cp);
      i = semicolon + 1;
      continue;
    }
    const std::string name_z(name);
    if (name_z == "apos") {
      out += '\'';
    } else if (const htmlEntityDesc* entity = htmlEntityLookup(reinterpret_cast<const xmlChar*>(name_z.c_str()))) {
      append_utf8(out, entity->value);
    } else {
      out += '&';
      continue;
    }
    i = semicolon + 1;
  }
  return out;
}

std::string fold_whitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool nbsp = c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0';
    if (ascii::is_space(c) || nbsp) {
      pending_space = !out.empty();
      if (nbsp) ++i;
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

std::string fix_c1_controls(std::string_view text) {
  if (text.find('\xC2') == std::string_view::npos) return std::string(text);
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
    if (text[i] == '\xC2' && next >= 0x80 && next <= 0x9F) {
      if (const std::uint16_t cp = kWindows1252High[next - 0x80]) append_utf8(out, cp);
      ++i;
      continue;
    }
    out += text[i];
  }
  return out;
}

std::string html_to_plain_text(std::string_view html) {
  std::string text;
  text.reserve(html.size());
  std::size_t i = 0;
  while (i < html.size()) {
    const char c = html[i];
    const char next = i + 1 < html.size() ? html[i + 1] : '\0';
    const bool tag_start = c == '<' && ((next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z') || next == '/' ||
                                        next == '!' || next == '?');
    if (!tag_start) {
      const std::size_t next_lt = html.find('<', i + 1);
      const std::size_t stop = next_lt == std::string_view::npos ? html.size() : next_lt;
      text.append(html.substr(i, stop - i));
      i = stop;
      continue;
    }
    std::size_t end = html.find('>', i);
    if (end == std::string_view::npos) break;  // an unterminated tag ends the text
    std::string name;
    for (std::size_t j = i + 1; j < end && name.size() < 8; ++j) {
      const char n = html[j];
      if (!((n >= 'a' && n <= 'z') || (n >= 'A' && n <= 'Z'))) break;
      name += char(n | 0x20);
    }
    if (name == "script" || name == "style") {  // their content is not text
      const std::size_t close = html.find("</", end);
      end = close == std::string_view::npos ? html.size() - 1 : html.find('>', close);
      if (end == std::string_view::npos) break;
    }
    text += ' ';
    i = end + 1;
  }
  return fold_whitespace(fix_c1_controls(decode_html_entities(text)));
}

std::string derive_entry_id(std::string_view link, std::string_view title, std::string_view fallback) {
  // FNV-1a, 64 bits: stable across runs and builds, which std::hash is not.
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  const auto mix = [&](std::string_view s) {
    for (char c : s) {
      hash ^= static_cast<unsigned char>(c);
      hash *= 0x100000001b3ULL;
    }
    hash ^= 0xff;  // a separator no UTF-8 text contains
    hash *= 0x100000001b3ULL;
  };
  mix(link);
  mix(title);
  if (link.empty() && title.empty()) mix(fallback);
  char out[40];
  std::snprintf(out, sizeof out, "urn:newsmon:entry:%016llx", static_cast<unsigned long long>(hash));
  return out;
}

}  // namespace newsmon
