// Atom 1.0 (RFC 4287) and Atom 0.3: text constructs of type text, html and
// xhtml (0.3: MIME types and mode="escaped"/"xml"), alternate and enclosure
// links, feed authors inherited by entries, media: extensions.
#include <optional>
#include <vector>

#include "daemon/feed/feed_date.h"
#include "daemon/base/url.h"
#include "daemon/feed/feed_readers.h"
#include "daemon/feed/feed_text.h"
#include "daemon/feed/feed_xml.h"

namespace newsmon {

namespace {

bool is_atom_ns(const xmlNode* node) {
  const Ns ns = ns_of(node);
  return ns == Ns::atom || ns == Ns::atom03 || ns == Ns::none;
}

bool is_atom(const xmlNode* node, std::string_view name) {
  return is_element(node) && local_name(node) == name && is_atom_ns(node);
}

enum class TextType { text, html, xhtml, other };

TextType text_type(const xmlNode* node) {
  std::string type = attribute(node, "type");
  for (char& c : type) c = char(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  const std::string mode = attribute(node, "mode");
  if (mode == "base64") return TextType::other;
  if (type == "xhtml" || type == "application/xhtml+xml" || mode == "xml") {
    if (type.empty() || type == "xhtml" || type == "application/xhtml+xml") return TextType::xhtml;
  }
  if (type == "html" || type == "text/html" || mode == "escaped") return TextType::html;
  if (type.empty() || type == "text" || type == "text/plain") return TextType::text;
  return TextType::other;
}

// The markup inside an xhtml construct: the children of its <div>.
std::string xhtml_of(const xmlNode* node) {
  for (const xmlNode* child = node->children; child; child = child->next)
    if (is_element(child) && local_name(child) == "div") return inner_xml(child);
  return inner_xml(node);
}

// A title: one line of plain text.
std::string plain_text_construct(const xmlNode* node) {
  switch (text_type(node)) {
    case TextType::xhtml: return html_to_plain_text(xhtml_of(node));
    case TextType::html: return html_to_plain_text(text_of(node));
    default: return fold_whitespace(fix_c1_controls(text_of(node)));
  }
}

// A summary or content: HTML.
std::string html_text_construct(const xmlNode* node) {
  switch (text_type(node)) {
    case TextType::xhtml: return xhtml_of(node);
    case TextType::html: return text_of(node);
    case TextType::text: return escape_html(text_of(node));
    default: return {};  // base64 or a media type we do not show
  }
}

std::vector<std::string> person_names(const xmlNode* person) {
  std::string name, email;
  for (const xmlNode* part = person->children; part; part = part->next) {
    if (is_atom(part, "name") && name.empty()) name = trimmed_text_of(part);
    else if (is_atom(part, "email") && email.empty()) email = trimmed_text_of(part);
  }
  if (name.empty()) name = email;
  if (name.empty()) return {};
  return {name};
}

// The alternate link among `links`: an HTML one when there are several.
std::string alternate_link(const std::vector<const xmlNode*>& links, std::string_view document_url) {
  const xmlNode* best = nullptr;
  for (const xmlNode* link : links) {
    const std::string rel = attribute(link, "rel");
    if (!rel.empty() && rel != "alternate" && rel != "http://www.iana.org/assignments/relation/alternate") continue;
    if (attribute(link, "href").empty()) continue;
    const std::string type = attribute(link, "type");
    if (type.empty() || type == "text/html" || type == "application/xhtml+xml") {
      best = link;
      break;
    }
    if (!best) best = link;
  }
  if (!best) return {};
  return resolve_link(base_url_of(best, document_url), attribute(best, "href"));
}

FeedEntry read_entry(const xmlNode* node, std::string_view feed_url, const std::vector<std::string>& feed_authors) {
  FeedEntry entry;
  const std::string base = base_url_of(node, feed_url);
  std::vector<const xmlNode*> links;
  std::optional<Instant> published, issued, created, dc_date;
  bool have_title = false;
  for (const xmlNode* child = node->children; child; child = child->next) {
    if (!is_element(child)) continue;
    const std::string_view name = local_name(child);
    const Ns ns = ns_of(child);
    if (is_atom_ns(child)) {
      if (name == "id" && entry.id.empty()) {
        entry.id = trimmed_text_of(child);
      } else if (name == "title" && !have_title) {
        entry.title = plain_text_construct(child);
        have_title = true;
      } else if (name == "link") {
        links.push_back(child);
        if (attribute(child, "rel") == "enclosure" && !attribute(child, "href").empty()) {
          Enclosure enclosure{resolve_link(base_url_of(child, feed_url), attribute(child, "href")),
                              attribute(child, "type"), 0};
          enclosure.length = parse_positive_integer(attribute(child, "length")).value_or(0);
          entry.enclosures.push_back(std::move(enclosure));
        }
      } else if (name == "published") {
        if (!published) published = parse_feed_date(trimmed_text_of(child));
      } else if (name == "issued") {
        if (!issued) issued = parse_feed_date(trimmed_text_of(child));
      } else if (name == "created") {
        if (!created) created = parse_feed_date(trimmed_text_of(child));
      } else if (name == "updated" || name == "modified") {
        if (!entry.updated) entry.updated = parse_feed_date(trimmed_text_of(child));
      } else if (name == "author") {
        for (auto& author : person_names(child)) entry.authors.push_back(std::move(author));
      } else if (name == "category") {
        std::string term = attribute(child, "term");
        if (term.empty()) term = attribute(child, "label");
        if (term.empty()) term = text_of(child);  // Atom 0.3 style
        if (!term.empty()) entry.categories.push_back(std::move(term));
      } else if (name == "summary" && entry.summary.empty()) {
        entry.summary = html_text_construct(child);
      } else if (name == "content" && entry.content.empty()) {
        entry.content = html_text_construct(child);
      }
    } else if (ns == Ns::dc) {
      if (name == "creator") entry.authors.push_back(text_of(child));
      else if (name == "subject") entry.categories.push_back(text_of(child));
      else if (name == "date" && !dc_date) dc_date = parse_feed_date(trimmed_text_of(child));
    } else if (ns == Ns::media) {
      read_media_element(child, base, entry);
    }
  }
  entry.published = published ? published : issued ? issued : created ? created : dc_date;
  entry.link = alternate_link(links, feed_url);
  if (entry.authors.empty()) entry.authors = feed_authors;
  return entry;
}

}  // namespace

Feed read_atom(const xmlNode* root, std::string_view feed_url, std::string format) {
  Feed feed;
  feed.format = std::move(format);
  feed.language = language_of(root);
  std::vector<const xmlNode*> links, entries;
  std::vector<std::string> authors;
  bool have_title = false;
  for (const xmlNode* child = root->children; child; child = child->next) {
    if (!is_atom(child, local_name(child))) continue;
    const std::string_view name = local_name(child);
    if (name == "title" && !have_title) {
      feed.title = plain_text_construct(child);
      have_title = true;
    } else if (name == "link") {
      links.push_back(child);
    } else if (name == "author") {
      for (auto& author : person_names(child)) authors.push_back(std::move(author));
    } else if (name == "entry") {
      entries.push_back(child);
    }
  }
  feed.link = alternate_link(links, feed_url);
  feed.entries.reserve(entries.size());
  for (const xmlNode* entry : entries) {
    feed.entries.push_back(read_entry(entry, feed_url, authors));
    finish_entry(feed.entries.back());
  }
  return feed;
}

}  // namespace newsmon
