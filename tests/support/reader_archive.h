// Test support for the reader commands (digest, grep, search, show, export):
// a fixed archive built from fixture items with fixed timestamps, a config
// naming it, and runners for the real `newsmon` binary with a chosen
// environment (run_binary.h), on files (stdout not a terminal) or a pseudo-terminal.
// Header-only. Not thread-safe.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "daemon/base/instant.h"
#include "daemon/store/store.h"
#include "support/run_binary.h"
#include "support/temp_dir.h"

namespace newsmon::test {

inline Instant at(const char* rfc3339) { return *parse_rfc3339(rfc3339); }

// The fixed archive: two days of telecom-vendor news around 2024-05-01,
// a story spanning midnight UTC, a duplicate, an irrelevant item, and an
// item whose title, author, URL and body carry escape sequences.
// Ids: 1 Guardian Huawei, 2 Defense One copy of 1, 3 NYT same story as 1,
// 4 Defense One FCC, 5 Guardian Germany 23:30Z, 6 NYT Germany 00:30Z (story of 5),
// 7 Guardian bakery (irrelevant), 8 the escape-sequence item.
inline void build_reader_archive(const std::filesystem::path& path) {
  Store store = Store::open(path).value();
  Transaction transaction(store.db());
  const auto add = [&](Item item) { return store.insert_item(item).value(); };
  Item a;
  a.canonical_url = a.url = "https://www.theguardian.com/technology/huawei-5g-deadline";
  a.outlet = "The Guardian";
  a.title = "UK orders Huawei kit out of 5G networks by 2027";
  a.authors = {"Alex Hern"};
  a.published = at("2024-05-01T09:30:00Z");
  a.fetched = at("2024-05-01T09:45:00Z");
  a.body =
      "The UK government has ordered mobile operators to strip Huawei equipment from their 5G networks by 2027. "
      "Ministers said the decision followed a review by the National Cyber Security Centre. Operators warned of "
      "delays.\n\nBT and Vodafone said the cost would run to hundreds of millions of pounds.";
  a.score = 4.5;
  a.relevant = true;
  a.topics = {"telecom vendor policy"};
  a.tags = {"huawei", "uk"};
  const auto first = add(a);
  const auto story_of = [&](std::int64_t id) {
    SqliteStatement s(store.db(), "SELECT story_id FROM items WHERE id = ?");
    s.bind(1, id);
    s.step();
    return s.column_int(0);
  };
  Item copy = a;
  copy.canonical_url = copy.url = "https://www.defenseone.com/wire/uk-huawei-5g";
  copy.outlet = "Defense One";
  copy.authors = {};
  copy.published = at("2024-05-01T10:00:00Z");
  copy.fetched = at("2024-05-01T10:05:00Z");
  copy.score = 4.0;
  copy.duplicate_of = first;
  copy.story_id = story_of(first);
  add(copy);
  Item b;
  b.canonical_url = b.url = "https://www.nytimes.com/2024/05/01/world/europe/britain-huawei.html";
  b.outlet = "The New York Times";
  b.title = "Britain sets a 2027 deadline to remove Huawei gear";
  b.published = at("2024-05-01T11:00:00Z");
  b.fetched = at("2024-05-01T11:10:00Z");
  b.body = "Britain on Wednesday set a deadline for removing Huawei gear. The move follows pressure from Washington.";
  b.score = 3.0;
  b.relevant = true;
  b.topics = {"telecom vendor policy"};
  b.tags = {"huawei", "uk", "us"};
  b.story_id = story_of(first);
  add(b);
  Item c;
  c.canonical_url = c.url = "https://www.defenseone.com/policy/2024/05/fcc-covered-list/";
  c.outlet = "Defense One";
  c.title = "FCC adds more Chinese vendors to its covered list";
  c.authors = {"Patrick Tucker", "Lauren Williams"};
  c.published = at("2024-05-01T14:15:00Z");
  c.fetched = at("2024-05-01T14:20:00Z");
  c.body = "The Federal Communications Commission added two vendors to the covered list on Wednesday. ZTE "
           "was already on it.\n\nCarriers must rip and replace the equipment.";
  c.score = 3.5;
  c.relevant = true;
  c.topics = {"telecom vendor policy"};
  c.tags = {"fcc", "us", "zte"};
  add(c);
  Item d;
  d.canonical_url = d.url = "https://www.theguardian.com/world/germany-5g-review";
  d.outlet = "The Guardian";
  d.title = "Germany reviews its 5G supplier rules";
  d.published = at("2024-05-01T23:30:00Z");
  d.fetched = at("2024-05-01T23:40:00Z");
  d.body = "Germany's interior ministry is reviewing rules for 5G suppliers. A decision is expected in June.";
  d.score = 2.5;
  d.relevant = true;
  d.topics = {"telecom vendor policy"};
  d.tags = {"germany", "huawei"};
  const auto germany = add(d);
  Item e;
  e.canonical_url = e.url = "https://www.nytimes.com/2024/05/02/business/germany-huawei-cap.html";
  e.outlet = "The New York Times";
  e.title = "Berlin weighs a cap on Huawei parts";
  e.published = at("2024-05-02T00:30:00Z");
  e.fetched = at("2024-05-02T00:35:00Z");
  e.body = "Berlin is weighing a cap on Huawei components in its networks. Officials declined to comment.";
  e.score = 2.0;
  e.relevant = true;
  e.topics = {"telecom vendor policy"};
  e.tags = {"germany", "huawei"};
  e.story_id = story_of(germany);
  add(e);
  Item f;
  f.canonical_url = f.url = "https://www.theguardian.com/food/bakery-prize";
  f.outlet = "The Guardian";
  f.title = "Village bakery wins national prize";
  f.published = at("2024-05-01T12:00:00Z");
  f.fetched = at("2024-05-01T12:05:00Z");
  f.body = "A village bakery won the national prize for its sourdough.\nNo Huawei was involved.";
  f.score = 0.0;
  f.relevant = false;
  add(f);
  Item g;
  g.canonical_url = g.url = "https://evil.example/\x1b[2Jopen-ran";
  g.outlet = "Defense One";
  g.title = "\x1b[31mRed\x1b[0m alert: ZTE \xc2\x9b" "2J fined";
  g.authors = {"Eve\x1b]0;pwned\x07"};
  g.published = at("2024-04-30T08:00:00Z");
  g.fetched = at("2024-04-30T08:05:00Z");
  g.body = "Open RAN line one about ZTE\x1b[1m bold\x7f.\nSecond line.";
  g.score = 2.2;
  g.relevant = true;
  g.topics = {"open ran"};
  g.tags = {"zte"};
  add(g);
  transaction.commit();
}

inline const char* kReaderConfig = R"toml(
[[outlet]]
name = "The Guardian"
feeds = ["file:///dev/null"]

[[topic]]
name = "telecom vendor policy"
terms = ["Huawei", "ZTE"]

[[topic]]
name = "open ran"
terms = ["Open RAN"]
)toml";

