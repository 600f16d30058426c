#include "extractors/metadata_extractor.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <nlohmann/json.hpp>

#include "daemon/base/instant.h"
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

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = char(std::tolower(static_cast<unsigned char>(c)));
  return out;
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
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  if (s.empty()) return std::nullopt;
  return parse_rfc3339(s);
}

std::string scheme_and_host(std::string_view base) {
  const auto scheme_end = base.find("://");
  if (scheme_end == std::string_view::npos) return {};
  const auto path = base.find_first_of("/?#", scheme_end + 3);
  return std::string(base.substr(0, path == std::string_view::npos ? base.size() : path));
}

}  // namespace

std::string resolve_url(std::string_view base, std::string_view ref) {
  while (!ref.empty() && std::isspace(static_cast<unsigned char>(ref.front()))) ref.remove_prefix(1);
  while (!ref.empty() && std::isspace(static_cast<unsigned char>(ref.back()))) ref.remove_suffix(1);
  if (ref.empty()) return std::string(base);
  // Absolute: a scheme followed by ':'
  for (std::size_t i = 0; i < ref.size(); ++i) {
    const char c = ref[i];
    if (c == ':') {
      if (i > 0) return std::string(ref);
      break;
    }
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.')) break;
  }
  const auto scheme_end = base.find("://");
  if (scheme_end == std::string_view::npos) return std::string(ref);
  if (ref.starts_with("//")) return std::string(base.substr(0, scheme_end + 1)) + std::string(ref);
  const std::string origin = scheme_and_host(base);
  if (ref.front() == '/') return origin + std::string(ref);
  std::string_view base_no_frag = base.substr(0, base.find('#'));
  if (ref.front() == '#') return std::string(base_no_frag) + std::string(ref);
  std::string_view base_path = base_no_frag.substr(0, base_no_frag.find('?'));
  if (ref.front() == '?') return std::string(base_path) + std::string(ref);
  // relative path: drop base's last segment, then resolve . and ..
  std::string path(base_path.substr(origin.size()));
  path = path.substr(0, path.rfind('/') + 1);
  if (path.empty()) path = "/";
  std::string_view rest = ref;
  std::string suffix;
  const auto q = rest.find_first_of("?#");
  if (q != std::string_view::npos) {
    suffix = std::string(rest.substr(q));
    rest = rest.substr(0, q);
  }
  std::vector<std::string> segments;
  auto split = [&](std::string_view p) {
    std::size_t start = 0;
    while (start <= p.size()) {
      const auto slash = p.find('/', start);
      const auto seg = p.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
      if (seg == "..") {
        if (!segments.empty()) segments.pop_back();
      } else if (seg != "." && !seg.empty()) {
        segments.emplace_back(seg);
      }
      if (slash == std::string_view::npos) break;
      start = slash + 1;
    }
  };
  split(path);
  split(rest);
  std::string out = origin;
  for (const auto& s : segments) out += "/" + s;
  if (rest.empty() || rest.back() == '/' || rest.ends_with("/.") || rest.ends_with("/..") || rest == "." || rest == "..")
    out += "/";
  if (segments.empty() && out.back() != '/') out += "/";
  return out + suffix;
}

