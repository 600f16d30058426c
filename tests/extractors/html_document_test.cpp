#include "extractors/html_document.h"

#include <catch2/catch.hpp>

using namespace newsmon;

TEST_CASE("the prefilter drops scripts, styles, svg and comments but keeps JSON-LD aside", "[html_document]") {
  const auto out = prefilter_html(
      "<head><script>var a = '<p>not text</p>';</script><STYLE>p { color: red }</STYLE>"
      "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\"}</script></head>"
      "<body><!-- a <p>comment</p> --><svg><svg><text>icon</text></svg><title>t</title></svg>"
      "<p>kept</p><noscript>enable js</noscript><template><p>tpl</p></template></body>");
  CHECK(out.html.find("not text") == std::string::npos);
  CHECK(out.html.find("color") == std::string::npos);
  CHECK(out.html.find("comment") == std::string::npos);
  CHECK(out.html.find("icon") == std::string::npos);
  CHECK(out.html.find("<title>t") == std::string::npos);
  CHECK(out.html.find("enable js") == std::string::npos);
  CHECK(out.html.find("tpl") == std::string::npos);
  CHECK(out.html.find("<p>kept</p>") != std::string::npos);
  REQUIRE(out.json_ld.size() == 1);
  CHECK(out.json_ld[0] == "{\"@type\":\"NewsArticle\"}");
}

TEST_CASE("the prefilter leaves words on both sides of a dropped element apart", "[html_document]") {
  const auto out = prefilter_html("one<script>x</script>two");
  CHECK(out.html == "one two");
}

TEST_CASE("a '>' inside a quoted attribute does not end the tag", "[html_document]") {
  const auto out = prefilter_html("<script data-x=\"a>b\">hidden</script><p title='>'>shown</p>");
  CHECK(out.html.find("hidden") == std::string::npos);
  CHECK(out.html.find("shown") != std::string::npos);
}

TEST_CASE("unterminated scripts and comments swallow the rest without running past the end", "[html_document]") {
  CHECK(prefilter_html("<p>a</p><script>var x = 1;").html == "<p>a</p> ");
  CHECK(prefilter_html("<p>a</p><!-- open").html == "<p>a</p>");
  CHECK(prefilter_html("<").html == "<");
  CHECK(prefilter_html("").html.empty());
}

TEST_CASE("nesting deeper than the cap loses tags but keeps text", "[html_document]") {
  std::string html;
  for (int i = 0; i < kMaxNesting + 100; ++i) html += "<div>";
  html += "deep";
  for (int i = 0; i < kMaxNesting + 100; ++i) html += "</div>";
  const auto out = prefilter_html(html);
  CHECK(out.html.find("deep") != std::string::npos);
  std::size_t opened = 0;
  for (std::size_t at = out.html.find("<div>"); at != std::string::npos; at = out.html.find("<div>", at + 1)) ++opened;
  CHECK(opened == std::size_t(kMaxNesting));
}

TEST_CASE("a parsed document exposes its head, body and JSON-LD", "[html_document]") {
  const HtmlDocument doc("<title>T</title><script type='application/ld+json'>{}</script><p>x</p>");
  REQUIRE(doc.head() != nullptr);
  REQUIRE(doc.body() != nullptr);
  CHECK(doc.json_ld().size() == 1);
  CHECK(is_element(doc.body(), GUMBO_TAG_BODY));
  const HtmlDocument empty("");
  CHECK(empty.body() != nullptr);
}

TEST_CASE("navigation, footers and asides are dropped whole, unless never closed", "[html_document]") {
  const auto out = prefilter_html("<nav><nav>menu</nav>more menu</nav><navbar>kept</navbar><footer>f</footer>"
                                  "<aside class=x>side</aside><p>body</p>");
  CHECK(out.html.find("menu") == std::string::npos);
  CHECK(out.html.find("<navbar>kept</navbar>") != std::string::npos);
  CHECK(out.html.find(">f<") == std::string::npos);
  CHECK(out.html.find("side") == std::string::npos);
  CHECK(out.html.find("<p>body</p>") != std::string::npos);
  const auto open = prefilter_html("<footer><p>an unclosed footer keeps its text</p>");
  CHECK(open.html.find("keeps its text") != std::string::npos);
}

TEST_CASE("attributes the extractor never reads are dropped before parsing", "[html_document]") {
  const auto out = prefilter_html(
      "<img src=\"a.jpg\" srcset=\"a-1.jpg 1x, a-2.jpg 2x\" onload=\"track()\" class=lead>"
      "<div data-gu-name=\"body\" data-props='{\"long\":\"" + std::string(100, 'x') + "\"}' id=main>t</div>");
  CHECK(out.html.find("srcset") == std::string::npos);
  CHECK(out.html.find("onload") == std::string::npos);
  CHECK(out.html.find("data-props") == std::string::npos);
  CHECK(out.html.find("<img src=\"a.jpg\" class=lead>") != std::string::npos);
  CHECK(out.html.find("<div data-gu-name=\"body\" id=main>t</div>") != std::string::npos);
}
