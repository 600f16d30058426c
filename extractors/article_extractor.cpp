#include "extractors/article_extractor.h"

#include <algorithm>

#include "extractors/boilerplate_rules.h"
#include "extractors/content_scorer.h"
#include "extractors/html_document.h"
#include "extractors/metadata_extractor.h"
#include "extractors/page_tree.h"
#include "extractors/site_rules.h"
#include "extractors/text_builder.h"

namespace newsmon {
namespace {

std::size_t text_size(const std::vector<Paragraph>& paragraphs) {
  std::size_t n = 0;
  for (const Paragraph& p : paragraphs) n += p.text.size();
  return n;
}

bool mostly_links(const Paragraph& p) { return p.text.size() > 0 && p.link_chars * 10 >= p.text.size() * 8; }

// The body as a site rule sees it: the first body selector that finds text,
// minus the rule's removals and what is hidden or never content.
std::vector<Paragraph> apply_rule(const PageTree& tree, const SiteRule& rule, std::string_view title) {
  std::vector<CssSelector> parsed_body, parsed_remove;
  const std::vector<CssSelector>* body = &rule.body_selectors;
  const std::vector<CssSelector>* remove = &rule.remove_selectors;
  if (body->empty()) {
    for (const std::string& s : rule.body)
      if (auto sel = CssSelector::parse(s)) parsed_body.push_back(std::move(*sel));
    for (const std::string& s : rule.remove)
      if (auto sel = CssSelector::parse(s)) parsed_remove.push_back(std::move(*sel));
    body = &parsed_body;
    remove = &parsed_remove;
  }
  std::vector<std::uint8_t> skip(tree.size(), 0);
  for (std::size_t i = 0; i < tree.size(); ++i) {
    const PageNode& n = tree[i];
    if (n.is_text) continue;
    bool drop = n.hidden || n.tag == GUMBO_TAG_SCRIPT || n.tag == GUMBO_TAG_STYLE || n.tag == GUMBO_TAG_NOSCRIPT ||
                n.tag == GUMBO_TAG_BUTTON || n.tag == GUMBO_TAG_FORM || n.tag == GUMBO_TAG_FIGCAPTION ||
                n.tag == GUMBO_TAG_IFRAME || n.tag == GUMBO_TAG_TEMPLATE;
    for (const CssSelector& sel : *remove)
      if (!drop && sel.matches(tree, i)) drop = true;
    if (drop) {
      std::fill(skip.begin() + std::ptrdiff_t(i), skip.begin() + n.end, 1);
      i = std::size_t(n.end) - 1;
    }
  }
  for (const CssSelector& sel : *body) {
    std::vector<std::int32_t> roots;
    for (std::size_t i = 0; i < tree.size(); ++i) {
      if (tree[i].is_text || skip[i]) continue;
      if (sel.matches(tree, i)) {
        roots.push_back(std::int32_t(i));
        i = std::size_t(tree[i].end) - 1;  // nested matches are inside this one
      }
    }
    if (roots.empty()) continue;
    std::vector<Paragraph> paragraphs = render_paragraphs(tree, roots, skip);
    if (text_size(paragraphs) < 140) continue;
    // The generic cleaning inside the rule's blocks (charts, link lists,
    // forms), unless it empties them.
    ContentChoice cleaned = clean_chosen(tree, roots, title);
    for (std::size_t k = 0; k < skip.size(); ++k) cleaned.skip[k] |= skip[k];
    std::vector<Paragraph> tidy = render_paragraphs(tree, roots, cleaned.skip);
    if (text_size(tidy) * 2 >= text_size(paragraphs)) return tidy;
    return paragraphs;
  }
  return {};
}

std::vector<Paragraph> generic_body(const PageTree& tree, std::string_view title, std::string& byline) {
  // Readability's schedule: relax one rule at a time while the result is short.
  static constexpr ScoringFlags kAttempts[] = {
      {true, true, true}, {false, true, true}, {false, false, true}, {false, false, false}};
  std::vector<Paragraph> best;
  for (const ScoringFlags& flags : kAttempts) {
    ContentChoice choice = choose_content(tree, title, flags);
    std::vector<Paragraph> paragraphs = render_paragraphs(tree, choice.roots, choice.skip);
    if (byline.empty()) byline = choice.byline;
    const bool enough = text_size(paragraphs) >= 500;
    if (text_size(paragraphs) > text_size(best) || best.empty()) best = std::move(paragraphs);
    if (enough) break;
  }
  return best;
}

// Drops the chrome that survives inside article containers: "Read more"
// lines, link lists after a "You might also read", copyright and newsletter
// lines, trailing link-only lines; moves an aggregator's credits line to
// `credited`.
std::vector<Paragraph> clean_paragraphs(std::vector<Paragraph> in, std::vector<std::string>& credited) {
  std::vector<Paragraph> out;
  out.reserve(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    Paragraph& p = in[i];
    if (is_boilerplate_paragraph(p.text)) continue;
    if (introduces_link_list(p.text) &&
        (p.heading || p.text.ends_with(":") || (i + 1 < in.size() && mostly_links(in[i + 1])))) {
      while (i + 1 < in.size() && mostly_links(in[i + 1])) ++i;
      continue;
    }
    out.push_back(std::move(p));
  }
  // The credits line sits among the last few paragraphs.
  const std::size_t from = out.size() > 4 ? out.size() - 4 : 0;
  for (std::size_t i = out.size(); i-- > from;) {
    std::vector<std::string> outlets = parse_credits_line(out[i].text);
    const bool linked = out[i].link_chars * 2 >= out[i].text.size();
    if (outlets.size() >= 3 || (outlets.size() >= 2 && linked)) {
      credited = std::move(outlets);
      out.erase(out.begin() + std::ptrdiff_t(i));
      break;
    }
  }
  // Trailing link lines ("next story", tag links) after a real body.
  std::size_t prose = 0;
  for (const Paragraph& p : out) prose += p.text.size() - std::min(p.text.size(), p.link_chars);
  std::size_t dropped = 0;
  while (out.size() > 1 && mostly_links(out.back()) && out.back().text.size() < 200 && !out.back().list_item &&
         (dropped + out.back().text.size()) * 4 < prose) {
    dropped += out.back().text.size();
    out.pop_back();
  }
  return out;
}

std::size_t count_words(std::string_view s) {
  std::size_t n = 0;
  bool in_word = false;
  for (char c : s) {
    const bool space = c == ' ' || c == '\n' || c == '\t';
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}

}  // namespace

Article extract_article(std::string_view html, std::string_view base_url, const SiteRule* rule) {
  const HtmlDocument doc(html);
  const PageTree tree(doc.root());
  PageMetadata meta = extract_metadata(doc, tree, base_url);
  Article article = std::move(meta.fields);

  std::vector<Paragraph> paragraphs;
  if (rule) paragraphs = apply_rule(tree, *rule, article.title);
  std::string byline;
  if (paragraphs.empty()) paragraphs = generic_body(tree, article.title, byline);
  paragraphs = clean_paragraphs(std::move(paragraphs), article.credited_outlets);
  article.text = join_paragraphs(paragraphs);

  // schema.org articleBody, when the page's own text is clearly shorter
  // (paywalls, lazy-loaded bodies).
  if (!meta.article_body.empty()) {
    std::string body = html_fragment_to_text(meta.article_body);
    if (count_words(body) > 50 && count_words(body) > 2 * count_words(article.text)) article.text = std::move(body);
  }
  if (article.authors.empty() && !byline.empty()) {
    std::string name = byline;
    for (const char* prefix : {"By ", "by ", "BY "})
      if (name.starts_with(prefix)) name = name.substr(3);
    if (!name.empty() && name.size() < 100 && name.find('\n') == std::string::npos) article.authors.push_back(name);
  }
  return article;
}

std::string html_fragment_to_text(std::string_view html) {
  // Feed text is often plain text with entities: that parses as itself.
  const HtmlDocument doc(html);
  const PageTree tree(doc.root());
  std::vector<std::uint8_t> skip(tree.size(), 0);
  std::int32_t body = -1;
  for (std::size_t i = 0; i < tree.size(); ++i) {
    const PageNode& n = tree[i];
    if (n.is_text) continue;
    if (n.tag == GUMBO_TAG_BODY && body < 0) body = std::int32_t(i);
    if (n.hidden || n.tag == GUMBO_TAG_HEAD || n.tag == GUMBO_TAG_SCRIPT || n.tag == GUMBO_TAG_STYLE ||
        n.tag == GUMBO_TAG_TEMPLATE || n.tag == GUMBO_TAG_NOSCRIPT) {
      std::fill(skip.begin() + std::ptrdiff_t(i), skip.begin() + n.end, 1);
      i = std::size_t(n.end) - 1;
    }
  }
  if (body < 0) return {};
  const std::int32_t roots[1] = {body};
  return join_paragraphs(render_paragraphs(tree, roots, skip));
}

}  // namespace newsmon
