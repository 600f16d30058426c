// PageTree (page_tree.cpp): the flat pre-order copy of a parsed page that
// every extraction pass loops over.
#include "extractors/page_tree.h"

#include <catch2/catch.hpp>

#include <string>

#include "extractors/html_document.h"

using namespace newsmon;

namespace {

// The index of the first element with `tag`; -1 when there is none.
std::int32_t find_tag(const PageTree& tree, GumboTag tag) {
  for (std::size_t i = 0; i < tree.size(); ++i)
    if (!tree[i].is_text && tree[i].tag == tag) return std::int32_t(i);
  return -1;
}

}  // namespace

TEST_CASE("a node's descendants are exactly the indices up to its end", "[page_tree]") {
  const HtmlDocument doc("<html><body><div><p>one</p><p>two</p></div><p>three</p></body></html>");
  const PageTree tree(doc.root());
  const std::int32_t div = find_tag(tree, GUMBO_TAG_DIV);
  REQUIRE(div >= 0);
  std::string inside;
  for (std::int32_t i = div + 1; i < tree[std::size_t(div)].end; ++i)
    if (tree[std::size_t(i)].is_text) inside += std::string(tree.text(std::size_t(i))) + ";";
  CHECK(inside == "one;two;");
  for (std::int32_t i = div + 1; i < tree[std::size_t(div)].end; ++i) {
    // Every descendant's parent chain reaches the div.
    std::int32_t up = tree[std::size_t(i)].parent;
    while (up > div) up = tree[std::size_t(up)].parent;
    CHECK(up == div);
  }
  CHECK(tree[0].parent == -1);
  CHECK(tree[0].end == std::int32_t(tree.size()));
}

TEST_CASE("text nodes count their characters in code points and their commas", "[page_tree]") {
  const HtmlDocument doc("<p>caf\xc3\xa9, th\xc3\xa9, and more</p>");
  const PageTree tree(doc.root());
  const std::int32_t p = find_tag(tree, GUMBO_TAG_P);
  REQUIRE(p >= 0);
  const PageNode& text = tree[std::size_t(p) + 1];
  REQUIRE(text.is_text);
  CHECK(tree.text(std::size_t(p) + 1) == "caf\xc3\xa9, th\xc3\xa9, and more");
  CHECK(text.chars == 19);
  CHECK(text.commas == 2);
}

TEST_CASE("hidden elements are marked by attribute, aria-hidden and inline style", "[page_tree]") {
  const HtmlDocument doc("<div hidden>a</div><section aria-hidden=\"true\">b</section>"
                         "<span style=\"Display: None\">c</span><p>d</p>");
  const PageTree tree(doc.root());
  CHECK(tree[std::size_t(find_tag(tree, GUMBO_TAG_DIV))].hidden);
  CHECK(tree[std::size_t(find_tag(tree, GUMBO_TAG_SECTION))].hidden);
  REQUIRE(find_tag(tree, GUMBO_TAG_SPAN) >= 0);
  CHECK(tree[std::size_t(find_tag(tree, GUMBO_TAG_SPAN))].hidden);
  CHECK_FALSE(tree[std::size_t(find_tag(tree, GUMBO_TAG_P))].hidden);
}

TEST_CASE("a page nested 100000 deep builds without exhausting the stack", "[page_tree]") {
  std::string html;
  for (int i = 0; i < 100000; ++i) html += "<span>";
  html += "deep";
  const HtmlDocument doc(html);
  const PageTree tree(doc.root());
  CHECK(tree.size() > 1);
}

TEST_CASE("block, phrasing and heading tags are told apart", "[page_tree]") {
  CHECK(is_block_tag(GUMBO_TAG_P));
  CHECK(is_block_tag(GUMBO_TAG_DIV));
  CHECK_FALSE(is_block_tag(GUMBO_TAG_SPAN));
  CHECK(is_phrasing_tag(GUMBO_TAG_A));
  CHECK(is_phrasing_tag(GUMBO_TAG_SPAN));
  CHECK_FALSE(is_phrasing_tag(GUMBO_TAG_DIV));
  CHECK(is_heading_tag(GUMBO_TAG_H2));
  CHECK_FALSE(is_heading_tag(GUMBO_TAG_P));
}
