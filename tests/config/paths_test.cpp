#include <catch2/catch.hpp>

#include "daemon/config/paths.h"
#include "support/scoped_env.h"
#include "support/temp_dir.h"

using namespace newsmon;

using test::ScopedEnv;

TEST_CASE("the config flag wins over the environment", "[paths]") {
  ScopedEnv env("NEWSMON_CONFIG", "/from/env.toml");
  CHECK(find_config("/from/flag.toml") == "/from/flag.toml");
  CHECK(find_config("") == "/from/env.toml");
}

TEST_CASE("the user's XDG config is found when it exists", "[paths]") {
  test::TempDir dir;
  dir.write("newsmon/feeds.toml", "");
  ScopedEnv no_env("NEWSMON_CONFIG", nullptr);
  ScopedEnv xdg("XDG_CONFIG_HOME", dir.path().c_str());
  CHECK(find_config("") == dir.path() / "newsmon" / "feeds.toml");
}

TEST_CASE("the database is found by flag, config, systemd, then XDG state", "[paths]") {
  ScopedEnv state("STATE_DIRECTORY", "/var/lib/newsmon:/var/lib/other");
  ScopedEnv xdg("XDG_STATE_HOME", "/home/u/.local/state");
  CHECK(find_database("/flag.db", "/config.db") == "/flag.db");
  CHECK(find_database("", "/config.db") == "/config.db");
  CHECK(find_database("", "") == "/var/lib/newsmon/newsmon.db");
  ScopedEnv no_state("STATE_DIRECTORY", nullptr);
  CHECK(find_database("", "") == "/home/u/.local/state/newsmon/newsmon.db");
}
