#include "daemon/service/signal_watch.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cassert>
#include <cerrno>
#include <csignal>
#include <system_error>

#include "daemon/net/fetcher.h"

namespace newsmon {

namespace {

constexpr int kWatched[] = {SIGTERM, SIGINT, SIGHUP};

std::atomic<int> g_write_fd{-1};
std::atomic<Fetcher*> g_fetcher{nullptr};
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
    if (Fetcher* fetcher = g_fetcher.load(std::memory_order_acquire)) fetcher->stop();
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

void SignalWatch::set_active_fetcher(Fetcher* fetcher) {
  g_fetcher.store(fetcher, std::memory_order_release);
  if (fetcher && g_stop_requested.load()) fetcher->stop();
}

bool SignalWatch::stop_requested() const { return g_stop_requested.load(); }

}  // namespace newsmon
