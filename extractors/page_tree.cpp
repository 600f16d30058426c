#include "extractors/page_tree.h"

#include <algorithm>
#include <cstring>

#include "extractors/boilerplate_rules.h"

namespace newsmon {
namespace {

// Folded length (whitespace runs count one) and comma count of a text.
void measure(std::string_view s, std::uint32_t& chars, std::uint32_t& commas) {
  std::uint32_t n = 0, c = 0;
  bool in_space = true;  // leading whitespace does not count
  for (std::size_t i = 0; i < s.size(); ++i) {
    const unsigned char b = static_cast<unsigned char>(s[i]);
    if (b == ' ' || b == '\n' || b == '\t' || b == '\r' || b == '\f') {
      if (!in_space) ++n;
      in_space = true;
      continue;
    }
    if ((b & 0xC0) == 0x80) continue;  // continuation byte
    in_space = false;
    ++n;
    if (b == ',') {
      ++c;
    } else if (b == 0xEF && i + 2 < s.size()) {
      // U+FF0C fullwidth comma, U+FE50 small comma, U+FE10/FE11
      const unsigned char b1 = static_cast<unsigned char>(s[i + 1]);
      const unsigned char b2 = static_cast<unsigned char>(s[i + 2]);
      if ((b1 == 0xBC && b2 == 0x8C) || (b1 == 0xB9 && b2 == 0x90) || (b1 == 0xB8 && (b2 == 0x90 || b2 == 0x91))) ++c;
    } else if (b == 0xD8 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x8C) {
      ++c;  // U+060C Arabic comma
    } else if (b == 0xE3 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
               static_cast<unsigned char>(s[i + 2]) == 0x81) {
      ++c;  // U+3001 ideographic comma
    }
  }
  chars = n;
  commas = c;
}

}  // namespace

PageTree::PageTree(const GumboNode* root) {
  if (!root) return;
  struct Frame {
    const GumboNode* node;
    std::int32_t parent;
  };
  std::vector<Frame> stack{{root, -1}};
  std::vector<std::int32_t> open;  // indices whose `end` is still to be set, with their depth
  nodes_.reserve(1024);
  while (!stack.empty()) {
    const Frame f = stack.back();
    stack.pop_back();
    // Close every open node that is not an ancestor of this one.
    while (!open.empty() && open.back() != f.parent) {
      nodes_[open.back()].end = std::int32_t(nodes_.size());
      open.pop_back();
    }
    PageNode n;
    n.node = f.node;
    n.parent = f.parent;
    const auto index = std::int32_t(nodes_.size());
    if (f.node->type == GUMBO_NODE_TEXT || f.node->type == GUMBO_NODE_WHITESPACE ||
        f.node->type == GUMBO_NODE_CDATA) {
      n.is_text = true;
      const char* t = f.node->v.text.text;
      measure(t ? std::string_view(t) : std::string_view{}, n.chars, n.commas);
      n.end = index + 1;
      nodes_.push_back(n);
      continue;
    }
    if (f.node->type != GUMBO_NODE_ELEMENT && f.node->type != GUMBO_NODE_TEMPLATE) continue;
    n.tag = f.node->v.element.tag;
    n.hidden = is_hidden_element(f.node);
    nodes_.push_back(n);
    open.push_back(index);
    const GumboVector& children = f.node->v.element.children;
    for (unsigned k = children.length; k-- > 0;)
      stack.push_back({static_cast<const GumboNode*>(children.data[k]), index});
  }
  while (!open.empty()) {
    nodes_[open.back()].end = std::int32_t(nodes_.size());
    open.pop_back();
  }
}

std::string_view PageTree::text(std::size_t i) const {
  const PageNode& n = nodes_[i];
  if (!n.is_text || !n.node->v.text.text) return {};
  return n.node->v.text.text;
}

bool is_block_tag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI: case GUMBO_TAG_UL:
    case GUMBO_TAG_OL: case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_DD:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE: case GUMBO_TAG_TABLE: case GUMBO_TAG_TR:
    case GUMBO_TAG_THEAD: case GUMBO_TAG_TBODY: case GUMBO_TAG_TFOOT: case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE: case GUMBO_TAG_NAV:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_HR: case GUMBO_TAG_ADDRESS: case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY: case GUMBO_TAG_FORM: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_CENTER:
    case GUMBO_TAG_BODY: case GUMBO_TAG_HTML: case GUMBO_TAG_MENU: case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_LEGEND: case GUMBO_TAG_OPTION: case GUMBO_TAG_LISTING: case GUMBO_TAG_PLAINTEXT:
    case GUMBO_TAG_XMP: case GUMBO_TAG_DIR:
      return true;
    default:
      return false;
  }
}

bool is_phrasing_tag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_ABBR: case GUMBO_TAG_AUDIO: case GUMBO_TAG_B: case GUMBO_TAG_BDO: case GUMBO_TAG_BR:
    case GUMBO_TAG_BUTTON: case GUMBO_TAG_CITE: case GUMBO_TAG_CODE: case GUMBO_TAG_DATA:
    case GUMBO_TAG_DATALIST: case GUMBO_TAG_DFN: case GUMBO_TAG_EM: case GUMBO_TAG_EMBED:
    case GUMBO_TAG_I: case GUMBO_TAG_IMG: case GUMBO_TAG_INPUT: case GUMBO_TAG_KBD: case GUMBO_TAG_LABEL:
    case GUMBO_TAG_MARK: case GUMBO_TAG_MATH: case GUMBO_TAG_METER: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_OBJECT: case GUMBO_TAG_OUTPUT: case GUMBO_TAG_PROGRESS: case GUMBO_TAG_Q:
    case GUMBO_TAG_RUBY: case GUMBO_TAG_SAMP: case GUMBO_TAG_SCRIPT: case GUMBO_TAG_SELECT:
    case GUMBO_TAG_SMALL: case GUMBO_TAG_SPAN: case GUMBO_TAG_STRONG: case GUMBO_TAG_SUB:
    case GUMBO_TAG_SUP: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_TIME: case GUMBO_TAG_VAR:
    case GUMBO_TAG_WBR: case GUMBO_TAG_A: case GUMBO_TAG_DEL: case GUMBO_TAG_INS:
      return true;
    default:
      return false;
  }
}

bool is_heading_tag(GumboTag t) {
  return t == GUMBO_TAG_H1 || t == GUMBO_TAG_H2 || t == GUMBO_TAG_H3 || t == GUMBO_TAG_H4 ||
         t == GUMBO_TAG_H5 || t == GUMBO_TAG_H6;
}

}  // namespace newsmon
