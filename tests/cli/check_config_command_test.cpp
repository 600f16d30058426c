// `newsmon check-config`: a summary line for a valid config, every error of
// an invalid one with its position, exit codes 0 and 2.
#include <catch2/catch.hpp>

#include "support/run_binary.h"
#include "support/temp_dir.h"

using newsmon::test::run_newsmon;
using newsmon::test::TempDir;

TEST_CASE("check-config summarises a valid config on one line", "[check_config_command]") {
  const auto config = std::filesystem::path(NEWSMON_SOURCE_DIR) / "feeds.toml";
  const auto run = run_newsmon({"check-config", config.string()});
  CHECK(run.exit_code == 0);
  CHECK(run.out == config.string() + ": ok: 3 outlets, 8 feeds, 1 topics, 42 tags\n");
  CHECK(run.err.empty());
}

TEST_CASE("check-config without a file checks the one --config names", "[check_config_command]") {
  TempDir dir;
  const auto config = dir.write("feeds.toml", "[[outlet]]\nname = \"A\"\nfeeds = [\"https://a.example/feed\"]\n");
  const auto run = run_newsmon({"--config", config.string(), "check-config"});
  CHECK(run.exit_code == 0);
  CHECK(run.out == config.string() + ": ok: 1 outlets, 1 feeds, 0 topics, 0 tags\n");
}

TEST_CASE("check-config lists every error of an invalid config with its position and exits 2",
          "[check_config_command]") {
  TempDir dir;
  const auto config =
      dir.write("bad.toml", "[[outlet]]\nname=\"A\"\nfeeds=[\"ftp://x\"]\nbogus=1\n");
  const auto run = run_newsmon({"check-config", config.string()});
  CHECK(run.exit_code == 2);
  CHECK(run.out.empty());
  CHECK(run.err == config.string() + ":3:7: outlet[1].feeds: 'ftp://x' is not an http, https or file URL\n" +
                       config.string() + ":4:7: unknown key 'outlet[1].bogus'\n");
}

TEST_CASE("check-config of a missing file says it cannot read it and exits 2", "[check_config_command]") {
  const auto run = run_newsmon({"check-config", "/nonexistent/feeds.toml"});
  CHECK(run.exit_code == 2);
  CHECK(run.err == "/nonexistent/feeds.toml: cannot read the config file\n");
}
