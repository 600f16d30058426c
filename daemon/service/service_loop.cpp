#include "daemon/service/service_loop.h"

#include <poll.h>
#include <pthread.h>

#include <algorithm>
#include <climits>
#include <condition_variable>
#include <csignal>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_map>

#include <spdlog/spdlog.h>
#include <systemd/sd-daemon.h>

#include "daemon/classify/classifier.h"
#include "daemon/base/log_setup.h"
#include "extractors/site_rules.h"

namespace newsmon {

Instant SystemServiceClock::now() { return now_instant(); }

void SystemServiceClock::wait(std::chrono::system_clock::time_point deadline, int fd) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
      deadline - std::chrono::system_clock::now());
  const int timeout_ms = int(std::clamp<std::int64_t>(left.count(), 0, INT_MAX));
  pollfd p{fd, POLLIN, 0};
  ::poll(&p, 1, timeout_ms);  // EINTR (a signal) is a wake-up like any other
}

std::string service_status(int feeds_due, int feeds_total, std::optional<Instant> next_poll,
                           std::int64_t items_stored) {
  std::string status = std::to_string(feeds_due) + " of " + std::to_string(feeds_total) + " feeds due";
  if (next_poll) status += ", next poll at " + to_rfc3339(*next_poll);
  status += "; " + std::to_string(items_stored) + " items stored";
  return status;
}

Result<DueSummary> summarize_due(const Config& config, Store& store, Instant now) {
  auto stored = store.all_feed_states();
  if (!stored) return std::unexpected(stored.error());
  std::unordered_map<std::string, FeedState> states;
  for (auto& state : *stored) states.emplace(state.url, std::move(state));
  DueSummary summary;
  for (const auto& outlet : config.outlets) {
    for (const auto& url : outlet.feeds) {
      ++summary.total;
      const auto found = states.find(url);
      if (found != states.end() && found->second.retired) continue;
      const Instant at = (found == states.end() || !found->second.next_poll)
                             ? now
                             : std::max(*found->second.next_poll, now);
      if (at <= now) ++summary.due;
      summary.next = summary.next ? std::min(*summary.next, at) : at;
    }
  }
  return summary;
}

namespace {

void notify(const std::string& state) {
  spdlog::trace("sd_notify: {}", state);
  sd_notify(0, state.c_str());
}

// Pings the systemd watchdog from its own thread while the loop shows signs
// of life: it woke up recently, or it is in a poll that has not yet run
// longer than the poll bound. A loop stuck anywhere else stops the pings and
// systemd restarts the service. Does nothing when WATCHDOG_USEC is unset.
class WatchdogKeeper {
 public:
  explicit WatchdogKeeper(std::chrono::seconds poll_bound) : poll_bound_(poll_bound) {
    std::uint64_t usec = 0;
    if (sd_watchdog_enabled(0, &usec) <= 0 || usec == 0) return;
    interval_ = std::chrono::microseconds(usec);
    alive();
    // The thread must never take the stop and reload signals.
    sigset_t all, previous;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &previous);
    thread_ = std::thread([this] { ping_loop(); });
    pthread_sigmask(SIG_SETMASK, &previous, nullptr);
    spdlog::debug("watchdog: pinging every {} ms", (interval_ / 2).count() / 1000);
  }
  ~WatchdogKeeper() {
    if (!thread_.joinable()) return;
    {
      std::lock_guard lock(mutex_);
      quit_ = true;
    }
    wake_.notify_all();
    thread_.join();
  }
  WatchdogKeeper(const WatchdogKeeper&) = delete;
  WatchdogKeeper& operator=(const WatchdogKeeper&) = delete;

