#include "daemon/store/archive_query.h"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace newsmon {

namespace {

// The strings of a JSON array of strings (what json_group_array() and the
// authors column hold); anything else reads as no strings.
std::vector<std::string> split_group(const std::string& text) {
  std::vector<std::string> out;
  if (text == "[]") return out;  // most items: no authors, no tags; skip the parser
  // Fast path for the usual ["a","b"]: printable ASCII, no escapes, no
  // spaces between the elements. Anything else goes to the JSON parser.
  const bool plain = text.size() >= 4 && text.front() == '[' && text.back() == ']' &&
                     std::all_of(text.begin(), text.end(), [](char c) { return c >= 0x20 && c < 0x7f && c != '\\'; });
  if (plain) {
    std::size_t at = 1;  // after '[' or ','
    while (at < text.size() && text[at] == '"') {
      const std::size_t close = text.find('"', at + 1);
      if (close == std::string::npos || close + 1 >= text.size()) break;
      out.emplace_back(text, at + 1, close - at - 1);
      if (text[close + 1] == ']' && close + 2 == text.size()) return out;
      if (text[close + 1] != ',') break;
      at = close + 2;
    }
    out.clear();  // not the plain shape after all
  }
  auto parsed = nlohmann::json::parse(text, nullptr, false);
  if (parsed.is_array())
    for (const auto& v : parsed)
      if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}

// The columns read_item() expects, in order.
std::string item_columns(bool with_body) {
  return std::string(
             "items.id, items.url, items.canonical_url, items.outlet, items.title, items.authors,"
             " items.published, items.fetched, ") +
         (with_body ? "items.body" : "''") +
         ", items.body_source, items.summary, items.language, items.score, items.relevant,"
         " items.duplicate_of, items.story_id,"
         " items.site_name, items.image, items.credited_outlets, items.fetch_error, items.robots_disallowed,"
         " (SELECT json_group_array(tag) FROM (SELECT tag FROM item_tags WHERE item_id = items.id ORDER BY tag)),"
         " (SELECT json_group_array(topic) FROM (SELECT topic FROM item_topics WHERE item_id = items.id ORDER BY topic))";
}

Item read_item(const SqliteStatement& row, int first = 0) {
  Item item;
  const auto c = [first](int i) { return first + i; };
  item.id = row.column_int(c(0));
  item.url = row.column_text(c(1));
  item.canonical_url = row.column_text(c(2));
  item.outlet = row.column_text(c(3));
  item.title = row.column_text(c(4));
  item.authors = split_group(row.column_text(c(5)));
  if (auto p = row.column_optional_int(c(6))) item.published = instant_from_unix(*p);
  item.fetched = instant_from_unix(row.column_int(c(7)));
  item.body = row.column_text(c(8));
  item.body_source = row.column_text(c(9));
  item.summary = row.column_text(c(10));
  item.language = row.column_text(c(11));
  item.score = row.column_double(c(12));
  item.relevant = row.column_int(c(13)) != 0;
  item.duplicate_of = row.column_optional_int(c(14));
  item.story_id = row.column_optional_int(c(15));
  item.site_name = row.column_text(c(16));
  item.image = row.column_text(c(17));
  item.credited_outlets = split_group(row.column_text(c(18)));
  item.fetch_error = row.column_text(c(19));
  item.robots_disallowed = row.column_int(c(20)) != 0;
  item.tags = split_group(row.column_text(c(21)));
  item.topics = split_group(row.column_text(c(22)));
  return item;
}

// " AND ..." conditions on `items` for `query`; text values go to `params`.
std::string where_conditions(const ItemQuery& query, std::vector<std::string>& params) {
  std::string sql;
  if (query.since) sql += " AND coalesce(items.published, items.fetched) >= " + std::to_string(to_unix(*query.since));
  if (query.until) sql += " AND coalesce(items.published, items.fetched) < " + std::to_string(to_unix(*query.until));
  if (query.relevant_only) sql += " AND items.relevant = 1";
  const auto in_list = [&](const std::vector<std::string>& values) {
    std::string list;
    for (const auto& v : values) {
      params.push_back(v);
      list += (list.empty() ? "?" : ",?");
    }
    return list;
  };
  if (!query.topics.empty())
    sql += " AND items.id IN (SELECT item_id FROM item_topics WHERE topic IN (" + in_list(query.topics) + "))";
  for (const auto& tag : query.tags)
    sql += " AND items.id IN (SELECT item_id FROM item_tags WHERE tag = " + in_list({tag}) + ")";
  if (!query.outlets.empty()) sql += " AND items.outlet IN (" + in_list(query.outlets) + ")";
  return sql;
}

void bind_all(SqliteStatement& statement, const std::vector<std::string>& params, int first = 1) {
  for (std::size_t i = 0; i < params.size(); ++i) statement.bind(first + int(i), params[i]);
}

// Throws SqliteError, as the owners do: the public functions below catch it.
std::vector<Item> items_where(Store& store, const std::string& condition, std::int64_t value) {
  SqliteStatement statement(store.db(), "SELECT " + item_columns(false) + " FROM items WHERE " + condition +
                                            " ORDER BY coalesce(items.published, items.fetched), items.id");
  statement.bind(1, value);
  std::vector<Item> items;
  while (statement.step()) items.push_back(read_item(statement));
  return items;
}

}  // namespace

