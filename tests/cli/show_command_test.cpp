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
        R"({"authors":[],"body":"Berlin is weighing a cap on Huawei components in its networks. Officials declined to comment.","body_source":"page","canonical_url":"https://www.nytimes.com/2024/05/02/business/germany-huawei-cap.html","credited_outlets":[],"duplicate_of":null,"duplicates":[],"fetch_error":"","fetched":"2024-05-02T00:35:00Z","id":6,"image":"","language":"","outlet":"The New York Times","published":"2024-05-02T00:30:00Z","relevant":true,"robots_disallowed":false,"score":2.0,"site_name":"","story":[{"authors":[],"canonical_url":"https://www.theguardian.com/world/germany-5g-review","duplicate_of":null,"fetched":"2024-05-01T23:40:00Z","id":5,"language":"","outlet":"The Guardian","published":"2024-05-01T23:30:00Z","relevant":true,"score":2.5,"story_id":3,"tags":["germany","huawei"],"title":"Germany reviews its 5G supplier rules","topics":["telecom vendor policy"],"url":"https://www.theguardian.com/world/germany-5g-review"}],"story_id":3,"summary":"","tags":["germany","huawei"],"title":"Berlin weighs a cap on Huawei parts","topics":["telecom vendor policy"],"url":"https://www.nytimes.com/2024/05/02/business/germany-huawei-cap.html"}
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

namespace {
// Adds an item whose page fetch recorded everything there is; returns its id.
std::int64_t add_wire_item(const ReaderArchive& archive) {
  newsmon::Store store = newsmon::Store::open(archive.database()).value();
  newsmon::Item item;
  item.canonical_url = item.url = "https://www.theguardian.com/wire/huawei";
  item.outlet = "The Guardian";
  item.title = "Wire copy on Huawei";
  item.body = "The body.";
  item.fetched = newsmon::instant_from_unix(1714557600);  // 2024-05-01 10:00 UTC
  item.site_name = "the Guardian";
  item.image = "https://i.guim.co.uk/lead.jpg";
  item.credited_outlets = {"Reuters", "AP"};
  item.fetch_error = "https://www.theguardian.com/wire/huawei: HTTP 403";
  item.robots_disallowed = true;
  return store.insert_item(item).value();
}
}  // namespace

TEST_CASE("show prints what the page fetch recorded, each only when there is one", "[show_command]") {
  ReaderArchive archive;
  const auto id = std::to_string(add_wire_item(archive));
  const auto r = run_newsmon(archive.args({"show", id}));
  CHECK(r.exit_code == 0);
  CHECK(r.out == "Wire copy on Huawei\nThe Guardian · 2024-05-01 10:00\nhttps://www.theguardian.com/wire/huawei\n\n"
                 "Item: " + id + " (not relevant, score 0.00)\n"
                 "Site: the Guardian\n"
                 "Image: https://i.guim.co.uk/lead.jpg\n"
                 "Credited: Reuters, AP\n"
                 "Fetch error: https://www.theguardian.com/wire/huawei: HTTP 403\n"
                 "Robots: disallowed\n"
                 "\nThe body.\n");
  // An item with none of them (item 1, the first test) prints none of these lines.
  const auto plain = run_newsmon(archive.args({"show", "1"}));
  for (const char* line : {"Site:", "Image:", "Credited:", "Fetch error:", "Robots:"})
    CHECK(plain.out.find(line) == std::string::npos);
}

TEST_CASE("show --json and export jsonl carry what the page fetch recorded", "[show_command]") {
  ReaderArchive archive;
  const auto id = add_wire_item(archive);
  const std::string recorded_fields[] = {
      R"("credited_outlets":["Reuters","AP"])", R"("fetch_error":"https://www.theguardian.com/wire/huawei: HTTP 403")",
      R"("image":"https://i.guim.co.uk/lead.jpg")", R"("robots_disallowed":true)", R"("site_name":"the Guardian")"};
  const auto shown = run_newsmon(archive.args({"show", "--json", std::to_string(id)}));
  const auto exported = run_newsmon(archive.args({"export", "--outlet", "The Guardian"}));
  const auto line = exported.out.substr(exported.out.find(R"({"authors":[],"body":"The body.")"));
  for (const auto& field : recorded_fields) {
    CHECK(shown.out.find(field) != std::string::npos);
    CHECK(line.find(field) != std::string::npos);
  }
}
