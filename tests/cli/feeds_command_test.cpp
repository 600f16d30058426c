#include <catch2/catch.hpp>

#include <string>

#include <nlohmann/json.hpp>

#include "daemon/store/store.h"
#include "support/run_binary.h"

using namespace newsmon;
using newsmon::test::TempDir;

namespace {

const char* kConfig = R"(
[[outlet]]
name = "Defense One"
feeds = ["https://d1.example/rss", "https://d1.example/tech"]

[[outlet]]
name = "Guardian"
feeds = ["https://g.example/rss"]

[[topic]]
name = "telecom vendor policy"
terms = ["Huawei", "ZTE"]
threshold = 1.0
)";

// `newsmon ARGS`, its stderr interleaved with its stdout.
test::RunResult run_newsmon(const std::vector<std::string>& args) {
  test::ProcessOptions options;
  options.stderr_to_stdout = true;
  return test::run_newsmon(args, options);
}

void fill_archive(const std::filesystem::path& path) {
  Store store = Store::open(path).value();
  FeedState ok;
  ok.url = ok.fetch_url = "https://d1.example/rss";
  ok.outlet = "Defense One";
  ok.last_attempt = ok.last_success = parse_rfc3339("2026-11-29T10:00:00Z");
  ok.next_poll = parse_rfc3339("2100-01-01T00:00:00Z");
  ok.last_status = 200;
  store.save_feed_state(ok).value();

  FeedState failing;
  failing.url = failing.fetch_url = "https://d1.example/tech";
  failing.outlet = "Defense One";
  failing.last_attempt = parse_rfc3339("2026-11-29T11:00:00Z");
  failing.next_poll = parse_rfc3339("2020-01-01T00:00:00Z");
  failing.last_error = "HTTP 503\x1b[31m";
  failing.last_status = 503;
  failing.consecutive_failures = 3;
  store.save_feed_state(failing).value();

  FeedState gone;
  gone.url = "https://g.example/rss";
  gone.fetch_url = "https://g.example/new-rss";
  gone.outlet = "Guardian";
  gone.last_attempt = parse_rfc3339("2026-11-28T09:00:00Z");
  gone.last_success = parse_rfc3339("2026-11-20T09:00:00Z");
  gone.last_error = "HTTP 410";
  gone.last_status = 410;
  gone.retired = true;
  store.save_feed_state(gone).value();

  FeedState old;
  old.url = old.fetch_url = "https://old.example/rss";
  old.outlet = "Old Outlet";
  store.save_feed_state(old).value();

  for (int i = 0; i < 2; ++i) {
    Item item;
    item.canonical_url = item.url = "https://d1.example/story/" + std::to_string(i);
    item.feed_url = "https://d1.example/rss";
    item.entry_id = "entry-" + std::to_string(i);
    item.outlet = "Defense One";
    item.title = "Story " + std::to_string(i);
    item.fetched = *parse_rfc3339("2026-11-29T10:00:00Z");
    item.body = "Body " + std::to_string(i);
    store.insert_item(item).value();
  }
}

}  // namespace

TEST_CASE("feeds lists each feed's last success, last error, next poll and items stored", "[feeds_command]") {
  TempDir dir;
  const auto config = dir.write("feeds.toml", kConfig);
  fill_archive(dir / "archive.db");
  const auto run = run_newsmon({"--config", config.string(), "--db", (dir / "archive.db").string(), "feeds"});
  CHECK(run.exit_code == 0);
  CHECK(run.out ==
        "Defense One\thttps://d1.example/rss\n"
        "  last success   2026-11-29T10:00:00Z\n"
        "  last error     none\n"
        "  next poll      2100-01-01T00:00:00Z\n"
        "  items stored   2\n"
        "\n"
        "Defense One\thttps://d1.example/tech\n"
        "  last success   never\n"
        "  last error     HTTP 503[31m at 2026-11-29T11:00:00Z (3 failures in a row)\n"
        "  next poll      due now\n"
        "  items stored   0\n"
        "\n"
        "Guardian\thttps://g.example/rss\n"
        "  fetched from   https://g.example/new-rss\n"
        "  last success   2026-11-20T09:00:00Z\n"
        "  last error     HTTP 410 at 2026-11-28T09:00:00Z\n"
        "  next poll      never: retired, the server said it is gone (410)\n"
        "  items stored   0\n"
        "\n"
        "Old Outlet\thttps://old.example/rss\t(not in the config)\n"
        "  last success   never\n"
        "  last error     none\n"
        "  next poll      due now\n"
        "  items stored   0\n");
}

TEST_CASE("feeds --json gives scripts the same facts", "[feeds_command]") {
  TempDir dir;
  const auto config = dir.write("feeds.toml", kConfig);
  fill_archive(dir / "archive.db");
  const auto run =
      run_newsmon({"--config", config.string(), "--db", (dir / "archive.db").string(), "feeds", "--json"});
  REQUIRE(run.exit_code == 0);
  const auto feeds = nlohmann::json::parse(run.out);
  REQUIRE(feeds.size() == 4);
  CHECK(feeds[0]["url"] == "https://d1.example/rss");
  CHECK(feeds[0]["outlet"] == "Defense One");
  CHECK(feeds[0]["last_success"] == "2026-11-29T10:00:00Z");
  CHECK(feeds[0]["last_error"].is_null());
  CHECK(feeds[0]["next_poll"] == "2100-01-01T00:00:00Z");
  CHECK(feeds[0]["items_stored"] == 2);
  CHECK(feeds[1]["last_error"] == "HTTP 503\x1b[31m");
  CHECK(feeds[1]["last_status"] == 503);
  CHECK(feeds[1]["consecutive_failures"] == 3);
  CHECK(feeds[2]["retired"] == true);
  CHECK(feeds[2]["fetch_url"] == "https://g.example/new-rss");
  CHECK(feeds[3]["in_config"] == false);
  CHECK(feeds[3]["last_success"].is_null());
}

TEST_CASE("feeds before the first poll lists the config's feeds as never polled", "[feeds_command]") {
  TempDir dir;
  const auto config = dir.write("feeds.toml", kConfig);
  const auto run = run_newsmon({"--config", config.string(), "--db", (dir / "none.db").string(), "feeds"});
  CHECK(run.exit_code == 0);
  CHECK(run.out.starts_with("Defense One\thttps://d1.example/rss\n"
                            "  last success   never\n"
                            "  last error     none\n"
                            "  next poll      due now\n"
                            "  items stored   0\n\n"));
  CHECK_FALSE(std::filesystem::exists(dir / "none.db"));
}
