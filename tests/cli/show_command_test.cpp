#include <catch2/catch.hpp>

#include "support/reader_archive.h"

using namespace newsmon::test;

TEST_CASE("show prints one article in full with its metadata, story and duplicates", "[show_command]") {
  ReaderArchive archive;
  const auto r = run_newsmon(archive.args({"show", "1"}));
  CHECK(r.exit_code == 0);
  CHECK(r.out == R"(UK orders Huawei kit out of 5G networks by 2027
The Guardian · 2024-05-01 09:30 · by Alex Hern
https://www.theguardian.com/technology/huawei-5g-deadline

Item: 1 (relevant, score 4.50)
Topics: telecom vendor policy
Tags: huawei, uk
Fetched: 2024-05-01 09:45
Also in this story:
  [3] 2024-05-01 11:00 · The New York Times · Britain sets a 2027 deadline to remove Huawei gear
Duplicates:
  [2] 2024-05-01 10:00 · Defense One · UK orders Huawei kit out of 5G networks by 2027

The UK government has ordered mobile operators to strip Huawei equipment from
their 5G networks by 2027. Ministers said the decision followed a review by the
National Cyber Security Centre. Operators warned of delays.

BT and Vodafone said the cost would run to hundreds of millions of pounds.
)");
}

TEST_CASE("show finds an item by its URL and names the original of a duplicate", "[show_command]") {
  ReaderArchive archive;
  const auto r = run_newsmon(archive.args({"show", "https://www.defenseone.com/wire/uk-huawei-5g"}));
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("Duplicate of:\n  [1] 2024-05-01 09:30 · The Guardian · UK orders Huawei kit out of 5G networks "
                   "by 2027\nAlso in this story:\n  [3] ") != std::string::npos);
}

TEST_CASE("show --json gives the item with its body, story and duplicates", "[show_command]") {
  ReaderArchive archive;
  const auto r = run_newsmon(archive.args({"show", "--json", "6"}));
  CHECK(r.out ==
        R"({"authors":[],"body":"Berlin is weighing a cap on Huawei components in its networks. Officials declined to comment.","body_source":"page","canonical_url":"https://www.nytimes.com/2024/05/02/business/germany-huawei-cap.html","duplicate_of":null,"duplicates":[],"fetched":"2024-05-02T00:35:00Z","id":6,"language":"","outlet":"The New York Times","published":"2024-05-02T00:30:00Z","relevant":true,"score":2.0,"story":[{"authors":[],"canonical_url":"https://www.theguardian.com/world/germany-5g-review","duplicate_of":null,"fetched":"2024-05-01T23:40:00Z","id":5,"language":"","outlet":"The Guardian","published":"2024-05-01T23:30:00Z","relevant":true,"score":2.5,"story_id":3,"tags":["germany","huawei"],"title":"Germany reviews its 5G supplier rules","topics":["telecom vendor policy"],"url":"https://www.theguardian.com/world/germany-5g-review"}],"story_id":3,"summary":"","tags":["germany","huawei"],"title":"Berlin weighs a cap on Huawei parts","topics":["telecom vendor policy"],"url":"https://www.nytimes.com/2024/05/02/business/germany-huawei-cap.html"}
)");
}

TEST_CASE("show exits 1 for an item not in the archive", "[show_command]") {
  ReaderArchive archive;
  auto r = run_newsmon(archive.args({"show", "99"}));
  CHECK(r.exit_code == 1);
  CHECK(r.err == "newsmon: show: no item 99 in the archive\n");
  r = run_newsmon(archive.args({"show", "https://nowhere.example/\x1b[2J"}));
  CHECK(r.err == "newsmon: show: no item 'https://nowhere.example/[2J' in the archive\n");
}

TEST_CASE("show prints escape sequences in titles, authors, URLs and bodies as harmless text", "[show_command]") {
  ReaderArchive archive;
  const auto r = run_newsmon(archive.args({"show", "8"}));
  CHECK(r.out == R"([31mRed[0m alert: ZTE 2J fined
Defense One · 2024-04-30 08:00 · by Eve]0;pwned
https://evil.example/[2Jopen-ran

Item: 8 (relevant, score 2.20)
Topics: open ran
Tags: zte
Fetched: 2024-04-30 08:05

Open RAN line one about ZTE[1m bold.
Second line.
)");
  const auto json = run_newsmon(archive.args({"show", "--json", "8"}));
  CHECK(json.out.find('\x1b') == std::string::npos);
  CHECK(json.out.find('\x7f') == std::string::npos);
  CHECK(json.out.find(R"("authors":["Eve\u001b]0;pwned\u0007"])") != std::string::npos);
  CHECK(json.out.find(R"(ZTE\u001b[1m bold\u007f.)") != std::string::npos);
}

TEST_CASE("show wraps to the terminal and pages when longer than the screen", "[show_command]") {
  ReaderArchive archive;
  const auto narrow = run_newsmon_on_tty(archive.args({"show", "7"}), {{"NO_COLOR", "1"}}, 30);
  CHECK(narrow.out.find("\nA village bakery won the\nnational prize for its\nsourdough.\n") != std::string::npos);
  const auto paged_to = archive.dir() / "paged";
  const auto paged = run_newsmon_on_tty(archive.args({"show", "1"}),
                                        {{"PAGER", "cat > " + paged_to.string()}}, 80, 8);
  CHECK(paged.out == "");
  CHECK(read_file(paged_to).find("\x1b[1mUK orders Huawei kit") == 0);
}
