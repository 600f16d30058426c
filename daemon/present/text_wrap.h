// Word wrapping for the terminal, UTF-8 aware: widths are counted in
// terminal columns (one per character, two for East Asian wide characters
// and emoji, none for combining marks), words are never split inside a
// character, and a word longer than the line is broken rather than left to
// overflow. Works on plain text: wrap first, add colour after. Pure functions.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace newsmon {

// Columns `text` takes on a terminal (invalid bytes count as one).
std::size_t display_width(std::string_view text);

// One paragraph (runs of spaces, tabs and newlines count as one space) as
// lines at most `width` columns wide. Empty text gives no lines.
std::vector<std::string> wrap_paragraph(std::string_view text, std::size_t width);

// Every line of `text` wrapped as a paragraph of its own to `width` columns
// including `indent`, which starts every output line; blank lines are kept
// (without trailing spaces). The result ends with a newline unless empty.
std::string wrap_text(std::string_view text, std::size_t width, std::string_view indent = "");

// At most `max_columns` of `text`, cut at a word boundary when one is near,
// with "…" appended when anything was cut.
std::string truncate_text(std::string_view text, std::size_t max_columns);

}  // namespace newsmon
