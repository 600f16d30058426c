// Content scoring (content_scorer.cpp): the article's container chosen in a
// PageTree as Readability would, and the cleaning of what was chosen.
#include "extractors/content_scorer.h"

#include <catch2/catch.hpp>

#include <string>

#include "extractors/html_document.h"
#include "extractors/text_builder.h"

using namespace newsmon;

namespace {

std::string paragraphs(const std::string& word, int count) {
  std::string html;
  for (int i = 0; i < count; ++i)
    html += "<p>" + word + " paragraph " + std::to_string(i) +
            ", with commas, long enough to count as prose, about the regulator's rules for network "
            "equipment suppliers and what the operators said about the cost of replacing it.</p>";
  return html;
}

// The text of what choose_content (or clean_chosen) picked.
std::string chosen_text(const PageTree& tree, const ContentChoice& choice) {
  return join_paragraphs(render_paragraphs(tree, choice.roots, choice.skip));
}

std::int32_t find_id(const PageTree& tree, const char* id) {
  for (std::size_t i = 0; i < tree.size(); ++i)
    if (!tree[i].is_text) {
      const GumboAttribute* a = gumbo_get_attribute(&tree[i].node->v.element.attributes, "id");
      if (a && std::string(a->value) == id) return std::int32_t(i);
    }
  return -1;
}

}  // namespace

TEST_CASE("the container of the prose is chosen over navigation and a sidebar", "[content_scorer]") {
  const std::string html = "<html><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
                           "<div id='sidebar' class='sidebar'><p>Most read: a short list, of links.</p></div>"
                           "<div id='story'>" + paragraphs("Article", 5) + "</div>"
                           "<div class='comments'><p>First!</p></div></body></html>";
  const HtmlDocument doc(html);
  const PageTree tree(doc.root());
  const ContentChoice choice = choose_content(tree, "Title", ScoringFlags{});
  REQUIRE_FALSE(choice.roots.empty());
  const std::string text = chosen_text(tree, choice);
  CHECK(text.find("Article paragraph 0") != std::string::npos);
  CHECK(text.find("Article paragraph 4") != std::string::npos);
  CHECK(text.find("Most read") == std::string::npos);
  CHECK(text.find("First!") == std::string::npos);
  CHECK(text.find("Home") == std::string::npos);
}

TEST_CASE("a byline element's text is kept aside, not in the article", "[content_scorer]") {
  const HtmlDocument doc("<html><body><div id='story'><p class='byline'>By Ann Reporter</p>" +
                         paragraphs("Article", 4) + "</div></body></html>");
  const PageTree tree(doc.root());
  const ContentChoice choice = choose_content(tree, "Title", ScoringFlags{});
  CHECK(choice.byline == "By Ann Reporter");
  CHECK(chosen_text(tree, choice).find("By Ann Reporter") == std::string::npos);
}

TEST_CASE("cleaning a chosen block drops a heading that repeats the title and a form",
          "[content_scorer]") {
  const HtmlDocument doc("<html><body><div id='rule'><h1>The Title</h1>" + paragraphs("Kept", 3) +
                         "<form><label>Related newsletter</label><input type='email'><button>Subscribe</button></form>"
                         "</div></body></html>");
  const PageTree tree(doc.root());
  const std::int32_t rule = find_id(tree, "rule");
  REQUIRE(rule >= 0);
  const ContentChoice choice = clean_chosen(tree, {rule}, "The Title");
  const std::string text = chosen_text(tree, choice);
  CHECK(text.starts_with("Kept paragraph 0"));
  CHECK(text.find("The Title") == std::string::npos);
  CHECK(text.find("Related") == std::string::npos);
}