Result<std::vector<Item>> query_items(Store& store, const ItemQuery& query) {
  return storage_result([&] {
    std::vector<std::string> params;
    std::string sql =
        "SELECT " + item_columns(query.with_body) + " FROM items WHERE 1" + where_conditions(query, params);
    sql += " ORDER BY coalesce(items.published, items.fetched) DESC, items.id DESC";
    if (query.limit) sql += " LIMIT " + std::to_string(*query.limit);
    SqliteStatement statement(store.db(), sql);
    bind_all(statement, params);
    std::vector<Item> items;
    while (statement.step()) items.push_back(read_item(statement));
    return items;
  });
}

Result<void> for_each_item(Store& store, const ItemQuery& query, const std::function<bool(const Item&)>& visit) {
  return storage_result([&] {
    std::vector<std::string> params;
    std::string sql =
        "SELECT " + item_columns(query.with_body) + " FROM items WHERE 1" + where_conditions(query, params);
    sql += " ORDER BY items.id";
    if (query.limit) sql += " LIMIT " + std::to_string(*query.limit);
    SqliteStatement statement(store.db(), sql);
    bind_all(statement, params);
    while (statement.step())
      if (!visit(read_item(statement))) break;
  });
}

Result<void> scan_item_texts(Store& store, const ItemQuery& query, std::int64_t min_id, std::int64_t max_id,
                             const std::function<bool(const Item&)>& visit) {
  return storage_result([&] {
    std::vector<std::string> params;
    std::string sql =
        "SELECT items.id, items.published, items.fetched, items.outlet, items.title, items.url, items.body"
        " FROM items WHERE items.id BETWEEN " +
        std::to_string(min_id) + " AND " + std::to_string(max_id) + where_conditions(query, params) +
        " ORDER BY items.id DESC";
    SqliteStatement statement(store.db(), sql);
    bind_all(statement, params);
    Item item;  // reused: assign() keeps each string's capacity
    while (statement.step()) {
      item.id = statement.column_int(0);
      item.published = statement.column_optional_int(1).transform(instant_from_unix);
      item.fetched = instant_from_unix(statement.column_int(2));
      item.outlet.assign(statement.column_view(3));
      item.title.assign(statement.column_view(4));
      item.url.assign(statement.column_view(5));
      item.body.assign(statement.column_view(6));
      if (!visit(item)) break;
    }
  });
}

Result<void> prepare_for_scan(Store& store) {
  return storage_result([&] { store.db().exec("PRAGMA mmap_size = 17179869184; PRAGMA cache_size = -65536"); });
}

