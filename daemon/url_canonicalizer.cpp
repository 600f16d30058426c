#include "daemon/url_canonicalizer.h"

namespace newsmon {

// Placeholder until the duplicates issue lands.
std::string canonicalize_url(std::string_view url, std::string_view) { return std::string(url); }

}  // namespace newsmon
