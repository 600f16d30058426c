// RSS 0.9x, 2.0 and 1.0 (RDF): channel fields, refresh hints, and items
// with the extensions real feeds use (dc:, content:, atom:/a10:, media:, sy:).
#include <optional>
#include <vector>

#include "daemon/feed/feed_date.h"
#include "daemon/base/url.h"
#include "daemon/feed/feed_readers.h"
#include "daemon/feed/feed_text.h"
#include "daemon/feed/feed_xml.h"

namespace newsmon {

namespace {

// The RSS vocabulary proper: no namespace, or one of the RSS namespaces.
bool is_core(const xmlNode* node, std::string_view name) {
  if (!is_element(node) || local_name(node) != name) return false;
  const Ns ns = ns_of(node);
  return ns == Ns::none || ns == Ns::rss;
}

bool is_atom(const xmlNode* node, std::string_view name) {
  return is_element(node) && local_name(node) == name && (ns_of(node) == Ns::atom || ns_of(node) == Ns::atom03);
}

bool looks_like_web_url(std::string_view s) { return s.starts_with("http://") || s.starts_with("https://"); }

// An atom:link's relation ("alternate" when it has none).
std::string link_relation(const xmlNode* node) {
  std::string rel = attribute(node, "rel");
  return rel.empty() ? "alternate" : rel;
}

void add_date(std::optional<Instant>& field, const xmlNode* node) {
  if (!field) field = parse_feed_date(trimmed_text_of(node));
}

std::optional<std::chrono::seconds> sy_period_seconds(std::string_view period) {
  if (period == "hourly") return std::chrono::seconds{3600};
  if (period == "daily") return std::chrono::seconds{86400};
  if (period == "weekly") return std::chrono::seconds{7 * 86400};
  if (period == "monthly") return std::chrono::seconds{30 * 86400};
  if (period == "yearly") return std::chrono::seconds{365 * 86400};
  return std::nullopt;
}

FeedEntry read_item(const xmlNode* item, std::string_view feed_url) {
  const std::string base = base_url_of(item, feed_url);
  FeedEntry entry;
  std::string guid, atom_id, atom_link, about = attribute_any_ns(item, "about");
  bool guid_is_permalink = true;
  std::optional<Instant> pub_date, dc_date, atom_published, dcterms_issued;
  std::string atom_summary, atom_content;
  bool have_title = false;
  for (const xmlNode* child = item->children; child; child = child->next) {
    if (!is_element(child)) continue;
    const Ns ns = ns_of(child);
    const std::string_view name = local_name(child);
    if (ns == Ns::none || ns == Ns::rss) {
      if (name == "title" && !have_title) {
        entry.title = html_to_plain_text(text_of(child));
        have_title = true;
      } else if (name == "link" && entry.link.empty()) {
        entry.link = trimmed_text_of(child);
        if (entry.link.empty()) entry.link = attribute(child, "href");  // an Atom-style link without its namespace
      } else if (name == "guid" && guid.empty()) {
        guid = trimmed_text_of(child);
        guid_is_permalink = attribute(child, "isPermaLink") != "false";
      } else if (name == "description" && entry.summary.empty()) {
        entry.summary = text_of(child);
      } else if (name == "pubDate") {
        add_date(pub_date, child);
      } else if (name == "author") {
        entry.authors.push_back(text_of(child));
      } else if (name == "category") {
        entry.categories.push_back(text_of(child));
      } else if (name == "enclosure") {
        Enclosure enclosure{resolve_link(base, attribute(child, "url")), attribute(child, "type"), 0};
        enclosure.length = parse_positive_integer(attribute(child, "length")).value_or(0);
        if (!enclosure.url.empty()) entry.enclosures.push_back(std::move(enclosure));
      } else if (name == "thumbnail" && entry.thumbnail.empty()) {  // un-namespaced, as Livemint writes it
        const std::string url = trimmed_text_of(child);
        if (looks_like_web_url(url)) entry.thumbnail = url;
      }
    } else if (ns == Ns::dc) {
      if (name == "creator") entry.authors.push_back(text_of(child));
      else if (name == "subject") entry.categories.push_back(text_of(child));
      else if (name == "date") add_date(dc_date, child);
    } else if (ns == Ns::dcterms) {
      if (name == "issued" || name == "created") add_date(dcterms_issued, child);
      else if (name == "modified") add_date(entry.updated, child);
    } else if (ns == Ns::content) {
      if (name == "encoded" && entry.content.empty()) entry.content = text_of(child);
    } else if (ns == Ns::atom || ns == Ns::atom03) {
      if (name == "link") {
        const std::string rel = link_relation(child);
        const std::string href = attribute(child, "href");
        if (rel == "alternate" && atom_link.empty()) {
          atom_link = href;
        } else if (rel == "enclosure" && !href.empty()) {
          Enclosure enclosure{resolve_link(base, href), attribute(child, "type"), 0};
          enclosure.length = parse_positive_integer(attribute(child, "length")).value_or(0);
          entry.enclosures.push_back(std::move(enclosure));
        }
      } else if (name == "updated" || name == "modified") {
        add_date(entry.updated, child);
      } else if (name == "published" || name == "issued") {
        add_date(atom_published, child);
      } else if (name == "id" && atom_id.empty()) {
        atom_id = trimmed_text_of(child);
      } else if (name == "author") {
        for (const xmlNode* part = child->children; part; part = part->next)
          if (is_atom(part, "name")) entry.authors.push_back(text_of(part));
      } else if (name == "summary" && atom_summary.empty()) {
        atom_summary = text_of(child);
      } else if (name == "content" && atom_content.empty()) {
        atom_content = text_of(child);
      }
    } else if (ns == Ns::media) {
      read_media_element(child, base, entry);
    }
  }
  entry.published = pub_date ? pub_date : dc_date ? dc_date : atom_published ? atom_published : dcterms_issued;
  if (entry.summary.empty()) entry.summary = std::move(atom_summary);
  if (entry.content.empty()) entry.content = std::move(atom_content);
  if (entry.link.empty()) entry.link = atom_link;
  if (entry.link.empty() && guid_is_permalink && looks_like_web_url(guid)) entry.link = guid;
  if (entry.link.empty() && looks_like_web_url(about)) entry.link = about;
  entry.link = resolve_link(base, entry.link);
  entry.id = !guid.empty() ? guid : !atom_id.empty() ? atom_id : about;
  return entry;
}

}  // namespace

Feed read_rss(const xmlNode* root, std::string_view feed_url, std::string format) {
  Feed feed;
  feed.format = std::move(format);
  const xmlNode* channel = nullptr;
  for (const xmlNode* child = root->children; child && !channel; child = child->next)
    if (is_core(child, "channel")) channel = child;

  std::vector<const xmlNode*> items;
  const auto collect = [&](const xmlNode* parent) {
    for (const xmlNode* child = parent->children; child; child = child->next)
      if (is_core(child, "item")) items.push_back(child);
  };
  if (channel) collect(channel);
  collect(root);  // RSS 1.0 puts items beside the channel

  if (channel) {
    const std::string base = base_url_of(channel, feed_url);
    std::string atom_link;
    bool have_title = false;
    std::optional<std::chrono::seconds> period;
    long long frequency = 1;
    for (const xmlNode* child = channel->children; child; child = child->next) {
      if (!is_element(child)) continue;
      const Ns ns = ns_of(child);
      const std::string_view name = local_name(child);
      if (ns == Ns::none || ns == Ns::rss) {
        if (name == "title" && !have_title) {
          feed.title = html_to_plain_text(text_of(child));
          have_title = true;
        } else if (name == "link" && feed.link.empty()) {
          feed.link = trimmed_text_of(child);
        } else if (name == "language" && feed.language.empty()) {
          feed.language = trimmed_text_of(child);
        } else if (name == "ttl") {
          if (auto minutes = parse_positive_integer(trimmed_text_of(child)))
            feed.ttl = std::chrono::seconds{std::min(*minutes, 525600LL) * 60};
        }
      } else if (ns == Ns::dc && name == "language" && feed.language.empty()) {
        feed.language = trimmed_text_of(child);
      } else if ((ns == Ns::atom || ns == Ns::atom03) && name == "link" && atom_link.empty() &&
                 link_relation(child) == "alternate") {
        atom_link = attribute(child, "href");
      } else if (ns == Ns::sy && name == "updatePeriod") {
        period = sy_period_seconds(trimmed_text_of(child));
      } else if (ns == Ns::sy && name == "updateFrequency") {
        frequency = std::min(parse_positive_integer(trimmed_text_of(child)).value_or(1), 100000LL);
      }
    }
    if (feed.link.empty()) feed.link = atom_link;
    feed.link = resolve_link(base, feed.link);
    if (period) feed.update_period = std::max(std::chrono::seconds{1}, std::chrono::seconds{period->count() / frequency});
  }
  feed.entries.reserve(items.size());
  for (const xmlNode* item : items) {
    feed.entries.push_back(read_item(item, feed_url));
    finish_entry(feed.entries.back());
  }
  return feed;
}

}  // namespace newsmon
