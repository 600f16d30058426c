// The synthetic rule pages of tests/fixtures/pages (the corpus README's
// list): one rule each, shared by the quality test and the bench report.
// Header-only, standard library only (the report builds with plain g++).
#pragma once

#include <string>
#include <vector>

namespace newsmon::test {

inline const std::vector<std::string> kSyntheticRulePages{
    "003-metadata-preferred", "004-metadata-space-separated-properties", "005-unescape-html-entities",
    "base-url", "base-url-base-element", "base-url-base-element-relative", "basic-tags-cleaning",
    "comment-inside-script-parsing", "data-url-image", "dev418", "embedded-videos", "hidden-nodes",
    "invalid-attributes", "js-link-replacement", "lazy-image-3", "metadata-content-missing",
    "missing-paragraphs", "normalize-spaces", "ol", "parsely-metadata", "remove-aria-hidden",
    "remove-extra-brs", "remove-extra-paragraphs", "remove-script-tags", "reordering-paragraphs",
    "replace-brs", "replace-font-tags", "rtl-1", "rtl-2", "rtl-3", "rtl-4", "social-buttons",
    "style-tags-removal", "svg-parsing", "title-and-h1-discrepancy", "title-en-dash", "visibility-hidden"};

}  // namespace newsmon::test
