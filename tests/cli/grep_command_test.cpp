#include <catch2/catch.hpp>

#include "support/reader_archive.h"

using namespace newsmon::test;

TEST_CASE("grep prints each matching item's date, outlet and title, then its matching lines", "[grep_command]") {
  ReaderArchive archive;
  const auto r = run_newsmon(archive.args({"grep", "-n", "-i", "huawei", "--since", "2024-05-01T10:30:00Z"}));
  CHECK(r.exit_code == 0);
  CHECK(r.err == "");
  CHECK(r.out == R"([7] 2024-05-01 12:00 · The Guardian · Village bakery wins national prize
  2:No Huawei was involved.

[6] 2024-05-02 00:30 · The New York Times · Berlin weighs a cap on Huawei parts
  1:Berlin is weighing a cap on Huawei components in its networks. Officials declined to comment.

[3] 2024-05-01 11:00 · The New York Times · Britain sets a 2027 deadline to remove Huawei gear
  1:Britain on Wednesday set a deadline for removing Huawei gear. The move follows pressure from Washington.
)");
}

TEST_CASE("grep -l lists ids and titles, -c counts the matching items", "[grep_command]") {
  ReaderArchive archive;
  auto r = run_newsmon(archive.args({"grep", "-l", "Huawei", "--outlet", "The Guardian"}));
  CHECK(r.exit_code == 0);
  CHECK(r.out == "7\tVillage bakery wins national prize\n"
                 "1\tUK orders Huawei kit out of 5G networks by 2027\n");
  r = run_newsmon(archive.args({"grep", "-c", "Huawei"}));
  CHECK(r.out == "5\n");
  r = run_newsmon(archive.args({"grep", "-c", "--json", "Huawei", "--tag", "uk", "--tag", "us"}));
  CHECK(r.out == "{\"count\":1}\n");
}

TEST_CASE("grep -w, -F and anchors work line by line as in grep", "[grep_command]") {
  ReaderArchive archive;
  auto r = run_newsmon(archive.args({"grep", "-w", "-F", "rip and", "--until", "2024-05-01T15:00:00Z"}));
  CHECK(r.out == "[4] 2024-05-01 14:15 · Defense One · FCC adds more Chinese vendors to its covered list\n"
                 "  Carriers must rip and replace the equipment.\n");
  r = run_newsmon(archive.args({"grep", "-c", "-w", "Hua"}));
  CHECK(r.exit_code == 1);
  CHECK(r.out == "0\n");
  r = run_newsmon(archive.args({"grep", "-n", "^No"}));
  CHECK(r.out == "[7] 2024-05-01 12:00 · The Guardian · Village bakery wins national prize\n"
                 "  2:No Huawei was involved.\n");
  r = run_newsmon(archive.args({"grep", "-F", "2027 deadline"}));  // a title-only match prints no line
  CHECK(r.out == "[3] 2024-05-01 11:00 · The New York Times · Britain sets a 2027 deadline to remove Huawei gear\n");
}

TEST_CASE("grep exits 1 when nothing matches and 2 on a bad pattern", "[grep_command]") {
  ReaderArchive archive;
  auto r = run_newsmon(archive.args({"grep", "no such words"}));
  CHECK(r.exit_code == 1);
  CHECK(r.out == "");
  r = run_newsmon(archive.args({"grep", "x("}));
  CHECK(r.exit_code == 2);
  CHECK(r.err == "newsmon: grep: bad pattern 'x(': missing ): x(\n");
  r = run_newsmon(archive.args({"grep", "x", "--since", "later"}));
  CHECK(r.exit_code == 2);
}

