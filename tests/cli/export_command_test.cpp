#include <catch2/catch.hpp>

#include "support/reader_archive.h"

using namespace newsmon::test;

TEST_CASE("export jsonl writes one object per item with its body, oldest id first", "[export_command]") {
  ReaderArchive archive;
  const auto r = run_newsmon(archive.args({"export", "--tag", "germany"}));
  CHECK(r.exit_code == 0);
  CHECK(r.out ==
        R"({"authors":[],"body":"Germany's interior ministry is reviewing rules for 5G suppliers. A decision is expected in June.","body_source":"page","canonical_url":"https://www.theguardian.com/world/germany-5g-review","credited_outlets":[],"duplicate_of":null,"fetch_error":"","fetched":"2024-05-01T23:40:00Z","id":5,"image":"","language":"","outlet":"The Guardian","published":"2024-05-01T23:30:00Z","relevant":true,"robots_disallowed":false,"score":2.5,"site_name":"","story_id":3,"summary":"","tags":["germany","huawei"],"title":"Germany reviews its 5G supplier rules","topics":["telecom vendor policy"],"url":"https://www.theguardian.com/world/germany-5g-review"}
{"authors":[],"body":"Berlin is weighing a cap on Huawei components in its networks. Officials declined to comment.","body_source":"page","canonical_url":"https://www.nytimes.com/2024/05/02/business/germany-huawei-cap.html","credited_outlets":[],"duplicate_of":null,"fetch_error":"","fetched":"2024-05-02T00:35:00Z","id":6,"image":"","language":"","outlet":"The New York Times","published":"2024-05-02T00:30:00Z","relevant":true,"robots_disallowed":false,"score":2.0,"site_name":"","story_id":3,"summary":"","tags":["germany","huawei"],"title":"Berlin weighs a cap on Huawei parts","topics":["telecom vendor policy"],"url":"https://www.nytimes.com/2024/05/02/business/germany-huawei-cap.html"}
)");
  const auto file = archive.dir() / "all.jsonl";
  CHECK(run_newsmon(archive.args({"export", "-o", file.string()})).exit_code == 0);
  const auto all = read_file(file);
  CHECK(std::count(all.begin(), all.end(), '\n') == 8);
}

TEST_CASE("export txt writes one file per item with a header block", "[export_command]") {
  ReaderArchive archive;
  const auto out = archive.dir() / "txt";
  const auto r = run_newsmon(archive.args({"export", "--format", "txt", "-o", out.string()}));
  CHECK(r.exit_code == 0);
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(out)) names.push_back(entry.path().filename());
  std::sort(names.begin(), names.end());
  CHECK(names == std::vector<std::string>{"2024-04-30-8.txt", "2024-05-01-1.txt", "2024-05-01-2.txt",
                                          "2024-05-01-3.txt", "2024-05-01-4.txt", "2024-05-01-5.txt",
                                          "2024-05-01-7.txt", "2024-05-02-6.txt"});
  CHECK(read_file(out / "2024-05-01-4.txt") == R"(Title: FCC adds more Chinese vendors to its covered list
Outlet: Defense One
Date: 2024-05-01T14:15:00Z
URL: https://www.defenseone.com/policy/2024/05/fcc-covered-list/
Authors: Patrick Tucker, Lauren Williams
Topics: telecom vendor policy
Tags: fcc, us, zte
Id: 4

The Federal Communications Commission added two vendors to the covered list on Wednesday. ZTE was already on it.

Carriers must rip and replace the equipment.
)");
  // Files meant for grep -r carry no escape sequences.
  const auto evil = read_file(out / "2024-04-30-8.txt");
  CHECK(evil.find('\x1b') == std::string::npos);
  CHECK(evil.find('\x07') == std::string::npos);
  CHECK(evil.find("Authors: Eve]0;pwned\n") != std::string::npos);
}

TEST_CASE("export txt needs a directory and a known format", "[export_command]") {
  ReaderArchive archive;
  auto r = run_newsmon(archive.args({"export", "--format", "txt"}));
  CHECK(r.exit_code == 2);
  CHECK(r.err == "newsmon: export: --format txt writes one file per item: give a directory with -o DIR\n");
}
