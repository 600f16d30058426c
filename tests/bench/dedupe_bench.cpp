// dedupe_bench: how long the duplicate and story check of one new item takes
// against an archive of N stored items (default 1,000,000), as the pipeline
// does it (Store::near_duplicate_candidates + find_near_duplicate, then
// Store::story_candidate_ids through the story_words index + match_story), next
// to two peers on the same probes: match_story over the whole 4-day window
// (what the store did before the index) and over full-text top-30 candidates.
// Every 4th probe retells a stored story, so recall is counted too.
// Run by tests/bench/dedupe_bench.sh; not part of ctest.
//
// usage: dedupe_bench ARCHIVE [ITEMS] [PER_DAY] [PROBES]
//   the archive is generated when it does not exist yet, then reused.
#include <algorithm>
#include <cctype>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "daemon/dedupe/deduper.h"
#include "daemon/dedupe/simhash.h"
#include "daemon/store/store.h"

using namespace newsmon;

// The machine this runs on may be shared: CPU time of this thread measures
// the work itself, whatever else is running. Wall time is reported too.
struct Clock {
  using duration = std::chrono::nanoseconds;
  using time_point = std::chrono::time_point<Clock, duration>;
  static time_point now() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return time_point(duration(std::int64_t(t.tv_sec) * 1000000000 + t.tv_nsec));
  }
};
using WallClock = std::chrono::steady_clock;

