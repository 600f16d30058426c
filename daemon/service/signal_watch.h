// SignalWatch: turns SIGTERM, SIGINT and SIGHUP into bytes on a self-pipe that
// the service loop waits on, so no work is ever done in a signal handler.
// The handler does two things only, both async-signal-safe: it writes the
// signal number to the pipe, and for SIGTERM/SIGINT it calls stop() on the
// Fetcher registered by stop_on_signal() (which only sets a flag; see
// fetcher.h), so in-flight transfers are abandoned promptly.
// Handlers are installed without SA_RESTART, so a blocking poll() returns.
// One SignalWatch per process at a time; it restores the previous handlers
// when it dies. Owned by the thread that runs the service loop; the handler
// may run on any thread.
#pragma once

#include <vector>

namespace newsmon {

class Fetcher;

class SignalWatch {
 public:
  SignalWatch();  // throws std::system_error if the pipe cannot be made
  ~SignalWatch();
  SignalWatch(const SignalWatch&) = delete;
  SignalWatch& operator=(const SignalWatch&) = delete;

  // Readable when a signal is pending: poll() on it, then take().
  int fd() const { return read_fd_; }
  // The signals received since the last call, in order, without blocking.
  std::vector<int> take();
  // Queues `signo` as if it had been delivered (tests, internal requests).
  void inject(int signo);

  // While it lives, SIGTERM and SIGINT call stop() on the Fetcher it was
  // made for. Its destructor unregisters the Fetcher, waiting out a handler
  // running on another thread, so no signal reaches the Fetcher afterwards:
  // make it where the Fetcher outlives it. One at a time; not movable.
  class FetcherRegistration {
   public:
    ~FetcherRegistration();
    FetcherRegistration(const FetcherRegistration&) = delete;
    FetcherRegistration& operator=(const FetcherRegistration&) = delete;

   private:
    friend class SignalWatch;
    explicit FetcherRegistration(Fetcher& fetcher);
    Fetcher& fetcher_;
  };

  // Registers the fetcher a stop signal must interrupt. A fetcher registered
  // after a stop signal arrived is stopped at once.
  [[nodiscard]] FetcherRegistration stop_on_signal(Fetcher& fetcher);
  // Whether a Fetcher is registered now.
  bool has_registered_fetcher() const;
  // True once SIGTERM or SIGINT has been delivered (not injected).
  bool stop_requested() const;

 private:
  int read_fd_ = -1;
  int write_fd_ = -1;
};

}  // namespace newsmon
