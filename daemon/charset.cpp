#include "daemon/charset.h"

namespace newsmon {

// Placeholders until the feed ingestion issue lands: UTF-8 is passed through.
std::string convert_to_utf8(std::string_view bytes, std::string_view) { return std::string(bytes); }
std::string html_to_utf8(std::string_view bytes, std::string_view) { return std::string(bytes); }
std::string charset_of_content_type(std::string_view) { return {}; }

}  // namespace newsmon