Result<std::pair<std::int64_t, std::int64_t>> item_id_range(Store& store) {
  return storage_result([&] {
    SqliteStatement statement(store.db(), "SELECT coalesce(min(id), 0), coalesce(max(id), 0) FROM items");
    statement.step();
    return std::pair{statement.column_int(0), statement.column_int(1)};
  });
}

Result<std::optional<Item>> find_item(Store& store, std::int64_t id) {
  return storage_result([&]() -> std::optional<Item> {
    SqliteStatement statement(store.db(), "SELECT " + item_columns(true) + " FROM items WHERE items.id = ?");
    statement.bind(1, id);
    if (!statement.step()) return std::nullopt;
    return read_item(statement);
  });
}

Result<std::optional<Item>> find_item_by_url(Store& store, std::string_view url) {
  return storage_result([&]() -> std::optional<Item> {
    SqliteStatement statement(store.db(), "SELECT " + item_columns(true) +
                                              " FROM items WHERE items.canonical_url = ?1 OR items.url = ?1"
                                              " ORDER BY items.canonical_url = ?1 DESC, items.id LIMIT 1");
    statement.bind(1, url);
    if (!statement.step()) return std::nullopt;
    return read_item(statement);
  });
}

Result<std::vector<Item>> story_items(Store& store, std::int64_t story_id, std::int64_t except_id) {
  return storage_result([&] {
    auto items = items_where(store, "items.story_id = ?", story_id);
    std::erase_if(items, [&](const Item& i) { return i.id == except_id; });
    return items;
  });
}

Result<std::vector<Item>> duplicates_of(Store& store, std::int64_t id) {
  return storage_result([&] { return items_where(store, "items.duplicate_of = ?", id); });
}

Result<std::vector<SearchHit>> search_items(Store& store, const std::string& match, const ItemQuery& query) {
  // Two steps: rank every match by bm25 alone (cheap), then read the item
  // and build the snippet for the few hits kept. Asking for the snippet in the
  // ranking query would build one for every match before the LIMIT applies.
  std::vector<std::string> params{match};
  const std::string conditions = where_conditions(query, params);
  std::string sql = "SELECT items_fts.rowid, bm25(items_fts, 5.0, 1.0) AS rank FROM items_fts";
  if (!conditions.empty()) sql += " JOIN items ON items.id = items_fts.rowid";
  sql += " WHERE items_fts MATCH ?" + conditions + " ORDER BY rank, items_fts.rowid DESC";
  if (query.limit) sql += " LIMIT " + std::to_string(*query.limit);
  std::vector<SearchHit> hits;
  try {
    std::vector<std::pair<std::int64_t, double>> ranked;
    {
      SqliteStatement statement(store.db(), sql);
      bind_all(statement, params);
      while (statement.step()) ranked.emplace_back(statement.column_int(0), statement.column_double(1));
    }
    SqliteStatement item(store.db(), "SELECT " + item_columns(false) + " FROM items WHERE items.id = ?");
    SqliteStatement snippet(store.db(), "SELECT snippet(items_fts, 1, '" + std::string(kSnippetOpen) + "', '" +
                                            std::string(kSnippetClose) +
                                            "', '…', 24) FROM items_fts WHERE items_fts MATCH ? AND rowid = ?");
    for (const auto& [id, rank] : ranked) {
      item.bind(1, id);
      if (!item.step()) continue;
      SearchHit hit;
      hit.item = read_item(item);
      hit.rank = rank;
      item.reset();
      snippet.bind(1, match).bind(2, id);
      if (snippet.step()) hit.snippet = snippet.column_text(0);
      snippet.reset();
      hits.push_back(std::move(hit));
    }
  } catch (const SqliteError& e) {
    const std::string message = e.what();
    if (message.find("fts5") != std::string::npos || message.find("syntax") != std::string::npos ||
        message.find("no such column") != std::string::npos)
      return fail(ErrorKind::parse, "bad query '" + match + "': " +
                                        message.substr(std::min(message.find("fts5:"), message.find("no such"))) +
                                        " (put words with punctuation in double quotes: \"huawei-zte\")");
    return fail(ErrorKind::storage, message);
  }
  return hits;
}

}  // namespace newsmon