namespace {

// Synthetic news: words from a Zipf-like vocabulary, 0 to 3 tags from 40.
struct Generator {
  std::mt19937_64 random{42};
  std::vector<std::string> vocabulary;
  std::vector<std::string> tags;
  Generator() {
    for (int i = 0; i < 20000; ++i) vocabulary.push_back("w" + std::to_string(i));
    for (int i = 0; i < 40; ++i) tags.push_back("tag" + std::to_string(i));
  }
  const std::string& word() {
    // Squaring a uniform draw favours the first words, as real text does.
    const double u = std::uniform_real_distribution<double>(0, 1)(random);
    return vocabulary[static_cast<std::size_t>(u * u * double(vocabulary.size()))];
  }
  std::string words(int n) {
    std::string out;
    for (int i = 0; i < n; ++i) {
      if (i) out += ' ';
      out += word();
      if (i % 12 == 11) out += '.';
    }
    return out;
  }
  std::vector<std::string> some_tags() {
    std::vector<std::string> out;
    const int n = int(random() % 4);
    for (int i = 0; i < n; ++i) {
      const double u = std::uniform_real_distribution<double>(0, 1)(random);
      const std::string& t = tags[static_cast<std::size_t>(u * u * double(tags.size()))];
      if (std::find(out.begin(), out.end(), t) == out.end()) out.push_back(t);
    }
    return out;
  }
};

constexpr std::int64_t kStart = 1420070400;  // 2015-01-01

// Fills the archive with prepared statements reused for every row (the same
// tables, indexes and full-text triggers as Store::insert_item, without
// preparing four statements per item), in one transaction.
void generate(Store& store, Generator& g, long items, long per_day) {
  const auto started = WallClock::now();
  Transaction transaction(store.db());
  SqliteStatement story(store.db(), "INSERT INTO stories (first_seen) VALUES (?)");
  SqliteStatement item(store.db(),
                       "INSERT INTO items (canonical_url, url, outlet, title, published, fetched,"
                       " body, body_source, relevant, simhash, band0, band1, band2, band3, story_id)"
                       " VALUES (?1, ?1, ?2, ?3, ?4, ?4, ?5, 'page', ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
  SqliteStatement tag(store.db(), "INSERT OR IGNORE INTO item_tags (item_id, tag) VALUES (?, ?)");
  for (long i = 0; i < items; ++i) {
    const std::int64_t published = kStart + i * 86400 / per_day;
    story.bind(1, published);
    story.run();
    story.reset();
    const std::int64_t story_id = store.db().last_insert_rowid();
    const std::uint64_t hash = g.random();
    item.bind(1, "https://outlet" + std::to_string(i % 50) + ".test/" + std::to_string(i));
    item.bind(2, "outlet" + std::to_string(i % 50));
    item.bind(3, g.words(8));
    item.bind(4, published);
    item.bind(5, g.words(90));
    item.bind(6, i % 20 == 0 ? 1 : 0);
    item.bind(7, static_cast<std::int64_t>(hash));
    for (int b = 0; b < 4; ++b) item.bind(8 + b, std::int64_t((hash >> (16 * b)) & 0xffff));
    item.bind(12, story_id);
    item.run();
    item.reset();
    const std::int64_t id = store.db().last_insert_rowid();
    for (const auto& t : g.some_tags()) {
      tag.bind(1, id).bind(2, t);
      tag.run();
      tag.reset();
    }
    if (i % 100000 == 99999) std::fprintf(stderr, "  %ld items\n", i + 1);
  }
  transaction.commit();
  std::fprintf(stderr, "generated %ld items in %.1f s\n", items,
               std::chrono::duration<double>(WallClock::now() - started).count());
}

// The candidate in the current row of `query`, whose columns are id,
// story_id, outlet, title, lead, published (unix) and tags as a JSON array
// of strings (["a","b"]).
StoryCandidate candidate_from_row(SqliteStatement& query) {
  StoryCandidate c;
  c.item_id = query.column_int(0);
  c.story_id = query.column_int(1);
  c.outlet = query.column_text(2);
  c.title = query.column_text(3);
  c.lead = query.column_text(4);
  c.published = instant_from_unix(query.column_int(5));
  const std::string json = query.column_text(6);
  for (std::size_t p = json.find('"'); p != std::string::npos; p = json.find('"', p)) {
    const std::size_t e = json.find('"', p + 1);
    c.tags.push_back(json.substr(p + 1, e - p - 1));
    p = e + 1;
  }
  return c;
}

// The peer: at most `limit` story candidates, found by the full-text index
// (items_fts, already in the schema): the window's items that share the most
// title words with the new item, best bm25 rank first. The window is an id
// range (ids grow with time), so FTS5 reads only the window's part of each
// word's list.
std::vector<StoryCandidate> fts_story_candidates(Store& store, Instant since, const std::string& title,
                                                 int limit) {
  std::vector<StoryCandidate> out;
  std::string match;
  std::string word;
  for (char c : title + " ") {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      word += c;
    } else if (!word.empty()) {
      match += (match.empty() ? "\"" : " OR \"") + word + "\"";
      word.clear();
    }
  }
  if (match.empty()) return out;
  // INDEXED BY: left alone, SQLite walks the ids from the first to find min(id).
  SqliteStatement first(store.db(),
                        "SELECT min(id) FROM items INDEXED BY items_published"
                        " WHERE coalesce(published, fetched) >= ?");
  first.bind(1, to_unix(since));
  if (!first.step() || first.is_null(0)) return out;
  const std::int64_t first_id = first.column_int(0);
  SqliteStatement query(store.db(),
                        "SELECT i.id, i.story_id, i.outlet, i.title, substr(i.body, 1, 600),"
                        " coalesce(i.published, i.fetched),"
                        " (SELECT json_group_array(tag) FROM item_tags WHERE item_id = i.id)"
                        " FROM (SELECT rowid AS id FROM items_fts WHERE items_fts MATCH ?1"
                        "       AND rowid >= ?2 ORDER BY rank LIMIT ?3) AS hit"
                        " JOIN items AS i ON i.id = hit.id"
                        " WHERE i.duplicate_of IS NULL AND i.story_id IS NOT NULL"
                        " AND coalesce(i.published, i.fetched) >= ?4");
  query.bind(1, "title : (" + match + ")");
  query.bind(2, first_id);
  query.bind(3, limit);
  query.bind(4, to_unix(since));
  while (query.step()) {
    out.push_back(candidate_from_row(query));
  }
  return out;
}

// The generator writes items with SQL of its own; give the last `recent`
// of them the story keys that Store::insert_item would have written.
void fill_story_words(Store& store, long recent) {
  SqliteStatement count(store.db(), "SELECT count(*) FROM story_words");
  count.step();
  if (count.column_int(0) > 0) return;
  Transaction transaction(store.db());
  SqliteStatement items(store.db(), "SELECT id, title, substr(body, 1, 600), coalesce(published, fetched)"
                                    " FROM items WHERE id > (SELECT max(id) FROM items) - ?");
  items.bind(1, std::int64_t(recent));
  SqliteStatement insert(store.db(), "INSERT OR IGNORE INTO story_words (word, published, item_id)"
                                     " VALUES (?, ?, ?)");
  while (items.step()) {
    const std::int64_t id = items.column_int(0);
    for (auto key : story_keys(items.column_text(1), items.column_text(2))) {
      insert.bind(1, static_cast<std::int64_t>(key)).bind(2, items.column_int(3)).bind(3, id);
      insert.run();
      insert.reset();
    }
  }
  transaction.commit();
}

// Every original of the window: what the story check read before the index.
std::vector<StoryCandidate> whole_window(Store& store, Instant since) {
  SqliteStatement query(store.db(),
                        "SELECT id, story_id, outlet, title, substr(body, 1, 600),"
                        " coalesce(published, fetched),"
                        " (SELECT json_group_array(tag) FROM item_tags WHERE item_id = items.id)"
                        " FROM items INDEXED BY items_published"
                        " WHERE duplicate_of IS NULL AND story_id IS NOT NULL"
                        " AND coalesce(published, fetched) >= ? ORDER BY id");
  query.bind(1, to_unix(since));
  std::vector<StoryCandidate> out;
  while (query.step()) {
    out.push_back(candidate_from_row(query));
  }
  return out;
}

struct Timing {
  std::vector<double> micros;
  double candidates = 0;
  void add(Clock::duration d, std::size_t n) {
    micros.push_back(std::chrono::duration<double, std::micro>(d).count());
    candidates += double(n);
  }
  void print(const char* name) {
    std::sort(micros.begin(), micros.end());
    double sum = 0;
    for (double m : micros) sum += m;
    std::printf("%-44s mean %8.1f us  p50 %8.1f us  p99 %8.1f us  (%.0f candidates)\n", name,
                sum / double(micros.size()), micros[micros.size() / 2],
                micros[micros.size() * 99 / 100], candidates / double(micros.size()));
  }
  double mean() const {
    double sum = 0;
    for (double m : micros) sum += m;
    return sum / double(micros.size());
  }
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: dedupe_bench ARCHIVE [ITEMS] [PER_DAY] [PROBES]\n");
    return 2;
  }
  const std::filesystem::path path = argv[1];
  const long items = argc > 2 ? std::stol(argv[2]) : 1000000;
  const long per_day = argc > 3 ? std::stol(argv[3]) : 500;
  const int probes = argc > 4 ? std::stoi(argv[4]) : 1000;

