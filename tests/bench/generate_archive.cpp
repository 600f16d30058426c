// Writes a synthetic archive for tests/bench/readers_bench.sh: N articles of
// about 5 KB of text each (pseudo-words from a fixed vocabulary, seeded, so
// every run builds the same archive; word frequencies follow Zipf's law), spread over the 50 days before a fixed
// date, through Store::insert_item like the daemon. The last day holds 2,000
// relevant items in stories of one to four outlets, for the digest.
// Usage: generate_archive DB N
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "daemon/store/store.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: generate_archive DB N\n");
    return 2;
  }
  const std::string path = argv[1];
  const long count = std::atol(argv[2]);
  std::mt19937_64 random(42);
  const char* syllables[] = {"ka", "lo", "ri", "sen", "tor", "mi", "da", "vel", "an", "por", "et", "qua",
                             "ne", "shi", "bra", "gon", "ul", "ter", "is", "mo", "ra", "ven", "tu", "cel"};
  std::vector<std::string> words = {"the", "of", "and", "to", "in", "a", "network", "government", "vendor",
                                    "security", "minister", "operators", "equipment", "said", "policy"};
  while (words.size() < 60000) {
    std::string w;
    const int n = 2 + int(random() % 3);
    for (int i = 0; i < n; ++i) w += syllables[random() % 24];
    words.push_back(w);
  }
  // Zipf's law, as in real text: the word of rank r is drawn with weight 1/r.
  std::vector<double> cumulative(words.size());
  double total = 0;
  for (std::size_t r = 0; r < words.size(); ++r) cumulative[r] = total += 1.0 / double(r + 1);
  std::uniform_real_distribution<double> uniform(0.0, total);
  const char* outlets[] = {"Defense One", "The Guardian", "The New York Times", "Reuters"};
  const char* rare[] = {"Huawei", "rip and replace", "ZTE equipment", "high-risk vendor"};
  const std::int64_t end = 1714521600;  // 2024-05-01T00:00:00Z
  auto store = newsmon::Store::open(path).value();
  store.db().exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF");
  const auto sentence = [&](std::string& out) {
    const int n = 8 + int(random() % 14);
    for (int i = 0; i < n; ++i) {
      const auto& w = words[std::size_t(std::lower_bound(cumulative.begin(), cumulative.end(), uniform(random)) -
                                        cumulative.begin())];
      if (i == 0) {
        out += char(std::toupper(w[0]));
        out += w.substr(1);
      } else {
        out += ' ';
        out += w;
      }
      if (random() % 4000 == 0) out += std::string(" ") + rare[random() % 4];
    }
    out += ". ";
  };
  std::int64_t story = 0;
  for (long i = 0; i < count; i += 5000) {
    auto batch = store.begin_batch().value();
    for (long k = i; k < std::min(count, i + 5000); ++k) {
      newsmon::Item item;
      const bool digest_day = k >= count - 2000;
      const std::int64_t when =
          digest_day ? end - 86400 + (k - (count - 2000)) * 43 : end - 86400 - 50 * 86400 + k * (50 * 86400 / count);
      item.outlet = outlets[random() % 4];
      item.url = "https://example.org/" + std::to_string(k);
      item.canonical_url = item.url;
      item.feed_url = "https://example.org/feed";
      item.fetched = newsmon::instant_from_unix(when + 60);
      item.published = newsmon::instant_from_unix(when);
      std::string title;
      sentence(title);
      item.title = title.substr(0, title.size() - 2);
      std::string body;
      while (body.size() < 5000) {
        for (int s = 0; s < 5; ++s) sentence(body);
        body += "\n\n";
      }
      item.body = body;
      item.relevant = digest_day || random() % 10 == 0;
      item.score = double(random() % 100) / 10.0;
      if (item.relevant) {
        item.topics = {random() % 3 ? "telecom vendor policy" : "open ran"};
        item.tags = {random() % 2 ? "huawei" : "zte", random() % 2 ? "uk" : "us"};
      }
      if (digest_day && random() % 3 == 0 && story > 0) item.story_id = story;
      const auto id = store.insert_item(item).value();
      (void)id;
      if (!item.story_id) {
        newsmon::SqliteStatement s(store.db(), "SELECT story_id FROM items WHERE id = ?");
        s.bind(1, id);
        s.step();
        story = s.column_int(0);
      }
    }
    batch.commit().value();
  }
  // As the daemon leaves its archive: it merges the full-text index once a day.
  store.optimize_search_index().value();
  return 0;
}
