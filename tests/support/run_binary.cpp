#include "support/run_binary.h"

#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace newsmon::test {

namespace {

int exit_code_of(int status) { return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status); }

// "NAME=value" entries: the parent's environment with `overrides` applied.
std::vector<std::string> environment_with(const std::map<std::string, std::optional<std::string>>& overrides) {
  std::vector<std::string> entries;
  for (char** e = environ; *e; ++e) {
    const std::string entry(*e);
    if (!overrides.contains(entry.substr(0, entry.find('=')))) entries.push_back(entry);
  }
  for (const auto& [name, value] : overrides)
    if (value) entries.push_back(name + "=" + *value);
  return entries;
}

std::vector<char*> pointers_to(std::vector<std::string>& strings) {
  std::vector<char*> pointers;
  for (auto& s : strings) pointers.push_back(s.data());
  pointers.push_back(nullptr);
  return pointers;
}

int open_or_throw(const std::filesystem::path& path, int flags) {
  const int fd = ::open(path.c_str(), flags | O_CLOEXEC, 0600);
  if (fd < 0) throw std::runtime_error("cannot open " + path.string() + ": " + std::strerror(errno));
  return fd;
}

}  // namespace

ChildProcess::ChildProcess(const std::vector<std::string>& argv, const ProcessOptions& options) : options_(options) {
  if (argv.empty()) throw std::invalid_argument("ChildProcess: no program");
  out_path_ = dir_ / "stdout";
  err_path_ = options.stderr_path.empty() ? dir_ / "stderr" : options.stderr_path;
  // Everything the child needs is made here: between fork() and exec() a
  // multithreaded parent's child may only make async-signal-safe calls.
  std::vector<std::string> argv_strings = argv, env_strings = environment_with(options.env);
  const std::vector<char*> child_argv = pointers_to(argv_strings), child_env = pointers_to(env_strings);
  const char* directory = options.working_directory.empty() ? nullptr : options.working_directory.c_str();
  int in = -1, out = -1, err = -1;
  if (options.terminal) {
    winsize size{};
    size.ws_col = static_cast<unsigned short>(options.terminal->columns);
    size.ws_row = static_cast<unsigned short>(options.terminal->rows);
    if (::openpty(&terminal_, &terminal_child_, nullptr, nullptr, &size) != 0)
      throw std::runtime_error(std::string("openpty failed: ") + std::strerror(errno));
    ::fcntl(terminal_, F_SETFD, FD_CLOEXEC);
    ::fcntl(terminal_child_, F_SETFD, FD_CLOEXEC);
    in = out = err = terminal_child_;
  } else {
    in = open_or_throw(dir_.write("stdin", options.stdin_text), O_RDONLY);
    out = open_or_throw(out_path_, O_WRONLY | O_CREAT | O_TRUNC);
    err = options.stderr_to_stdout ? out : open_or_throw(err_path_, O_WRONLY | O_CREAT | O_TRUNC);
  }
  pid_ = ::fork();
  if (pid_ == 0) {
    if (options.terminal) {
      ::setsid();
      ::ioctl(terminal_child_, TIOCSCTTY, 0);
    }
    // dup2 clears close-on-exec on the copies.
    if (::dup2(in, 0) < 0 || ::dup2(out, 1) < 0 || ::dup2(err, 2) < 0) ::_exit(126);
    if (directory && ::chdir(directory) != 0) ::_exit(126);
    ::execve(child_argv[0], child_argv.data(), child_env.data());
    ::_exit(127);
  }
  if (!options.terminal) {
    ::close(in);
    ::close(out);
    if (err != out) ::close(err);
  }
  if (pid_ < 0) throw std::runtime_error(std::string("fork failed: ") + std::strerror(errno));
}

