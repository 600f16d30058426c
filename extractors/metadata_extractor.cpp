#include "extractors/metadata_extractor.h"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <optional>
#include <nlohmann/json.hpp>

#include "daemon/base/ascii.h"
#include "daemon/base/instant.h"
#include "daemon/base/url.h"
#include "extractors/html_document.h"
#include "extractors/text_builder.h"

namespace newsmon {
namespace {

using nlohmann::json;

std::string fold(std::string_view s) {
  TextBuilder b;
  b.text(s, false);
  auto paragraphs = b.finish();
  return paragraphs.empty() ? std::string() : paragraphs.front().text;
}

std::string json_string(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_array() && !v.empty()) return json_string(v.front());
  if (v.is_object()) {
    for (const char* key : {"name", "url", "@id", "@value"})
      if (v.contains(key) && v[key].is_string()) return v[key].get<std::string>();
  }
  return {};
}

bool is_article_type(const json& type) {
  auto one = [](const std::string& t) {
    static constexpr std::array<std::string_view, 14> kTypes{
        "Article", "NewsArticle", "ReportageNews", "AnalysisNewsArticle", "OpinionNewsArticle",
        "BlogPosting", "TechArticle", "ScholarlyArticle", "Report", "LiveBlogPosting",
        "BackgroundNewsArticle", "ReviewNewsArticle", "SocialMediaPosting", "WebPage"};
    return std::find(kTypes.begin(), kTypes.end(), t) != kTypes.end();
  };
  if (type.is_string()) return one(type.get<std::string>());
  if (type.is_array())
    for (const auto& t : type)
      if (t.is_string() && one(t.get<std::string>())) return true;
  return false;
}

bool is_webpage_only(const json& type) { return type.is_string() && type.get<std::string>() == "WebPage"; }

// Finds the best schema.org article object (an Article type beats WebPage).
void find_articles(const json& v, std::vector<const json*>& out, int depth = 0) {
  if (depth > 8) return;
  if (v.is_array()) {
    for (const auto& e : v) find_articles(e, out, depth + 1);
  } else if (v.is_object()) {
    if (v.contains("@type") && is_article_type(v["@type"])) out.push_back(&v);
    if (v.contains("@graph")) find_articles(v["@graph"], out, depth + 1);
    if (v.contains("mainEntity") && v["mainEntity"].is_object()) find_articles(v["mainEntity"], out, depth + 1);
  }
}

void add_author(std::vector<std::string>& authors, std::string name) {
  name = fold(name);
  for (const char* prefix : {"By ", "by ", "BY "})
    if (name.starts_with(prefix)) name = name.substr(3);
  if (name.empty() || name.size() > 100) return;
  if (name.starts_with("http://") || name.starts_with("https://")) return;
  if (std::find(authors.begin(), authors.end(), name) == authors.end()) authors.push_back(name);
}

std::optional<Instant> parse_date(std::string_view s) {
  s = ascii::trim(s);
  if (s.empty()) return std::nullopt;
  return parse_rfc3339(s);
}

}  // namespace

std::string strip_site_suffix(std::string_view raw, std::string_view site_name) {
  std::string title = fold(raw);
  if (title.empty()) return title;
  static constexpr std::array<std::string_view, 9> kSeparators{" | ", " - ", " – ", " — ", " :: ",
                                                               " » ", " / ", " · ", " \\ "};
  // A known site name at either end goes first.
  if (!site_name.empty()) {
    const std::string site = ascii::lower(fold(site_name));
    std::vector<std::string_view> separators(kSeparators.begin(), kSeparators.end());
    separators.push_back(": ");
    for (std::string_view sep : separators) {
      const std::string t = ascii::lower(title);
      if (t.size() > site.size() + sep.size() && t.ends_with(std::string(sep) + site))
        return title.substr(0, title.size() - site.size() - sep.size());
      if (t.size() > site.size() + sep.size() && t.starts_with(site + std::string(sep)))
        return title.substr(site.size() + sep.size());
    }
  }
  // Otherwise the text before the last separator, when it keeps enough words.
  std::size_t best = std::string::npos;
  std::size_t sep_len = 0;
  for (std::string_view sep : kSeparators) {
    const auto at = title.rfind(sep);
    if (at != std::string::npos && (best == std::string::npos || at > best)) {
      best = at;
      sep_len = sep.size();
    }
  }
  if (best != std::string::npos) {
    const std::string head = title.substr(0, best);
    const std::string tail = title.substr(best + sep_len);
    const auto words = [](const std::string& s) { return std::count(s.begin(), s.end(), ' ') + 1; };
    if ((words(head) >= 3 && words(tail) <= 5) || (words(head) >= 2 && words(tail) == 1)) return head;
  }
  return title;
}


