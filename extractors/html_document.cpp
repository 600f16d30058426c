#include "extractors/html_document.h"

#include <algorithm>
#include <array>
#include <cstring>

namespace newsmon {
namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; }

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == ':' || c == '_';
}

// Case-insensitive search for `needle` (lowercase) in `s` from `from`.
std::size_t find_ci(std::string_view s, std::string_view needle, std::size_t from) {
  if (needle.empty()) return from;
  const char first = needle[0];
  const char first_upper = char(first - 'a' + 'A');
  while (from + needle.size() <= s.size()) {
    const char* p = static_cast<const char*>(std::memchr(s.data() + from, '<', s.size() - from));
    if (first != '<') {
      // generic path, unused today: needles all start with '<'
      p = nullptr;
      for (std::size_t i = from; i + needle.size() <= s.size(); ++i)
        if (s[i] == first || s[i] == first_upper) { p = s.data() + i; break; }
    }
    if (!p) return std::string_view::npos;
    const std::size_t at = std::size_t(p - s.data());
    if (at + needle.size() > s.size()) return std::string_view::npos;
    bool ok = true;
    for (std::size_t k = 1; k < needle.size(); ++k)
      if (lower(s[at + k]) != needle[k]) { ok = false; break; }
    if (ok) return at;
    from = at + 1;
  }
  return std::string_view::npos;
}

// Like find_ci, but only where a tag name ends after `needle` ("<nav" does
// not match "<navbar").
std::size_t find_tag(std::string_view s, std::string_view needle, std::size_t from) {
  while (true) {
    const std::size_t at = find_ci(s, needle, from);
    if (at == std::string_view::npos) return at;
    const std::size_t after = at + needle.size();
    if (after >= s.size() || !is_name_char(s[after])) return at;
    from = at + 1;
  }
}

// Index just past the '>' closing the tag whose name ends at `from`; quotes
// are honoured. s.size() when the tag never closes.
std::size_t tag_end(std::string_view s, std::size_t from) {
  char quote = 0;
  for (std::size_t i = from; i < s.size(); ++i) {
    const char c = s[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      // a quote only opens after '=' (possibly with spaces)
      std::size_t k = i;
      while (k > from && (s[k - 1] == ' ' || s[k - 1] == '\t' || s[k - 1] == '\n')) --k;
      if (k > from && s[k - 1] == '=') quote = c;
    } else if (c == '>') {
      return i + 1;
    }
  }
  return s.size();
}

enum class Skip { none, raw, nested };

struct SkippedTag {
  std::string_view name;
  Skip how;
};

// Elements whose whole content is dropped before parsing.
constexpr std::array<SkippedTag, 13> kSkipped{{
    {"script", Skip::raw},   {"style", Skip::raw},    {"noscript", Skip::raw},
    {"template", Skip::raw}, {"iframe", Skip::raw},   {"noembed", Skip::raw},
    {"noframes", Skip::raw}, {"svg", Skip::nested},    {"nav", Skip::nested},
    {"footer", Skip::nested}, {"aside", Skip::nested}, {"select", Skip::nested},
    {"canvas", Skip::raw},
}};

// Elements whose end tag is optional or that cannot contain others: not
// counted for nesting.
bool uncounted(std::string_view name) {
  static constexpr std::array<std::string_view, 30> kNames{
      "p",     "li",    "dt",    "dd",     "tr",     "td",    "th",   "option", "optgroup", "rb",
      "rt",    "rp",    "thead", "tbody",  "tfoot",  "colgroup", "caption", "html", "head", "body",
      "br",    "img",   "hr",    "meta",   "link",   "input", "wbr",  "source", "area",    "col"};
  return std::find(kNames.begin(), kNames.end(), name) != kNames.end() || name == "base" ||
         name == "embed" || name == "param" || name == "track" || name == "keygen";
}

// Attributes the extractor reads; every other one is dropped before parsing
// (srcset, inline handlers, tracking data, hydration blobs: often a third
// of a page's markup). Short data-* attributes stay for site rules.
bool kept_attribute(std::string_view name, std::size_t value_size) {
  static constexpr std::array<std::string_view, 27> kKept{
      "class", "id", "style", "hidden", "aria-hidden", "role", "itemprop", "itemtype", "href", "rel",
      "name", "property", "content", "datetime", "lang", "xml:lang", "type", "http-equiv", "charset",
      "summary", "datatable", "itemscope", "src", "alt", "colspan", "dir", "label"};
  if (name.size() > 5 && name.starts_with("data-")) return value_size <= 64;
  if (name.size() > 5 && name.starts_with("aria-")) return name == "aria-hidden";
  return std::find(kKept.begin(), kKept.end(), name) != kKept.end();
}

