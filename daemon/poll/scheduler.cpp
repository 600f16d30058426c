#include "daemon/poll/scheduler.h"

#include <algorithm>

namespace newsmon {

namespace {

using std::chrono::seconds;

// Polls in a row that must agree before a 410 retires a feed, or a permanent
// redirect moves it: one answer may be a misconfigured server's bad minute.
constexpr int kConfirmations = 3;
// How many of the newest entries estimate the publication rate.
constexpr std::size_t kRateSample = 20;
// A feed is polled about twice per typical gap between its entries.
constexpr int kPollsPerGap = 2;
// Entry dates this far ahead of the poll are clock skew; further, nonsense.
constexpr seconds kFutureSkew{3600};
// A server's own hint (ttl, max-age, Retry-After) may push a feed past the
// [schedule] ceiling, but never further than this.
constexpr seconds kHintCeiling{7 * 24 * 3600};

// The interval the publication rate suggests, before the floor and ceiling;
// nullopt when the entries carry too few dates to say.
std::optional<seconds> interval_from_entries(const std::vector<Instant>& entry_times, Instant at) {
  std::vector<Instant> times;
  for (Instant t : entry_times)
    if (t <= at + kFutureSkew) times.push_back(std::min(t, at));
  std::sort(times.begin(), times.end(), std::greater<>());
  times.erase(std::unique(times.begin(), times.end()), times.end());
  if (times.size() > kRateSample) times.resize(kRateSample);
  if (times.size() < 2) return std::nullopt;
  const seconds span = times.front() - times.back();
  const seconds mean_gap = span / seconds::rep(times.size() - 1);
  // A feed that has gone quiet for longer than its usual gap slows down too.
  const seconds quiet = at - times.front();
  return std::max(mean_gap, quiet) / kPollsPerGap;
}

seconds backoff_delay(int failures, const ScheduleConfig& schedule, double jitter) {
  const int doublings = std::clamp(failures - 1, 0, 30);
  seconds base = schedule.max_backoff;
  if (schedule.min_interval.count() > 0 && doublings < 30 &&
      schedule.min_interval.count() <= schedule.max_backoff.count() >> doublings)
    base = schedule.min_interval * (seconds::rep(1) << doublings);
  // Up to a quarter more, so feeds that failed together do not retry together.
  const seconds spread = std::chrono::duration_cast<seconds>(base * std::clamp(jitter, 0.0, 1.0) * 0.25);
  return std::min(base + spread, schedule.max_backoff);
}

void track_redirect(FeedState& state, const PollOutcome& outcome) {
  const bool moved = outcome.success && outcome.permanent_redirect && !outcome.final_url.empty() &&
                     outcome.final_url != state.fetch_url;
  if (!moved) {
    state.redirect_target.clear();
    state.redirect_count = 0;
    return;
  }
  if (state.redirect_target == outcome.final_url) {
    state.redirect_count += 1;
  } else {
    state.redirect_target = outcome.final_url;
    state.redirect_count = 1;
  }
  if (state.redirect_count >= kConfirmations) {
    state.fetch_url = state.redirect_target;
    state.redirect_target.clear();
    state.redirect_count = 0;
  }
}

}  // namespace

void record_poll(FeedState& state, const PollOutcome& outcome, const ScheduleConfig& schedule,
                 std::optional<std::chrono::seconds> interval, double jitter) {
  state.last_attempt = outcome.at;
  state.last_status = outcome.status;
  if (state.fetch_url.empty()) state.fetch_url = state.url;
  track_redirect(state, outcome);
  state.gone_count = outcome.status == 410 ? state.gone_count + 1 : 0;

  if (outcome.success) {
    state.last_success = outcome.at;
    state.last_error.clear();
    state.consecutive_failures = 0;
    if (!outcome.etag.empty() || !outcome.last_modified.empty()) {
      state.etag = outcome.etag;
      state.last_modified = outcome.last_modified;
    }
    if (outcome.feed_ttl) state.ttl_seconds = outcome.feed_ttl->count();

    seconds every = interval ? *interval
                             : interval_from_entries(outcome.entry_times, outcome.at)
                                   .value_or(schedule.default_interval);
    every = std::clamp(every, schedule.min_interval, std::max(schedule.min_interval, schedule.max_interval));
    // The server's and the feed's own hints: never sooner than they ask.
    seconds hint{0};
    if (state.ttl_seconds) hint = std::max(hint, seconds(*state.ttl_seconds));
    if (outcome.max_age) hint = std::max(hint, *outcome.max_age);
    if (outcome.retry_after) hint = std::max(hint, *outcome.retry_after);
    every = std::max(every, std::min(hint, kHintCeiling));
    state.next_poll = outcome.at + every;
    return;
  }

  state.last_error = outcome.error;
  state.consecutive_failures += 1;
  if (state.gone_count >= kConfirmations) {
    state.retired = true;
    state.next_poll = std::nullopt;
    return;
  }
  seconds delay = backoff_delay(state.consecutive_failures, schedule, jitter);
  // 429 Too Many Requests and 503 Service Unavailable say when to come back.
  if ((outcome.status == 429 || outcome.status == 503) && outcome.retry_after)
    delay = std::max(delay, std::min(*outcome.retry_after, kHintCeiling));
  state.next_poll = outcome.at + delay;
}

}  // namespace newsmon
