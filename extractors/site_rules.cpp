#include "extractors/site_rules.h"

namespace newsmon {

// Placeholders until the extraction issue lands.
Result<SiteRules> SiteRules::load(const std::filesystem::path&) { return SiteRules{}; }
Result<SiteRules> SiteRules::load_default() { return SiteRules{}; }
const SiteRule* SiteRules::find_for_url(std::string_view) const { return nullptr; }
const SiteRule* SiteRules::find_by_name(std::string_view) const { return nullptr; }

}  // namespace newsmon
