#include <unistd.h>

#include <csignal>
#include <vector>

#include <catch2/catch.hpp>

#include "daemon/net/fetcher.h"
#include "daemon/service/signal_watch.h"

using newsmon::Fetcher;
using newsmon::HttpConfig;
using newsmon::SignalWatch;

TEST_CASE("signals arrive as bytes on the pipe, in order, and are taken once", "[signal_watch]") {
  SignalWatch watch;
  CHECK(watch.take().empty());
  std::raise(SIGHUP);
  std::raise(SIGTERM);
  CHECK(watch.take() == std::vector<int>{SIGHUP, SIGTERM});
  CHECK(watch.take().empty());
  CHECK(watch.stop_requested());
}

TEST_CASE("an injected signal wakes the watcher but is not a stop request", "[signal_watch]") {
  SignalWatch watch;
  watch.inject(SIGTERM);
  CHECK(watch.take() == std::vector<int>{SIGTERM});
  CHECK_FALSE(watch.stop_requested());
}

TEST_CASE("the previous handlers come back when the watch ends", "[signal_watch]") {
  struct sigaction before {};
  sigaction(SIGHUP, nullptr, &before);
  {
    SignalWatch watch;
    struct sigaction during {};
    sigaction(SIGHUP, nullptr, &during);
    CHECK(during.sa_handler != before.sa_handler);
    CHECK((during.sa_flags & SA_RESTART) == 0);
  }
  struct sigaction after {};
  sigaction(SIGHUP, nullptr, &after);
  CHECK(after.sa_handler == before.sa_handler);
}

TEST_CASE("a stop signal stops the registered fetcher", "[signal_watch]") {
  SignalWatch watch;
  Fetcher fetcher(HttpConfig{});
  const auto registration = watch.stop_on_signal(fetcher);
  CHECK(watch.has_registered_fetcher());
  CHECK_FALSE(fetcher.stopped());
  std::raise(SIGTERM);
  CHECK(fetcher.stopped());
}

TEST_CASE("a fetcher registered after a stop signal is stopped at once", "[signal_watch]") {
  SignalWatch watch;
  std::raise(SIGINT);
  Fetcher fetcher(HttpConfig{});
  const auto registration = watch.stop_on_signal(fetcher);
  CHECK(fetcher.stopped());
}

TEST_CASE("a destroyed fetcher is no longer registered, so a later signal reaches nothing", "[signal_watch]") {
  SignalWatch watch;
  {
    Fetcher fetcher(HttpConfig{});
    const auto registration = watch.stop_on_signal(fetcher);
    CHECK(watch.has_registered_fetcher());
  }  // the registration ends first, then the fetcher
  CHECK_FALSE(watch.has_registered_fetcher());
  std::raise(SIGTERM);  // with the registration left behind, a use after free (ASan reports it)
  CHECK(watch.take() == std::vector<int>{SIGTERM});
  CHECK(watch.stop_requested());
}
