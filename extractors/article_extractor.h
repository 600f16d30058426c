// extract_article: UTF-8 HTML -> Article. A site rule (extractors/site_rules.toml),
// when the caller found one for the page, is tried first; the generic
// extractor otherwise, or when the rule finds nothing. Never throws on any
// input. Thread-safe.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "daemon/base/result.h"
#include "extractors/article.h"

namespace newsmon {

struct SiteRule;

// `base_url` resolves relative links (the page's <base> wins over it).
// `rule`, when given, is tried before the generic extractor.
Article extract_article(std::string_view html, std::string_view base_url,
                        const SiteRule* rule = nullptr);

}  // namespace newsmon

namespace newsmon {

// The text of an HTML fragment (a feed's summary or content:encoded), with the
// same paragraph and whitespace rules as the article text.
std::string html_fragment_to_text(std::string_view html);

}  // namespace newsmon
