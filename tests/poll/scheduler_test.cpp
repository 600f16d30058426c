// First, alone: the scheduler is arithmetic on values, and its header must
// not bring in the store's SQLite, directly or through another header.
#include "daemon/poll/scheduler.h"
#if defined(NEWSMON_STORE_SQLITE_H) || defined(SQLITE_VERSION)
#error "daemon/poll/scheduler.h includes SQLite"
#endif

#include <catch2/catch.hpp>

using namespace newsmon;
using namespace std::chrono_literals;
using std::chrono::seconds;

namespace {

const Instant kNoon = instant_from_unix(1'790'000'000);

ScheduleConfig schedule() {
  ScheduleConfig s;
  s.default_interval = 30min;
  s.min_interval = 10min;
  s.max_interval = 6h;
  s.max_backoff = 24h;
  return s;
}

FeedState fresh() {
  FeedState state;
  state.url = "https://example.com/feed";
  state.fetch_url = state.url;
  return state;
}

PollOutcome ok(Instant at = kNoon) {
  PollOutcome outcome;
  outcome.at = at;
  outcome.success = true;
  outcome.status = 200;
  return outcome;
}

PollOutcome failed(long status, Instant at = kNoon) {
  PollOutcome outcome;
  outcome.at = at;
  outcome.status = status;
  outcome.error = status ? "HTTP " + std::to_string(status) : "connection refused";
  return outcome;
}

seconds wait(const FeedState& state, Instant at = kNoon) {
  REQUIRE(state.next_poll);
  return *state.next_poll - at;
}

std::vector<Instant> every(seconds gap, int count, Instant newest = kNoon) {
  std::vector<Instant> times;
  for (int i = 0; i < count; ++i) times.push_back(newest - gap * i);
  return times;
}

}  // namespace

TEST_CASE("a feed without dated entries is polled at the default interval", "[scheduler]") {
  FeedState state = fresh();
  record_poll(state, ok(), schedule(), std::nullopt, 0.5);
  CHECK(wait(state) == 30min);
  CHECK(state.last_success == kNoon);
  CHECK(state.consecutive_failures == 0);
}

TEST_CASE("the interval follows how often the feed publishes", "[scheduler]") {
  FeedState state = fresh();
  PollOutcome outcome = ok();
  outcome.entry_times = every(2h, 10);
  record_poll(state, outcome, schedule(), std::nullopt, 0);
  CHECK(wait(state) == 1h);  // twice per gap
}

TEST_CASE("a busy feed is held at the floor and a quiet one at the ceiling", "[scheduler]") {
  FeedState busy = fresh();
  PollOutcome outcome = ok();
  outcome.entry_times = every(1min, 20);
  record_poll(busy, outcome, schedule(), std::nullopt, 0);
  CHECK(wait(busy) == 10min);

  FeedState quiet = fresh();
  outcome.entry_times = every(std::chrono::days(3), 5);
  record_poll(quiet, outcome, schedule(), std::nullopt, 0);
  CHECK(wait(quiet) == 6h);
}

TEST_CASE("a feed that stopped publishing slows down", "[scheduler]") {
  FeedState state = fresh();
  PollOutcome outcome = ok();
  outcome.entry_times = every(1h, 10, kNoon - 8h);  // hourly, but nothing for 8 hours
  record_poll(state, outcome, schedule(), std::nullopt, 0);
  CHECK(wait(state) == 4h);
}

TEST_CASE("entries dated in the far future do not speed a feed up", "[scheduler]") {
  FeedState state = fresh();
  PollOutcome outcome = ok();
  outcome.entry_times = every(2h, 5);
  outcome.entry_times.push_back(kNoon + std::chrono::days(400));
  record_poll(state, outcome, schedule(), std::nullopt, 0);
  CHECK(wait(state) == 1h);
}

TEST_CASE("an outlet's poll_interval replaces the estimate but not the floor", "[scheduler]") {
  FeedState state = fresh();
  PollOutcome outcome = ok();
  outcome.entry_times = every(2h, 10);
  record_poll(state, outcome, schedule(), 45min, 0);
  CHECK(wait(state) == 45min);
  record_poll(state, outcome, schedule(), 1min, 0);
  CHECK(wait(state) == 10min);
}

TEST_CASE("the feed's ttl, Cache-Control max-age and Retry-After are never undercut", "[scheduler]") {
  FeedState state = fresh();
  PollOutcome outcome = ok();
  outcome.feed_ttl = 2h;
  record_poll(state, outcome, schedule(), std::nullopt, 0);
  CHECK(wait(state) == 2h);
  CHECK(state.ttl_seconds == 7200);

  FeedState cached = fresh();
  outcome = ok();
  outcome.max_age = 3h;
  record_poll(cached, outcome, schedule(), std::nullopt, 0);
  CHECK(wait(cached) == 3h);

  FeedState absurd = fresh();
  outcome.max_age = std::chrono::days(365);
  record_poll(absurd, outcome, schedule(), std::nullopt, 0);
  CHECK(wait(absurd) == std::chrono::days(7));
}

TEST_CASE("a success keeps the new validators and a 304 keeps the old", "[scheduler]") {
  FeedState state = fresh();
  PollOutcome outcome = ok();
  outcome.etag = "\"v2\"";
  outcome.last_modified = "Sun, 29 Nov 2026 10:00:00 GMT";
  record_poll(state, outcome, schedule(), std::nullopt, 0);
  CHECK(state.etag == "\"v2\"");
  CHECK(state.last_modified == "Sun, 29 Nov 2026 10:00:00 GMT");
}

TEST_CASE("failures back off exponentially up to max_backoff", "[scheduler]") {
  FeedState state = fresh();
  const std::vector<seconds> expected{10min, 20min, 40min, 80min, 160min, 320min, 640min, 1280min, 24h, 24h};
  for (seconds delay : expected) {
    record_poll(state, failed(500), schedule(), std::nullopt, 0);
    CHECK(wait(state) == delay);
  }
  CHECK(state.consecutive_failures == 10);
  CHECK(state.last_error == "HTTP 500");
  CHECK(state.last_status == 500);
  record_poll(state, ok(), schedule(), std::nullopt, 0);
  CHECK(state.consecutive_failures == 0);
  CHECK(state.last_error.empty());
}

TEST_CASE("jitter spreads retries by up to a quarter, never past max_backoff", "[scheduler]") {
  FeedState a = fresh();
  FeedState b = fresh();
  record_poll(a, failed(0), schedule(), std::nullopt, 0.0);
  record_poll(b, failed(0), schedule(), std::nullopt, 0.99);
  CHECK(wait(a) == 10min);
  CHECK(wait(b) > 12min);
  CHECK(wait(b) <= 12min + 30s);
  FeedState c = fresh();
  c.consecutive_failures = 1000;
  record_poll(c, failed(0), schedule(), std::nullopt, 0.99);
  CHECK(wait(c) == 24h);
}

TEST_CASE("429 and 503 wait at least as long as Retry-After says", "[scheduler]") {
  for (long status : {429L, 503L}) {
    FeedState state = fresh();
    PollOutcome outcome = failed(status);
    outcome.retry_after = 5h;
    record_poll(state, outcome, schedule(), std::nullopt, 0);
    CHECK(wait(state) == 5h);
    outcome.retry_after = 30s;  // shorter than the back-off: the back-off wins
    record_poll(state, outcome, schedule(), std::nullopt, 0);
    CHECK(wait(state) == 20min);
  }
  FeedState other = fresh();
  PollOutcome outcome = failed(500);
  outcome.retry_after = 5h;
  record_poll(other, outcome, schedule(), std::nullopt, 0);
  CHECK(wait(other) == 10min);
}

TEST_CASE("a 410 confirmed on three polls in a row retires the feed", "[scheduler]") {
  FeedState state = fresh();
  record_poll(state, failed(410), schedule(), std::nullopt, 0);
  record_poll(state, failed(410), schedule(), std::nullopt, 0);
  CHECK_FALSE(state.retired);
  CHECK(state.gone_count == 2);
  record_poll(state, failed(410), schedule(), std::nullopt, 0);
  CHECK(state.retired);
  CHECK_FALSE(state.next_poll);
}

TEST_CASE("a 410 between other answers does not retire the feed", "[scheduler]") {
  FeedState state = fresh();
  record_poll(state, failed(410), schedule(), std::nullopt, 0);
  record_poll(state, failed(410), schedule(), std::nullopt, 0);
  record_poll(state, failed(0), schedule(), std::nullopt, 0);
  record_poll(state, failed(410), schedule(), std::nullopt, 0);
  CHECK_FALSE(state.retired);
  CHECK(state.gone_count == 1);
}

TEST_CASE("a permanent redirect seen on three polls in a row moves the feed", "[scheduler]") {
  FeedState state = fresh();
  PollOutcome outcome = ok();
  outcome.final_url = "https://example.com/new-feed";
  outcome.permanent_redirect = true;
  record_poll(state, outcome, schedule(), std::nullopt, 0);
  record_poll(state, outcome, schedule(), std::nullopt, 0);
  CHECK(state.fetch_url == "https://example.com/feed");
  CHECK(state.redirect_count == 2);
  record_poll(state, outcome, schedule(), std::nullopt, 0);
  CHECK(state.fetch_url == "https://example.com/new-feed");
  CHECK(state.url == "https://example.com/feed");  // the config's key stays
  CHECK(state.redirect_count == 0);
}

TEST_CASE("a temporary redirect, a changing target or a failure resets the count", "[scheduler]") {
  FeedState state = fresh();
  PollOutcome moved = ok();
  moved.final_url = "https://example.com/a";
  moved.permanent_redirect = true;
  PollOutcome elsewhere = moved;
  elsewhere.final_url = "https://example.com/b";
  PollOutcome temporary = moved;
  temporary.permanent_redirect = false;

  record_poll(state, moved, schedule(), std::nullopt, 0);
  record_poll(state, moved, schedule(), std::nullopt, 0);
  record_poll(state, elsewhere, schedule(), std::nullopt, 0);
  CHECK(state.redirect_target == "https://example.com/b");
  CHECK(state.redirect_count == 1);
  record_poll(state, temporary, schedule(), std::nullopt, 0);
  CHECK(state.redirect_count == 0);
  record_poll(state, moved, schedule(), std::nullopt, 0);
  record_poll(state, moved, schedule(), std::nullopt, 0);
  record_poll(state, failed(500), schedule(), std::nullopt, 0);
  record_poll(state, moved, schedule(), std::nullopt, 0);
  CHECK(state.fetch_url == "https://example.com/feed");
}