TEST_CASE("grep --json prints one object per item with the matching lines and ranges", "[grep_command]") {
  ReaderArchive archive;
  const auto r = run_newsmon(archive.args({"grep", "--json", "ZTE"}));
  CHECK(r.exit_code == 0);
  CHECK(r.out ==
        R"({"id":8,"lines":[{"line":1,"matches":[[24,27]],"text":"Open RAN line one about ZTE[1m bold."}],"outlet":"Defense One","published":"2024-04-30T08:00:00Z","title":"\u001b[31mRed\u001b[0m alert: ZTE \u009b2J fined","title_matches":[[20,23]],"url":"https://evil.example/\u001b[2Jopen-ran"}
{"id":4,"lines":[{"line":1,"matches":[[90,93]],"text":"The Federal Communications Commission added two vendors to the covered list on Wednesday. ZTE was already on it."}],"outlet":"Defense One","published":"2024-05-01T14:15:00Z","title":"FCC adds more Chinese vendors to its covered list","title_matches":[],"url":"https://www.defenseone.com/policy/2024/05/fcc-covered-list/"}
)");
}

TEST_CASE("grep --json gives an undated item's published as null, as show --json does", "[grep_command]") {
  ReaderArchive archive;
  {
    newsmon::Store store = newsmon::Store::open(archive.database()).value();
    newsmon::Item undated;
    undated.canonical_url = undated.url = "https://www.theguardian.com/technology/nokia-note";
    undated.outlet = "The Guardian";
    undated.title = "Undated Nokia note";
    undated.fetched = at("2024-05-03T09:00:00Z");
    undated.body = "Nokia line.";
    store.insert_item(undated).value();
  }
  auto r = run_newsmon(archive.args({"grep", "--json", "Nokia"}));
  CHECK(r.exit_code == 0);
  CHECK(r.out == R"({"id":9,"lines":[{"line":1,"matches":[[0,5]],"text":"Nokia line."}],"outlet":"The Guardian","published":null,"title":"Undated Nokia note","title_matches":[[8,13]],"url":"https://www.theguardian.com/technology/nokia-note"})" "\n");
  r = run_newsmon(archive.args({"show", "--json", "9"}));
  CHECK(r.out.find(R"("published":null)") != std::string::npos);
  // The text form dates it by when it was fetched, as every listing does.
  r = run_newsmon(archive.args({"grep", "Nokia"}));
  CHECK(r.out == "[9] 2024-05-03 09:00 · The Guardian · Undated Nokia note\n  Nokia line.\n");
}

TEST_CASE("grep prints escape sequences in titles and bodies as harmless text", "[grep_command]") {
  ReaderArchive archive;
  const auto r = run_newsmon(archive.args({"grep", "alert|bold"}));
  CHECK(r.out == "[8] 2024-04-30 08:00 · Defense One · [31mRed[0m alert: ZTE 2J fined\n"
                 "  Open RAN line one about ZTE[1m bold.\n");
  const auto tty = run_newsmon_on_tty(archive.args({"grep", "alert|bold"}), {{"NO_COLOR", "1"}});
  CHECK(tty.out == r.out);
}

TEST_CASE("on a terminal grep highlights the matches, and NO_COLOR turns that off", "[grep_command]") {
  ReaderArchive archive;
  const auto r = run_newsmon_on_tty(archive.args({"grep", "-n", "rip", "--tag", "fcc"}));
  CHECK(r.exit_code == 0);
  CHECK(r.out == "\x1b[2m[4]\x1b[0m \x1b[2m2024-05-01 14:15\x1b[0m · \x1b[36mDefense One\x1b[0m · "
                 "\x1b[1mFCC adds more Chinese vendors to its covered list\x1b[0m\n"
                 "  \x1b[2m3:\x1b[0mCarriers must \x1b[1;31mrip\x1b[0m and replace the equipment.\n");
  const auto plain = run_newsmon_on_tty(archive.args({"grep", "-n", "rip", "--tag", "fcc"}), {{"NO_COLOR", "1"}});
  CHECK(plain.out == "[4] 2024-05-01 14:15 · Defense One · FCC adds more Chinese vendors to its covered list\n"
                     "  3:Carriers must rip and replace the equipment.\n");
}

TEST_CASE("grep over thousands of items prints them newest first, whatever thread scanned them", "[grep_command]") {
  TempDir dir;
  const auto config = dir.write("feeds.toml", kReaderConfig);
  const auto database = dir / "big.db";
  {
    newsmon::Store store = newsmon::Store::open(database).value();
    newsmon::Transaction transaction(store.db());
    for (int i = 1; i <= 4500; ++i) {
      newsmon::Item item;
      item.canonical_url = item.url = "https://example.org/" + std::to_string(i);
      item.outlet = "Reuters";
      item.title = "Item " + std::to_string(i);
      item.fetched = newsmon::instant_from_unix(1714521600 + i);
      item.body = i % 7 == 0 ? "a line\nthe needle here" : "nothing to see";
      store.insert_item(item).value();
    }
    transaction.commit();
  }
  const auto r = run_newsmon({"--config", config.string(), "--db", database.string(), "grep", "-l", "needle"});
  CHECK(r.exit_code == 0);
  std::string expected;
  for (int i = 4500; i >= 1; --i)
    if (i % 7 == 0) expected += std::to_string(i) + "\tItem " + std::to_string(i) + "\n";
  CHECK(r.out == expected);
  const auto text = run_newsmon({"--config", config.string(), "--db", database.string(), "grep", "-n", "needle"});
  CHECK(text.out.rfind("[4494] 2024-05-01 01:14 · Reuters · Item 4494\n  2:the needle here\n\n[4487] ", 0) == 0);
  CHECK(text.out.ends_with("\n\n[7] 2024-05-01 00:00 · Reuters · Item 7\n  2:the needle here\n"));
  CHECK(std::count(text.out.begin(), text.out.end(), '[') == 4500 / 7);
}
