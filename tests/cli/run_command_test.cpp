// End-to-end tests of `newsmon run` as systemd sees it: a notify socket of
// our own (NOTIFY_SOCKET), signals from outside, the exit status and the log.
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "support/run_binary.h"

using newsmon::test::TempDir;

namespace {

// A datagram socket standing in for systemd's notify socket.
class NotifySocket {
 public:
  explicit NotifySocket(const std::filesystem::path& path) : path_(path) {
    fd_ = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    REQUIRE(path.string().size() < sizeof address.sun_path);
    std::strcpy(address.sun_path, path.c_str());
    REQUIRE(bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
  }
  ~NotifySocket() { close(fd_); }
  // Every message received since the last mark(), once one of them contains
  // `wanted` or `timeout` has passed.
  std::string read_until(const std::string& wanted, std::chrono::milliseconds timeout) {
    const auto end = std::chrono::steady_clock::now() + timeout;
    while (history_.find(wanted, mark_) == std::string::npos && std::chrono::steady_clock::now() < end) {
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, 100) <= 0) continue;
      char buffer[4096];
      const ssize_t n = recv(fd_, buffer, sizeof buffer, 0);
      if (n > 0) history_ += std::string(buffer, std::size_t(n)) + "\n";
    }
    return history_.substr(mark_);
  }
  // Later read_until() calls look only at messages received from now on.
  void mark() {
    read_until("\x01", std::chrono::milliseconds(0));
    mark_ = history_.size();
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
  int fd_ = -1;
  std::string history_;
  std::size_t mark_ = 0;
};

// `newsmon ARGS...` left running with extra environment, stderr to `log_path`.
newsmon::test::ChildProcess start_daemon(const std::vector<std::string>& args,
                                         std::map<std::string, std::optional<std::string>> env,
                                         const std::filesystem::path& log_path) {
  newsmon::test::ProcessOptions options;
  options.env = std::move(env);
  options.stderr_path = log_path;
  return newsmon::test::start_newsmon(args, options);
}

std::string config_with_feed(const std::string& url) {
  return "[schedule]\nmin_interval = \"1m\"\ndefault_interval = \"5m\"\n"
         "[[outlet]]\nname = \"Local\"\nfetch_articles = false\nfeeds = [\"" + url + "\"]\n"
         "[[topic]]\nname = \"telecom\"\nterms = [\"Huawei\"]\nthreshold = 1.0\n";
}

}  // namespace

TEST_CASE("run tells systemd it is ready, pings the watchdog, reloads and stops with exit code 0", "[run_command]") {
  TempDir dir;
  const std::string feed = "file://" + newsmon::test::fixture("fixtures/service/feed.xml").string();
  const auto config = dir.write("feeds.toml", config_with_feed(feed));
  NotifySocket notify(dir / "notify.sock");
  auto daemon = start_daemon({"--config", config.string(), "--db", (dir / "archive.db").string(), "run"},
                             {{"NOTIFY_SOCKET", notify.path().string()}, {"WATCHDOG_USEC", "600000"}},
                             dir / "stderr.log");

  const std::string ready = notify.read_until("READY=1", std::chrono::seconds(20));
  REQUIRE_THAT(ready, Catch::Contains("READY=1\nSTATUS="));
  CHECK_THAT(ready, Catch::Contains("items stored"));
  CHECK_THAT(notify.read_until("WATCHDOG=1", std::chrono::seconds(5)), Catch::Contains("WATCHDOG=1"));
  // Idle between polls, the status names the next poll.
  CHECK_THAT(notify.read_until("STATUS=0 of 1 feeds due", std::chrono::seconds(20)),
             Catch::Contains("STATUS=0 of 1 feeds due, next poll at "));

  // An invalid config: logged, and the daemon carries on.
  dir.write("feeds.toml", "[[outlet]]\nname = \"Local\"\nfeeds = [\"gopher://nowhere\"]\nbogus = 1\n");
  notify.mark();
  REQUIRE(kill(daemon.pid(), SIGHUP) == 0);
  const std::string reloaded = notify.read_until("READY=1", std::chrono::seconds(10));
  CHECK_THAT(reloaded, Catch::Contains("RELOADING=1"));
  CHECK_THAT(reloaded, Catch::Contains("READY=1"));

  notify.mark();
  REQUIRE(kill(daemon.pid(), SIGTERM) == 0);
  const auto stop_started = std::chrono::steady_clock::now();
  CHECK_THAT(notify.read_until("STOPPING=1", std::chrono::seconds(5)), Catch::Contains("STOPPING=1"));
  CHECK(daemon.wait_exit(std::chrono::seconds(5)) == 0);
  CHECK(std::chrono::steady_clock::now() - stop_started < std::chrono::seconds(5));

  const std::string log = newsmon::test::read_file(dir / "stderr.log");
  CHECK_THAT(log, Catch::Contains(" info newsmon " NEWSMON_VERSION " running: config " + config.string() +
                                  ", 1 outlets, 1 feeds"));
  CHECK_THAT(log, Catch::Contains(" error reload: " + config.string() +
                                  " is invalid; the running config stays in force:"));
  CHECK_THAT(log, Catch::Contains(" info SIGTERM: stopping"));
}

TEST_CASE("run with an invalid config logs every error and exits with code 2", "[run_command]") {
  TempDir dir;
  const auto config = dir.write("feeds.toml", "[schedule]\nmin_interval = \"often\"\n");
  auto daemon = start_daemon({"--config", config.string(), "--db", (dir / "archive.db").string(), "run"}, {},
                             dir / "stderr.log");
  CHECK(daemon.wait_exit(std::chrono::seconds(10)) == 2);
  const std::string log = newsmon::test::read_file(dir / "stderr.log");
  CHECK_THAT(log, Catch::Contains(" error " + config.string() + " is invalid; not starting:"));
  CHECK_THAT(log, Catch::Contains("min_interval"));
}

TEST_CASE("under systemd the log lines carry journald priority prefixes when the journal is away",
          "[run_command]") {
  TempDir dir;
  const auto config = dir.write("feeds.toml", "[schedule]\nmin_interval = \"often\"\n");
  // JOURNAL_STREAM must name stderr's device and inode; the log file is stderr.
  const auto log_path = dir.write("stderr.log", "");
  struct stat st {};
  REQUIRE(stat(log_path.c_str(), &st) == 0);
  newsmon::test::ProcessOptions options;
  options.env = {{"JOURNAL_STREAM", std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino)}};
  options.stderr_path = log_path;
  // Where a journal runs, newsmon would send the lines to it: the journal is
  // hidden from newsmon under an empty tmpfs, in a mount namespace of its own.
  const std::filesystem::path journal_directory = "/run/systemd/journal";
  if (std::filesystem::exists(journal_directory / "socket"))
    options.launcher = {"/usr/bin/unshare", "--user", "--map-root-user", "--mount", "/bin/sh", "-c",
                        "mount -t tmpfs tmpfs " + journal_directory.string() + " && exec \"$0\" \"$@\""};
  const auto run =
      newsmon::test::run_newsmon({"--config", config.string(), "--db", (dir / "archive.db").string(), "run"}, options);
  INFO(run.err);
  CHECK(run.exit_code == 2);
  CHECK_THAT(run.err, Catch::StartsWith("<3>" + config.string() + " is invalid; not starting:\n<3>  "));
}