// A temp dir holding the fixed archive (archive.db) and a config.
class ReaderArchive {
 public:
  ReaderArchive() {
    config_ = dir_.write("feeds.toml", kReaderConfig);
    database_ = dir_ / "archive.db";
    build_reader_archive(database_);
  }
  const std::filesystem::path& database() const { return database_; }
  const std::filesystem::path& config() const { return config_; }
  const TempDir& dir() const { return dir_; }
  // ["--config", C, "--db", D] then `args`.
  std::vector<std::string> args(std::vector<std::string> args) const {
    std::vector<std::string> all = {"--config", config_.string(), "--db", database_.string()};
    all.insert(all.end(), args.begin(), args.end());
    return all;
  }

 private:
  TempDir dir_;
  std::filesystem::path config_;
  std::filesystem::path database_;
};

// Runs newsmon (see run_newsmon) on a pseudo-terminal of `columns` x `rows`;
// returns what the terminal showed as `out`.
inline RunResult run_newsmon_on_tty(const std::vector<std::string>& args,
                                    std::map<std::string, std::optional<std::string>> env = {}, int columns = 80,
                                    int rows = 200) {
  ProcessOptions options;
  options.env = std::move(env);
  options.terminal = TerminalSize{columns, rows};
  return run_newsmon(args, options);
}

}  // namespace newsmon::test
