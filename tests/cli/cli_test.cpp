// The command line (cli.cpp): usage errors and failures each print one line
// on stderr with the exit code of commands.h (2 usage or config, 3 failure).
#include <catch2/catch.hpp>

#include "support/run_binary.h"
#include "support/temp_dir.h"

using newsmon::test::run_newsmon;
using newsmon::test::TempDir;

TEST_CASE("a missing positional argument is a usage error naming it", "[cli]") {
  auto run = run_newsmon({"grep"});
  CHECK(run.exit_code == 2);
  CHECK(run.out.empty());
  CHECK(run.err == "newsmon: PATTERN is required (see newsmon --help)\n");
  run = run_newsmon({"show"});
  CHECK(run.exit_code == 2);
  CHECK(run.err == "newsmon: ITEM is required (see newsmon --help)\n");
}

TEST_CASE("a log level outside the list is a usage error that lists the choices", "[cli]") {
  const auto run = run_newsmon({"--log-level", "loud", "poll", "--once"});
  CHECK(run.exit_code == 2);
  CHECK(run.err == "newsmon: --log-level: loud not in {trace,debug,info,warn,error,off} (see newsmon --help)\n");
}

TEST_CASE("extract with nothing to extract says what it needs", "[cli]") {
  const auto run = run_newsmon({"extract"});
  CHECK(run.exit_code == 2);
  CHECK(run.err == "newsmon: extract needs a FILE, a URL or --batch IN_DIR OUT_DIR\n");
}

TEST_CASE("an invalid config prints each of its errors and exits 2", "[cli]") {
  TempDir dir;
  const auto config = dir.write("feeds.toml", "[[outlet]]\nname = \"A\"\n");
  const auto run = run_newsmon({"--config", config.string(), "--db", (dir / "a.db").string(), "feeds"});
  CHECK(run.exit_code == 2);
  CHECK(run.out.empty());
  CHECK(run.err == config.string() + ":1:1: outlet[1]: missing required key 'feeds'\n");
}

TEST_CASE("an archive that cannot be opened is a failure naming it, exit 3", "[cli]") {
  TempDir dir;
  const auto config = dir.write("feeds.toml", "[[outlet]]\nname = \"A\"\nfeeds = [\"https://a.example/feed\"]\n");
  const auto database = dir / "missing" / "dir" / "a.db";
  auto run = run_newsmon({"--config", config.string(), "--db", database.string(), "digest"});
  CHECK(run.exit_code == 3);
  CHECK(run.err == "newsmon: archive: " + database.string() + ": unable to open database file\n");

  const auto junk = dir.write("junk.db", "this is not a database\n");
  run = run_newsmon({"--config", config.string(), "--db", junk.string(), "feeds"});
  CHECK(run.exit_code == 3);
  CHECK(run.err == "newsmon: archive: " + junk.string() + ": file is not a database\n");
}
