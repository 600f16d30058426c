// libsystemd through its loader (systemd_library.cpp): sd_notify and
// sd_watchdog_enabled reach the real library and read the environment that
// systemd gives a service.
#include <sys/socket.h>
#include <sys/un.h>
#include <poll.h>
#include <unistd.h>

#include <systemd/sd-daemon.h>

#include <catch2/catch.hpp>

#include <cstdint>
#include <cstring>
#include <string>

#include "support/scoped_env.h"
#include "support/temp_dir.h"

using newsmon::test::ScopedEnv;

TEST_CASE("sd_notify outside systemd does nothing and says so", "[systemd_library]") {
  ScopedEnv notify("NOTIFY_SOCKET", nullptr);
  CHECK(sd_notify(0, "READY=1") == 0);
  CHECK(sd_notify(0, "STOPPING=1") == 0);
}

TEST_CASE("sd_notify sends its state to the socket NOTIFY_SOCKET names", "[systemd_library]") {
  newsmon::test::TempDir dir;
  const auto path = dir / "notify.sock";
  const int fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  REQUIRE(fd >= 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  REQUIRE(path.string().size() < sizeof address.sun_path);
  std::strcpy(address.sun_path, path.c_str());
  REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
  {
    ScopedEnv notify("NOTIFY_SOCKET", path.c_str());
    CHECK(sd_notify(0, "STATUS=testing") > 0);
  }
  pollfd ready{fd, POLLIN, 0};
  REQUIRE(::poll(&ready, 1, 2000) == 1);
  char buffer[256];
  const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
  ::close(fd);
  REQUIRE(n > 0);
  CHECK(std::string(buffer, std::size_t(n)) == "STATUS=testing");
}

TEST_CASE("sd_watchdog_enabled reads the interval systemd sets for this process", "[systemd_library]") {
  std::uint64_t usec = 0;
  {
    ScopedEnv interval("WATCHDOG_USEC", nullptr);
    ScopedEnv pid("WATCHDOG_PID", nullptr);
    CHECK(sd_watchdog_enabled(0, &usec) == 0);
  }
  {
    ScopedEnv interval("WATCHDOG_USEC", "600000");
    ScopedEnv pid("WATCHDOG_PID", std::to_string(::getpid()).c_str());
    CHECK(sd_watchdog_enabled(0, &usec) > 0);
    CHECK(usec == 600000);
  }
  {
    // Meant for another process: not ours to ping.
    ScopedEnv interval("WATCHDOG_USEC", "600000");
    ScopedEnv pid("WATCHDOG_PID", std::to_string(::getpid() + 1).c_str());
    CHECK(sd_watchdog_enabled(0, &usec) == 0);
  }
}