std::string strip_site_suffix(std::string_view raw, std::string_view site_name) {
  std::string title = fold(raw);
  if (title.empty()) return title;
  static constexpr std::array<std::string_view, 9> kSeparators{" | ", " - ", " – ", " — ", " :: ",
                                                               " » ", " / ", " · ", " \\ "};
  // A known site name at either end goes first.
  if (!site_name.empty()) {
    const std::string site = lower(fold(site_name));
    std::vector<std::string_view> separators(kSeparators.begin(), kSeparators.end());
    separators.push_back(": ");
    for (std::string_view sep : separators) {
      const std::string t = lower(title);
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

PageMetadata extract_metadata(const HtmlDocument& doc, const PageTree& tree, std::string_view base_url) {
  PageMetadata out;
  Article& a = out.fields;
  std::string title_tag, h1, base_href, canonical, first_time, og_locale, content_language;
  // meta values by lowercase key; first one wins
  std::vector<std::pair<std::string, std::string>> meta;
  auto meta_value = [&](std::string_view key) -> std::string {
    for (const auto& [k, v] : meta)
      if (k == key && !v.empty()) return v;
    return {};
  };
  std::vector<std::string> meta_authors;
  for (std::size_t i = 0; i < tree.size(); ++i) {
    const PageNode& n = tree[i];
    if (n.is_text) continue;
    switch (n.tag) {
      case GUMBO_TAG_HTML:
        if (a.language.empty()) a.language = fold(attribute(n.node, "lang"));
        if (a.language.empty()) a.language = fold(attribute(n.node, "xml:lang"));
        break;
      case GUMBO_TAG_TITLE:
        if (title_tag.empty()) {
          const std::int32_t roots[1] = {std::int32_t(i)};
          title_tag = join_paragraphs(render_paragraphs(tree, roots, {}));
        }
        break;
      case GUMBO_TAG_H1:
        if (h1.empty()) {
          const std::int32_t roots[1] = {std::int32_t(i)};
          h1 = join_paragraphs(render_paragraphs(tree, roots, {}));
        }
        break;
      case GUMBO_TAG_BASE:
        if (base_href.empty()) base_href = std::string(attribute(n.node, "href"));
        break;
      case GUMBO_TAG_LINK: {
        const std::string rel = lower(attribute(n.node, "rel"));
        if (rel == "canonical" && canonical.empty()) canonical = std::string(attribute(n.node, "href"));
        if (rel == "image_src") meta.emplace_back("image_src", std::string(attribute(n.node, "href")));
        break;
      }
      case GUMBO_TAG_TIME:
        if (first_time.empty()) first_time = std::string(attribute(n.node, "datetime"));
        if (attribute(n.node, "itemprop") == "datePublished")
          meta.emplace_back("datepublished", std::string(attribute(n.node, "datetime")));
        break;
      case GUMBO_TAG_META: {
        const std::string content(attribute(n.node, "content"));
        std::string key = lower(attribute(n.node, "property"));
        if (key.empty()) key = lower(attribute(n.node, "name"));
        if (key.empty()) key = lower(attribute(n.node, "itemprop"));
        if (key.empty() && lower(attribute(n.node, "http-equiv")) == "content-language") content_language = content;
        if (key.empty()) break;
        // "og:title twitter:title" style space-separated properties
        std::size_t start = 0;
        while (start < key.size()) {
          auto sp = key.find(' ', start);
          if (sp == std::string::npos) sp = key.size();
          if (sp > start) {
            const std::string k = key.substr(start, sp - start);
            meta.emplace_back(k, content);
            if (k == "author" || k == "article:author" || k == "parsely-author" || k == "dc.creator" ||
                k == "sailthru.author")
              meta_authors.push_back(content);
          }
          start = sp + 1;
        }
        break;
      }
      default:
        break;
    }
  }
  out.base_url = base_href.empty() ? std::string(base_url) : resolve_url(base_url, base_href);
  const std::string& base = out.base_url;

  // JSON-LD
  std::string ld_headline, ld_published, ld_modified, ld_publisher, ld_description, ld_image, ld_url,
      ld_language;
  std::vector<std::string> ld_authors;
  for (const std::string& block : doc.json_ld()) {
    json parsed = json::parse(block, nullptr, false);
    if (parsed.is_discarded()) continue;
    std::vector<const json*> articles;
    find_articles(parsed, articles);
    std::stable_sort(articles.begin(), articles.end(), [](const json* x, const json* y) {
      return !is_webpage_only((*x)["@type"]) && is_webpage_only((*y)["@type"]);
    });
    for (const json* art : articles) {
      const json& o = *art;
      auto take = [&](std::string& into, const char* key) {
        if (into.empty() && o.contains(key)) into = json_string(o[key]);
      };
      if (ld_headline.empty()) {
        // Some sites put their own name in "name" and the title in
        // "headline" (and Wikipedia the reverse): keep the one closer to <title>.
        std::string headline, name;
        take(headline, "headline");
        if (!is_webpage_only(o["@type"])) take(name, "name");
        if (!headline.empty() && !name.empty() && headline != name) {
          const std::string t = lower(title_tag);
          const bool name_in_title = t.find(lower(fold(name))) != std::string::npos;
          const bool headline_in_title = t.find(lower(fold(headline))) != std::string::npos;
          ld_headline = headline_in_title && !name_in_title ? headline : name;
        } else {
          ld_headline = headline.empty() ? name : headline;
        }
      }
      take(ld_published, "datePublished");
      take(ld_modified, "dateModified");
      take(ld_description, "description");
      take(ld_image, "image");
      take(ld_url, "url");
      take(ld_language, "inLanguage");
      if (ld_publisher.empty() && o.contains("publisher")) ld_publisher = json_string(o["publisher"]);
      if (ld_authors.empty() && o.contains("author")) {
        const json& au = o["author"];
        if (au.is_array()) {
          for (const auto& x : au) ld_authors.push_back(json_string(x));
        } else {
          ld_authors.push_back(json_string(au));
        }
      }
      if (out.article_body.empty() && o.contains("articleBody") && o["articleBody"].is_string())
        out.article_body = o["articleBody"].get<std::string>();
    }
  }

  a.site_name = fold(meta_value("og:site_name"));
  if (a.site_name.empty()) a.site_name = fold(ld_publisher);
  if (a.site_name.empty()) a.site_name = fold(meta_value("application-name"));

  std::string title = fold(ld_headline);
  for (const char* key : {"dc:title", "dcterm:title", "og:title", "weibo:article:title", "weibo:webpage:title",
                          "title", "twitter:title", "parsely-title"})
    if (title.empty()) title = fold(meta_value(key));
  if (title.empty()) title = fold(title_tag);
  if (title.empty()) title = h1;
  a.title = strip_site_suffix(title, a.site_name);

  for (const std::string& name : ld_authors) add_author(a.authors, name);
  if (a.authors.empty())
    for (const std::string& name : meta_authors) add_author(a.authors, name);

  for (const std::string& d : {ld_published, meta_value("article:published_time"), meta_value("datepublished"),
                               meta_value("og:published_time"), meta_value("published_time"),
                               meta_value("parsely-pub-date"), meta_value("sailthru.date"), meta_value("pubdate"),
                               meta_value("publishdate"), meta_value("dc.date.issued"), meta_value("dc.date"),
                               meta_value("date"), first_time}) {
    if (a.published) break;
    a.published = parse_date(d);
  }
  for (const std::string& d : {ld_modified, meta_value("article:modified_time"), meta_value("og:updated_time"),
                               meta_value("datemodified"), meta_value("last-modified")}) {
    if (a.modified) break;
    a.modified = parse_date(d);
  }

  if (!canonical.empty()) a.canonical_url = resolve_url(base, canonical);
  else if (!meta_value("og:url").empty()) a.canonical_url = resolve_url(base, meta_value("og:url"));
  else if (!ld_url.empty()) a.canonical_url = resolve_url(base, ld_url);

  if (a.language.empty()) a.language = fold(content_language);
  if (a.language.empty()) {
    std::string locale = fold(meta_value("og:locale"));
    std::replace(locale.begin(), locale.end(), '_', '-');
    a.language = locale;
  }
  if (a.language.empty()) a.language = fold(ld_language);

  a.description = fold(meta_value("og:description"));
  for (const char* key : {"description", "twitter:description", "dc.description"})
    if (a.description.empty()) a.description = fold(meta_value(key));
  if (a.description.empty()) a.description = fold(ld_description);

  std::string image = meta_value("og:image");
  for (const char* key : {"og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src"})
    if (image.empty()) image = meta_value(key);
  if (image.empty()) image = ld_image;
  if (image.empty()) image = meta_value("image_src");
  if (!image.empty()) a.image = resolve_url(base, image);
  return out;
}

}  // namespace newsmon
