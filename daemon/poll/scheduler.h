// The feed scheduler's arithmetic: what one poll's outcome does to a feed's
// state (failures, redirects, retirement) and when the feed is next due.
// Pure functions of their inputs (the jitter takes its randomness as an
// argument); thread-safe.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "daemon/config/config.h"
#include "daemon/base/instant.h"
#include "daemon/store/feed_state.h"

namespace newsmon {

struct PollOutcome {
  Instant at{};
  bool success = false;    // a usable answer: 200 with a feed, or 304
  long status = 0;         // HTTP status, 0 when none (network error, file)
  std::string error;       // the message when !success
  std::string final_url;   // after redirects
  bool permanent_redirect = false;
  std::string etag;        // validators of a successful answer
  std::string last_modified;
  std::optional<std::chrono::seconds> retry_after;
  std::optional<std::chrono::seconds> max_age;
  std::optional<std::chrono::seconds> feed_ttl;  // <ttl> or sy:updatePeriod
  std::vector<Instant> entry_times;  // published times of the feed's entries
};

// Applies `outcome` to `state` and sets state.next_poll. `jitter` in [0, 1)
// spreads retries of failing feeds. `interval` (the outlet's poll_interval)
// replaces the estimate from the publication rate.
//  - success: the interval is half the mean gap between the newest (up to 20)
//    entry dates, or half the time since the newest entry if that is longer
//    (a quiet feed slows down); default_interval without two dates. It is
//    clamped to [min_interval, max_interval], then raised to the feed's ttl,
//    Cache-Control max-age and Retry-After (never past 7 days).
//  - failure: min_interval doubled per failure in a row, plus up to 25%
//    jitter, capped at max_backoff; 429 and 503 wait at least Retry-After.
//  - a 410 on 3 polls in a row retires the feed (next_poll cleared).
//  - a permanent redirect to the same URL on 3 successful polls in a row
//    becomes the feed's fetch_url.
void record_poll(FeedState& state, const PollOutcome& outcome, const ScheduleConfig& schedule,
                 std::optional<std::chrono::seconds> interval, double jitter);

}  // namespace newsmon