ChildProcess::~ChildProcess() {
  if (pid_ > 0 && !exit_code_) {
    ::kill(pid_, SIGKILL);
    while (::waitpid(pid_, nullptr, 0) < 0 && errno == EINTR) {}
  }
  if (terminal_ >= 0) ::close(terminal_);
  if (terminal_child_ >= 0) ::close(terminal_child_);
}

// Moves what the terminal shows into terminal_text_, waiting up to `poll_ms`
// for the first bytes. The parent keeps the child side open, so reading never
// meets the end-of-terminal error while output is still queued (a pty that
// the child closes on exit may drop what it had not yet passed on).
void ChildProcess::read_terminal(int poll_ms) {
  char buffer[4096];
  for (;;) {
    pollfd ready{terminal_, POLLIN, 0};
    const int events = ::poll(&ready, 1, poll_ms);
    if (events < 0 && errno == EINTR) continue;
    if (events <= 0) return;
    const ssize_t n = ::read(terminal_, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    terminal_text_.append(buffer, std::size_t(n));
  }
}

std::optional<int> ChildProcess::wait_exit(std::chrono::milliseconds timeout) {
  const auto end = std::chrono::steady_clock::now() + timeout;
  while (!exit_code_) {
    int status = 0;
    const pid_t done = ::waitpid(pid_, &status, WNOHANG);
    if (done == pid_) {
      exit_code_ = exit_code_of(status);
      break;
    }
    if (done < 0 && errno != EINTR) throw std::runtime_error(std::string("waitpid: ") + std::strerror(errno));
    if (std::chrono::steady_clock::now() >= end) break;
    if (terminal_ >= 0)
      read_terminal(20);
    else
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return exit_code_;
}

RunResult ChildProcess::finish() {
  RunResult result;
  if (!wait_exit(options_.time_limit)) {
    ::kill(pid_, SIGKILL);
    while (::waitpid(pid_, nullptr, 0) < 0 && errno == EINTR) {}
    exit_code_ = -1;
    result.timed_out = true;
  }
  result.exit_code = *exit_code_;
  if (terminal_ >= 0) {
    read_terminal(50);  // the child has exited: what is left arrives within a poll interval
    for (std::size_t i = 0; i < terminal_text_.size(); ++i)
      if (!(terminal_text_[i] == '\r' && i + 1 < terminal_text_.size() && terminal_text_[i + 1] == '\n'))
        result.out += terminal_text_[i];
  } else {
    result.out = read_file(out_path_);
    if (!options_.stderr_to_stdout) result.err = read_file(err_path_);
  }
  return result;
}

RunResult run_binary(const std::vector<std::string>& argv, const ProcessOptions& options) {
  ChildProcess child(argv, options);
  return child.finish();
}

namespace {

std::vector<std::string> newsmon_argv(const std::vector<std::string>& args, const ProcessOptions& options) {
  std::vector<std::string> argv = options.launcher;
  argv.push_back(NEWSMON_BINARY);
  argv.insert(argv.end(), args.begin(), args.end());
  return argv;
}

ProcessOptions with_fixed_environment(ProcessOptions options) {
  std::map<std::string, std::optional<std::string>> env{{"TZ", "UTC"}, {"TERM", "xterm"}};
  for (const char* name : {"NO_COLOR", "PAGER", "COLUMNS", "LINES", "NOTIFY_SOCKET", "WATCHDOG_USEC",
                           "WATCHDOG_PID", "JOURNAL_STREAM"})
    env[name] = std::nullopt;
  for (const auto& [name, value] : options.env) env[name] = value;
  options.env = std::move(env);
  return options;
}

}  // namespace

RunResult run_newsmon(const std::vector<std::string>& args, ProcessOptions options) {
  return run_binary(newsmon_argv(args, options), with_fixed_environment(std::move(options)));
}

ChildProcess start_newsmon(const std::vector<std::string>& args, ProcessOptions options) {
  return ChildProcess(newsmon_argv(args, options), with_fixed_environment(std::move(options)));
}

}  // namespace newsmon::test
