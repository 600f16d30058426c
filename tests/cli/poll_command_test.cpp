// `newsmon poll --once`: one line per feed (new items, not modified, or the
// error), exit 0 unless every feed failed.
#include <catch2/catch.hpp>

#include "support/run_binary.h"
#include "support/temp_dir.h"

using newsmon::test::run_newsmon;
using newsmon::test::TempDir;

namespace {

std::string config_with_feeds(const std::vector<std::pair<std::string, std::string>>& outlets) {
  std::string text;
  for (const auto& [name, url] : outlets)
    text += "[[outlet]]\nname = \"" + name + "\"\nfetch_articles = false\nfeeds = [\"" + url + "\"]\n";
  return text + "[[topic]]\nname = \"telecom\"\nterms = [\"Huawei\"]\nthreshold = 1.0\n";
}

const std::string kFeed = "file://" + newsmon::test::fixture("fixtures/service/feed.xml").string();

}  // namespace

TEST_CASE("poll --once prints what each feed stored and a second poll stores nothing new", "[poll_command]") {
  TempDir dir;
  const auto config = dir.write("feeds.toml", config_with_feeds({{"Local", kFeed}}));
  const std::vector<std::string> args{"--config", config.string(), "--db", (dir / "a.db").string(), "poll", "--once"};
  auto run = run_newsmon(args);
  CHECK(run.exit_code == 0);
  CHECK(run.out == "Local\t" + kFeed + "\t2 new (1 relevant) of 2 entries\n");
  CHECK(run.err.empty());
  run = run_newsmon(args);
  CHECK(run.exit_code == 0);
  CHECK(run.out == "Local\t" + kFeed + "\t0 new (0 relevant) of 2 entries\n");
}

TEST_CASE("poll --once reports a failing feed and exits 0 while another feed works", "[poll_command]") {
  TempDir dir;
  const auto config =
      dir.write("feeds.toml", config_with_feeds({{"Local", kFeed}, {"Gone", "file:///nonexistent/feed.xml"}}));
  const auto run = run_newsmon({"--config", config.string(), "--db", (dir / "a.db").string(), "poll", "--once"});
  CHECK(run.exit_code == 0);
  CHECK_THAT(run.out, Catch::Contains("Local\t" + kFeed + "\t2 new (1 relevant) of 2 entries\n"));
  CHECK_THAT(run.out, Catch::Contains("Gone\tfile:///nonexistent/feed.xml\terror: "));
}

TEST_CASE("poll --once exits 3 when every feed failed", "[poll_command]") {
  TempDir dir;
  const auto config = dir.write("feeds.toml", config_with_feeds({{"Gone", "file:///nonexistent/feed.xml"}}));
  const auto run = run_newsmon({"--config", config.string(), "--db", (dir / "a.db").string(), "poll", "--once"});
  CHECK(run.exit_code == 3);
  CHECK(run.out.starts_with("Gone\tfile:///nonexistent/feed.xml\terror: "));
}

TEST_CASE("poll without --once is a usage error", "[poll_command]") {
  const auto run = run_newsmon({"poll"});
  CHECK(run.exit_code == 2);
  CHECK(run.err == "newsmon: --once is required (see newsmon --help)\n");
}
