// Boilerplate rules: what marks an element or a paragraph as not being part
// of the article. Element hints come from class, id and role (share bars,
// comments, related links, newsletters, directories, adverts...), visibility
// from the hidden attribute, aria-hidden and inline styles; paragraph rules
// catch the lines people recognise as chrome ("Read more", copyright lines,
// newsletter prompts, image credits) and the credits line of aggregators.
// Pure functions of their arguments; thread-safe.
#pragma once

#include <gumbo.h>

#include <string>
#include <string_view>
#include <vector>

namespace newsmon {

// hidden, aria-hidden="true", inline display:none / visibility:hidden.
bool is_hidden_element(const GumboNode* node);

// Readability-style class/id weight: +25 for content hints, -25 for
// boilerplate hints, for each of class and id.
int class_weight(const GumboNode* node);

// An element whose class/id/role says it is page chrome, not article
// (comments, sidebars, share bars, menus...), unless it also says content.
// `strict` adds the extra hints (newsletter, directory, advert, cookie...).
bool is_unlikely_candidate(const GumboNode* node, bool strict);

// An element that credits an author ("byline", rel=author, itemprop=author).
bool looks_like_byline(const GumboNode* node);

// class/id mention caption or credit (image captions and photo credits).
bool looks_like_caption(const GumboNode* node);

// class or id contains "share" (share bars and buttons).
bool mentions_share(const GumboNode* node);

// A paragraph people read as chrome, not article: "Read more...",
// "Related:", "You might also read", newsletter and subscription prompts,
// copyright and all-rights-reserved lines, photo credits, "Advertisement".
bool is_boilerplate_paragraph(std::string_view text);

// A paragraph that introduces a list of links ("You Might Also Read:",
// "Related articles", "More from ..."): it and the link lines that follow
// it are dropped.
bool introduces_link_list(std::string_view text);

// The outlets of an aggregator's credits line: "Defense One: Guardian:
// Express and Star: New York Times" -> {Defense One, Guardian, Express and
// Star, New York Times}. Empty when the text is not such a line.
std::vector<std::string> parse_credits_line(std::string_view text);

}  // namespace newsmon