bool is_space_byte(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Appends the start tag s[from, end) (from: just after the tag name) with
// only the kept attributes. Returns false, appending nothing, when the tag
// is too irregular to rewrite safely.
bool append_slim_attributes(std::string_view s, std::size_t from, std::size_t end, std::string& out) {
  if (end == 0 || s[end - 1] != '>') return false;
  const std::size_t mark = out.size();
  std::size_t i = from;
  const std::size_t stop = end - 1;  // the '>'
  char lowered[24];
  while (i < stop) {
    while (i < stop && (is_space_byte(s[i]) || s[i] == '/')) ++i;
    if (i >= stop) break;
    const std::size_t name_start = i;
    while (i < stop && !is_space_byte(s[i]) && s[i] != '=' && s[i] != '>' && s[i] != '/') ++i;
    const std::size_t name_end = i;
    std::size_t j = i;
    while (j < stop && is_space_byte(s[j])) ++j;
    std::size_t value_size = 0;
    if (j < stop && s[j] == '=') {
      ++j;
      while (j < stop && is_space_byte(s[j])) ++j;
      if (j < stop && (s[j] == '"' || s[j] == '\'')) {
        const char q = s[j];
        const std::size_t close = s.find(q, j + 1);
        if (close == std::string_view::npos || close >= stop) {
          out.resize(mark);
          return false;
        }
        value_size = close - j - 1;
        j = close + 1;
      } else {
        const std::size_t v = j;
        while (j < stop && !is_space_byte(s[j])) ++j;
        value_size = j - v;
      }
      i = j;
    }
    const std::size_t len = name_end - name_start;
    bool keep = len > sizeof lowered;  // odd long names: keep, never guess
    if (!keep) {
      for (std::size_t k = 0; k < len; ++k) lowered[k] = lower(s[name_start + k]);
      keep = kept_attribute(std::string_view(lowered, len), value_size);
    }
    if (keep) {
      out.push_back(' ');
      out.append(s.data() + name_start, i - name_start);
    }
  }
  if (stop > from + 1 && s[stop - 1] == '/' &&
      (is_space_byte(s[stop - 2]) || s[stop - 2] == '"' || s[stop - 2] == '\''))
    out.push_back('/');
  out.push_back('>');
  return true;
}

}  // namespace

