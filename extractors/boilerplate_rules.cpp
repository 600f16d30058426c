#include "extractors/boilerplate_rules.h"

#include <algorithm>
#include <array>

#include "daemon/base/ascii.h"
#include "extractors/html_document.h"

namespace newsmon {
namespace {

template <std::size_t N>
bool contains_any(std::string_view s, const std::array<std::string_view, N>& words) {
  for (std::string_view w : words)
    if (s.find(w) != std::string_view::npos) return true;
  return false;
}

// Readability's hints, plus a few news-site ones.
constexpr std::array<std::string_view, 13> kPositive{
    "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "post", "text",
    "blog", "story", "pagination"};
constexpr std::array<std::string_view, 24> kNegative{
    "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "footer", "gdpr",
    "masthead", "media", "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox",
    "sidebar", "skyscraper", "sponsor", "shopping", "tags", "widget"};
constexpr std::array<std::string_view, 32> kUnlikely{
    "-ad-", "ai2html", "banner", "breadcrumbs", "combx", "comment", "community", "cover-wrap",
    "disqus", "extra", "footer", "gdpr", "header", "legends", "menu", "related", "remark",
    "replies", "rss", "shoutbox", "sidebar", "skyscraper", "social", "sponsor", "supplemental",
    "ad-break", "agegate", "pagination", "pager", "popup", "yom-remote", "newsletter"};
constexpr std::array<std::string_view, 13> kUnlikelyStrict{
    "directory", "advert", "cookie", "subscribe", "signup", "sign-up", "promo", "paywall",
    "author-bio", "authorbio", "about-the-author", "author-box", "consent"};
constexpr std::array<std::string_view, 8> kMaybe{"and", "article", "body", "column", "content",
                                                 "main", "mathjax", "shadow"};

int weight_of(std::string_view raw) {
  if (raw.empty()) return 0;
  const std::string s = ascii::lower(raw);
  int w = 0;
  bool neg = contains_any(s, kNegative);
  // "hid" as a whole word
  if (!neg) {
    std::size_t at = s.find("hid");
    while (at != std::string::npos && !neg) {
      const bool left = at == 0 || s[at - 1] == ' ';
      const bool right = at + 3 == s.size() || s[at + 3] == ' ';
      neg = left && right;
      at = s.find("hid", at + 1);
    }
  }
  if (neg) w -= 25;
  if (contains_any(s, kPositive)) w += 25;
  return w;
}

}  // namespace

bool is_hidden_element(const GumboNode* node) {
  if (!node || node->type != GUMBO_NODE_ELEMENT) return false;
  const GumboVector& attrs = node->v.element.attributes;
  if (gumbo_get_attribute(&attrs, "hidden")) return true;
  const std::string_view aria = attribute(node, "aria-hidden");
  if (aria == "true" && attribute(node, "class").find("fallback-image") == std::string_view::npos)
    return true;
  const std::string_view style = attribute(node, "style");
  if (!style.empty()) {
    std::string compact;
    compact.reserve(style.size());
    for (char c : style)
      if (!ascii::is_space(c)) compact.push_back(ascii::lower(c));
    if (compact.find("display:none") != std::string::npos ||
        compact.find("visibility:hidden") != std::string::npos)
      return true;
  }
  return false;
}

int class_weight(const GumboNode* node) {
  const int schema = attribute(node, "itemprop").find("articleBody") != std::string_view::npos ? 25 : 0;
  return schema + weight_of(attribute(node, "class")) + weight_of(attribute(node, "id"));
}

bool is_unlikely_candidate(const GumboNode* node, bool strict) {
  if (!node || node->type != GUMBO_NODE_ELEMENT) return false;
  const GumboTag tag = node->v.element.tag;
  if (tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_A || tag == GUMBO_TAG_HTML) return false;
  const std::string_view role = attribute(node, "role");
  if (role == "menu" || role == "menubar" || role == "complementary" || role == "navigation" ||
      role == "alert" || role == "alertdialog" || role == "dialog")
    return true;
  const std::string_view cls = attribute(node, "class");
  const std::string_view id = attribute(node, "id");
  if (cls.empty() && id.empty()) return false;
  if (attribute(node, "itemprop").find("articleBody") != std::string_view::npos) return false;
  std::string s = ascii::lower(cls);
  s.push_back(' ');
  s += ascii::lower(id);
  if (contains_any(s, kMaybe)) return false;
  if (contains_any(s, kUnlikely)) return true;
  return strict && contains_any(s, kUnlikelyStrict);
}

bool looks_like_byline(const GumboNode* node) {
  if (attribute(node, "rel") == "author") return true;
  if (attribute(node, "itemprop").find("author") != std::string_view::npos) return true;
  std::string s = ascii::lower(attribute(node, "class"));
  s.push_back(' ');
  s += ascii::lower(attribute(node, "id"));
  static constexpr std::array<std::string_view, 5> kByline{"byline", "author", "dateline",
                                                           "writtenby", "p-author"};
  return contains_any(s, kByline);
}

bool looks_like_caption(const GumboNode* node) {
  std::string s = ascii::lower(attribute(node, "class"));
  s.push_back(' ');
  s += ascii::lower(attribute(node, "id"));
  static constexpr std::array<std::string_view, 3> kCaption{"caption", "credit", "copyright"};
  return contains_any(s, kCaption);
}

bool mentions_share(const GumboNode* node) {
  std::string s = ascii::lower(attribute(node, "class"));
  s.push_back(' ');
  s += ascii::lower(attribute(node, "id"));
  return s.find("share") != std::string::npos;
}

namespace {

// Lowercase ASCII, folded spaces, trimmed; non-ASCII bytes kept.
std::string normalise(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (ascii::is_space(c)) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(ascii::lower(c));
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

bool starts_with_any(std::string_view s, std::initializer_list<std::string_view> prefixes) {
  for (std::string_view p : prefixes)
    if (s.starts_with(p)) return true;
  return false;
}

}  // namespace

bool is_boilerplate_paragraph(std::string_view text) {
  if (text.size() > 320) return false;
  const std::string s = normalise(text);
  if (s.empty()) return false;
  if (s == "advertisement" || s == "advertising" || s == "ad" || s == "sponsored" ||
      s == "sponsored content" || s == "story continues below advertisement" ||
      s == "continue reading" || s == "continue reading below" || s == "read more" ||
      s == "read more:" || s == "share" || s == "share this article" || s == "share this:" ||
      s == "share this" || s == "related" || s == "related:" || s == "related articles" ||
      s == "related stories" || s == "related content" || s == "more on this story" ||
      s == "skip advertisement" || s == "supported by" || s == "photo" || s == "image" || s == "video" ||
      s == "play video" || s == "watch video" || s == "enlarge this image" || s == "image caption")
    return true;
  if (starts_with_any(s, {"read more:", "read more at", "read more about", "related:", "see also:",
                          "related article:", "related story:", "read also:", "also read:",
                          "you might also read", "you may also like", "you might also like",
                          "recommended:", "more:", "watch:", "listen:"}))
    return s.size() < 200;
  if (starts_with_any(s, {"©", "(c) ", "copyright ", "copyright©", "all rights reserved",
                          "a version of this article appears in print", "this article appeared in print"}))
    return true;
  if (s.find("all rights reserved") != std::string::npos && s.size() < 160) return true;
  if (starts_with_any(s, {"photo:", "photograph:", "photo credit", "image:", "image credit",
                          "picture:", "credit:", "illustration:", "photos:", "images:"}))
    return s.size() < 200;
  if (s.size() < 220 &&
      (starts_with_any(s, {"sign up for", "sign up to", "subscribe to", "subscribe now",
                           "get our newsletter", "get the newsletter", "join our newsletter",
                           "follow us on", "like us on facebook", "click here to subscribe",
                           "to subscribe", "newsletter sign-up", "newsletter signup"}) ||
       (s.find("newsletter") != std::string::npos &&
        (s.find("sign up") != std::string::npos || s.find("subscribe") != std::string::npos ||
         s.find("inbox") != std::string::npos))))
    return true;
  return false;
}

bool introduces_link_list(std::string_view text) {
  const std::string s = normalise(text);
  if (s.size() > 60) return false;
  return starts_with_any(s, {"you might also read", "you may also like", "you might also like",
                             "you may also be interested", "related articles", "related stories",
                             "related posts", "related reading", "related links", "read more",
                             "more stories", "more from", "recommended reading", "see also",
                             "further reading", "most popular", "most read", "also read",
                             "read next", "what to read next"});
}

std::vector<std::string> parse_credits_line(std::string_view text) {
  if (text.size() > 400) return {};
  std::string plain;  // no-break spaces (U+00A0) as plain ones
  plain.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.substr(i, 2) == "\xC2\xA0") {
      plain.push_back(' ');
      ++i;
    } else {
      plain.push_back(text[i]);
    }
  }
  std::vector<std::string> parts;
  std::string current;
  auto push = [&] {
    std::string folded;
    for (char c : current) {
      if (ascii::is_space(c)) {
        if (!folded.empty() && folded.back() != ' ') folded.push_back(' ');
      } else {
        folded.push_back(c);
      }
    }
    while (!folded.empty() && folded.back() == ' ') folded.pop_back();
    if (!folded.empty()) parts.push_back(folded);
    current.clear();
  };
  for (char c : plain) {
    if (c == ':' || c == '|' || c == ';') push();
    else current.push_back(c);
  }
  push();
  if (parts.size() < 2 || parts.size() > 12) return {};
  for (const std::string& p : parts) {
    // An outlet name: 1-6 words, starts with a capital or digit, no sentence punctuation.
    if (p.size() > 60) return {};
    const auto first = static_cast<unsigned char>(p[0]);
    if (!(ascii::is_upper(char(first)) || ascii::is_digit(char(first)))) return {};
    int words = 1;
    for (char c : p) {
      if (c == ' ') ++words;
      if (c == '.' && p.find(".com") == std::string::npos && p.find(".co") == std::string::npos) return {};
      if (c == ',' || c == '?' || c == '!' || c == '"') return {};
    }
    if (words > 6) return {};
  }
  return parts;
}

}  // namespace newsmon
