#include <catch2/catch.hpp>

#include "daemon/config/config.h"
#include "daemon/config/toml_reader.h"
#include "support/temp_dir.h"

using namespace newsmon;
using namespace std::chrono_literals;

namespace {

std::vector<std::string> errors_of(const std::string& text) {
  try {
    parse_config(text, "test.toml");
  } catch (const ConfigError& e) {
    return e.errors();
  }
  return {};
}

const char* kMinimal = R"(
[[outlet]]
name = "Example"
feeds = ["https://example.org/feed.xml"]
)";

}  // namespace

TEST_CASE("the shipped feeds.toml is valid and watches the three outlets", "[config]") {
  const Config config = load_config(std::string(NEWSMON_SOURCE_DIR) + "/feeds.toml");
  REQUIRE(config.outlets.size() == 3);
  CHECK(config.outlets[0].name == "Defense One");
  CHECK(config.outlets[1].name == "The Guardian");
  CHECK(config.outlets[2].name == "The New York Times");
  for (const auto& outlet : config.outlets) CHECK_FALSE(outlet.feeds.empty());
  REQUIRE_FALSE(config.topics.empty());
  CHECK(config.topics[0].name == "telecom vendor policy");
}

TEST_CASE("defaults apply where a section is left out", "[config]") {
  const Config config = parse_config(kMinimal, "test.toml");
  CHECK(config.http.max_connections == 8);
  CHECK(config.http.host_delay == 1000ms);
  CHECK(config.http.max_body_bytes == 8u * 1024 * 1024);
  CHECK(config.http.user_agent.starts_with("newsmon/"));
  CHECK(config.outlets.at(0).fetch_articles);
  CHECK(config.storage.database.empty());
}

TEST_CASE("per-outlet settings and durations are read", "[config]") {
  const Config config = parse_config(R"(
[http]
timeout = "45s"
host_delay = "250ms"
[[outlet]]
name = "Local"
feeds = ["file:///srv/feed.xml"]
fetch_articles = false
poll_interval = "2h"
host_delay = "3s"
extractor_rules = "guardian"
)", "test.toml");
  CHECK(config.http.timeout == 45s);
  CHECK(config.http.host_delay == 250ms);
  const auto& outlet = config.outlets.at(0);
  CHECK_FALSE(outlet.fetch_articles);
  CHECK(outlet.poll_interval == std::chrono::seconds{7200});
  CHECK(outlet.host_delay == std::chrono::milliseconds{3000});
  CHECK(outlet.extractor_rules == "guardian");
}

TEST_CASE("a misspelt key is reported with its file, line and column", "[config]") {
  const auto errors = errors_of(std::string(kMinimal) + "\n[http]\nmax_conections = 4\n");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0] == "test.toml:7:18: unknown key 'http.max_conections'");
}

TEST_CASE("a misspelt key inside an outlet names the outlet", "[config]") {
  const auto errors = errors_of("[[outlet]]\nname = \"A\"\nfeeds = [\"https://a.example/\"]\nfetch_article = true\n");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0] == "test.toml:4:17: unknown key 'outlet[1].fetch_article'");
}

TEST_CASE("every bad value is reported, not just the first", "[config]") {
  const auto errors = errors_of(std::string(kMinimal) +
                                "\n[http]\nmax_connections = 0\ntimeout = \"soon\"\nmax_redirects = \"5\"\n");
  REQUIRE(errors.size() == 3);
  CHECK(errors[0] == "test.toml:7:19: http.max_connections: must be between 1 and 256");
  CHECK(errors[1] == "test.toml:8:11: http.timeout: expected a duration such as \"90s\", \"15m\", \"6h\" or \"1d\"");
  CHECK(errors[2] == "test.toml:9:17: http.max_redirects: expected an integer");
}

TEST_CASE("feed URLs must be http, https or file", "[config]") {
  const auto errors = errors_of("[[outlet]]\nname = \"A\"\nfeeds = [\"ftp://a.example/feed\"]\n");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0] == "test.toml:3:9: outlet[1].feeds: 'ftp://a.example/feed' is not an http, https or file URL");
}

TEST_CASE("an outlet without a name or feeds is an error", "[config]") {
  const auto errors = errors_of("[[outlet]]\nfetch_articles = true\n");
  REQUIRE(errors.size() == 2);
  CHECK(errors[0] == "test.toml:1:1: outlet[1]: missing required key 'name'");
  CHECK(errors[1] == "test.toml:1:1: outlet[1]: missing required key 'feeds'");
}

TEST_CASE("duplicate outlets and feeds are errors", "[config]") {
  const auto errors = errors_of(std::string(kMinimal) + kMinimal);
  REQUIRE(errors.size() == 2);
  CHECK(errors[0] == "test.toml: outlet 'Example' is defined twice");
  CHECK(errors[1] == "test.toml: feed 'https://example.org/feed.xml' is listed twice");
}

TEST_CASE("a config with no outlet is an error", "[config]") {
  CHECK(errors_of("[http]\n") == std::vector<std::string>{"test.toml: no [[outlet]] is configured"});
}

TEST_CASE("TOML syntax errors carry their position", "[config]") {
  const auto errors = errors_of("[[outlet]\nname = 1\n");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].starts_with("test.toml:1:"));
}

TEST_CASE("a missing config file is one clear error", "[config]") {
  try {
    load_config("/nonexistent/feeds.toml");
    FAIL("no error");
  } catch (const ConfigError& e) {
    CHECK(e.errors() == std::vector<std::string>{"/nonexistent/feeds.toml: cannot read the config file"});
  }
}

TEST_CASE("a relative file: feed URL is resolved against the config's directory", "[config]") {
  test::TempDir dir;
  dir.write("my feeds/local.xml", "<rss/>");
  const auto path = dir.write("feeds.toml", "[[outlet]]\nname = \"L\"\nfeeds = [\"file:my feeds/local.xml\"]\n");
  const Config config = load_config(path);
  CHECK(config.outlets.at(0).feeds.at(0) ==
        "file://" + std::filesystem::canonical(dir.path()).string() + "/my%20feeds/local.xml");
}

TEST_CASE("the offline sample classifies with the shipped topics and tags, word for word", "[config]") {
  const auto tail = [](const std::string& text) { return text.substr(text.find("# Topics: what makes")); };
  CHECK(tail(test::read_file(std::string(NEWSMON_SOURCE_DIR) + "/feeds.toml")) ==
        tail(test::read_file(std::string(NEWSMON_SOURCE_DIR) + "/tests/sample/feeds.toml")));
}
