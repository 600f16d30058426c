#include "extractors/css_selector.h"

#include <cctype>
#include <cstring>

#include "daemon/base/ascii.h"
#include "extractors/html_document.h"

namespace newsmon {
namespace {

bool ident_char(char c) {
  return ascii::is_alnum(c) || c == '-' || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}

bool has_word(std::string_view list, std::string_view word) {
  std::size_t start = 0;
  while (start < list.size()) {
    while (start < list.size() && ascii::is_space(list[start])) ++start;
    std::size_t end = start;
    while (end < list.size() && !ascii::is_space(list[end])) ++end;
    if (list.substr(start, end - start) == word) return true;
    start = end;
  }
  return false;
}

}  // namespace

Result<CssSelector> CssSelector::parse(std::string_view text) {
  CssSelector sel;
  sel.text_ = std::string(text);
  auto bad = [&](const std::string& why) {
    return fail(ErrorKind::parse, "selector \"" + std::string(text) + "\": " + why);
  };
  Complex complex;
  Compound compound;
  bool have_compound = false;
  auto end_compound = [&] {
    if (have_compound) complex.push_back(std::move(compound));
    compound = Compound{};
    have_compound = false;
  };
  std::size_t i = 0;
  auto read_ident = [&]() {
    const std::size_t start = i;
    while (i < text.size() && ident_char(text[i])) ++i;
    return std::string(text.substr(start, i - start));
  };
  while (i < text.size()) {
    const char c = text[i];
    if (ascii::is_space(c)) {
      end_compound();
      ++i;
    } else if (c == ',') {
      end_compound();
      if (complex.empty()) return bad("empty alternative");
      sel.alternatives_.push_back(std::move(complex));
      complex.clear();
      ++i;
    } else if (c == '.' || c == '#') {
      ++i;
      std::string name = read_ident();
      if (name.empty()) return bad("missing name after '" + std::string(1, c) + "'");
      if (c == '.') compound.classes.push_back(std::move(name));
      else compound.id = std::move(name);
      have_compound = true;
    } else if (c == '[') {
      ++i;
      AttributeTest test;
      test.name = read_ident();
      test.name = ascii::lower(test.name);
      if (test.name.empty()) return bad("missing attribute name");
      if (i < text.size() && std::strchr("*^$~", text[i]) && i + 1 < text.size() && text[i + 1] == '=') {
        test.op = text[i];
        i += 2;
      } else if (i < text.size() && text[i] == '=') {
        test.op = '=';
        ++i;
      }
      if (test.op) {
        if (i < text.size() && (text[i] == '"' || text[i] == '\'')) {
          const char q = text[i++];
          const std::size_t close = text.find(q, i);
          if (close == std::string_view::npos) return bad("unterminated quote");
          test.value = std::string(text.substr(i, close - i));
          i = close + 1;
        } else {
          test.value = read_ident();
        }
      }
      if (i >= text.size() || text[i] != ']') return bad("missing ']'");
      ++i;
      compound.attributes.push_back(std::move(test));
      have_compound = true;
    } else if (c == '*') {
      ++i;
      have_compound = true;
    } else if (ident_char(c)) {
      if (have_compound) return bad("type selector must come first");
      compound.tag = read_ident();
      compound.tag = ascii::lower(compound.tag);
      have_compound = true;
    } else {
      return bad(std::string("unsupported character '") + c + "'");
    }
  }
  end_compound();
  if (complex.empty()) return bad("empty selector");
  sel.alternatives_.push_back(std::move(complex));
  return sel;
}

bool CssSelector::matches_compound(const Compound& c, const GumboNode* node) {
  if (!node || node->type != GUMBO_NODE_ELEMENT) return false;
  if (!c.tag.empty()) {
    const char* name = gumbo_normalized_tagname(node->v.element.tag);
    if (node->v.element.tag == GUMBO_TAG_UNKNOWN) {
      GumboStringPiece piece = node->v.element.original_tag;
      gumbo_tag_from_original_text(&piece);
      std::string original(piece.data ? std::string_view(piece.data, piece.length) : std::string_view{});
      original = ascii::lower(original);
      if (original != c.tag) return false;
    } else if (c.tag != name) {
      return false;
    }
  }
  if (!c.id.empty() && attribute(node, "id") != c.id) return false;
  if (!c.classes.empty()) {
    const std::string_view cls = attribute(node, "class");
    for (const std::string& k : c.classes)
      if (!has_word(cls, k)) return false;
  }
  for (const AttributeTest& t : c.attributes) {
    const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, t.name.c_str());
    if (!a) return false;
    const std::string_view v = a->value ? a->value : "";
    switch (t.op) {
      case 0: break;
      case '=': if (v != t.value) return false; break;
      case '*': if (v.find(t.value) == std::string_view::npos) return false; break;
      case '^': if (!v.starts_with(t.value)) return false; break;
      case '$': if (!v.ends_with(t.value)) return false; break;
      case '~': if (!has_word(v, t.value)) return false; break;
      default: return false;
    }
  }
  return true;
}

bool CssSelector::matches(const PageTree& tree, std::size_t node) const {
  for (const Complex& complex : alternatives_) {
    if (!matches_compound(complex.back(), tree[node].node)) continue;
    // Descendant chain: match the rest against ancestors, innermost first.
    std::size_t want = complex.size() - 1;
    std::int32_t a = tree[node].parent;
    while (want > 0 && a >= 0) {
      if (matches_compound(complex[want - 1], tree[std::size_t(a)].node)) --want;
      a = tree[std::size_t(a)].parent;
    }
    if (want == 0) return true;
  }
  return false;
}

}  // namespace newsmon
