// FeedState: what the store remembers about one feed between polls, and
// what the scheduler's arithmetic (poll/scheduler.h) updates. A plain value;
// no SQLite here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "daemon/base/instant.h"

namespace newsmon {

struct FeedState {
  std::string url;        // as written in the config: the key
  std::string outlet;
  std::string fetch_url;  // where to fetch it now (after confirmed permanent redirects)
  std::string title;
  std::string etag;
  std::string last_modified;
  std::optional<Instant> last_attempt;
  std::optional<Instant> last_success;
  std::optional<Instant> next_poll;
  std::string last_error;  // empty after a success
  long last_status = 0;
  int consecutive_failures = 0;
  std::string redirect_target;  // the permanent redirect seen on the last polls...
  int redirect_count = 0;       // ...and on how many polls in a row
  int gone_count = 0;           // 410 answers in a row
  bool retired = false;         // confirmed gone: never polled again
  std::optional<std::int64_t> ttl_seconds;  // the feed's own refresh hint
};

}  // namespace newsmon
