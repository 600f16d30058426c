#include <catch2/catch.hpp>

#include <sys/resource.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <random>
#include <string>

#include "daemon/feed/feed_parser.h"
#include "support/feed_parse.h"
#include "support/temp_dir.h"

using namespace newsmon;
using newsmon::test::fixture;
using newsmon::test::read_file;
using newsmon::test::parse_ok;
using newsmon::test::rfc3339_or_empty;

namespace {

std::string rss(const std::string& channel_inner) {
  return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel>" + channel_inner + "</channel></rss>";
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

long peak_rss_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

struct FeedExpectation {
  const char* file;
  const char* format;
  std::size_t entries;
  const char* first_title;
  const char* first_link;
  const char* first_date;  // published, else updated; "" when the entry has neither
};

// Checked by hand against the files, and against python3-feedparser by
// tests/feed/feed_differential.py.
const FeedExpectation kRealFeeds[] = {
    {"feed-rs-golem-rss10-iso8859-1.xml", "rss1.0", 1, "Digitalministerium: Neue Glasfaserförderung mit Schnellkasse",
     "https://www.golem.de/news/digitalministerium-neue-glasfaserfoerderung-mit-schnellkasse-2301-171451.html",
     "2023-01-25T18:03:02Z"},
    {"feed-rs-il-messaggero-no-decl.xml", "rss2.0", 1, "Missili Polonia, cosa è successo? Tensione Nato-Russia, Mosca: non siamo stati noi",
     "https://www.ilmessaggero.it/mondo/missili_polonia_cosa_e_successo_davvero-7054869.html",
     "2022-11-15T23:38:15Z"},
    {"feed-rs-nbc-new-york.xml", "rss2.0", 1, "NYC cops search for stabbing suspect after leaving 18-year-old to bleed out on sidewalk",
     "https://www.nbcnewyork.com/news/local/nyc-cops-search-for-stabbing-suspect-after-leaving-18-year-old-to-bleed-out-on-sidewalk/4956764/",
     "2023-12-16T14:02:33Z"},
    {"feedjira-google-alerts-atom.xml", "atom1.0", 20, "Report offers Prediction of Automotive Slack Market by Top key players like Haldex, Meritor, Bendix ...",
     "https://www.google.com/url?rct=j&sa=t&url=https://www.aglobalmarketresearch.com/report-offers-prediction-of-automotive-slack-market-by-top-key-players-like-haldex-meritor-bendix-mei-wabco-accuride-stemco-tbk-febi-aydinsan/&ct=ga&cd=CAIyHGU4ZTJkZjQ3OTVkYmIzMTc6Y28uanA6ZW46SlA&usg=AFQjCNHUcRGtHY1ygcMDkVS68IgpYs7Wpg",
     "2019-07-10T11:53:37Z"},
    {"feedjira-huffpost-canada.xml", "rss2.0", 2, "Winnipeg High School Orders Custom Hijabs For Muslim Athletes",
     "http://www.huffingtonpost.ca/2017/10/17/winnipeg-high-school-orders-custom-hijabs-for-muslim-athletes_a_23246627/",
     "2017-10-17T22:17:00Z"},
    {"feedjira-techcrunch.xml", "rss2.0", 20, "Angie’s List Sets Price Range IPO At $11 To $13 Per Share; Valued At Over $600M",
     "http://feedproxy.google.com/~r/Techcrunch/~3/kTeeGj4FnwU/",
     "2011-11-02T17:25:27Z"},
    {"miniflux-bbc-urdu.xml", "rss2.0", 26, "امریکی عسکری امداد کی بندش کی وجوہات: انڈیا سے جنگ، جوہری پروگرام اور اب دہشت گردوں کی پشت پناہی",
     "http://www.bbc.com/urdu/pakistan-42575603",
     "2018-01-05T16:51:00Z"},
    {"miniflux-golem-de-iso8859-1.xml", "rss2.0", 40, "Red Dead Redemption 2: Hinweise auf PC-Umsetzung in App von Rockstar Games",
     "https://www.golem.de/news/red-dead-redemption-2-hinweise-auf-pc-umsetzung-in-app-von-rockstar-games-1810-137358-rss.html",
     "2018-10-28T12:48:00Z"},
    {"miniflux-heise-online-rss090-rdf.xml", "rss0.90", 60, "OLED-TVs: Vorsichtsmaßnahmen gegen Einbrennen",
     "https://www.heise.de/newsticker/meldung/OLED-TVs-Vorsichtsmassnahmen-gegen-Einbrennen-4205274.html?wt_mc=rss.ho.beitrag.rdf",
     ""},
    {"newsboat-blogger-single-quoted-attrs.xml", "rss2.0", 8, "Teh Saxxi",
     "http://aksmoblog.blogspot.com/2006/12/teh-saxxi.html",
     "2006-12-20T21:42:06Z"},
    {"node-feedparser-neverwinter-relative-urls.xml", "rss2.0", 2, "Neverwinter & Jingle Jam Humble Bundle!",
     "https://feeds.example.org/en/games/neverwinter/news/detail/10743874-neverwinter-%26-jingle-jam-humble-bundle%21",
     "2017-12-07T18:00:29Z"},
    {"node-feedparser-oren-ru-windows1251.xml", "rss2.0", 10, "В Бузулуке главные стройплощадки – детсад и Ледовый дворец",
     "http://www.oren.ru/news/2743422/",
     "2014-01-22T14:31:31Z"},
    {"node-feedparser-tpm-news-atom.xml", "atom1.0", 20, "Hannity Announces Fox Has Hired Sebastian Gorka As NatSec Strategist",
     "https://feeds.example.org/livewire/hannity-announces-fox-hired-sebastian-gorka-national-security-strategist",
     "2017-11-08T23:15:58Z"},
    {"node-feedparser-wapo-wellness.xml", "rss2.0", 29, "Schools minister to kids’ fitness and nutrition needs",
     "http://feeds.washingtonpost.com/click.phdo?i=cc0c5fb09865354bbec8415210a554da",
     "2012-08-21T15:33:00Z"},
    {"picofeed-next-inpact-full.xml", "rss2.0", 45, "Le récap' des tests : si votre console portable s'ennuie, voilà de quoi l'occuper",
     "http://www.nextinpact.com/news/87545-le-recap-tests-si-votre-console-portable-sennuie-voila-quoi-occuper.htm?utm_source=PCi_RSS_Feed&utm_medium=news&utm_campaign=pcinpact",
     "2014-05-15T00:01:24Z"},
    {"picofeed-pcinpact.xml", "rss2.0", 30, "La DCRI purge Wikipedia par la menace, un bel effet Streisand à la clé",
     "http://www.pcinpact.com/breve/78872-la-dcri-purge-wikipedia-par-menace-bel-effet-streisand-a-cle.htm?utm_source=PCi_RSS_Feed&utm_medium=news&utm_campaign=pcinpact",
     "2013-04-06T23:11:00Z"},
    {"picofeed-rue89.xml", "rss2.0", 25, "Quand Jérôme Cahuzac trouvait que « sa présence finissait par rejaillir sur... »",
     "http://rue89.feedsportal.com/c/33822/f/608948/s/2a687021/l/0L0Srue890N0Czapnet0C20A130C0A40C0A60Cquand0Ejerome0Ecahuzac0Etrouvait0Epresence0Efinissait0Erejaillir0E241244/story01.htm",
     "2013-04-06T15:50:31Z"},
    {"picofeed-xakep-ru-windows1251.xml", "rss2.0", 25, "Руководители разведки США шутят об убийстве Сноудена",
     "http://www.xakep.ru/post/61360/default.asp",
     "2013-10-03T23:34:59Z"},
    {"rsparser-aktuality-sk.xml", "rss2.0", 30, "Analytici Goldman Sachs zvýšili odhad rastu ekonomiky USA",
     "https://www.aktuality.sk/clanok/856577/analytici-goldman-sachs-zvysili-odhad-rastu-ekonomiky-usa/",
     "2021-01-17T18:27:00Z"},
    {"rsparser-kc0011-gb2312.xml", "rss2.0", 20, "建国35周年纪念，华表，和平鸽",
     "http://www.kc0011.net/dispbbs.asp?BoardID=10&ID=25164257&Page=1",
     "2020-01-10T14:33:00Z"},
    {"rsparser-livemint-news.xml", "rss2.0", 25, "PM Modi-Xi Jinping informal summit in Varanasi this October: Report",
     "https://www.livemint.com/news/india/pm-modi-xi-jinping-informal-summit-in-varanasi-this-october-report-1559104147038.html",
     "2019-05-29T10:16:00Z"},
    {"rsparser-macworld-leading-whitespace.xml", "rss2.0", 30, "Best smart lock",
     "https://www.techhive.com/article/3212828/connected-home/best-smart-lock.html#tk.rss_all",
     "2017-11-28T23:40:00Z"},
    {"rss-parser-guardian-us.xml", "rss2.0", 55, "Trump State of the Union address promised unity but emphasized discord",
     "https://www.theguardian.com/us-news/2018/jan/31/donald-trump-state-of-the-union-address-unity-discord",
     "2018-01-31T07:26:05Z"},
    {"rss-parser-heise-developer-atom.xml", "atom1.0", 15, "Java-Anwendungsserver: Red Hat gibt WildFly 10 frei",
     "http://www.heise.de/developer/meldung/Java-Anwendungsserver-Red-Hat-gibt-WildFly-10-frei-3088438.html?wt_mc=rss.developer.beitrag.atom",
     "2016-02-01T16:22:00Z"},
    {"rss-parser-jornal-de-noticias-iso8859-1.xml", "rss2.0", 40, "Mãe de utente é a nova presidente da Raríssimas",
     "http://feeds.jn.pt/~r/JN-ULTIMAS/~3/UBnb8Ra3Q1U/sonia-laig-e-a-nova-presidente-da-rarissimas-9021600.html",
     "2018-01-03T13:47:00Z"},
    {"rss-parser-science-twis-rss10.xml", "rss1.0", 69, "Food for fungi",
     "http://science.sciencemag.org/cgi/content/short/356/6343/1134-a?rss=1",
     "2017-06-15T17:29:47Z"},
    {"rss-parser-uol-noticias-undeclared-latin1.xml", "rss", 15, "Ibope: Bolsonaro perde de Haddad, Ciro e Alckmin em simulações de 2º turno",
     "https://noticias.uol.com.br/politica/eleicoes/2018/noticias/2018/09/24/ibope-bolsonaro-perde-de-haddad-ciro-e-alckmin-em-simulacoes-de-2-turno.htm",
     "2018-09-24T22:42:40Z"},
};

}  // namespace

TEST_CASE("every real corpus feed gives its entry count, first title, link and date", "[feed_parser]") {
  for (const auto& expected : kRealFeeds) {
    INFO(expected.file);
    const std::string bytes = read_file(fixture(std::string("fixtures/feeds/") + expected.file));
    const Feed feed = parse_ok(bytes, std::string("https://feeds.example.org/") + expected.file);
    CHECK(feed.format == expected.format);
    REQUIRE(feed.entries.size() == expected.entries);
    const FeedEntry& first = feed.entries.front();
    CHECK(first.title == expected.first_title);
    CHECK(first.link == expected.first_link);
    CHECK(rfc3339_or_empty(first.published ? first.published : first.updated) == expected.first_date);
    for (const auto& entry : feed.entries) {
      CHECK_FALSE(entry.id.empty());
      CHECK_FALSE(entry.title.empty());
    }
  }
}

TEST_CASE("every corpus file, edge cases included, parses or fails with an error naming the feed", "[feed_parser]") {
  std::size_t parsed = 0, failed = 0;
  for (const char* dir : {"fixtures/feeds", "fixtures/feeds/edge"}) {
    for (const auto& file : std::filesystem::directory_iterator(fixture(dir))) {
      if (file.path().extension() != ".xml") continue;
      INFO(file.path().filename().string());
      const std::string url = "https://feeds.example.org/" + file.path().filename().string();
      auto feed = parse_feed(read_file(file.path()), url);
      if (feed) {
        ++parsed;
      } else {
        ++failed;
        CHECK(feed.error().kind == ErrorKind::parse);
        CHECK(feed.error().message.starts_with(url + ": not a feed ("));
      }
    }
  }
  CHECK(parsed == 27 + 17);
  CHECK(failed == 3);  // the comment-only document, the zero-byte body and the gzip bytes
}

TEST_CASE("the edge-case feeds recover what a reader expects", "[feed_parser]") {
  const auto edge = [](const char* name) {
    return parse_ok(read_file(fixture(std::string("fixtures/feeds/edge/") + name)));
  };
  CHECK(edge("feedparser-html-entity-aacute.xml").title == "testing \xC3\xA1 entity");
  CHECK(edge("gofeed-bare-ampersand.xml").title == "Fish & Chips & more <3");
  CHECK(edge("feedparser-c1-win1252-codepoint.xml").entries.at(0).summary == "don\xE2\x80\x99t");
  CHECK(edge("feedparser-bogus-xhtml-doctype.xml").title == "found");
  CHECK(edge("feedparser-bom-then-invalid-utf8.xml").title == "Valid UTF8: \xD1\xA8Invalid UTF8: Espa\xEF\xBF\xBD" "a");
  CHECK(edge("feedparser-utf16le-bom.xml").format == "rss");
  CHECK(edge("gofeed-utf8-bom.xml").title == "Feed Title");
  CHECK(edge("feedparser-incomplete-cdata.xml").title == "can feedparser read this xml");
  CHECK(edge("feed-rs-reuters-truncated-server-error.xml").title == "Reuters: Most Read Articles");

  const Feed nested = edge("node-feedparser-pcmag-nested-empty-item.xml");
  CHECK(nested.entries.size() == 10);  // the stray <item /> inside each item is not an item

  const Feed ampersand = edge("node-feedparser-unescaped-ampersand-mid-feed.xml");
  REQUIRE(ampersand.entries.size() == 3);
  CHECK(ampersand.entries[1].link == "http://example.com/bad?foo=1&bar=2");
  CHECK(ampersand.entries[2].title == "Item After Error");

  const Feed latin1 = edge("miniflux-cercle-psy-undeclared-iso8859-1.xml");
  CHECK(latin1.title.find("Flux RSS du magazine de psychologie Le Cercle Psy") == 0);
  CHECK(latin1.entries.at(0).title.find("Perturbateurs endocriniens : quels effets sur le cerveau") == 0);

  const Feed mislabelled = edge("miniflux-utf8-bytes-declared-iso8859-1.xml");
  CHECK(mislabelled.title == "\xED\x85\x8C\xEC\x8A\xA4\xED\x8A\xB8 \xED\x94\xBC\xEB\x93\x9C");  // 테스트 피드
  CHECK(mislabelled.entries.at(0).title == "Caf\xC3\xA9");
}

TEST_CASE("legacy charsets are decoded to UTF-8", "[feed_parser]") {
  const auto first_title = [](const char* name) {
    return parse_ok(read_file(fixture(std::string("fixtures/feeds/") + name))).entries.at(0).title;
  };
  CHECK(first_title("picofeed-xakep-ru-windows1251.xml") == "Руководители разведки США шутят об убийстве Сноудена");
  CHECK(first_title("rsparser-kc0011-gb2312.xml") == "建国35周年纪念，华表，和平鸽");
  CHECK(first_title("rss-parser-jornal-de-noticias-iso8859-1.xml") == "Mãe de utente é a nova presidente da Raríssimas");
  CHECK(first_title("rss-parser-uol-noticias-undeclared-latin1.xml") ==
        "Ibope: Bolsonaro perde de Haddad, Ciro e Alckmin em simulações de 2º turno");

  SECTION("the HTTP charset applies when the document declares nothing") {
    const std::string latin1 = "<rss version=\"2.0\"><channel><title>Caf\xE9 cr\xE8me</title></channel></rss>";
    CHECK(parse_feed(latin1, "https://x.example/", "iso-8859-1")->title == "Café crème");
    const std::string cp1251 = "<rss version=\"2.0\"><channel><title>\xCD\xEE\xE2\xEE\xF1\xF2\xE8</title></channel></rss>";
    CHECK(parse_feed(cp1251, "https://x.example/", "windows-1251")->title == "Новости");
  }
  SECTION("the XML declaration wins over the HTTP charset") {
    const std::string doc = "<?xml version=\"1.0\" encoding=\"windows-1251\"?><rss version=\"2.0\"><channel>"
                            "<title>\xCD\xEE\xE2\xEE\xF1\xF2\xE8</title></channel></rss>";
    CHECK(parse_feed(doc, "https://x.example/", "iso-8859-1")->title == "Новости");
  }
  SECTION("UTF-16 without a byte-order mark is recognised from its first bytes") {
    const std::string ascii = "<rss version=\"2.0\"><channel><title>wide</title></channel></rss>";
    std::string utf16be;
    for (char c : ascii) utf16be += std::string{'\0', c};
    CHECK(parse_ok(utf16be).title == "wide");
  }
}

TEST_CASE("the format is detected from the content, not the URL", "[feed_parser]") {
  CHECK(parse_ok(rss("<title>t</title>"), "https://x.example/feed.json").format == "rss2.0");
  CHECK(parse_ok("<rss version=\"0.91\"><channel><title>t</title></channel></rss>").format == "rss0.91");
  CHECK(parse_ok("<rss version=\"0.92\"><channel><title>t</title></channel></rss>").format == "rss0.92");
  CHECK(parse_ok("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\">"
                 "<channel><title>t</title></channel><item rdf:about=\"https://x.example/1\"><title>one</title></item>"
                 "</rdf:RDF>")
            .format == "rss1.0");
  CHECK(parse_ok("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
                 "xmlns=\"http://my.netscape.com/rdf/simple/0.9/\"><channel><title>t</title></channel></rdf:RDF>")
            .format == "rss0.90");
  CHECK(parse_ok("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title></feed>", "https://x.example/rss.xml")
            .format == "atom1.0");
  CHECK(parse_ok("<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\"><title>t</title></feed>").format == "atom0.3");
  CHECK(parse_ok(R"({"version": "https://jsonfeed.org/version/1", "title": "t", "items": []})", "https://x.example/rss")
            .format == "json1.0");
  CHECK(parse_ok(R"({"version": "https://jsonfeed.org/version/1.1", "title": "t", "items": []})").format == "json1.1");

  const auto error_of = [](std::string_view bytes) {
    auto feed = parse_feed(bytes, "https://x.example/feed");
    REQUIRE_FALSE(feed);
    return feed.error().message;
  };
  CHECK(error_of("<!DOCTYPE html><html><head><title>A page</title></head><body>hi</body></html>") ==
        "https://x.example/feed: not a feed (the root element is <html>)");
  CHECK(error_of("<opml version=\"2.0\"><body/></opml>") ==
        "https://x.example/feed: not a feed (the root element is <opml>)");
  CHECK(error_of(R"({"name": "not a feed"})") ==
        "https://x.example/feed: not a feed (JSON without a jsonfeed.org version)");
  CHECK(error_of("{\"version\": ") == "https://x.example/feed: not a feed (malformed JSON)");
  CHECK(error_of("   \n ") == "https://x.example/feed: not a feed (the document is empty)");
  CHECK(error_of("plain text, no markup") == "https://x.example/feed: not a feed (no XML element could be read)");
}

TEST_CASE("an entry without an id gets one derived from its link and title, stable across polls", "[feed_parser]") {
  const std::string doc = rss("<item><title>One</title><link>https://x.example/1</link></item>"
                              "<item><title>Two</title><link>https://x.example/2</link></item>"
                              "<item><title>One</title><link>https://x.example/1</link><description>changed</description></item>");
  const Feed first = parse_ok(doc), second = parse_ok(doc);
  REQUIRE(first.entries.size() == 3);
  CHECK(first.entries[0].id.starts_with("urn:newsmon:entry:"));
  CHECK(first.entries[0].id == second.entries[0].id);
  CHECK(first.entries[0].id != first.entries[1].id);
  CHECK(first.entries[0].id == first.entries[2].id);  // the summary is not part of it
  CHECK(first.entries[0].id == "urn:newsmon:entry:6594302e09449846");  // the same in every build
}

TEST_CASE("relative links resolve against xml:base first, then the feed URL", "[feed_parser]") {
  const Feed rss_feed = parse_ok(rss("<link>/home</link>"
                                     "<item><title>a</title><link>story/1?x=1&amp;y=2</link></item>"
                                     "<item xml:base=\"https://cdn.example/base/\"><title>b</title><link>../2</link></item>"),
                                 "https://feeds.example.org/news/rss.xml");
  CHECK(rss_feed.link == "https://feeds.example.org/home");
  CHECK(rss_feed.entries.at(0).link == "https://feeds.example.org/news/story/1?x=1&y=2");
  CHECK(rss_feed.entries.at(1).link == "https://cdn.example/2");

  const Feed atom = parse_ok(R"(<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://site.example/blog/">
  <title>t</title><link href="./"/><link rel="self" href="feed.atom"/>
  <entry xml:base="2024/"><id>e1</id><title>x</title><link rel="alternate" type="text/html" href="post.html"/></entry>
  <entry><id>e2</id><title>y</title><link href="https://other.example/abs"/></entry>
</feed>)",
                             "https://feeds.example.org/atom");
  CHECK(atom.link == "https://site.example/blog/");
  CHECK(atom.entries.at(0).link == "https://site.example/blog/2024/post.html");
  CHECK(atom.entries.at(1).link == "https://other.example/abs");

  const Feed relative = parse_ok(read_file(fixture("fixtures/feeds/node-feedparser-neverwinter-relative-urls.xml")),
                                 "https://www.arcgames.com/en/games/neverwinter/news/rss");
  CHECK(relative.link == "https://www.arcgames.com/en/games/neverwinter/news");
}

TEST_CASE("an XXE entity pointing at a local file is never expanded", "[feed_parser]") {
  const std::string doc = R"(<?xml version="1.0"?>
<!DOCTYPE rss [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> <!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd"> %remote; ]>
<rss version="2.0"><channel><title>a&xxe;b</title>
<item><title>&xxe;</title><description>&xxe;</description></item></channel></rss>)";
  const Feed feed = parse_ok(doc);
  CHECK(feed.title == "a&xxe;b");
  REQUIRE(feed.entries.size() == 1);
  CHECK(feed.entries[0].title == "&xxe;");
  CHECK(feed.entries[0].summary.find("root:") == std::string::npos);
}

TEST_CASE("a billion-laughs document expands nothing and returns at once", "[feed_parser]") {
  std::string doc = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n <!ENTITY lol \"lol\">\n";
  for (int i = 1; i <= 9; ++i) {
    doc += " <!ENTITY lol" + std::to_string(i) + " \"";
    for (int j = 0; j < 10; ++j) doc += "&lol" + (i == 1 ? std::string() : std::to_string(i - 1)) + ";";
    doc += "\">\n";
  }
  doc += "]>\n<rss version=\"2.0\"><channel><title>&lol9;</title></channel></rss>";
  const auto start = std::chrono::steady_clock::now();
  const Feed feed = parse_ok(doc);
  CHECK(seconds_since(start) < 1.0);
  CHECK(feed.title == "&lol9;");
}

TEST_CASE("100000 nested elements are refused or cut short without a crash", "[feed_parser]") {
  std::string doc = "<rss version=\"2.0\"><channel><title>deep</title><item><title>x</title><description>";
  for (int i = 0; i < 100000; ++i) doc += "<d>";
  doc += "bottom";
  for (int i = 0; i < 100000; ++i) doc += "</d>";
  doc += "</description></item></channel></rss>";
  const auto start = std::chrono::steady_clock::now();
  auto feed = parse_feed(doc, "https://deep.example/");
  CHECK(seconds_since(start) < 5.0);
  if (feed) CHECK(feed->title == "deep");  // libxml2 stops at its depth limit and keeps what it has
  else CHECK(feed.error().message.starts_with("https://deep.example/: "));

  const std::string json = std::string(100000, '[') + std::string(100000, ']');
  auto deep_json = parse_feed("{\"version\": \"https://jsonfeed.org/version/1\", \"items\": " + json + "}",
                              "https://deep.example/json");
  REQUIRE(deep_json);
  CHECK(deep_json->entries.empty());  // the items are arrays, not objects
}

TEST_CASE("a 50 MB feed parses in bounded time and memory", "[feed_parser]") {
  std::string doc = "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>big</title>";
  std::size_t items = 0;
  const std::string body(2000, 'x');
  while (doc.size() < 50u * 1024 * 1024) {
    doc += "<item><title>Item " + std::to_string(items) + " &amp; more</title><link>https://big.example/" +
           std::to_string(items) + "</link><pubDate>Mon, 06 May 2024 10:00:00 GMT</pubDate><description>" + body +
           "</description></item>";
    ++items;
  }
  doc += "</channel></rss>";
  const auto start = std::chrono::steady_clock::now();
  const Feed feed = parse_ok(doc);
  const double elapsed = seconds_since(start);
  INFO("50 MB feed: " << elapsed << " s, peak RSS " << peak_rss_mib() << " MiB");
  CHECK(elapsed < 30.0);  // about 1 s in a release build; sanitizers are slower
  CHECK(feed.entries.size() == items);
  CHECK(feed.entries.back().title == "Item " + std::to_string(items - 1) + " & more");
  CHECK(peak_rss_mib() < 2048);

  const std::string too_big(64u * 1024 * 1024 + 1, ' ');
  auto refused = parse_feed(too_big, "https://big.example/");
  REQUIRE_FALSE(refused);
  CHECK(refused.error().message == "https://big.example/: the feed is larger than 64 MiB");
}

TEST_CASE("binary junk fails cleanly", "[feed_parser]") {
  std::mt19937 random(20240501);
  for (int round = 0; round < 50; ++round) {
    std::string junk(1 + random() % 4096, '\0');
    for (char& c : junk) c = static_cast<char>(random());
    if (round % 2) junk = "<rss version=\"2.0\"><channel><item><title>" + junk;  // junk inside a real start
    auto feed = parse_feed(junk, "https://junk.example/");
    if (!feed) CHECK(feed.error().message.starts_with("https://junk.example/: "));
  }
  auto gzip = parse_feed(read_file(fixture("fixtures/feeds/edge/node-feedparser-gzip-bytes.xml")), "https://z.example/");
  REQUIRE_FALSE(gzip);
  CHECK(gzip.error().message == "https://z.example/: not a feed (gzip-compressed bytes sent without Content-Encoding)");
}

TEST_CASE("an unparseable date is absent, never the epoch", "[feed_parser]") {
  const Feed feed = parse_ok(rss("<item><title>a</title><pubDate>sometime soon</pubDate></item>"
                                 "<item><title>b</title><pubDate>Thu, 01 Jan 1970 00:00:00 GMT</pubDate></item>"
                                 "<item><title>c</title><pubDate></pubDate><dc:date xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                                 "2024-01-02</dc:date></item>"));
  REQUIRE(feed.entries.size() == 3);
  CHECK_FALSE(feed.entries[0].published);
  CHECK_FALSE(feed.entries[1].published);
  CHECK(rfc3339_or_empty(feed.entries[2].published) == "2024-01-02T00:00:00Z");
}

TEST_CASE("undeclared namespace prefixes are still understood", "[feed_parser]") {
  const Feed feed = parse_ok(rss("<item><title>a</title><dc:creator>Ann</dc:creator>"
                                 "<content:encoded>&lt;p&gt;body&lt;/p&gt;</content:encoded>"
                                 "<media:thumbnail url=\"https://x.example/t.jpg\"/></item>"));
  REQUIRE(feed.entries.size() == 1);
  CHECK(feed.entries[0].authors == std::vector<std::string>{"Ann"});
  CHECK(feed.entries[0].content == "<p>body</p>");
  CHECK(feed.entries[0].thumbnail == "https://x.example/t.jpg");
}
