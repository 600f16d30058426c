// What every command starts from (command_context.cpp): the config the
// global options lead to, and the archive path for it.
#include <catch2/catch.hpp>

#include "daemon/cli/commands.h"
#include "support/scoped_env.h"
#include "support/temp_dir.h"

using namespace newsmon;

namespace {

const char* kConfig = "[[outlet]]\nname = \"A\"\nfeeds = [\"https://a.example/feed\"]\n";

}  // namespace

TEST_CASE("the command config is the file --config names", "[command_context]") {
  test::TempDir dir;
  GlobalOptions global;
  global.config = dir.write("feeds.toml", kConfig).string();
  const Config config = load_command_config(global);
  REQUIRE(config.outlets.size() == 1);
  CHECK(config.outlets[0].name == "A");
}

TEST_CASE("without --config the command config is the one $NEWSMON_CONFIG names", "[command_context]") {
  test::TempDir dir;
  const auto path = dir.write("env.toml", kConfig);
  test::ScopedEnv env("NEWSMON_CONFIG", path.c_str());
  const Config config = load_command_config(GlobalOptions{});
  CHECK(config.outlets.size() == 1);
}

TEST_CASE("a command config that cannot be read throws one clear error", "[command_context]") {
  GlobalOptions global;
  global.config = "/nonexistent/feeds.toml";
  try {
    load_command_config(global);
    FAIL("no error");
  } catch (const ConfigError& e) {
    CHECK(e.errors() == std::vector<std::string>{"/nonexistent/feeds.toml: cannot read the config file"});
  }
}

TEST_CASE("the archive is --db, else the config's [storage] database", "[command_context]") {
  Config config;
  config.storage.database = "/from/config.db";
  GlobalOptions global;
  CHECK(command_database(global, config) == "/from/config.db");
  global.database = "/from/flag.db";
  CHECK(command_database(global, config) == "/from/flag.db");
}
