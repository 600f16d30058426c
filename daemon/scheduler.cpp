#include "daemon/scheduler.h"

#include <algorithm>

namespace newsmon {

// A first version: fixed interval, doubling back-off. The fetching issue
// deepens it (publication rate, ttl, Cache-Control, Retry-After, 410).
void record_poll(FeedState& state, const PollOutcome& outcome, const ScheduleConfig& schedule,
                 std::optional<std::chrono::seconds> interval, double jitter) {
  using namespace std::chrono;
  state.last_attempt = outcome.at;
  state.last_status = outcome.status;
  if (outcome.success) {
    state.last_success = outcome.at;
    state.last_error.clear();
    state.consecutive_failures = 0;
    if (!outcome.etag.empty() || !outcome.last_modified.empty()) {
      state.etag = outcome.etag;
      state.last_modified = outcome.last_modified;
    }
    const seconds every = std::clamp(interval.value_or(schedule.default_interval),
                                     schedule.min_interval, schedule.max_interval);
    state.next_poll = outcome.at + every;
    return;
  }
  state.last_error = outcome.error;
  state.consecutive_failures += 1;
  const int doublings = std::min(state.consecutive_failures - 1, 16);
  seconds backoff = std::min(schedule.min_interval * (1 << doublings), schedule.max_backoff);
  backoff += duration_cast<seconds>(backoff * jitter * 0.25);
  state.next_poll = outcome.at + backoff;
}

}  // namespace newsmon
