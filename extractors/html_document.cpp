#include "extractors/html_document.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <optional>
#include <string>

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

// One '<' of the input as the scanner read it: a comment, a tag, or a
// stray '<' that starts neither.
struct Markup {
  enum class Kind { comment, tag, stray };
  Kind kind = Kind::stray;
  std::size_t start = 0;     // the '<'
  std::size_t end = 0;       // past the comment's "-->" or the tag's '>' (the input's size when never closed)
  std::size_t name_end = 0;  // tags: past the name, where the attributes start
  bool closing = false;      // tags: an end tag
  std::string_view name;     // tags: lower-cased; valid until the scanner's next call
};

// Finds the markup of an HTML source, one '<' at a time, without building
// anything. Tag names longer than its buffer are not tags to it.
class TagScanner {
 public:
  explicit TagScanner(std::string_view s) : s_(s) {}

  // The markup at the first '<' from `from`; nullopt when no '<' is left
  // but, possibly, the input's last byte.
  std::optional<Markup> next(std::size_t from) {
    const char* p = static_cast<const char*>(std::memchr(s_.data() + from, '<', s_.size() - from));
    if (!p) return std::nullopt;
    Markup m;
    m.start = std::size_t(p - s_.data());
    if (m.start + 1 >= s_.size()) return std::nullopt;
    if (s_.compare(m.start, 4, "<!--") == 0) {
      const std::size_t close = s_.find("-->", m.start + 4);
      m.kind = Markup::Kind::comment;
      m.end = close == std::string_view::npos ? s_.size() : close + 3;
      return m;
    }
    m.closing = s_[m.start + 1] == '/';
    std::size_t j = m.start + 1 + (m.closing ? 1 : 0);
    std::size_t len = 0;
    for (; j < s_.size() && is_name_char(s_[j]); ++j, ++len)
      if (len < sizeof name_) name_[len] = lower(s_[j]);
    if (len == 0 || len > sizeof name_) return m;  // stray
    m.kind = Markup::Kind::tag;
    m.name = std::string_view(name_, len);
    m.name_end = j;
    m.end = tag_end(s_, j);
    return m;
  }

 private:
  std::string_view s_;
  char name_[16];
};

// The start of the end tag that closes the element `name` whose start tag
// ends at `from`, counting the same elements nested in it; npos when it
// never closes.
std::size_t matching_end_tag(std::string_view s, std::string_view name, std::size_t from) {
  const std::string open = "<" + std::string(name);
  const std::string close = "</" + std::string(name);
  int level = 1;
  std::size_t stop = std::string_view::npos;
  std::size_t o = find_tag(s, open, from);
  std::size_t c = find_tag(s, close, from);
  while (level > 0 && c != std::string_view::npos) {
    if (o != std::string_view::npos && o < c) {
      ++level;
      o = find_tag(s, open, o + open.size());
    } else {
      --level;
      stop = c;
      c = find_tag(s, close, c + close.size());
    }
  }
  return level > 0 ? std::string_view::npos : stop;
}

// The policy over the scanner: drops comments and the skipped elements
// (keeping JSON-LD scripts aside), drops the tags nested too deep, slims the
// attributes of long start tags, and stops at kMaxParsedBytes. The input is
// copied in runs: s_[copied_, i) is pending, copied as is unless dropped.
class HtmlPrefilter {
 public:
  explicit HtmlPrefilter(std::string_view s) : s_(s), scanner_(s) {
    out_.html.reserve(std::min(s.size(), kMaxParsedBytes) / 2 + 64);
  }

  PrefilteredHtml run() && {
    std::size_t i = 0;
    bool truncated = false;
    while (i < s_.size()) {
      if (out_.html.size() + (i - copied_) > kMaxParsedBytes) {
        truncated = true;
        break;
      }
      const auto markup = scanner_.next(i);
      if (!markup) break;
      i = apply(*markup);
    }
    flush(truncated ? std::min(i, s_.size()) : s_.size());
    if (out_.html.size() > kMaxParsedBytes) {
      const std::size_t cut = out_.html.rfind('<', kMaxParsedBytes);
      out_.html.resize(cut == std::string::npos ? kMaxParsedBytes : cut);
    }
    return std::move(out_);
  }

