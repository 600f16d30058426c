#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <spdlog/spdlog.h>

#include "daemon/base/log_setup.h"
#include "daemon/service/service_loop.h"
#include "support/temp_dir.h"

using namespace newsmon;
using newsmon::test::TempDir;

namespace {

// Simulated time: wait() jumps to the deadline at once, unless a signal byte
// is already waiting. `on_wait` runs before each wait (a test's script).
class SimulatedClock final : public ServiceClock {
 public:
  explicit SimulatedClock(Instant start) : now_(start) {}
  Instant now() override { return now_; }
  void wait(std::chrono::system_clock::time_point deadline, int fd) override {
    waits.push_back(std::chrono::time_point_cast<std::chrono::seconds>(deadline));
    if (on_wait) on_wait(int(waits.size()));
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 0) > 0) return;
    now_ = std::max(now_, std::chrono::time_point_cast<std::chrono::seconds>(deadline));
  }
  std::vector<Instant> waits;
  std::function<void(int)> on_wait;

 private:
  Instant now_;
};

// Captures every log line written while it lives.
class LogCapture {
 public:
  LogCapture() : file_(std::tmpfile()) { setup_logging(LogDestination::plain, spdlog::level::debug, file_); }
  ~LogCapture() {
    setup_logging(LogDestination::plain, spdlog::level::warn, stderr);
    std::fclose(file_);
  }
  std::string text() const {
    std::fflush(file_);
    std::string out;
    std::rewind(file_);
    char buffer[4096];
    std::size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, file_)) > 0) out.append(buffer, n);
    return out;
  }

 private:
  std::FILE* file_;
};

std::string config_text(const std::vector<std::string>& feeds) {
  std::string text =
      "[schedule]\ndefault_interval = \"2m\"\nmin_interval = \"1m\"\nmax_interval = \"1h\"\n"
      "[[outlet]]\nname = \"Local\"\nfetch_articles = false\nfeeds = [";
  for (std::size_t i = 0; i < feeds.size(); ++i) text += (i ? ", \"" : "\"") + feeds[i] + "\"";
  text += "]\n[[topic]]\nname = \"telecom vendor policy\"\nterms = [\"Huawei\", \"ZTE\"]\nthreshold = 1.0\n";
  return text;
}

std::string feed_url(const char* name) {
  return "file://" + newsmon::test::fixture("fixtures/service/" + std::string(name)).string();
}

const Instant kStart = instant_from_unix(1'800'000'000);

// One service under test: a temp dir holding a config that names `feeds`
// and an archive, a signal watch and a simulated clock starting at kStart.
// run() runs the loop with `settings` (config_path already set).
struct ServiceHarness {
  explicit ServiceHarness(const std::vector<std::string>& feeds)
      : config_path(dir.write("feeds.toml", config_text(feeds))),
        store(Store::open(dir / "archive.db").value()),
        clock(kStart) {
    settings.config_path = config_path;
  }
  int run() { return run_service(settings, load_config(config_path), store, signals, clock); }

  TempDir dir;
  std::filesystem::path config_path;
  Store store;
  SignalWatch signals;
  SimulatedClock clock;
  ServiceSettings settings;
};

}  // namespace

TEST_CASE("the loop polls every feed at start, then sleeps until the next one is due", "[service_loop]") {
  ServiceHarness service({feed_url("feed.xml"), feed_url("missing.xml")});
  service.settings.max_polls = 2;
  std::vector<PollReport> reports;
  service.settings.after_poll = [&](const PollReport& r) { reports.push_back(r); };

  REQUIRE(service.run() == 0);

  REQUIRE(reports.size() == 2);
  int polled_first = 0;
  for (const auto& f : reports[0].feeds) polled_first += f.skipped ? 0 : 1;
  CHECK(polled_first == 2);
  // The loop slept exactly until the earliest stored next_poll, then polled again.
  REQUIRE_FALSE(service.clock.waits.empty());
  const auto states = service.store.all_feed_states().value();
  for (const auto& state : states) {
    CHECK(state.last_attempt.has_value());
    REQUIRE(state.next_poll.has_value());
  }
  const auto first = service.store.feed_state(feed_url("feed.xml"), "Local").value();
  const auto second = service.store.feed_state(feed_url("missing.xml"), "Local").value();
  REQUIRE(first.last_attempt);
  REQUIRE(second.last_attempt);
  CHECK((*first.last_attempt > kStart || *second.last_attempt > kStart));  // polled again later
  CHECK(service.clock.waits.front() > kStart);
  CHECK(service.clock.waits.front() <= kStart + std::chrono::hours(1));
}

TEST_CASE("SIGHUP with an invalid config logs its errors and keeps the running config", "[service_loop]") {
  ServiceHarness service({feed_url("feed.xml")});
  service.settings.max_polls = 3;
  LogCapture log;
  service.clock.on_wait = [&](int n) {
    if (n == 1) {
      service.dir.write("feeds.toml", "[schedule]\nmin_interval = \"soon\"\n");
      service.signals.inject(SIGHUP);
    }
  };

  REQUIRE(service.run() == 0);

  const std::string text = log.text();
  CHECK_THAT(text, Catch::Contains("reload: " + service.config_path.string() +
                                   " is invalid; the running config stays in force:"));
  CHECK_THAT(text, Catch::Contains("min_interval"));
  // The old config's feed was still polled after the failed reload.
  CHECK(service.store.feed_state(feed_url("feed.xml"), "Local").value().last_attempt > kStart);
}

