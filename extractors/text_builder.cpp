#include "extractors/text_builder.h"
#include "daemon/base/ascii.h"

#include <algorithm>

namespace newsmon {
namespace {

// Length of the UTF-8 sequence starting with `b` (1 for invalid bytes).
std::size_t sequence_length(unsigned char b) {
  if (b < 0x80) return 1;
  if ((b & 0xE0) == 0xC0) return 2;
  if ((b & 0xF0) == 0xE0) return 3;
  if ((b & 0xF8) == 0xF0) return 4;
  return 1;
}

bool is_invisible(std::string_view c) {
  return c == "\xC2\xAD"                                   // soft hyphen
         || c == "\xE2\x80\x8B" || c == "\xE2\x80\x8C"     // ZWSP, ZWNJ
         || c == "\xE2\x80\x8D" || c == "\xE2\x81\xA0"     // ZWJ, word joiner
         || c == "\xEF\xBB\xBF" || c == "\xE2\x80\x8E"     // BOM/ZWNBSP, LRM
         || c == "\xE2\x80\x8F";                           // RLM
}

bool is_space(std::string_view c) {
  if (c.size() == 1) {
    return ascii::is_space(c[0]);
  }
  return c == "\xC2\xA0"                                           // NBSP
         || (c.size() == 3 && c[0] == '\xE2' && c[1] == '\x80' &&  // U+2000-200A, 2028, 2029
             ((static_cast<unsigned char>(c[2]) >= 0x80 && static_cast<unsigned char>(c[2]) <= 0x8A) ||
              c[2] == '\xA8' || c[2] == '\xA9' || c[2] == '\xAF'))
         || c == "\xE2\x81\x9F" || c == "\xE3\x80\x80";            // MMSP, ideographic space
}

}  // namespace

void TextBuilder::append_char(std::string_view c, bool in_link) {
  if (pending_breaks_ > 0 && !current_.text.empty()) {
    if (pending_breaks_ >= 2) {
      block_boundary();
    } else {
      while (!current_.text.empty() && current_.text.back() == ' ') current_.text.pop_back();
      current_.text.push_back('\n');
    }
  }
  pending_breaks_ = 0;
  if (pending_space_ && !current_.text.empty() && current_.text.back() != '\n') current_.text.push_back(' ');
  pending_space_ = false;
  current_.text.append(c);
  if (in_link) current_.link_chars += c.size();
}

void TextBuilder::text(std::string_view raw, bool in_link) {
  std::size_t i = 0;
  while (i < raw.size()) {
    const auto b = static_cast<unsigned char>(raw[i]);
    std::size_t n = std::min(sequence_length(b), raw.size() - i);
    std::string_view c = raw.substr(i, n);
    i += n;
    if (b < 0x20 && b != '\n' && b != '\t' && b != '\r' && b != '\f') continue;  // controls
    if (b == 0x7F) continue;
    if (n > 1 && is_invisible(c)) continue;
    if (pre_depth_ > 0 && b == '\n') {
      pending_space_ = false;
      if (!current_.text.empty()) ++pending_breaks_;
      continue;
    }
    if (is_space(c)) {
      pending_space_ = true;
      continue;
    }
    append_char(c, in_link);
  }
}

void TextBuilder::line_break() {
  if (!current_.text.empty()) ++pending_breaks_;
  pending_space_ = false;
}

void TextBuilder::block_boundary() {
  while (!current_.text.empty() && (current_.text.back() == ' ' || current_.text.back() == '\n'))
    current_.text.pop_back();
  if (!current_.text.empty()) {
    current_.heading = heading_;
    current_.list_item = list_item_;
    done_.push_back(std::move(current_));
  }
  current_ = Paragraph{};
  heading_ = false;
  list_item_ = false;
  pending_space_ = false;
  pending_breaks_ = 0;
}

std::vector<Paragraph> TextBuilder::finish() {
  block_boundary();
  return std::move(done_);
}

std::vector<Paragraph> render_paragraphs(const PageTree& tree, std::span<const std::int32_t> roots,
                                         const std::vector<std::uint8_t>& skip) {
  TextBuilder out;
  struct Open {
    std::int32_t end;
    GumboTag tag;
  };
  std::vector<Open> open;
  int link_depth = 0;
  auto close = [&](const Open& o) {
    if (o.tag == GUMBO_TAG_A) --link_depth;
    if (o.tag == GUMBO_TAG_PRE) out.set_preformatted(false);
    if (o.tag == GUMBO_TAG_TD || o.tag == GUMBO_TAG_TH) out.text(" ", false);
    if (is_block_tag(o.tag)) out.block_boundary();
  };
  for (const std::int32_t root : roots) {
    const auto stop = tree[std::size_t(root)].end;
    for (std::int32_t i = root; i < stop;) {
      while (!open.empty() && open.back().end <= i) {
        close(open.back());
        open.pop_back();
      }
      const PageNode& n = tree[std::size_t(i)];
      if (!skip.empty() && skip[std::size_t(i)]) {
        if (!n.is_text && is_block_tag(n.tag)) out.block_boundary();
        i = n.end;
        continue;
      }
      if (n.is_text) {
        out.text(tree.text(std::size_t(i)), link_depth > 0);
        ++i;
        continue;
      }
      switch (n.tag) {
        case GUMBO_TAG_BR: out.line_break(); break;
        case GUMBO_TAG_HR: out.block_boundary(); break;
        case GUMBO_TAG_IMG: case GUMBO_TAG_WBR: break;
        default: break;
      }
      if (is_block_tag(n.tag)) out.block_boundary();
      if (is_heading_tag(n.tag)) out.mark_heading();
      if (n.tag == GUMBO_TAG_LI) out.mark_list_item();
      if (n.tag == GUMBO_TAG_PRE) out.set_preformatted(true);
      if (n.tag == GUMBO_TAG_A) {
        const GumboAttribute* href = gumbo_get_attribute(&n.node->v.element.attributes, "href");
        // javascript: pseudo-links are not links to anywhere
        if (href && href->value && std::string_view(href->value).starts_with("javascript:")) {
          open.push_back({n.end, GUMBO_TAG_SPAN});
          ++i;
          continue;
        }
        ++link_depth;
      }
      if (n.end > i + 1) {
        open.push_back({n.end, n.tag});
      } else if (is_block_tag(n.tag)) {
        out.block_boundary();
      } else if (n.tag == GUMBO_TAG_A) {
        --link_depth;
      } else if (n.tag == GUMBO_TAG_PRE) {
        out.set_preformatted(false);
      }
      ++i;
    }
    while (!open.empty()) {
      close(open.back());
      open.pop_back();
    }
    out.block_boundary();
  }
  return out.finish();
}

std::string join_paragraphs(const std::vector<Paragraph>& paragraphs) {
  std::string out;
  for (const Paragraph& p : paragraphs) {
    if (p.text.empty()) continue;
    if (!out.empty()) out += "\n\n";
    out += p.text;
  }
  return out;
}

}  // namespace newsmon
