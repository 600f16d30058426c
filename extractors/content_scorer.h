// Content scoring: finds the article's container in a PageTree the way
// Mozilla Readability does, in a few linear passes over the flat tree
// instead of DOM surgery: hidden and unlikely nodes are left out, every
// paragraph-like block (p, td, pre, section, h2-h6, and the inline runs of
// divs) scores by length and commas, the score flows to its parent (full),
// grandparent (half) and up to five levels (1/(3*level)), each candidate's
// score is scaled by (1 - link density), the best candidate is widened to
// the common ancestor of other strong candidates and to its siblings that
// score well or read like prose, and the chosen blocks are cleaned
// (link-heavy lists and divs, forms, share bars, adverts, captions, bylines).
// Pure function of its inputs; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/page_tree.h"

namespace newsmon {

struct ScoringFlags {
  bool strip_unlikely = true;       // drop comment/sidebar/share/... by class and id
  bool weight_classes = true;       // +/-25 by class and id hints
  bool clean_conditionally = true;  // drop link-heavy or form-like blocks in the result
};

struct ContentChoice {
  std::vector<std::int32_t> roots;  // chosen subtrees, document order
  std::vector<std::uint8_t> skip;   // per node: leave it (and its subtree) out
  std::string byline;               // text of the first byline element seen
};

// `title` is the page title, used to drop an h1/h2 that only repeats it.
ContentChoice choose_content(const PageTree& tree, std::string_view title, const ScoringFlags& flags);

// The cleaning half alone, for blocks a site rule chose: what to skip inside
// `roots` (hidden, captions, a heading repeating the title, link-heavy or
// form-like blocks). Class/id "unlikely" hints are not applied: the rule knows.
ContentChoice clean_chosen(const PageTree& tree, std::vector<std::int32_t> roots, std::string_view title);

}  // namespace newsmon