  bool enabled() const { return thread_.joinable(); }
  // The longest the loop may sleep between two signs of life.
  std::chrono::milliseconds slice() const {
    return enabled() ? std::chrono::duration_cast<std::chrono::milliseconds>(interval_ / 3)
                     : std::chrono::milliseconds(std::chrono::hours(1));
  }
  void alive() {
    std::lock_guard lock(mutex_);
    last_alive_ = std::chrono::steady_clock::now();
    polling_ = false;
  }
  void poll_started() {
    std::lock_guard lock(mutex_);
    last_alive_ = std::chrono::steady_clock::now();
    polling_ = true;
  }

 private:
  void ping_loop() {
    std::unique_lock lock(mutex_);
    while (!quit_) {
      const auto now = std::chrono::steady_clock::now();
      const auto allowed = polling_ ? std::chrono::duration_cast<std::chrono::microseconds>(poll_bound_)
                                    : interval_;
      if (now - last_alive_ < allowed) sd_notify(0, "WATCHDOG=1");
      else spdlog::error("watchdog: the loop has shown no sign of life for {} s; letting systemd restart it",
                         std::chrono::duration_cast<std::chrono::seconds>(now - last_alive_).count());
      wake_.wait_for(lock, interval_ / 2, [this] { return quit_; });
    }
  }

  std::chrono::seconds poll_bound_;
  std::chrono::microseconds interval_{0};
  std::mutex mutex_;
  std::condition_variable wake_;
  bool quit_ = false;
  bool polling_ = false;
  std::chrono::steady_clock::time_point last_alive_;
  std::thread thread_;
};

// The running config and the stages built from it, replaced as a whole on reload.
struct RunningConfig {
  Config config;
  Classifier classifier;
  SiteRules site_rules;
  PipelineContext context() const { return PipelineContext{config, classifier, site_rules}; }
};

// Builds the stages for `config`. Throws std::runtime_error when the site rules do not load.
std::unique_ptr<RunningConfig> build_running_config(Config config) {
  auto rules = SiteRules::load_default();
  if (!rules) throw std::runtime_error(rules.error().message);
  Classifier classifier(config.topics, config.gazetteer);
  return std::unique_ptr<RunningConfig>(
      new RunningConfig{std::move(config), std::move(classifier), std::move(*rules)});
}

std::size_t feed_count(const Config& config) {
  std::size_t n = 0;
  for (const auto& outlet : config.outlets) n += outlet.feeds.size();
  return n;
}

const char* signal_name(int signo) {
  switch (signo) {
    case SIGTERM: return "SIGTERM";
    case SIGINT: return "SIGINT";
    case SIGHUP: return "SIGHUP";
    default: return "a signal";
  }
}

// SIGHUP: reads the config again; keeps the old one when the new one is invalid.
void reload(const ServiceSettings& settings, std::unique_ptr<RunningConfig>& running) {
  notify("RELOADING=1");
  const std::string path = settings.config_path.string();
  try {
    Config fresh = load_config(settings.config_path);
    if (fresh.storage.database != running->config.storage.database)
      spdlog::warn("reload: {}: a new [storage] database takes effect at the next start", path);
    running = build_running_config(std::move(fresh));
    spdlog::info("reloaded {}: {} outlets, {} feeds", path, running->config.outlets.size(),
                 feed_count(running->config));
  } catch (const ConfigError& e) {
    spdlog::error("reload: {} is invalid; the running config stays in force:", path);
    for (const auto& line : e.errors()) spdlog::error("  {}", line);
  } catch (const std::exception& e) {
    spdlog::error("reload: {}: {}; the running config stays in force", path, e.what());
  }
  notify("READY=1");
}

