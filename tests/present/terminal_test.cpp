// The terminal a reader command writes to (terminal.cpp): what is detected
// when stdout is not a terminal, the styles with and without colour, and
// write_all. On a real terminal (colour, size, pager) the reader commands'
// tests run the binary on a pseudo-terminal.
#include <unistd.h>

#include <catch2/catch.hpp>

#include <cstdio>

#include "daemon/present/terminal.h"
#include "support/scoped_env.h"
#include "support/temp_dir.h"

using namespace newsmon;
using newsmon::test::ScopedEnv;

namespace {

// Points this process's stdout at a file for the scope, so detection sees
// no terminal wherever the tests run.
class StdoutToFile {
 public:
  explicit StdoutToFile(const std::filesystem::path& path) {
    std::fflush(stdout);
    saved_ = ::dup(STDOUT_FILENO);
    std::FILE* file = std::fopen(path.c_str(), "w");
    REQUIRE(file != nullptr);
    ::dup2(::fileno(file), STDOUT_FILENO);
    std::fclose(file);
  }
  ~StdoutToFile() {
    std::fflush(stdout);
    ::dup2(saved_, STDOUT_FILENO);
    ::close(saved_);
  }

 private:
  int saved_ = -1;
};

}  // namespace

TEST_CASE("without a terminal there is no colour and the size comes from COLUMNS and LINES", "[terminal]") {
  test::TempDir dir;
  ScopedEnv no_color("NO_COLOR", nullptr);
  ScopedEnv term("TERM", "xterm");
  Terminal terminal;
  {
    ScopedEnv columns("COLUMNS", "132");
    ScopedEnv lines("LINES", "50");
    StdoutToFile redirect(dir / "out");
    terminal = Terminal::detect();
  }
  CHECK_FALSE(terminal.tty);
  CHECK_FALSE(terminal.colour);
  CHECK(terminal.width == 132);
  CHECK(terminal.height == 50);
}

TEST_CASE("a COLUMNS or LINES that is not a positive number gives 80 by 24", "[terminal]") {
  test::TempDir dir;
  ScopedEnv columns("COLUMNS", "wide");
  ScopedEnv lines("LINES", "-3");
  StdoutToFile redirect(dir / "out");
  const Terminal terminal = Terminal::detect();
  CHECK(terminal.width == 80);
  CHECK(terminal.height == 24);
}

TEST_CASE("styles wrap text in escape codes only with colour", "[terminal]") {
  Terminal plain;
  CHECK(plain.bold("x") == "x");
  CHECK(plain.match("x") == "x");
  Terminal colour;
  colour.tty = colour.colour = true;
  CHECK(colour.bold("x") == "\x1b[1mx\x1b[0m");
  CHECK(colour.dim("x") == "\x1b[2mx\x1b[0m");
  CHECK(colour.match("x") == "\x1b[1;31mx\x1b[0m");
  CHECK(colour.heading("x") == "\x1b[1;34mx\x1b[0m");
  CHECK(colour.accent("x") == "\x1b[36mx\x1b[0m");
}

TEST_CASE("write_all writes every byte and reports success", "[terminal]") {
  test::TempDir dir;
  const auto path = dir / "out";
  std::FILE* file = std::fopen(path.c_str(), "w");
  REQUIRE(file != nullptr);
  const std::string text(100000, 'a');
  CHECK(write_all(file, text));
  std::fclose(file);
  CHECK(test::read_file(path) == text);
}
