#include "extractors/article_extractor.h"

namespace newsmon {

// Placeholder until the extraction issue lands.
Article extract_article(std::string_view, std::string_view, const SiteRule*) { return {}; }

}  // namespace newsmon

namespace newsmon {

// Placeholder until the extraction issue lands.
std::string html_fragment_to_text(std::string_view html) { return std::string(html); }

}  // namespace newsmon
