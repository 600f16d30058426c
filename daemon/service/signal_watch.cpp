#include "daemon/service/signal_watch.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cassert>
#include <cerrno>
#include <csignal>
#include <system_error>
#include <thread>

#include "daemon/net/fetcher.h"

namespace newsmon {

namespace {

constexpr int kWatched[] = {SIGTERM, SIGINT, SIGHUP};

std::atomic<int> g_write_fd{-1};
std::atomic<Fetcher*> g_fetcher{nullptr};
// Handlers between reading g_fetcher and being done with what they read.
std::atomic<int> g_handlers_using_fetcher{0};
std::atomic<bool> g_stop_requested{false};
struct sigaction g_previous[3];

static_assert(std::atomic<int>::is_always_lock_free && std::atomic<Fetcher*>::is_always_lock_free &&
                  std::atomic<bool>::is_always_lock_free,
              "the signal handler needs lock-free atomics");

extern "C" void on_signal(int signo) {
  const int saved_errno = errno;
  const int fd = g_write_fd.load(std::memory_order_relaxed);
  if (fd >= 0) {
    const unsigned char byte = static_cast<unsigned char>(signo);
    [[maybe_unused]] const ssize_t n = write(fd, &byte, 1);  // full pipe: a byte is already there
  }
  if (signo != SIGHUP) {
    g_stop_requested.store(true);
    g_handlers_using_fetcher.fetch_add(1);
    if (Fetcher* fetcher = g_fetcher.load()) fetcher->stop();
    g_handlers_using_fetcher.fetch_sub(1);
  }
  errno = saved_errno;
}

}  // namespace

SignalWatch::SignalWatch() {
  assert(g_write_fd.load() < 0 && "one SignalWatch at a time");
  int fds[2];
  if (pipe2(fds, O_CLOEXEC | O_NONBLOCK) != 0)
    throw std::system_error(errno, std::generic_category(), "signal pipe");
  read_fd_ = fds[0];
  write_fd_ = fds[1];
  g_stop_requested.store(false);
  g_write_fd.store(write_fd_);
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;  // no SA_RESTART: a blocking poll() returns EINTR
  for (int i = 0; i < 3; ++i) sigaction(kWatched[i], &action, &g_previous[i]);
  // Make sure none of them is blocked (a parent may have blocked them).
  sigset_t set;
  sigemptyset(&set);
  for (int signo : kWatched) sigaddset(&set, signo);
  pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
}

SignalWatch::~SignalWatch() {
  for (int i = 0; i < 3; ++i) sigaction(kWatched[i], &g_previous[i], nullptr);
  g_fetcher.store(nullptr);
  g_write_fd.store(-1);
  close(read_fd_);
  close(write_fd_);
}

std::vector<int> SignalWatch::take() {
  std::vector<int> signals;
  unsigned char buffer[64];
  for (;;) {
    const ssize_t n = read(read_fd_, buffer, sizeof buffer);
    if (n > 0) {
      signals.insert(signals.end(), buffer, buffer + n);
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    break;  // EAGAIN: drained
  }
  return signals;
}

void SignalWatch::inject(int signo) {
  const unsigned char byte = static_cast<unsigned char>(signo);
  [[maybe_unused]] const ssize_t n = write(write_fd_, &byte, 1);
}

SignalWatch::FetcherRegistration::FetcherRegistration(Fetcher& fetcher) : fetcher_(fetcher) {
  assert(g_fetcher.load() == nullptr && "one registered Fetcher at a time");
  g_fetcher.store(&fetcher_);
  if (g_stop_requested.load()) fetcher_.stop();
}

SignalWatch::FetcherRegistration::~FetcherRegistration() {
  Fetcher* registered = &fetcher_;
  g_fetcher.compare_exchange_strong(registered, nullptr);
  // A handler on another thread may have read the pointer just before: the
  // Fetcher must outlive its stop() call. (A handler on this thread has
  // finished by the time this line runs.)
  while (g_handlers_using_fetcher.load() > 0) std::this_thread::yield();
}

SignalWatch::FetcherRegistration SignalWatch::stop_on_signal(Fetcher& fetcher) {
  return FetcherRegistration(fetcher);
}

bool SignalWatch::has_registered_fetcher() const { return g_fetcher.load() != nullptr; }

bool SignalWatch::stop_requested() const { return g_stop_requested.load(); }

}  // namespace newsmon