 private:
  // Acts on one piece of markup; returns where the scan goes on.
  std::size_t apply(const Markup& m) {
    switch (m.kind) {
      case Markup::Kind::stray: return m.start + 1;
      case Markup::Kind::comment: return drop(m.start, m.end, "");
      case Markup::Kind::tag: break;
    }
    if (!m.closing) {
      const auto skipped = std::find_if(kSkipped.begin(), kSkipped.end(),
                                        [&](const SkippedTag& t) { return t.name == m.name; });
      if (skipped != kSkipped.end()) return skip_element(m, skipped->how);
    }
    if (too_deep(m)) return drop(m.start, m.end, " ");
    if (!m.closing && m.end - m.name_end > 24) slim_attributes(m);
    return m.end;
  }

  // Drops a skipped element, start tag to end tag, for a space (never glue
  // the words on either side). An element nested in its kind that never
  // closes is parsed as it comes rather than drop the rest.
  std::size_t skip_element(const Markup& tag, Skip how) {
    const bool self_closed = how == Skip::nested && tag.end >= 2 && s_[tag.end - 2] == '/';
    if (self_closed) return drop(tag.start, tag.end, " ");
    const std::string close = "</" + std::string(tag.name);
    const std::size_t stop = how == Skip::raw ? find_ci(s_, close, tag.end) : matching_end_tag(s_, tag.name, tag.end);
    if (stop == std::string_view::npos) {
      if (how == Skip::nested) return tag.end;
      return drop(tag.start, s_.size(), " ");
    }
    if (tag.name == "script") keep_json_ld(tag, stop);
    return drop(tag.start, tag_end(s_, stop + close.size()), " ");
  }

  // A script's content, kept when it is JSON-LD (the first 32 only).
  void keep_json_ld(const Markup& tag, std::size_t content_end) {
    std::string lower_tag(s_.substr(tag.start, tag.end - tag.start));
    for (char& c : lower_tag) c = lower(c);
    if (lower_tag.find("ld+json") != std::string::npos && out_.json_ld.size() < 32)
      out_.json_ld.emplace_back(s_.substr(tag.end, content_end - tag.end));
  }

  // Counts the nesting of elements that have an end tag; true for a tag
  // beyond kMaxNesting, which is dropped.
  bool too_deep(const Markup& tag) {
    if (uncounted(tag.name)) return false;
    if (!tag.closing && tag.end >= 2 && s_[tag.end - 2] == '/') return false;  // self-closing
    const bool deep = tag.closing ? depth_ > kMaxNesting : depth_ >= kMaxNesting;
    depth_ += tag.closing ? (depth_ > 0 ? -1 : 0) : 1;
    return deep;
  }

  // Rewrites the start tag with only the attributes we read, unless it is
  // too irregular to rewrite safely (then it stays pending as it is).
  void slim_attributes(const Markup& tag) {
    const std::size_t before = out_.html.size();
    flush(tag.start);
    out_.html.append(s_.data() + tag.start, tag.name_end - tag.start);
    if (append_slim_attributes(s_, tag.name_end, tag.end, out_.html)) {
      copied_ = tag.end;
      return;
    }
    out_.html.resize(before);
  }

  // Copies what is pending up to `from`, puts `replacement` for s_[from, to)
  // and returns `to`.
  std::size_t drop(std::size_t from, std::size_t to, std::string_view replacement) {
    flush(from);
    out_.html += replacement;
    copied_ = to;
    return to;
  }

  void flush(std::size_t to) {
    if (to > copied_) out_.html.append(s_.data() + copied_, to - copied_);
  }

  std::string_view s_;
  TagScanner scanner_;
  PrefilteredHtml out_;
  std::size_t copied_ = 0;
  int depth_ = 0;
};

}  // namespace

PrefilteredHtml prefilter_html(std::string_view s) { return HtmlPrefilter(s).run(); }

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
