// Running a program (usually the real `newsmon` binary) from a test: an argv
// vector, never a shell line, so paths with spaces or quotes pass as they are.
// The child gets its stdin from a text, its stdout and stderr in files (or a
// pseudo-terminal), the parent's environment with overrides, and a time
// limit after which it is killed. Not thread-safe: one test thread drives a
// child; fork() happens with everything prepared beforehand, so the child
// does only async-signal-safe calls even while the test's servers run.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "support/temp_dir.h"

namespace newsmon::test {

// What a finished run left behind.
struct RunResult {
  // The exit code; 128 + the signal if a signal ended it; -1 if it was
  // killed for running past its time limit.
  int exit_code = -1;
  std::string out;  // stdout (or what the terminal showed, "\r\n" made "\n")
  std::string err;  // stderr (empty with stderr_to_stdout or a terminal)
  bool timed_out = false;
};

// A pseudo-terminal's size, for commands that wrap, colour or page on a tty.
struct TerminalSize {
  int columns = 80;
  int rows = 200;
};

// How to run the child. The defaults: inherited environment, empty stdin,
// the test's working directory, a minute at most.
struct ProcessOptions {
  // Variables to set (a value) or to remove (std::nullopt), over the parent's.
  std::map<std::string, std::optional<std::string>> env;
  std::string stdin_text;
  std::filesystem::path working_directory;  // empty: the test's own
  // stderr into the same file as stdout, interleaved as written (`2>&1`).
  bool stderr_to_stdout = false;
  // stderr into this file (created or truncated; its inode is kept when it
  // exists) instead of a private one: for a test that must name the file
  // before the child starts (JOURNAL_STREAM). RunResult::err still has it.
  std::filesystem::path stderr_path;
  // stdin, stdout and stderr on a pseudo-terminal of this size.
  std::optional<TerminalSize> terminal;
  std::chrono::milliseconds time_limit{std::chrono::seconds(60)};
  // run_newsmon/start_newsmon only: a command that runs newsmon's argv, which
  // is appended to it (e.g. unshare, to hide a file from newsmon).
  std::vector<std::string> launcher;
};

// Options that only change the environment: run_newsmon(args, with_env({{"TZ", "Europe/Berlin"}})).
inline ProcessOptions with_env(std::map<std::string, std::optional<std::string>> env) {
  ProcessOptions options;
  options.env = std::move(env);
  return options;
}

// A started child. The destructor kills it (SIGKILL) and reaps it if it is
// still running, so a failed REQUIRE never leaves a process behind.
class ChildProcess {
 public:
  // Starts `argv[0]` (a path, not searched in $PATH) with `argv` as its arguments.
  ChildProcess(const std::vector<std::string>& argv, const ProcessOptions& options = {});
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  pid_t pid() const { return pid_; }
  // The exit code (as RunResult::exit_code) once the child has ended, or
  // std::nullopt if it is still running after `timeout`.
  std::optional<int> wait_exit(std::chrono::milliseconds timeout);
  // Waits up to the time limit (killing the child past it) and collects the output.
  RunResult finish();

 private:
  void read_terminal(int poll_ms);

  ProcessOptions options_;
  TempDir dir_;
  std::filesystem::path out_path_, err_path_;
  pid_t pid_ = -1;
  std::optional<int> exit_code_;
  int terminal_ = -1;          // the pseudo-terminal's parent side
  int terminal_child_ = -1;    // its child side, kept open until the end (see the .cpp)
  std::string terminal_text_;
};

// Runs `argv` to completion (see ChildProcess).
RunResult run_binary(const std::vector<std::string>& argv, const ProcessOptions& options = {});

// Runs the `newsmon` binary under test with `args`, in a fixed environment:
// TZ=UTC and TERM=xterm; NO_COLOR, PAGER, COLUMNS, LINES and systemd's
// NOTIFY_SOCKET, WATCHDOG_USEC, WATCHDOG_PID and JOURNAL_STREAM removed;
// then `options.env` over that.
RunResult run_newsmon(const std::vector<std::string>& args, ProcessOptions options = {});
// The same, started and left running (the service tests signal it).
ChildProcess start_newsmon(const std::vector<std::string>& args, ProcessOptions options = {});

}  // namespace newsmon::test
