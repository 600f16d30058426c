// End-to-end tests of `newsmon run` as systemd sees it: a notify socket of
// our own (NOTIFY_SOCKET), signals from outside, the exit status and the log.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "support/temp_dir.h"

extern char** environ;

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

// `newsmon ARGS...` with extra environment, stderr to a file.
struct Daemon {
  pid_t pid = -1;
  std::filesystem::path log;

  Daemon(const std::vector<std::string>& args, const std::vector<std::string>& extra_env,
         const std::filesystem::path& log_path)
      : log(log_path) {
    std::vector<std::string> env_strings;
    for (char** e = environ; *e; ++e) {
      const std::string entry(*e);
      if (entry.rfind("NOTIFY_SOCKET=", 0) == 0 || entry.rfind("WATCHDOG_", 0) == 0 ||
          entry.rfind("JOURNAL_STREAM=", 0) == 0)
        continue;
      env_strings.push_back(entry);
    }
    for (const auto& e : extra_env) env_strings.push_back(e);
    std::vector<char*> envp;
    for (auto& e : env_strings) envp.push_back(e.data());
    envp.push_back(nullptr);
    std::vector<std::string> argv_strings{NEWSMON_BINARY};
    argv_strings.insert(argv_strings.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv_strings) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 2, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    REQUIRE(posix_spawn(&pid, NEWSMON_BINARY, &actions, nullptr, argv.data(), envp.data()) == 0);
    posix_spawn_file_actions_destroy(&actions);
  }
  ~Daemon() {
    if (pid > 0) {
      kill(pid, SIGKILL);
      waitpid(pid, nullptr, 0);
    }
  }
  // The exit status, or -1 if it has not exited within `timeout`.
  int wait_exit(std::chrono::milliseconds timeout) {
    const auto end = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < end) {
      int status = 0;
      if (waitpid(pid, &status, WNOHANG) == pid) {
        pid = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return -1;
  }
};

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
  Daemon daemon({"--config", config.string(), "--db", (dir / "archive.db").string(), "run"},
                {"NOTIFY_SOCKET=" + notify.path().string(), "WATCHDOG_USEC=600000"}, dir / "stderr.log");

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
  REQUIRE(kill(daemon.pid, SIGHUP) == 0);
  const std::string reloaded = notify.read_until("READY=1", std::chrono::seconds(10));
  CHECK_THAT(reloaded, Catch::Contains("RELOADING=1"));
  CHECK_THAT(reloaded, Catch::Contains("READY=1"));

  notify.mark();
  REQUIRE(kill(daemon.pid, SIGTERM) == 0);
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
  Daemon daemon({"--config", config.string(), "--db", (dir / "archive.db").string(), "run"}, {},
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
  const auto log_path = dir / "stderr.log";
  std::FILE* touch = std::fopen(log_path.c_str(), "w");
  std::fclose(touch);
  struct stat st {};
  REQUIRE(stat(log_path.c_str(), &st) == 0);
  const std::string journal_stream =
      "JOURNAL_STREAM=" + std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino);
  if (std::filesystem::exists("/run/systemd/journal/socket")) {
    WARN("a journal is running here: the lines go to it, not to the fallback this test checks");
    return;
  }
  Daemon daemon({"--config", config.string(), "--db", (dir / "archive.db").string(), "run"}, {journal_stream},
                log_path);
  CHECK(daemon.wait_exit(std::chrono::seconds(10)) == 2);
  const std::string log = newsmon::test::read_file(log_path);
  CHECK_THAT(log, Catch::StartsWith("<3>" + config.string() + " is invalid; not starting:\n<3>  "));
}
