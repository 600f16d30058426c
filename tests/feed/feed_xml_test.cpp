#include <catch2/catch.hpp>

#include "daemon/feed/feed_xml.h"

using namespace newsmon;

TEST_CASE("repairing XML removes the declaration and any DOCTYPE with its entities", "[feed_xml]") {
  CHECK(repair_feed_xml("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><rss/>") == "<rss/>");
  CHECK(repair_feed_xml("\n  <?xml version='1.0'?>\n<rss/>") == "\n  \n<rss/>");
  CHECK(repair_feed_xml("<!DOCTYPE rss [ <!ENTITY x SYSTEM \"file:///etc/passwd\"> <!ENTITY y \"]>\"> ]><rss>&x;</rss>") ==
        "<rss>&amp;x;</rss>");
  CHECK(repair_feed_xml("<!doctype html PUBLIC \"-//W3C//DTD XHTML 1.0//EN\" \"http://x/y.dtd\"><rss/>") == "<rss/>");
  CHECK(repair_feed_xml("<?xml-stylesheet href=\"a.xsl\"?><rss/>") == "<?xml-stylesheet href=\"a.xsl\"?><rss/>");
}

TEST_CASE("repairing XML turns HTML entities into references and stray & and < into text", "[feed_xml]") {
  CHECK(repair_feed_xml("<t>&nbsp;&eacute;&amp;&lt;&#233;</t>") == "<t>&#160;&#233;&amp;&lt;&#233;</t>");
  CHECK(repair_feed_xml("<t>Fish & Chips &c; a < b</t>") == "<t>Fish &amp; Chips &amp;c; a &lt; b</t>");
  CHECK(repair_feed_xml("<a href=\"?x=1&y=2&amp;z=3\">") == "<a href=\"?x=1&amp;y=2&amp;z=3\">");
  CHECK(repair_feed_xml("<t>&#x1F;&#0;&#146;x</t>") == "<t>&#8217;x</t>");
  CHECK(repair_feed_xml("<t>a\x01\x0b" "b\tc</t>") == "<t>ab\tc</t>");
}

TEST_CASE("repairing XML leaves CDATA sections and comments alone", "[feed_xml]") {
  CHECK(repair_feed_xml("<t><![CDATA[a & b <c> &nbsp;]]></t>") == "<t><![CDATA[a & b <c> &nbsp;]]></t>");
  CHECK(repair_feed_xml("<!-- & < --><t/>") == "<!-- & < --><t/>");
  CHECK(repair_feed_xml("<t><![CDATA[unterminated &") == "<t><![CDATA[unterminated &");
}

TEST_CASE("a parsed document exposes namespaces, text and xml:base", "[feed_xml]") {
  auto doc = parse_xml_document(repair_feed_xml(R"(<rss xmlns:dc="http://purl.org/dc/elements/1.1/" xml:base="https://a.example/x/">
    <item xml:base="y/" xml:lang="fr"><dc:creator> Ann </dc:creator><media:thumbnail url="t.jpg"/></item></rss>)"),
                                "https://feed.example/rss");
  REQUIRE(doc);
  const xmlNode* root = doc->root();
  const xmlNode* item = root->children;
  while (item && !is_element(item)) item = item->next;
  REQUIRE(item);
  CHECK(base_url_of(item, "https://feed.example/rss") == "https://a.example/x/y/");
  CHECK(language_of(item) == "fr");
  const xmlNode* creator = item->children;
  CHECK(ns_of(creator) == Ns::dc);
  CHECK(local_name(creator) == "creator");
  CHECK(trimmed_text_of(creator) == "Ann");
  const xmlNode* thumbnail = creator->next;
  CHECK(ns_of(thumbnail) == Ns::media);  // an undeclared prefix, known by its usual name
  CHECK(attribute(thumbnail, "url") == "t.jpg");

  auto none = parse_xml_document("no markup here", "https://feed.example/rss");
  REQUIRE_FALSE(none);
  CHECK(none.error().message == "https://feed.example/rss: not a feed (no XML element could be read)");
}
