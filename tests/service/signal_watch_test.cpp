#include <unistd.h>

#include <csignal>
#include <vector>

#include <catch2/catch.hpp>

#include "daemon/service/signal_watch.h"

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