PrefilteredHtml prefilter_html(std::string_view s) {
  PrefilteredHtml out;
  out.html.reserve(std::min(s.size(), kMaxParsedBytes) / 2 + 64);
  std::size_t i = 0;
  std::size_t copied = 0;  // s[copied, i) is pending, to be copied as is
  int depth = 0;
  auto flush = [&](std::size_t to) {
    if (to > copied) out.html.append(s.data() + copied, to - copied);
  };
  char name_buf[16];
  bool truncated = false;
  while (i < s.size()) {
    if (out.html.size() + (i - copied) > kMaxParsedBytes) {
      truncated = true;
      break;
    }
    const char* p = static_cast<const char*>(std::memchr(s.data() + i, '<', s.size() - i));
    if (!p) break;
    i = std::size_t(p - s.data());
    if (i + 1 >= s.size()) break;
    if (s.compare(i, 4, "<!--") == 0) {
      std::size_t end = s.find("-->", i + 4);
      end = end == std::string_view::npos ? s.size() : end + 3;
      flush(i);
      copied = i = end;
      continue;
    }
    const bool closing = s[i + 1] == '/';
    std::size_t j = i + 1 + (closing ? 1 : 0);
    std::size_t len = 0;
    while (j < s.size() && is_name_char(s[j])) {
      if (len < sizeof name_buf) name_buf[len] = lower(s[j]);
      ++len;
      ++j;
    }
    if (len == 0 || len > sizeof name_buf) {
      ++i;
      continue;
    }
    const std::string_view name(name_buf, len);
    const std::size_t end = tag_end(s, j);
    if (!closing) {
      const auto skipped = std::find_if(kSkipped.begin(), kSkipped.end(),
                                        [&](const SkippedTag& t) { return t.name == name; });
      if (skipped != kSkipped.end()) {
        const bool self_closed = end >= 2 && s[end - 2] == '/' && skipped->how == Skip::nested;
        std::string close = "</" + std::string(name);
        std::size_t stop = end;  // start of the closing tag
        if (self_closed) {
          stop = end;
        } else if (skipped->how == Skip::raw) {
          stop = find_ci(s, close, end);
        } else {
          const std::string open = "<" + std::string(name);
          int level = 1;
          std::size_t o = find_tag(s, open, end);
          std::size_t c = find_tag(s, close, end);
          while (level > 0) {
            if (c == std::string_view::npos) break;
            if (o != std::string_view::npos && o < c) {
              ++level;
              o = find_tag(s, open, o + open.size());
            } else {
              --level;
              stop = c;
              c = find_tag(s, close, c + close.size());
            }
          }
          if (level > 0) {
            // Never closed: parse it as it comes rather than drop the rest.
            i = end;
            continue;
          }
        }
        std::size_t resume = s.size();
        if (stop != std::string_view::npos && !self_closed) resume = tag_end(s, stop + close.size());
        if (self_closed) resume = end;
        if (name == "script" && stop != std::string_view::npos && !self_closed) {
          std::string lower_tag(s.substr(i, end - i));
          for (char& c : lower_tag) c = lower(c);
          if (lower_tag.find("ld+json") != std::string::npos && out.json_ld.size() < 32)
            out.json_ld.emplace_back(s.substr(end, stop - end));
        }
        flush(i);
        out.html.push_back(' ');  // never glue the words on either side
        copied = i = resume;
        continue;
      }
    }
    if (!uncounted(name)) {
      const bool self_closing = !closing && end >= 2 && s[end - 2] == '/';
      if (!self_closing) {
        const bool too_deep = closing ? depth > kMaxNesting : depth >= kMaxNesting;
        depth += closing ? (depth > 0 ? -1 : 0) : 1;
        if (too_deep) {
          flush(i);
          out.html.push_back(' ');
          copied = i = end;
          continue;
        }
      }
    }
    if (!closing && end - j > 24) {
      // Rewrite the tag with only the attributes we read.
      const std::size_t before = out.html.size();
      flush(i);
      out.html.append(s.data() + i, j - i);
      if (append_slim_attributes(s, j, end, out.html)) {
        copied = i = end;
        continue;
      }
      out.html.resize(before);
    }
    i = end;
  }
  flush(truncated ? std::min(i, s.size()) : s.size());
  if (out.html.size() > kMaxParsedBytes) {
    std::size_t cut = out.html.rfind('<', kMaxParsedBytes);
    out.html.resize(cut == std::string::npos ? kMaxParsedBytes : cut);
  }
  return out;
}

HtmlDocument::HtmlDocument(std::string_view html) : input_(prefilter_html(html)) {
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // we never read the error list; don't build it
  output_ = gumbo_parse_with_options(&options, input_.html.data(), input_.html.size());
}

HtmlDocument::~HtmlDocument() {
  if (output_) gumbo_destroy_output(&kGumboDefaultOptions, output_);
}

const GumboNode* HtmlDocument::head() const {
  const GumboNode* r = root();
  if (!r || r->type != GUMBO_NODE_ELEMENT) return nullptr;
  for (unsigned i = 0; i < r->v.element.children.length; ++i) {
    auto* c = static_cast<const GumboNode*>(r->v.element.children.data[i]);
    if (is_element(c, GUMBO_TAG_HEAD)) return c;
  }
  return nullptr;
}

const GumboNode* HtmlDocument::body() const {
  const GumboNode* r = root();
  if (!r || r->type != GUMBO_NODE_ELEMENT) return nullptr;
  for (unsigned i = 0; i < r->v.element.children.length; ++i) {
    auto* c = static_cast<const GumboNode*>(r->v.element.children.data[i]);
    if (is_element(c, GUMBO_TAG_BODY)) return c;
  }
  return nullptr;
}

std::string_view attribute(const GumboNode* node, const char* name) {
  if (!node || node->type != GUMBO_NODE_ELEMENT) return {};
  const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
  return a && a->value ? std::string_view(a->value) : std::string_view{};
}

bool is_element(const GumboNode* node, GumboTag tag) {
  return node && node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == tag;
}

}  // namespace newsmon