void log_poll(const PollReport& report, Store& store, std::int64_t items_stored) {
  int polled = 0, relevant = 0, not_modified = 0;
  for (const auto& feed : report.feeds) {
    if (feed.skipped) continue;
    ++polled;
    relevant += feed.relevant_items;
    not_modified += feed.not_modified ? 1 : 0;
    if (!feed.error.empty()) continue;  // the pipeline logged it where it happened
    // The status is a field of the journal entry only: an archive that fails
    // to tell it leaves the field empty (the next summarize_due reports the failure).
    const auto state = store.feed_state(feed.url, feed.outlet);
    LogFields fields{{"FEED_URL", feed.url}, {"HTTP_STATUS", state ? std::to_string(state->last_status) : ""}};
    if (feed.not_modified)
      spdlog::debug("feed {}: not modified", feed.url);
    else if (feed.new_items > 0)
      spdlog::info("feed {}: {} new ({} relevant) of {} entries", feed.url, feed.new_items,
                   feed.relevant_items, feed.entries);
    else
      spdlog::debug("feed {}: nothing new in {} entries", feed.url, feed.entries);
  }
  spdlog::info("polled {} feeds: {} new items ({} relevant), {} not modified, {} failed; {} items stored",
               polled, report.new_items(), relevant, not_modified, report.failed_feeds(), items_stored);
}

// Builds the stages for the first config and says so (before the watchdog starts).
std::unique_ptr<RunningConfig> start_running(const ServiceSettings& settings, Config config) {
  auto running = build_running_config(std::move(config));
  spdlog::info("newsmon {} running: config {}, {} outlets, {} feeds", NEWSMON_VERSION,
               settings.config_path.string(), running->config.outlets.size(), feed_count(running->config));
  return running;
}

// One run of the service: the loop and what it carries from one turn to
// the next. Each turn answers the signals, then polls the feeds that are
// due or sleeps until the next one is.
class ServiceLoop {
 public:

  ServiceLoop(const ServiceSettings& settings, Config config, Store& store, SignalWatch& signals,
              ServiceClock& clock)
      : settings_(settings), store_(store), signals_(signals), clock_(clock),
        running_(start_running(settings, std::move(config))), watchdog_(settings.poll_bound) {
    count_items();
  }

  int run() {
    for (;;) {
      if (!answer_signals()) return 0;
      if (settings_.max_polls > 0 && polls_ >= settings_.max_polls) {
        notify("STOPPING=1");
        return 0;
      }
      const Instant now = clock_.now();
      const auto due = read_due(now);
      if (!due) continue;
      const bool held_back = storage_retry_at_ > now;
      announce_ready(*due);
      if (due->due > 0 && !held_back) poll(now, *due);
      else sleep_until_due(now, *due, held_back);
    }
  }

 private:
  // SIGHUP reloads the config; a stop signal ends the run: false.
  bool answer_signals() {
    for (const int signo : signals_.take()) {
      if (signo != SIGHUP) {
        spdlog::info("{}: stopping", signal_name(signo));
        notify("STOPPING=1");
        return false;
      }
      spdlog::info("SIGHUP: reloading {}", settings_.config_path.string());
      reload(settings_, running_);
      last_status_.clear();
    }
    return true;
  }

  // What is due, or nullopt after waiting out an archive that cannot be read.
  std::optional<DueSummary> read_due(Instant now) {
    auto due = summarize_due(running_->config, store_, now);
    if (due) return *due;
    spdlog::error("archive: {}; trying again in {} s", due.error().message, settings_.storage_retry.count());
    clock_.wait(now + settings_.storage_retry, signals_.fd());
    watchdog_.alive();
    return std::nullopt;
  }

  // Counts the stored items for STATUS=; a failure keeps the last count.
  void count_items() {
    if (auto count = store_.item_count()) items_stored_ = *count;
    else spdlog::error("archive: {}", count.error().message);
  }

  void announce_ready(const DueSummary& due) {
    if (ready_sent_) return;
    notify("READY=1\nSTATUS=" + service_status(due.due, due.total, due.next, items_stored_));
    ready_sent_ = true;
  }

