// TextBuilder: HTML text runs -> clean paragraphs. Whitespace is folded
// (U+00A0 included), zero-width characters and soft hyphens are removed,
// a block boundary always ends the paragraph (words are never glued across
// blocks), one <br> is a line break inside the paragraph and two or more are
// a paragraph break, <pre> keeps its lines. render_paragraphs walks a
// PageTree range with these rules. Single-owner value; not thread-safe.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/page_tree.h"

namespace newsmon {

struct Paragraph {
  std::string text;
  std::size_t link_chars = 0;   // bytes of text that sat inside <a href>
  bool heading = false;         // came from h1-h6
  bool list_item = false;       // came from li
};

class TextBuilder {
 public:
  void text(std::string_view raw, bool in_link);
  void line_break();
  void block_boundary();
  void set_preformatted(bool on) { pre_depth_ += on ? 1 : -1; }
  void mark_heading() { heading_ = true; }
  void mark_list_item() { list_item_ = true; }
  std::vector<Paragraph> finish();

 private:
  void append_char(std::string_view utf8_char, bool in_link);
  std::vector<Paragraph> done_;
  Paragraph current_;
  bool pending_space_ = false;
  int pending_breaks_ = 0;
  int pre_depth_ = 0;
  bool heading_ = false;
  bool list_item_ = false;
};

// The paragraphs of the subtrees rooted at `roots` (indices into `tree`,
// in document order), skipping every node whose `skip` entry is non-zero
// (with its descendants). `skip` is empty or tree.size() long.
std::vector<Paragraph> render_paragraphs(const PageTree& tree, std::span<const std::int32_t> roots,
                                         const std::vector<std::uint8_t>& skip);

// Paragraphs joined by one blank line.
std::string join_paragraphs(const std::vector<Paragraph>& paragraphs);

}  // namespace newsmon
