// The long-running loop of `newsmon run`: poll the feeds that are due, sleep
// until the next one is, and answer signals (SIGTERM/SIGINT stop, SIGHUP
// reloads the config), telling systemd what it is doing through sd_notify
// (READY=1, STATUS=, RELOADING=1, STOPPING=1, WATCHDOG=1).
//
// Nothing lost: each feed's items and validators are committed together by
// the pipeline; a stop abandons transfers in flight and the feeds they belong
// to are simply polled again next time. A failed commit (disk full) is
// reported, the loop keeps running and retries those feeds later.
//
// The loop owns its running config and the stages built from it; it borrows
// the archive, the signal watch and the clock. Run it on one thread.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <string>

#include "daemon/config/config.h"
#include "daemon/base/instant.h"
#include "daemon/poll/pipeline.h"
#include "daemon/service/signal_watch.h"
#include "daemon/store/store.h"

namespace newsmon {

// How the loop tells time and waits: the real clock (SystemServiceClock), or a
// simulated one in tests and in the soak. Used by one thread.
class ServiceClock {
 public:
  virtual ~ServiceClock() = default;
  virtual Instant now() = 0;
  // Returns at `deadline`, or earlier when `fd` becomes readable or a signal
  // interrupts the wait.
  virtual void wait(std::chrono::system_clock::time_point deadline, int fd) = 0;
};

// The wall clock, and poll(2) on the fd.
class SystemServiceClock final : public ServiceClock {
 public:
  Instant now() override;
  void wait(std::chrono::system_clock::time_point deadline, int fd) override;
};

struct ServiceSettings {
  // The file the config came from; SIGHUP reads it again.
  std::filesystem::path config_path;
  // After a failed commit (disk full...): the first retry is this much later,
  // doubling on each failure in a row up to storage_retry_max.
  std::chrono::seconds storage_retry{30};
  std::chrono::seconds storage_retry_max{15 * 60};
  // With WATCHDOG_USEC set: a poll running longer than this is considered hung
  // and the watchdog pings stop, so systemd restarts the service.
  std::chrono::seconds poll_bound{30 * 60};
  // After a poll that stored items, the full-text index is merged into one
  // segment when it was last merged this long ago (Store::optimize_search_index).
  std::chrono::hours search_index_upkeep{24};
  // For tests and the soak: stop (exit 0) after this many polls; 0: never.
  int max_polls = 0;
  // For tests and the soak: called after every poll with its report.
  std::function<void(const PollReport&)> after_poll;
};

// Runs until SIGTERM or SIGINT (or max_polls), then returns the exit code: 0
// after a clean stop. `config` is the validated config read from
// settings.config_path. Throws only for a broken install (no site rules).
int run_service(const ServiceSettings& settings, Config config, Store& store, SignalWatch& signals,
                ServiceClock& clock);

// The STATUS= text: "3 of 12 feeds due, next poll at 2026-05-01T10:30:00Z; 1234 items stored".
std::string service_status(int feeds_due, int feeds_total, std::optional<Instant> next_poll,
                           std::int64_t items_stored);

// When the next poll is due for `config`'s feeds as the store knows them,
// and how many are due at `now` (never-polled feeds are due now; retired feeds
// never are). nullopt when no feed will ever be due. Fails when the store does.
struct DueSummary {
  int due = 0;
  int total = 0;
  std::optional<Instant> next;
};
Result<DueSummary> summarize_due(const Config& config, Store& store, Instant now);

}  // namespace newsmon
