// JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1): every field read
// with its type checked, so a wrong type is a missing field, never a throw.
#include <nlohmann/json.hpp>

#include "daemon/feed/feed_date.h"
#include "daemon/base/url.h"
#include "daemon/feed/feed_readers.h"
#include "daemon/feed/feed_text.h"

namespace newsmon {

namespace {

using Json = nlohmann::json;

std::string string_field(const Json& object, const char* key) {
  if (!object.is_object()) return {};
  const auto it = object.find(key);
  if (it == object.end()) return {};
  if (it->is_string()) return it->get<std::string>();
  return {};
}

// An item id: a string, or a number some generators write instead.
std::string id_field(const Json& object) {
  const auto it = object.find("id");
  if (it != object.end() && it->is_number_integer()) return std::to_string(it->get<long long>());
  return string_field(object, "id");
}

void add_author(const Json& author, std::vector<std::string>& authors) {
  std::string name = string_field(author, "name");
  if (name.empty()) name = string_field(author, "url");
  if (!name.empty()) authors.push_back(std::move(name));
}

std::vector<std::string> authors_of(const Json& object) {
  std::vector<std::string> authors;
  if (const auto it = object.find("authors"); it != object.end() && it->is_array())
    for (const auto& author : *it) add_author(author, authors);
  if (authors.empty())
    if (const auto it = object.find("author"); it != object.end()) add_author(*it, authors);
  return authors;
}

FeedEntry read_item(const Json& item, std::string_view feed_url, const std::vector<std::string>& feed_authors) {
  FeedEntry entry;
  entry.id = id_field(item);
  entry.title = fold_whitespace(fix_c1_controls(string_field(item, "title")));
  std::string link = string_field(item, "url");
  if (link.empty()) link = string_field(item, "external_url");
  entry.link = resolve_link(feed_url, link);
  entry.published = parse_feed_date(string_field(item, "date_published"));
  entry.updated = parse_feed_date(string_field(item, "date_modified"));
  entry.authors = authors_of(item);
  if (entry.authors.empty()) entry.authors = feed_authors;
  if (const auto it = item.find("tags"); it != item.end() && it->is_array())
    for (const auto& tag : *it)
      if (tag.is_string()) entry.categories.push_back(tag.get<std::string>());
  entry.summary = escape_html(string_field(item, "summary"));
  entry.content = string_field(item, "content_html");
  if (entry.content.empty()) entry.content = escape_html(string_field(item, "content_text"));
  if (const auto it = item.find("attachments"); it != item.end() && it->is_array()) {
    for (const auto& attachment : *it) {
      Enclosure enclosure{resolve_link(feed_url, string_field(attachment, "url")),
                          string_field(attachment, "mime_type"), 0};
      if (const auto size = attachment.find("size_in_bytes"); size != attachment.end() && size->is_number_unsigned())
        enclosure.length = static_cast<long long>(std::min<std::uint64_t>(size->get<std::uint64_t>(), 1ULL << 62));
      if (!enclosure.url.empty()) entry.enclosures.push_back(std::move(enclosure));
    }
  }
  std::string image = string_field(item, "image");
  if (image.empty()) image = string_field(item, "banner_image");
  entry.thumbnail = resolve_link(feed_url, image);
  return entry;
}

}  // namespace

Result<Feed> read_json_feed(std::string_view utf8, std::string_view feed_url) {
  const Json document = Json::parse(utf8.begin(), utf8.end(), nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded())
    return fail(ErrorKind::parse, std::string(feed_url) + ": not a feed (malformed JSON)");
  const std::string version = string_field(document, "version");
  const auto items = document.is_object() ? document.find("items") : document.end();
  if (!version.starts_with("https://jsonfeed.org/version/") && !version.starts_with("http://jsonfeed.org/version/"))
    return fail(ErrorKind::parse, std::string(feed_url) + ": not a feed (JSON without a jsonfeed.org version)");
  Feed feed;
  const std::string number = version.substr(version.rfind('/') + 1);
  feed.format = "json" + std::string(number == "1" ? "1.0" : number);
  feed.title = fold_whitespace(fix_c1_controls(string_field(document, "title")));
  feed.link = resolve_link(feed_url, string_field(document, "home_page_url"));
  feed.language = string_field(document, "language");
  const std::vector<std::string> authors = authors_of(document);
  if (items != document.end() && items->is_array()) {
    feed.entries.reserve(items->size());
    for (const auto& item : *items) {
      if (!item.is_object()) continue;
      feed.entries.push_back(read_item(item, feed_url, authors));
      finish_entry(feed.entries.back());
    }
  }
  return feed;
}

}  // namespace newsmon
