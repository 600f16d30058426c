// The terminal a reader command writes to: whether stdout is one, how wide
// and tall it is, whether colour is wanted (only on a terminal, never with
// NO_COLOR set, never with TERM=dumb), the escape codes for our restrained
// styles, and a pager for output longer than the screen, as git does
// ($PAGER, else `less` with LESS=FRX unless LESS is set).
// Terminal is a value read once per command; Pager owns the child process
// and the pipe to it. Neither is thread-safe; one per command.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

namespace newsmon {

struct Terminal {
  bool tty = false;     // stdout is a terminal
  bool colour = false;  // tty, NO_COLOR unset or empty, TERM not "dumb"
  int width = 80;       // columns: the terminal's, else $COLUMNS, else 80
  int height = 24;      // rows: the terminal's, else $LINES, else 24

  // Reads stdout (fd 1) and the environment.
  static Terminal detect();

  // `text` wrapped in a style's escape codes, or unchanged without colour.
  // Apply these only after strip_control_characters on untrusted text.
  std::string bold(std::string_view text) const;
  std::string dim(std::string_view text) const;
  std::string match(std::string_view text) const;    // bold red, as grep
  std::string heading(std::string_view text) const;  // bold blue
  std::string accent(std::string_view text) const;   // cyan: outlets
};

// Prints `text` to stdout, through a pager when stdout is a terminal and
// `text` has more lines than the screen. Never fails: without a usable
// pager the text is printed directly.
void print_paged(const Terminal& terminal, std::string_view text);

// Writes all of `text` to `out`; false on an error (EPIPE: the reader left).
bool write_all(std::FILE* out, std::string_view text);

}  // namespace newsmon