namespace {

// Step 1: what the document's own tags say, collected in one walk over the
// tree. The first of each wins.
struct HeadTags {
  std::string language;  // <html lang> or xml:lang, folded
  std::string title_tag, h1, base_href, canonical, first_time, content_language;
  // <meta> values (and a few <link>/<time> ones) by lowercase key, in document order.
  std::vector<std::pair<std::string, std::string>> meta;
  std::vector<std::string> meta_authors;  // every author-ish <meta>, in document order

  // The first non-empty value of the meta `key` ("" when none).
  std::string_view meta_value(std::string_view key) const {
    for (const auto& [k, v] : meta)
      if (k == key && !v.empty()) return v;
    return {};
  }
};

bool is_author_meta(std::string_view key) {
  return key == "author" || key == "article:author" || key == "parsely-author" || key == "dc.creator" ||
         key == "sailthru.author";
}

// A <meta>: its key is property, else name, else itemprop; "og:title
// twitter:title" style keys name several properties at once.
void collect_meta(const GumboNode* node, HeadTags& head) {
  const std::string content(attribute(node, "content"));
  std::string key = ascii::lower(attribute(node, "property"));
  if (key.empty()) key = ascii::lower(attribute(node, "name"));
  if (key.empty()) key = ascii::lower(attribute(node, "itemprop"));
  if (key.empty() && ascii::lower(attribute(node, "http-equiv")) == "content-language")
    head.content_language = content;
  std::size_t start = 0;
  while (start < key.size()) {
    auto space = key.find(' ', start);
    if (space == std::string::npos) space = key.size();
    if (space > start) {
      std::string one = key.substr(start, space - start);
      if (is_author_meta(one)) head.meta_authors.push_back(content);
      head.meta.emplace_back(std::move(one), content);
    }
    start = space + 1;
  }
}

HeadTags collect_head(const PageTree& tree) {
  HeadTags head;
  const auto text_of = [&](std::size_t i) {
    const std::int32_t roots[1] = {std::int32_t(i)};
    return join_paragraphs(render_paragraphs(tree, roots, {}));
  };
  for (std::size_t i = 0; i < tree.size(); ++i) {
    const PageNode& n = tree[i];
    if (n.is_text) continue;
    switch (n.tag) {
      case GUMBO_TAG_HTML:
        if (head.language.empty()) head.language = fold(attribute(n.node, "lang"));
        if (head.language.empty()) head.language = fold(attribute(n.node, "xml:lang"));
        break;
      case GUMBO_TAG_TITLE:
        if (head.title_tag.empty()) head.title_tag = text_of(i);
        break;
      case GUMBO_TAG_H1:
        if (head.h1.empty()) head.h1 = text_of(i);
        break;
      case GUMBO_TAG_BASE:
        if (head.base_href.empty()) head.base_href = std::string(attribute(n.node, "href"));
        break;
      case GUMBO_TAG_LINK: {
        const std::string rel = ascii::lower(attribute(n.node, "rel"));
        if (rel == "canonical" && head.canonical.empty()) head.canonical = std::string(attribute(n.node, "href"));
        if (rel == "image_src") head.meta.emplace_back("image_src", std::string(attribute(n.node, "href")));
        break;
      }
      case GUMBO_TAG_TIME:
        if (head.first_time.empty()) head.first_time = std::string(attribute(n.node, "datetime"));
        if (attribute(n.node, "itemprop") == "datePublished")
          head.meta.emplace_back("datepublished", std::string(attribute(n.node, "datetime")));
        break;
      case GUMBO_TAG_META:
        collect_meta(n.node, head);
        break;
      default:
        break;
    }
  }
  return head;
}

// Step 2: what the page's schema.org JSON-LD says, from its article objects
// (Article types before WebPage); the first of each wins.
struct JsonLdFields {
  std::string headline, published, modified, publisher, description, image, url, language, article_body;
  std::vector<std::string> authors;
};

// Some sites put their own name in "name" and the title in "headline" (and
// Wikipedia the reverse): keep the one closer to <title>.
std::string choose_headline(const json& o, std::string_view title_tag) {
  std::string headline, name;
  if (o.contains("headline")) headline = json_string(o["headline"]);
  if (!is_webpage_only(o["@type"]) && o.contains("name")) name = json_string(o["name"]);
  if (headline.empty() || name.empty() || headline == name) return headline.empty() ? name : headline;
  const std::string t = ascii::lower(title_tag);
  const bool name_in_title = t.find(ascii::lower(fold(name))) != std::string::npos;
  const bool headline_in_title = t.find(ascii::lower(fold(headline))) != std::string::npos;
  return headline_in_title && !name_in_title ? headline : name;
}

void read_article_object(const json& o, std::string_view title_tag, JsonLdFields& ld) {
  const auto take = [&](std::string& into, const char* key) {
    if (into.empty() && o.contains(key)) into = json_string(o[key]);
  };
  if (ld.headline.empty()) ld.headline = choose_headline(o, title_tag);
  take(ld.published, "datePublished");
  take(ld.modified, "dateModified");
  take(ld.description, "description");
  take(ld.image, "image");
  take(ld.url, "url");
  take(ld.language, "inLanguage");
  take(ld.publisher, "publisher");
  if (ld.authors.empty() && o.contains("author")) {
    const json& au = o["author"];
    if (au.is_array()) {
      for (const auto& x : au) ld.authors.push_back(json_string(x));
    } else {
      ld.authors.push_back(json_string(au));
    }
  }
  if (ld.article_body.empty() && o.contains("articleBody") && o["articleBody"].is_string())
    ld.article_body = o["articleBody"].get<std::string>();
}

JsonLdFields read_json_ld(const HtmlDocument& doc, std::string_view title_tag) {
  JsonLdFields ld;
  for (const std::string& block : doc.json_ld()) {
    json parsed = json::parse(block, nullptr, false);
    if (parsed.is_discarded()) continue;
    std::vector<const json*> articles;
    find_articles(parsed, articles);
    std::stable_sort(articles.begin(), articles.end(), [](const json* x, const json* y) {
      return !is_webpage_only((*x)["@type"]) && is_webpage_only((*y)["@type"]);
    });
    for (const json* article : articles) read_article_object(*article, title_tag, ld);
  }
  return ld;
}

// Step 3: each field from its sources, most trusted first (the tables below).

// The first source that is not empty once folded.
std::string first_text(std::initializer_list<std::string_view> sources) {
  for (std::string_view source : sources)
    if (std::string text = fold(source); !text.empty()) return text;
  return {};
}

// The first source that is not empty, as written (a URL).
std::string_view first_value(std::initializer_list<std::string_view> sources) {
  for (std::string_view source : sources)
    if (!source.empty()) return source;
  return {};
}

// The first source that reads as a date.
std::optional<Instant> first_date(std::initializer_list<std::string_view> sources) {
  for (std::string_view source : sources)
    if (auto date = parse_date(source)) return date;
  return std::nullopt;
}

// `reference` resolved against `base`; a blank one names the document itself
// (RFC 3986 5.2.2: the empty reference is the base), where resolve_link,
// made for feed links, keeps it empty.
std::string resolve_on_page(std::string_view base, std::string_view reference) {
  return ascii::trim(reference).empty() ? std::string(base) : resolve_link(base, reference);
}

std::string with_dashes(std::string locale) {  // og:locale's "en_GB" is the language "en-GB"
  std::replace(locale.begin(), locale.end(), '_', '-');
  return locale;
}

}  // namespace