TEST_CASE("SIGHUP with a valid config polls its new feeds", "[service_loop]") {
  ServiceHarness service({feed_url("feed.xml")});
  service.settings.max_polls = 2;
  LogCapture log;
  service.clock.on_wait = [&](int n) {
    if (n == 1) {
      service.dir.write("feeds.toml", config_text({feed_url("feed.xml"), feed_url("other.xml")}));
      service.signals.inject(SIGHUP);
    }
  };

  REQUIRE(service.run() == 0);

  CHECK_THAT(log.text(), Catch::Contains("reloaded " + service.config_path.string() + ": 1 outlets, 2 feeds"));
  CHECK(service.store.feed_state(feed_url("other.xml"), "Local").value().last_attempt == kStart);
}

TEST_CASE("SIGTERM during the sleep stops the loop with exit code 0", "[service_loop]") {
  ServiceHarness service({feed_url("feed.xml")});
  LogCapture log;
  service.clock.on_wait = [&](int) { std::raise(SIGTERM); };  // a real signal, through the handler

  REQUIRE(service.run() == 0);
  CHECK(service.clock.waits.size() == 1);
  CHECK_THAT(log.text(), Catch::Contains("SIGTERM: stopping"));
  CHECK(service.signals.stop_requested());
}

TEST_CASE("a failed commit is reported, the loop keeps running and stores it once space returns",
          "[service_loop]") {
  // A URL long enough that its feed state needs pages the archive may not grow to.
  const std::string long_url = feed_url("feed.xml") + "?" + std::string(20000, 'x');
  ServiceHarness service({long_url});
  SqliteStatement pages(service.store.db(), "PRAGMA page_count");
  REQUIRE(pages.step());
  const auto page_count = pages.column_int(0);
  service.store.db().exec("PRAGMA max_page_count = " + std::to_string(page_count));  // "the disk is full"

  service.settings.storage_retry = std::chrono::seconds(30);
  service.settings.max_polls = 3;
  LogCapture log;
  std::vector<PollReport> reports;
  service.settings.after_poll = [&](const PollReport& r) {
    reports.push_back(r);
    if (reports.size() == 2) service.store.db().exec("PRAGMA max_page_count = 1073741823");  // space returns
  };

  REQUIRE(service.run() == 0);

  REQUIRE(reports.size() == 3);
  CHECK(reports[0].feeds.empty());  // the failed polls
  CHECK(reports[1].feeds.empty());
  CHECK_FALSE(reports[2].feeds.empty());
  const std::string text = log.text();
  CHECK_THAT(text, Catch::Contains("archive: a commit failed (" + (service.dir / "archive.db").string() +
                                   ": database or disk is full); nothing committed is lost"));
  // Retries back off: 30 s, then 60 s.
  REQUIRE(service.clock.waits.size() >= 2);
  CHECK(service.clock.waits[0] == kStart + std::chrono::seconds(30));
  CHECK(service.clock.waits[1] == kStart + std::chrono::seconds(30 + 60));
  const FeedState state = service.store.feed_state(long_url, "Local").value();
  CHECK(state.last_attempt == kStart + std::chrono::seconds(90));
}

TEST_CASE("the status line says how many feeds are due and how many items are stored", "[service_loop]") {
  CHECK(service_status(3, 12, kStart, 1234) ==
        "3 of 12 feeds due, next poll at 2027-01-15T08:00:00Z; 1234 items stored");
  CHECK(service_status(0, 0, std::nullopt, 0) == "0 of 0 feeds due; 0 items stored");
}

TEST_CASE("feeds never polled are due now and retired feeds never", "[service_loop]") {
  TempDir dir;
  const auto config_path = dir.write("feeds.toml", config_text({"file:///a.xml", "file:///b.xml", "file:///c.xml"}));
  const Config config = load_config(config_path);
  Store store = Store::open(":memory:").value();
  FeedState later = store.feed_state("file:///b.xml", "Local").value();
  later.next_poll = kStart + std::chrono::minutes(5);
  store.save_feed_state(later).value();
  FeedState gone = store.feed_state("file:///c.xml", "Local").value();
  gone.retired = true;
  store.save_feed_state(gone).value();

  const DueSummary due = summarize_due(config, store, kStart).value();
  CHECK(due.total == 3);
  CHECK(due.due == 1);
  CHECK(due.next == kStart);
  const DueSummary after = summarize_due(config, store, kStart + std::chrono::minutes(10)).value();
  CHECK(after.due == 2);
}

TEST_CASE("after a poll that stored items, the full-text index is merged into one segment", "[service_loop]") {
  ServiceHarness service({feed_url("feed.xml")});
  Store& store = service.store;
  const auto segments = [&] {
    SqliteStatement count(store.db(), "SELECT count(DISTINCT segid) FROM items_fts_idx");
    count.step();
    return count.column_int(0);
  };
  for (const char* url : {"https://example.org/a", "https://example.org/b"}) {  // a segment each
    auto batch = store.begin_batch().value();
    Item item;
    item.url = item.canonical_url = url;
    item.title = "Earlier item";
    item.body = "Stored by an earlier poll.";
    store.insert_item(item).value();
    batch.commit().value();
  }
  REQUIRE(segments() == 2);
  service.settings.max_polls = 1;
  int stored = 0;
  service.settings.after_poll = [&](const PollReport& r) { stored = r.new_items(); };

  REQUIRE(service.run() == 0);

  REQUIRE(stored > 0);
  CHECK(segments() == 1);
  SqliteStatement search(store.db(), "SELECT count(*) FROM items_fts WHERE items_fts MATCH 'earlier'");
  REQUIRE(search.step());
  CHECK(search.column_int(0) == 2);
}
