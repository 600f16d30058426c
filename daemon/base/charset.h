// Charset detection and conversion to UTF-8, for feeds and HTML pages.
// Invalid sequences become U+FFFD; nothing here fails. Every function is a
// pure function of its arguments (iconv and uchardet handles are created and
// freed inside each call): thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace newsmon {

// Converts `bytes` from `charset` (an IANA name; empty or unknown: UTF-8) to
// UTF-8, replacing what cannot be decoded. ISO-8859-1 and US-ASCII are read
// as windows-1252 and gb2312 as GB18030 (their supersets, as browsers do).
std::string convert_to_utf8(std::string_view bytes, std::string_view charset);

// An HTML page as UTF-8: a BOM (it cannot lie, so it wins, as in browsers),
// then the HTTP charset, then a <meta charset> in the first 1024 bytes, then
// detection; UTF-8 when in doubt. A declared 8-bit charset on bytes that are
// valid non-ASCII UTF-8 is a mislabelled UTF-8 page and is read as UTF-8.
std::string html_to_utf8(std::string_view bytes, std::string_view http_charset);

// An XML document (a feed) as UTF-8, with the charset that was used:
// BOM, then the XML declaration's encoding, then the HTTP charset; when
// nothing usable is declared and the bytes are not UTF-8, uchardet decides
// (windows-1252 when it cannot). The same mislabelled-UTF-8 rule as above.
// The XML declaration is left in `text`; the caller must ignore its encoding.
struct DecodedText {
  std::string text;     // UTF-8, BOM removed
  std::string charset;  // what the bytes were read as, e.g. "UTF-8", "WINDOWS-1251"
};
DecodedText xml_to_utf8(std::string_view bytes, std::string_view http_charset);

// The charset parameter of a Content-Type header value ("" when absent).
std::string charset_of_content_type(std::string_view content_type);

// True when `bytes` is entirely well-formed UTF-8 (no overlongs, surrogates).
bool is_valid_utf8(std::string_view bytes);

// The charset a byte-order mark announces ("UTF-8", "UTF-16LE", "UTF-16BE",
// "UTF-32LE", "UTF-32BE"), or "" when `bytes` does not start with one.
std::string_view charset_of_bom(std::string_view bytes);

// uchardet's guess for `bytes` (an iconv name such as "WINDOWS-1252"), or ""
// when it has none.
std::string detect_charset(std::string_view bytes);

// True when iconv can decode `charset` (after the superset mapping above).
bool charset_is_supported(std::string_view charset);

}  // namespace newsmon