  void poll(Instant now, const DueSummary& due) {
    notify("STATUS=polling " + std::to_string(due.due) + " of " + std::to_string(due.total) + " feeds; " +
           std::to_string(items_stored_) + " items stored");
    last_status_.clear();
    watchdog_.poll_started();
    const auto polled =
        poll_feeds(running_->context(), store_, FeedSelection::due, now, [&](Fetcher& fetcher) {
          const auto registration = signals_.stop_on_signal(fetcher);
          fetcher.run();
        });
    if (polled) {
      count_items();
      storage_failures_ = 0;
      storage_retry_at_ = Instant::min();
      log_poll(*polled, store_, items_stored_);
      keep_search_index(*polled);
      if (settings_.after_poll) settings_.after_poll(*polled);
    } else {
      back_off(polled.error());
      if (settings_.after_poll) settings_.after_poll(PollReport{});
    }
    watchdog_.alive();
    ++polls_;
  }

  // After a poll that stored items, merges the full-text index into one
  // segment, at most once per search_index_upkeep.
  void keep_search_index(const PollReport& report) {
    index_grew_ = index_grew_ || report.new_items() > 0;
    if (!index_grew_ || (index_merged_ && clock_.now() - *index_merged_ < settings_.search_index_upkeep)) return;
    watchdog_.poll_started();  // seconds of work on a large archive
    if (auto merged = store_.optimize_search_index()) {
      index_grew_ = false;
      spdlog::debug("archive: full-text index merged into one segment");
    } else {  // searches stay right, only slower: try again tomorrow
      spdlog::warn("archive: merging the full-text index failed ({})", merged.error().message);
    }
    index_merged_ = clock_.now();
  }

  // A failed commit: no poll until a wait that doubles with each failure in a row.
  void back_off(const Error& error) {
    storage_failures_ += 1;
    auto wait = settings_.storage_retry * (1 << std::min(storage_failures_ - 1, 10));
    wait = std::min<std::chrono::seconds>(wait, settings_.storage_retry_max);
    storage_retry_at_ = clock_.now() + wait;
    const std::string& what = error.message;
    spdlog::error("archive: a commit failed ({}); nothing committed is lost, the feeds it "
                  "covered will be polled again at {}",
                  what, to_rfc3339(storage_retry_at_));
    notify("STATUS=archive write failed (" + what + "), retrying at " + to_rfc3339(storage_retry_at_) + "; " +
           std::to_string(items_stored_) + " items stored");
    last_status_ = "storage";
  }

  // Sleeps until the next feed is due (or the back-off ends), a signal
  // arrives, or the watchdog wants a sign of life.
  void sleep_until_due(Instant now, const DueSummary& due, bool held_back) {
    Instant wake = due.next ? *due.next : now + std::chrono::hours(24);
    if (held_back) wake = std::max(wake, storage_retry_at_);
    if (wake <= now) wake = now + std::chrono::seconds(1);  // never spin
    if (last_status_.empty()) {
      last_status_ = service_status(due.due, due.total, due.next, items_stored_);
      notify("STATUS=" + last_status_);
    }
    const std::chrono::system_clock::time_point until = wake;
    const std::chrono::system_clock::time_point slice_end =
        std::chrono::system_clock::time_point(now) + watchdog_.slice();
    clock_.wait(std::min(until, slice_end), signals_.fd());
    watchdog_.alive();
  }

  const ServiceSettings& settings_;
  Store& store_;
  SignalWatch& signals_;
  ServiceClock& clock_;
  std::unique_ptr<RunningConfig> running_;
  WatchdogKeeper watchdog_;
  std::int64_t items_stored_ = 0;  // as last counted
  int polls_ = 0;
  int storage_failures_ = 0;
  Instant storage_retry_at_ = Instant::min();  // no commit has failed
  bool ready_sent_ = false;
  std::string last_status_;  // the STATUS= sent while idle; empty: send it again
  std::optional<Instant> index_merged_;  // never, in this run
  bool index_grew_ = false;
};

}  // namespace

int run_service(const ServiceSettings& settings, Config config, Store& store, SignalWatch& signals,
                ServiceClock& clock) {
  return ServiceLoop(settings, std::move(config), store, signals, clock).run();
}

}  // namespace newsmon
