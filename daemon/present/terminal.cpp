#include "daemon/present/terminal.h"

#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <vector>

namespace newsmon {

namespace {

int env_int(const char* name, int fallback) {
  const char* value = std::getenv(name);
  if (!value || !*value) return fallback;
  char* end = nullptr;
  const long n = std::strtol(value, &end, 10);
  return (*end == '\0' && n > 0 && n < 10000) ? int(n) : fallback;
}

std::string styled(bool colour, const char* code, std::string_view text) {
  if (!colour) return std::string(text);
  std::string out = "\x1b[";
  out += code;
  out += 'm';
  out += text;
  out += "\x1b[0m";
  return out;
}

// An executable file named `name` somewhere in $PATH.
bool on_path(const std::string& name) {
  const char* path = std::getenv("PATH");
  if (!path) return false;
  std::string_view rest = path;
  while (true) {
    const auto colon = rest.find(':');
    const std::filesystem::path dir(std::string(rest.substr(0, colon)));
    if (!dir.empty() && ::access((dir / name).c_str(), X_OK) == 0) return true;
    if (colon == std::string_view::npos) return false;
    rest.remove_prefix(colon + 1);
  }
}

std::size_t count_lines(std::string_view text) {
  std::size_t n = 0;
  for (char c : text) n += c == '\n';
  return n;
}

}  // namespace

Terminal Terminal::detect() {
  Terminal t;
  t.tty = ::isatty(STDOUT_FILENO) == 1;
  const char* no_color = std::getenv("NO_COLOR");
  const char* term = std::getenv("TERM");
  t.colour = t.tty && !(no_color && *no_color) && !(term && std::string_view(term) == "dumb");
  t.width = env_int("COLUMNS", 80);
  t.height = env_int("LINES", 24);
  if (t.tty) {
    winsize size{};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
      t.width = size.ws_col;
      if (size.ws_row > 0) t.height = size.ws_row;
    }
  }
  return t;
}

std::string Terminal::bold(std::string_view text) const { return styled(colour, "1", text); }
std::string Terminal::dim(std::string_view text) const { return styled(colour, "2", text); }
std::string Terminal::match(std::string_view text) const { return styled(colour, "1;31", text); }
std::string Terminal::heading(std::string_view text) const { return styled(colour, "1;34", text); }
std::string Terminal::accent(std::string_view text) const { return styled(colour, "36", text); }

bool write_all(std::FILE* out, std::string_view text) {
  return std::fwrite(text.data(), 1, text.size(), out) == text.size() && std::fflush(out) == 0;
}

void print_paged(const Terminal& terminal, std::string_view text) {
  std::string pager;
  if (terminal.tty && count_lines(text) >= std::size_t(terminal.height)) {
    const char* configured = std::getenv("PAGER");
    if (configured) pager = configured;  // PAGER="" or "cat": no pager, as git
    else if (on_path("less")) pager = "less";
  }
  if (pager.empty() || pager == "cat") {
    write_all(stdout, text);
    return;
  }
  std::fflush(stdout);
  int fds[2];
  if (::pipe(fds) != 0) {
    write_all(stdout, text);
    return;
  }
  const pid_t child = ::fork();
  if (child < 0) {
    ::close(fds[0]);
    ::close(fds[1]);
    write_all(stdout, text);
    return;
  }
  if (child == 0) {
    ::dup2(fds[0], STDIN_FILENO);
    ::close(fds[0]);
    ::close(fds[1]);
    ::setenv("LESS", "FRX", 0);  // only when the user set nothing
    ::setenv("LV", "-c", 0);
    ::execl("/bin/sh", "sh", "-c", pager.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(fds[0]);
  // The reader may quit early: a broken pipe is the end, not an error.
  struct sigaction ignore{}, previous{};
  ignore.sa_handler = SIG_IGN;
  ::sigaction(SIGPIPE, &ignore, &previous);
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fds[1], text.data() + done, text.size() - done);
    if (n <= 0) break;
    done += std::size_t(n);
  }
  ::close(fds[1]);
  ::sigaction(SIGPIPE, &previous, nullptr);
  int status = 0;
  while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {}
}

}  // namespace newsmon
