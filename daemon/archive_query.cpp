#include "daemon/archive_query.h"

#include <nlohmann/json.hpp>

namespace newsmon {

namespace {

std::vector<std::string> split_group(const std::string& text) {
  std::vector<std::string> out;
  auto parsed = nlohmann::json::parse(text, nullptr, false);
  if (parsed.is_array())
    for (const auto& v : parsed)
      if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}

}  // namespace

std::vector<StoredItem> query_items(Store& store, const ItemQuery& query) {
  std::string sql =
      "SELECT id, url, canonical_url, outlet, title, authors, published, fetched, body,"
      " body_source, summary, language, score, relevant, duplicate_of, story_id,"
      " (SELECT json_group_array(tag) FROM (SELECT tag FROM item_tags WHERE item_id = items.id ORDER BY tag)),"
      " (SELECT json_group_array(topic) FROM (SELECT topic FROM item_topics WHERE item_id = items.id ORDER BY topic))"
      " FROM items WHERE 1";
  std::vector<std::string> texts;
  std::vector<std::int64_t> numbers;
  if (query.since) sql += " AND coalesce(published, fetched) >= " + std::to_string(to_unix(*query.since));
  if (query.until) sql += " AND coalesce(published, fetched) < " + std::to_string(to_unix(*query.until));
  if (query.relevant_only) sql += " AND relevant = 1";
  auto in_list = [&](const std::vector<std::string>& values) {
    std::string list;
    for (const auto& v : values) {
      texts.push_back(v);
      list += (list.empty() ? "?" : ",?");
    }
    return list;
  };
  if (!query.topics.empty())
    sql += " AND id IN (SELECT item_id FROM item_topics WHERE topic IN (" + in_list(query.topics) + "))";
  for (const auto& tag : query.tags)
    sql += " AND id IN (SELECT item_id FROM item_tags WHERE tag = " + in_list({tag}) + ")";
  if (!query.outlets.empty()) sql += " AND outlet IN (" + in_list(query.outlets) + ")";
  sql += " ORDER BY coalesce(published, fetched) DESC, id DESC";
  if (query.limit) sql += " LIMIT " + std::to_string(*query.limit);

  SqliteStatement statement(store.db(), sql);
  for (std::size_t i = 0; i < texts.size(); ++i) statement.bind(int(i + 1), texts[i]);
  std::vector<StoredItem> items;
  while (statement.step()) {
    StoredItem item;
    item.id = statement.column_int(0);
    item.url = statement.column_text(1);
    item.canonical_url = statement.column_text(2);
    item.outlet = statement.column_text(3);
    item.title = statement.column_text(4);
    item.authors = split_group(statement.column_text(5));
    if (auto p = statement.column_optional_int(6)) item.published = instant_from_unix(*p);
    item.fetched = instant_from_unix(statement.column_int(7));
    item.body = statement.column_text(8);
    item.body_source = statement.column_text(9);
    item.summary = statement.column_text(10);
    item.language = statement.column_text(11);
    item.score = statement.column_double(12);
    item.relevant = statement.column_int(13) != 0;
    item.duplicate_of = statement.column_optional_int(14);
    item.story_id = statement.column_optional_int(15);
    item.tags = split_group(statement.column_text(16));
    item.topics = split_group(statement.column_text(17));
    items.push_back(std::move(item));
  }
  return items;
}

}  // namespace newsmon
