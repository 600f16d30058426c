// parse_feed: the bytes of a feed to a Feed. Decides the charset, tells JSON
// Feed from XML by the first character, repairs the XML, lets libxml2 build
// a tree with recovery and without any network or entity expansion, and
// hands the root to the reader of its format.
#include "daemon/feed/feed_parser.h"

#include <algorithm>

#include "daemon/base/url.h"
#include "daemon/base/charset.h"
#include "daemon/feed/feed_readers.h"
#include "daemon/feed/feed_text.h"
#include "daemon/feed/feed_xml.h"
#include "daemon/base/safe_text.h"

namespace newsmon {

namespace {

// Larger than any real feed (the fetcher caps bodies well below this), small
// enough that a DOM of it stays within a few hundred MB.
constexpr std::size_t kMaxFeedBytes = 64 * 1024 * 1024;

std::string_view skip_space(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n'))
    s.remove_prefix(1);
  return s;
}

// An element name fit for an error message.
std::string printable_name(const xmlNode* node) {
  std::string name(reinterpret_cast<const char*>(node->name));
  if (name.size() > 40) name = name.substr(0, 40) + "...";
  return strip_control_characters(name);
}

}  // namespace

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

std::optional<long long> parse_positive_integer(std::string_view text) {
  text = skip_space(text);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' || text.back() == '\n'))
    text.remove_suffix(1);
  if (text.empty() || text.size() > 18) return std::nullopt;
  long long value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  if (value <= 0) return std::nullopt;
  return value;
}

void read_media_element(const xmlNode* node, std::string_view base, FeedEntry& entry) {
  const std::string_view name = local_name(node);
  if (name == "thumbnail") {
    if (entry.thumbnail.empty()) entry.thumbnail = resolve_link(base, attribute(node, "url"));
  } else if (name == "content") {
    const std::string url = attribute(node, "url");
    if (!url.empty()) {
      std::string type = attribute(node, "type");
      if (type.empty() && !attribute(node, "medium").empty()) type = attribute(node, "medium");
      Enclosure enclosure{resolve_link(base, url), std::move(type), 0};
      enclosure.length = parse_positive_integer(attribute(node, "fileSize")).value_or(0);
      const bool duplicate = std::any_of(entry.enclosures.begin(), entry.enclosures.end(),
                                         [&](const Enclosure& e) { return e.url == enclosure.url; });
      if (!duplicate) entry.enclosures.push_back(std::move(enclosure));
    }
    for (const xmlNode* child = node->children; child; child = child->next)  // a thumbnail inside
      if (is_element(child) && ns_of(child) == Ns::media) read_media_element(child, base, entry);
  } else if (name == "group") {
    for (const xmlNode* child = node->children; child; child = child->next)
      if (is_element(child) && ns_of(child) == Ns::media) read_media_element(child, base, entry);
  }
}

void finish_entry(FeedEntry& entry) {
  entry.summary = fix_c1_controls(entry.summary);
  entry.content = fix_c1_controls(entry.content);
  const auto clean_list = [](std::vector<std::string>& list) {
    std::vector<std::string> out;
    for (auto& item : list) {
      std::string folded = fold_whitespace(fix_c1_controls(item));
      if (!folded.empty() && std::find(out.begin(), out.end(), folded) == out.end()) out.push_back(std::move(folded));
    }
    list = std::move(out);
  };
  clean_list(entry.authors);
  clean_list(entry.categories);
  if (entry.id.empty()) entry.id = derive_entry_id(entry.link, entry.title, entry.summary);
  if (entry.thumbnail.empty()) {
    for (const auto& enclosure : entry.enclosures) {
      if (enclosure.type.starts_with("image")) {
        entry.thumbnail = enclosure.url;
        break;
      }
    }
  }
}

Result<Feed> parse_feed(std::string_view bytes, std::string_view feed_url, std::string_view http_charset) {
  const std::string url(feed_url);
  if (bytes.size() > kMaxFeedBytes) return fail(ErrorKind::parse, url + ": the feed is larger than 64 MiB");
  if (bytes.starts_with("\x1f\x8b"))
    return fail(ErrorKind::parse, url + ": not a feed (gzip-compressed bytes sent without Content-Encoding)");
  const DecodedText decoded = xml_to_utf8(bytes, http_charset);
  const std::string_view start = skip_space(decoded.text);
  if (start.empty()) return fail(ErrorKind::parse, url + ": not a feed (the document is empty)");
  if (start.front() == '{') return read_json_feed(decoded.text, feed_url);

  auto document = parse_xml_document(repair_feed_xml(decoded.text), feed_url);
  if (!document) return std::unexpected(document.error());
  const xmlNode* root = document->root();
  const std::string_view name = local_name(root);
  const Ns ns = ns_of(root);
  if (name == "rss" && (ns == Ns::none || ns == Ns::rss)) {
    std::string version = attribute(root, "version");
    const bool numeric = !version.empty() && version.size() <= 8 &&
                         std::all_of(version.begin(), version.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; });
    return read_rss(root, feed_url, numeric ? "rss" + version : "rss");
  }
  if (name == "RDF" && (ns == Ns::rdf || ns == Ns::none)) {
    std::string format = "rss1.0";
    for (const xmlNode* child = root->children; child; child = child->next) {
      if (!is_element(child) || ns_of(child) != Ns::rss || !child->ns) continue;
      const std::string_view href = reinterpret_cast<const char*>(child->ns->href);
      if (href.find("netscape.com") != std::string_view::npos) format = "rss0.90";
      break;
    }
    return read_rss(root, feed_url, format);
  }
  if (name == "feed" && (ns == Ns::atom || ns == Ns::atom03 || ns == Ns::none)) {
    const bool old = ns == Ns::atom03 || (ns == Ns::none && attribute(root, "version") == "0.3");
    return read_atom(root, feed_url, old ? "atom0.3" : "atom1.0");
  }
  return fail(ErrorKind::parse, url + ": not a feed (the root element is <" + printable_name(root) + ">)");
}

}  // namespace newsmon
