#include <catch2/catch.hpp>

#include "support/reader_archive.h"

using namespace newsmon::test;

TEST_CASE("search ranks by bm25 and shows a snippet of the body", "[search_command]") {
  ReaderArchive archive;
  const auto r = run_newsmon(archive.args({"search", "bakery"}));
  CHECK(r.exit_code == 0);
  CHECK(r.out == R"([7] 2024-05-01 12:00 · The Guardian · Village bakery wins national prize
  A village bakery won the national prize for its sourdough. No Huawei was involved.
  https://www.theguardian.com/food/bakery-prize
)");
}

TEST_CASE("search takes phrases, prefixes and the item filters", "[search_command]") {
  ReaderArchive archive;
  auto r = run_newsmon(archive.args({"search", "--json", "\"covered list\""}));
  CHECK(r.exit_code == 0);
  CHECK(r.out.rfind(R"({"authors":["Patrick Tucker","Lauren Williams"],"canonical_url":"https://www.defenseone.com/policy/2024/05/fcc-covered-list/","duplicate_of":null,"fetched":"2024-05-01T14:20:00Z","id":4,)", 0) == 0);
  CHECK(r.out.find(R"("snippet":"The Federal Communications Commission added two vendors to the covered list on Wednesday. ZTE was already on it. Carriers must rip and replace the…")") != std::string::npos);
  CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 1);
  r = run_newsmon(archive.args({"search", "hua*", "--tag", "uk", "--limit", "2"}));
  CHECK(r.out.find("[3] 2024-05-01 11:00") == 0);
  CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 7);
  r = run_newsmon(archive.args({"search", "huawei", "--outlet", "Defense One", "--json"}));
  CHECK(r.out.find("\"id\":2,") != std::string::npos);
  CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 1);
}

TEST_CASE("search exits 1 when nothing matches and 2 on a malformed query", "[search_command]") {
  ReaderArchive archive;
  auto r = run_newsmon(archive.args({"search", "zeppelin"}));
  CHECK(r.exit_code == 1);
  CHECK(r.out == "");
  r = run_newsmon(archive.args({"search", "huawei-"}));
  CHECK(r.exit_code == 2);
  CHECK(r.err == "newsmon: search: bad query 'huawei-': fts5: syntax error near \"\" (put words with "
                 "punctuation in double quotes: \"huawei-zte\")\n");
}

TEST_CASE("on a terminal search highlights the matched terms", "[search_command]") {
  ReaderArchive archive;
  const auto r = run_newsmon_on_tty(archive.args({"search", "sourdough"}));
  CHECK(r.out.find("for its \x1b[1;31msourdough\x1b[0m.") != std::string::npos);
  const auto plain = run_newsmon_on_tty(archive.args({"search", "sourdough"}), {{"NO_COLOR", ""}, {"TERM", "dumb"}});
  CHECK(plain.out.find('\x1b') == std::string::npos);
}

TEST_CASE("search prints escape sequences in titles, bodies and URLs as harmless text", "[search_command]") {
  ReaderArchive archive;
  const auto r = run_newsmon(archive.args({"search", "alert"}));
  CHECK(r.out == "[8] 2024-04-30 08:00 · Defense One · [31mRed[0m alert: ZTE 2J fined\n"
                 "  Open RAN line one about ZTE[1m bold. Second line.\n"
                 "  https://evil.example/[2Jopen-ran\n");
}
