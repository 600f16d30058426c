#include "extractors/css_selector.h"

#include <catch2/catch.hpp>

#include "extractors/html_document.h"

using namespace newsmon;

namespace {

// Texts of the elements matching `selector`.
std::vector<std::string> select(const std::string& html, const std::string& selector) {
  const HtmlDocument doc(html);
  const PageTree tree(doc.root());
  auto sel = CssSelector::parse(selector);
  REQUIRE(sel);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < tree.size(); ++i)
    if (!tree[i].is_text && sel->matches(tree, i)) out.emplace_back(attribute(tree[i].node, "id"));
  return out;
}

}  // namespace

TEST_CASE("selectors match by type, class, id, attribute and descendant", "[css_selector]") {
  const std::string html =
      "<main id=m><div id=a class='x body'><p id=p1 class=x>1</p></div>"
      "<section id=s data-gu-name=body><p id=p2>2</p></section><custom-el id=c></custom-el></main>";
  CHECK(select(html, "div.body") == std::vector<std::string>{"a"});
  CHECK(select(html, ".x") == std::vector<std::string>{"a", "p1"});
  CHECK(select(html, "#s") == std::vector<std::string>{"s"});
  CHECK(select(html, "[data-gu-name=body]") == std::vector<std::string>{"s"});
  CHECK(select(html, "[data-gu-name*=od]") == std::vector<std::string>{"s"});
  CHECK(select(html, "[id^=p]") == std::vector<std::string>{"p1", "p2"});
  CHECK(select(html, "main section p") == std::vector<std::string>{"p2"});
  CHECK(select(html, "div p, section p") == std::vector<std::string>{"p1", "p2"});
  CHECK(select(html, "custom-el") == std::vector<std::string>{"c"});
}

TEST_CASE("bad selectors are errors that quote the selector", "[css_selector]") {
  auto bad = CssSelector::parse("div > p");
  REQUIRE_FALSE(bad);
  CHECK(bad.error().message == "selector \"div > p\": unsupported character '>'");
  CHECK_FALSE(CssSelector::parse(""));
  CHECK_FALSE(CssSelector::parse("[x"));
  CHECK_FALSE(CssSelector::parse("a,"));
}
