#include "extractors/text_builder.h"

#include <catch2/catch.hpp>

#include "extractors/html_document.h"

using namespace newsmon;

namespace {

std::string render(const std::string& html) {
  const HtmlDocument doc(html);
  const PageTree tree(doc.root());
  std::int32_t body = 0;
  for (std::size_t i = 0; i < tree.size(); ++i)
    if (!tree[i].is_text && tree[i].tag == GUMBO_TAG_BODY) body = std::int32_t(i);
  const std::int32_t roots[1] = {body};
  return join_paragraphs(render_paragraphs(tree, roots, {}));
}

}  // namespace

TEST_CASE("blocks become paragraphs separated by one blank line", "[text_builder]") {
  CHECK(render("<p>a</p><p>b</p><div>c<div>d</div>e</div>") == "a\n\nb\n\nc\n\nd\n\ne");
  CHECK(render("<h2>Head</h2>text<ul><li>x</li><li>y</li></ul>") == "Head\n\ntext\n\nx\n\ny");
}

TEST_CASE("whitespace folds, NBSP included, and inline elements do not split words", "[text_builder]") {
  CHECK(render("<p>  a \n\t b&nbsp;&nbsp;c  </p>") == "a b c");
  CHECK(render("<p>un<b>break</b>able <i>word</i></p>") == "unbreakable word");
}

TEST_CASE("one br breaks the line, two break the paragraph", "[text_builder]") {
  CHECK(render("<p>a<br>b</p>") == "a\nb");
  CHECK(render("<div>a<br><br>b</div>") == "a\n\nb");
  CHECK(render("<div>a<br> <br><br>b</div>") == "a\n\nb");
}

TEST_CASE("soft hyphens, zero-width characters and control characters vanish", "[text_builder]") {
  CHECK(render("<p>in\xC2\xADter\xE2\x80\x8Bna\xE2\x80\x8Dtional\xEF\xBB\xBF</p>") == "international");
  TextBuilder b;
  b.text("bell\x07 and\x7f del\x1b", false);
  const auto p = b.finish();
  REQUIRE(p.size() == 1);
  CHECK(p[0].text == "bell and del");
}

TEST_CASE("pre keeps its lines and table cells stay apart", "[text_builder]") {
  CHECK(render("<pre>line 1\nline 2</pre>") == "line 1\nline 2");
  CHECK(render("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>") == "a b\n\nc");
}

TEST_CASE("link text is counted so link lists can be recognised", "[text_builder]") {
  const HtmlDocument doc("<p><a href='/x'>link</a> text</p>");
  const PageTree tree(doc.root());
  const std::int32_t roots[1] = {0};
  const auto paragraphs = render_paragraphs(tree, roots, {});
  REQUIRE(paragraphs.size() == 1);
  CHECK(paragraphs[0].link_chars == 4);
}
