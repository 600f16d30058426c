#include <catch2/catch.hpp>

#include "daemon/base/charset.h"

using namespace newsmon;

TEST_CASE("legacy charsets convert to UTF-8", "[charset]") {
  CHECK(convert_to_utf8("Caf\xE9", "ISO-8859-1") == "Café");
  CHECK(convert_to_utf8("\x93quoted\x94", "iso-8859-1") == "“quoted”");  // read as windows-1252
  CHECK(convert_to_utf8("\xCD\xEE\xE2\xEE\xF1\xF2\xE8", "windows-1251") == "Новости");
  CHECK(convert_to_utf8("\xD6\xD0\xCE\xC4", "gb2312") == "中文");
  CHECK(convert_to_utf8(std::string("\xFF\xFE" "h\0i\0", 6), "UTF-16") == "hi");
  CHECK(convert_to_utf8("plain", "") == "plain");
  CHECK(convert_to_utf8("caf\xC3\xA9", "no-such-charset") == "café");  // unknown: UTF-8
}

TEST_CASE("invalid sequences become U+FFFD instead of failing", "[charset]") {
  CHECK(convert_to_utf8("Espa\xF1" "a", "utf-8") == "Espa\xEF\xBF\xBD" "a");
  CHECK(convert_to_utf8("a\xC3", "UTF-8") == "a\xEF\xBF\xBD");
  CHECK(convert_to_utf8("\xED\xA0\x80", "UTF-8") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // a surrogate
  CHECK(convert_to_utf8("a\x81z", "windows-1252") == "a\xEF\xBF\xBDz");  // 0x81 is undefined there
  CHECK(convert_to_utf8("\xD6", "gb2312") == "\xEF\xBF\xBD");            // cut in the middle
}

TEST_CASE("the charset of a Content-Type header is its charset parameter", "[charset]") {
  CHECK(charset_of_content_type("text/html; charset=ISO-8859-1") == "ISO-8859-1");
  CHECK(charset_of_content_type("application/rss+xml;Charset=\"utf-8\"") == "utf-8");
  CHECK(charset_of_content_type("text/xml; q=1; charset = windows-1251 ") == "windows-1251");
  CHECK(charset_of_content_type("text/html") == "");
  CHECK(charset_of_content_type("") == "");
}

TEST_CASE("an HTML page is decoded by BOM, HTTP charset, meta charset, then detection", "[charset]") {
  CHECK(html_to_utf8("\xEF\xBB\xBF<p>caf\xC3\xA9</p>", "iso-8859-1") == "<p>café</p>");
  CHECK(html_to_utf8("<p>caf\xE9</p>", "iso-8859-1") == "<p>café</p>");
  CHECK(html_to_utf8("<meta charset=\"windows-1251\"><p>\xCD\xEE\xE2\xEE\xF1\xF2\xE8</p>", "") ==
        "<meta charset=\"windows-1251\"><p>Новости</p>");
  CHECK(html_to_utf8("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"><p>caf\xE9</p>", "") ==
        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"><p>café</p>");
  CHECK(html_to_utf8("<p>caf\xC3\xA9</p>", "") == "<p>café</p>");  // undeclared UTF-8
  // Declared Latin-1 but the bytes are UTF-8: the label is wrong.
  CHECK(html_to_utf8("<meta charset=iso-8859-1><p>caf\xC3\xA9</p>", "") == "<meta charset=iso-8859-1><p>café</p>");
  const std::string french = "<p>Le d\xE9put\xE9 a d\xE9" "clar\xE9 que la r\xE9" "forme \xE9tait n\xE9" "cessaire \xE0 l'\xE9t\xE9.</p>";
  CHECK(html_to_utf8(french, "") ==
        "<p>Le député a déclaré que la réforme était nécessaire à l'été.</p>");  // detected
}

TEST_CASE("a feed is decoded by BOM, XML declaration, HTTP charset, then detection", "[charset]") {
  CHECK(xml_to_utf8("\xEF\xBB\xBF<rss/>", "").text == "<rss/>");
  CHECK(xml_to_utf8("<?xml version='1.0' encoding='windows-1251'?><t>\xCD\xEE</t>", "utf-8").text ==
        "<?xml version='1.0' encoding='windows-1251'?><t>Но</t>");
  CHECK(xml_to_utf8("<t>\xCD\xEE\xE2\xEE\xF1\xF2\xE8</t>", "windows-1251").charset == "WINDOWS-1251");
  CHECK(xml_to_utf8("<?xml version=\"1.0\" encoding=\"bogus\"?><t>x</t>", "").charset == "UTF-8");
  CHECK(xml_to_utf8(std::string("\xFF\xFE<\0r\0/\0>\0", 10), "").text == "<r/>");
  CHECK(xml_to_utf8(std::string("<\0r\0/\0>\0", 8), "").text == "<r/>");
  // A UTF-16 label on bytes we could read as ASCII is a lie.
  CHECK(xml_to_utf8("<?xml version=\"1.0\" encoding=\"utf-16\"?><r>caf\xC3\xA9</r>", "").charset == "UTF-8");
}

TEST_CASE("UTF-8 validation and BOM detection", "[charset]") {
  CHECK(is_valid_utf8("caf\xC3\xA9 \xE4\xB8\xAD \xF0\x9F\x98\x80"));
  CHECK_FALSE(is_valid_utf8("caf\xE9"));
  CHECK_FALSE(is_valid_utf8("\xC0\xAF"));  // overlong
  CHECK(charset_of_bom("\xEF\xBB\xBFx") == "UTF-8");
  CHECK(charset_of_bom("\xFF\xFEx\0") == "UTF-16LE");
  CHECK(charset_of_bom("\xFE\xFF\0x") == "UTF-16BE");
  CHECK(charset_of_bom("<rss") == "");
  CHECK(charset_is_supported("windows-1251"));
  CHECK_FALSE(charset_is_supported("bogus"));
}
