// Charset detection and conversion to UTF-8, for feeds and HTML pages.
// Invalid sequences become U+FFFD; nothing here fails. Thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace newsmon {

// Converts `bytes` from `charset` (an IANA name; empty or unknown: UTF-8) to
// UTF-8, replacing what cannot be decoded.
std::string convert_to_utf8(std::string_view bytes, std::string_view charset);

// An HTML page as UTF-8: the HTTP charset, then a BOM, then a <meta charset>
// in the first 1024 bytes, then detection; UTF-8 when in doubt.
std::string html_to_utf8(std::string_view bytes, std::string_view http_charset);

// The charset parameter of a Content-Type header value ("" when absent).
std::string charset_of_content_type(std::string_view content_type);

}  // namespace newsmon
