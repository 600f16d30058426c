// The walking skeleton end to end: a loopback server serves the offline
// sample's feeds and pages over real HTTP; one poll stores them in a real
// SQLite file; the digest shows the relevant story and none of the boilerplate.
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>

#include "daemon/store/archive_query.h"
#include "support/pipeline_fixture.h"
#include "support/run_binary.h"

using namespace newsmon;
using newsmon::test::report_for;

namespace {

// The shipped topics and tags, with the sample outlets served from the
// fixture's server, and one outlet nothing answers for.
struct Harness : test::PipelineFixture {
  Harness() {
    server.serve_directory("/tests", NEWSMON_TEST_DATA);
    const auto feed = [&](const char* name) { return server.url("/tests/sample/feeds/") + name; };
    test::add_outlet(config, "Cyber Security Intelligence", feed("cybersecurityintelligence.xml"));
    test::add_outlet(config, "Defense One", feed("defenseone.xml"));
    test::add_outlet(config, "The Guardian", feed("guardian.xml"));
    test::add_outlet(config, "The New York Times", feed("nytimes.xml"));
    // Nothing listens on port 1 of loopback: the connection is refused at once.
    test::add_outlet(config, "Unreachable", "http://127.0.0.1:1/feed.xml");
  }
  // A fresh archive after one poll.
  Store polled_store() {
    Store store = open_store();
    poll(store);
    return store;
  }
};

// What the archive holds from `outlets`, newest first.
std::vector<Item> items_of(Store& store, std::vector<std::string> outlets) {
  ItemQuery query;
  query.outlets = std::move(outlets);
  return query_items(store, query).value();
}

}  // namespace

TEST_CASE("one poll stores every entry of every reachable feed and reports the unreachable one", "[pipeline]") {
  Harness h;
  Store store = h.open_store();
  const PollReport report = h.poll(store);

  CHECK(report_for(report, "Cyber Security Intelligence").new_items == 1);
  CHECK(report_for(report, "Defense One").new_items == 1);
  CHECK(report_for(report, "The Guardian").new_items == 1);
  CHECK(report_for(report, "The New York Times").new_items == 2);
  CHECK(report_for(report, "Unreachable").new_items == 0);
  CHECK_FALSE(report_for(report, "Unreachable").error.empty());
  CHECK(report.failed_feeds() == 1);
  CHECK(store.item_count().value() == 5);

  const auto unreachable = store.feed_state("http://127.0.0.1:1/feed.xml", "Unreachable").value();
  CHECK(unreachable.consecutive_failures == 1);
  CHECK_FALSE(unreachable.last_error.empty());
  CHECK(unreachable.next_poll.has_value());
}

TEST_CASE("the seed article is stored clean, relevant and tagged", "[pipeline]") {
  Harness h;
  Store store = h.polled_store();
  const auto items = items_of(store, {"Cyber Security Intelligence"});
  REQUIRE(items.size() == 1);
  const Item& seed = items[0];
  CHECK(seed.title == "The US & Britain Edge Closer To An Agreement On Huawei");
  CHECK(seed.body_source == "page");
  CHECK(seed.body.starts_with("Britain has averted a full-blown confrontation"));
  for (const char* marker : {"Directory of Suppliers", "You Might Also Read", "Perimeter 81",
                             "CyberSecurity Jobsite", "ON-DEMAND WEBINAR"})
    CHECK(seed.body.find(marker) == std::string::npos);
  CHECK(seed.relevant);
  CHECK(seed.topics == std::vector<std::string>{"telecom vendor policy"});
  for (const char* tag : {"huawei", "5g", "high-risk-vendor", "uk", "us"})
    CHECK(std::find(seed.tags.begin(), seed.tags.end(), tag) != seed.tags.end());
  CHECK(seed.published == parse_rfc3339("2020-02-13T09:30:00Z"));
}

TEST_CASE("articles about other things are stored but not relevant", "[pipeline]") {
  Harness h;
  Store store = h.polled_store();
  const auto items = items_of(store, {"The Guardian", "The New York Times"});
  REQUIRE(items.size() == 3);
  for (const auto& item : items) {
    SqliteStatement error(store.db(), "SELECT fetch_error FROM items WHERE id = ?");
    error.bind(1, item.id);
    error.step();
    INFO(item.url << ": " << item.body_source << ": " << error.column_text(0));
    CHECK_FALSE(item.relevant);
    CHECK(item.body.size() > 1000);
  }
}

TEST_CASE("two outlets telling the Esper-Wallace talks share one story", "[pipeline]") {
  Harness h;
  Store store = h.polled_store();
  const auto items = items_of(store, {"Cyber Security Intelligence", "Defense One"});
  REQUIRE(items.size() == 2);
  CHECK(items[0].story_id == items[1].story_id);
}

TEST_CASE("a second poll over unchanged feeds stores nothing new", "[pipeline]") {
  Harness h;
  Store store = h.polled_store();
  const PollReport again = h.poll(store);
  CHECK(again.new_items() == 0);
  CHECK(store.item_count() == 5);
  CHECK(report_for(again, "The Guardian").error.empty());
}

TEST_CASE("the digest of the sample poll shows the seed article and none of its boilerplate", "[pipeline]") {
  Harness h;
  {
    Store store = h.polled_store();
  }
  const std::string config = std::string(NEWSMON_SOURCE_DIR) + "/feeds.toml";
  const test::RunResult run =
      test::run_newsmon({"--config", config, "--db", h.database().string(), "digest", "--since", "2019-01-01"});
  CHECK(run.exit_code == 0);
  const std::string& output = run.out;
  CHECK(output.find("The US & Britain Edge Closer To An Agreement On Huawei") != std::string::npos);
  CHECK(output.find("Britain has averted") != std::string::npos);
  CHECK(output.find("Defense One") != std::string::npos);
  CHECK(output.find("Directory of Suppliers") == std::string::npos);
  CHECK(output.find("Perimeter 81") == std::string::npos);
  CHECK(output.find("whale") == std::string::npos);
}

TEST_CASE("a poll stopped mid-way saves nothing of the cut-off feeds and the next poll stores all", "[pipeline]") {
  Harness h;
  Store store = h.open_store();
  std::atomic<Fetcher*> running{nullptr};
  // The first article page requested stops the poll, as SIGTERM would.
  h.server.on_request([&](const httplib::Request& request) {
    if (request.path.find("/fixtures/pages/") != std::string::npos)
      if (Fetcher* f = running.load()) f->stop();
  });
  h.poll(store, now_instant(), [&](Fetcher& f) {
    running = &f;
    f.run();
    running = nullptr;
  });
  const auto after_stop = store.item_count().value();
  CHECK(after_stop < 5);

  h.server.on_request(nullptr);
  const PollReport again = h.poll(store);
  CHECK(store.item_count().value() == 5);
  ItemQuery query;
  const auto items = query_items(store, query).value();
  for (const auto& item : items) {
    INFO(item.url);
    CHECK(item.body_source == "page");
  }
}