  Generator g;
  const bool fresh = !std::filesystem::exists(path);
  Store store = Store::open(path).value();
  if (fresh) generate(store, g, items, per_day);
  const long stored = long(store.item_count().value());
  std::printf("archive: %ld items, %ld a day; story window 4 days (~%ld items)\n", stored, per_day,
              per_day * 4);

  const Instant now = instant_from_unix(kStart + stored * 86400 / per_day);
  fill_story_words(store, per_day * 30);
  Timing duplicate, story, peer, story_sql, story_match, words_peer;
  long found_words = 0;
  const auto wall_started = WallClock::now();
  long agreements = 0;
  // Every 4th probe retells a stored item of the window (its title and lead
  // with words changed, from another outlet): both methods must find it.
  const auto window = whole_window(store, now - std::chrono::days{4});
  long expected_matches = 0, found_full = 0, found_peer = 0;
  for (int p = 0; p < probes; ++p) {
    StoryCandidate self{0, 0, "probe", g.words(8), g.words(90).substr(0, 600), g.some_tags(), now};
    std::optional<std::int64_t> expected;
    if (p % 4 == 0 && !window.empty()) {
      const StoryCandidate& told = window[g.random() % window.size()];
      self.title = told.title.substr(0, told.title.rfind(' ')) + " " + g.word();
      self.lead = g.words(6) + " " + told.lead;
      self.tags = told.tags;
      expected = told.story_id;
      ++expected_matches;
    }
    const std::uint64_t hash = g.random();

    const auto t0 = Clock::now();
    const auto dups = store.near_duplicate_candidates(hash).value();
    const auto dup = find_near_duplicate(hash, dups);
    const auto t1 = Clock::now();
    const auto candidates = whole_window(store, now - std::chrono::days{4});
    const auto t1b = Clock::now();
    const auto matched = match_story(self, candidates);
    const auto t2 = Clock::now();
    story_sql.add(t1b - t1, candidates.size());
    story_match.add(t2 - t1b, candidates.size());
    const auto narrowed = fts_story_candidates(store, now - std::chrono::days{4}, self.title, 30);
    const auto matched_peer = match_story(self, narrowed);
    const auto t3 = Clock::now();
    std::vector<StoryCandidate> by_words;
    const auto ids =
        store.story_candidate_ids(now - kStoryWindow, now + kStoryWindow, story_keys(self.title, self.lead)).value();
    for (const auto id : ids)
      if (auto c = store.story_candidate(id).value()) by_words.push_back(std::move(*c));
    const auto matched_words = match_story(self, by_words);
    const auto t4 = Clock::now();
    words_peer.add(t4 - t3, by_words.size());
    found_words += expected && matched_words == expected;
    duplicate.add(t1 - t0, dups.size());
    story.add(t2 - t1, candidates.size());
    peer.add(t3 - t2, narrowed.size());
    agreements += matched == matched_peer;
    found_full += expected && matched == expected;
    found_peer += expected && matched_peer == expected;
    (void)dup;
  }
  const double wall = std::chrono::duration<double, std::micro>(WallClock::now() - wall_started).count();
  std::printf("CPU time per check (this thread); wall time of the whole run: %.0f us per probe\n",
              wall / probes);
  duplicate.print("near-duplicate check (band index)");
  story.print("story check, whole window (before the index)");
  story_sql.print("  of which the query");
  story_match.print("  of which match_story");
  peer.print("story check, FTS5 top-30 candidates (peer)");
  words_peer.print("story check, Store::story_candidate_ids (story_words index)");
  std::printf("ratio whole window / peer: %.1fx; same decision on %ld of %d probes;"
              " retold stories found: %ld (full) and %ld (peer) of %ld\n",
              story.mean() / peer.mean(), agreements, probes, found_full, found_peer, expected_matches);
  std::printf("ratio whole window / story_words index: %.1fx; retold stories found through the index: %ld of %ld\n",
              story.mean() / words_peer.mean(), found_words, expected_matches);
  return 0;
}
