#include <catch2/catch.hpp>

#include "daemon/feed/feed_text.h"

using namespace newsmon;

TEST_CASE("HTML entities decode, named and numeric, and unknown ones stay as written", "[feed_text]") {
  CHECK(decode_html_entities("caf&eacute; &amp; cr&egrave;me&nbsp;br&ucirc;l&eacute;e") == "café & crème\xC2\xA0" "brûlée");
  CHECK(decode_html_entities("&#233;&#xE9;&#XE9; &apos;q&apos; &quot;") == "ééé 'q' \"");
  CHECK(decode_html_entities("&#146;") == "\xE2\x80\x99");  // windows-1252 meant ’
  CHECK(decode_html_entities("a &nosuch; b & c &; &#xZZ;") == "a &nosuch; b & c &; &#xZZ;");
  CHECK(decode_html_entities("&#0;&#x1F;x&#x110000;") == "x\xEF\xBF\xBD");
}

TEST_CASE("whitespace folds to single spaces, non-breaking spaces included", "[feed_text]") {
  CHECK(fold_whitespace("  a \t\n b\xC2\xA0\xC2\xA0" "c  ") == "a b c");
  CHECK(fold_whitespace("") == "");
  CHECK(fold_whitespace(" \n ") == "");
}

TEST_CASE("C1 control characters become the windows-1252 characters they stand for", "[feed_text]") {
  CHECK(fix_c1_controls("don\xC2\x92t") == "don\xE2\x80\x99t");
  CHECK(fix_c1_controls("\xC2\x93q\xC2\x94") == "\xE2\x80\x9Cq\xE2\x80\x9D");
  CHECK(fix_c1_controls("a\xC2\x81" "b") == "ab");  // undefined in windows-1252
  CHECK(fix_c1_controls("caf\xC3\xA9 \xC2\xA0") == "caf\xC3\xA9 \xC2\xA0");
}

TEST_CASE("an HTML fragment becomes one line of plain text", "[feed_text]") {
  CHECK(html_to_plain_text("<b>Huawei</b>&nbsp;ban <i>widens</i>\n") == "Huawei ban widens");
  CHECK(html_to_plain_text("1 < 2 and 3 > 2") == "1 < 2 and 3 > 2");
  CHECK(html_to_plain_text("a<script>alert('x')</script>b<style>p{}</style>c") == "a b c");
  CHECK(html_to_plain_text("AT&amp;amp;T") == "AT&amp;T");  // one level of decoding, no more
  CHECK(html_to_plain_text("cut <a href=\"x") == "cut");
}

TEST_CASE("derived entry ids are stable and depend on link and title only", "[feed_text]") {
  const std::string id = derive_entry_id("https://a.example/1", "Title", "summary");
  CHECK(id == derive_entry_id("https://a.example/1", "Title", "other summary"));
  CHECK(id != derive_entry_id("https://a.example/1", "Title 2", "summary"));
  CHECK(id != derive_entry_id("https://a.example/1Title", "", "summary"));
  CHECK(derive_entry_id("", "", "a") != derive_entry_id("", "", "b"));
  CHECK(id.size() == std::string("urn:newsmon:entry:").size() + 16);
}