PageMetadata extract_metadata(const HtmlDocument& doc, const PageTree& tree, std::string_view base_url) {
  const HeadTags head = collect_head(tree);
  const auto m = [&](std::string_view key) { return head.meta_value(key); };
  PageMetadata out;
  out.base_url = resolve_on_page(base_url, head.base_href);
  const std::string& base = out.base_url;
  JsonLdFields ld = read_json_ld(doc, head.title_tag);
  out.article_body = std::move(ld.article_body);

  Article& a = out.fields;
  a.site_name = first_text({m("og:site_name"), ld.publisher, m("application-name")});

  std::string title = first_text({ld.headline, m("dc:title"), m("dcterm:title"), m("og:title"),
                                  m("weibo:article:title"), m("weibo:webpage:title"), m("title"),
                                  m("twitter:title"), m("parsely-title"), head.title_tag});
  if (title.empty()) title = head.h1;
  a.title = strip_site_suffix(title, a.site_name);

  for (const std::string& name : ld.authors) add_author(a.authors, name);
  if (a.authors.empty())
    for (const std::string& name : head.meta_authors) add_author(a.authors, name);

  a.published = first_date({ld.published, m("article:published_time"), m("datepublished"),
                            m("og:published_time"), m("published_time"), m("parsely-pub-date"),
                            m("sailthru.date"), m("pubdate"), m("publishdate"), m("dc.date.issued"), m("dc.date"),
                            m("date"), head.first_time});
  a.modified = first_date({ld.modified, m("article:modified_time"), m("og:updated_time"), m("datemodified"),
                           m("last-modified")});

  if (auto canonical = first_value({head.canonical, m("og:url"), ld.url}); !canonical.empty())
    a.canonical_url = resolve_on_page(base, canonical);

  a.language = first_text({head.language, head.content_language, with_dashes(fold(m("og:locale"))), ld.language});

  a.description = first_text({m("og:description"), m("description"), m("twitter:description"),
                              m("dc.description"), ld.description});

  if (auto image = first_value({m("og:image"), m("og:image:url"), m("og:image:secure_url"), m("twitter:image"),
                                m("twitter:image:src"), ld.image, m("image_src")});
      !image.empty())
    a.image = resolve_on_page(base, image);
  return out;
}

}  // namespace newsmon
