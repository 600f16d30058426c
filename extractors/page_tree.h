// PageTree: a flat, pre-order copy of a Gumbo subtree (elements and text),
// built once per page so that every later pass (hiding, scoring, cleaning,
// text output) is a loop over an array instead of a recursion over pointers.
// A node's descendants are exactly the indices (i, end). Built iteratively:
// depth costs no stack. Borrows the Gumbo nodes: the HtmlDocument must
// outlive it. Immutable after build; not thread-safe to build, safe to read.
#pragma once

#include <gumbo.h>

#include <cstdint>
#include <string_view>
#include <vector>

namespace newsmon {

struct PageNode {
  const GumboNode* node = nullptr;
  std::int32_t parent = -1;  // -1 for the root
  std::int32_t end = 0;      // one past the last descendant
  GumboTag tag = GUMBO_TAG_UNKNOWN;
  bool is_text = false;      // text or whitespace node (then tag is UNKNOWN)
  bool hidden = false;       // hidden itself (hidden attr, aria-hidden, inline style)
  std::uint32_t chars = 0;   // text nodes: folded length in code points
  std::uint32_t commas = 0;  // text nodes: commas of any script
};

class PageTree {
 public:
  explicit PageTree(const GumboNode* root);
  const std::vector<PageNode>& nodes() const { return nodes_; }
  std::size_t size() const { return nodes_.size(); }
  const PageNode& operator[](std::size_t i) const { return nodes_[i]; }
  std::string_view text(std::size_t i) const;  // text nodes only

 private:
  std::vector<PageNode> nodes_;
};

// Block-level for text output: ends the current paragraph.
bool is_block_tag(GumboTag tag);
// Readability's "phrasing content": inline children that get wrapped into a
// paragraph when they sit directly in a div with block children.
bool is_phrasing_tag(GumboTag tag);
bool is_heading_tag(GumboTag tag);

}  // namespace newsmon
