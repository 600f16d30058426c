#include <catch2/catch.hpp>

#include "support/reader_archive.h"

using namespace newsmon::test;

TEST_CASE("the text digest of a day groups stories by topic with all their outlets", "[digest_command]") {
  ReaderArchive archive;
  const auto r = run_newsmon(archive.args({"digest", "--date", "2024-05-01"}));
  CHECK(r.exit_code == 0);
  CHECK(r.err == "");
  CHECK(r.out == R"(newsmon digest · 2024-05-01 00:00 to 2024-05-02 00:00 · 3 stories from 3 outlets

telecom vendor policy
─────────────────────

UK orders Huawei kit out of 5G networks by 2027
  The Guardian, Defense One, The New York Times · 2024-05-01 09:30 · huawei, uk,
  us
  The UK government has ordered mobile operators to strip Huawei equipment from
  their 5G networks by 2027. Ministers said the decision followed a review by
  the National Cyber Security Centre.
  https://www.theguardian.com/technology/huawei-5g-deadline

FCC adds more Chinese vendors to its covered list
  Defense One · 2024-05-01 14:15 · fcc, us, zte
  The Federal Communications Commission added two vendors to the covered list on
  Wednesday. ZTE was already on it.
  https://www.defenseone.com/policy/2024/05/fcc-covered-list/

Germany reviews its 5G supplier rules
  The Guardian · 2024-05-01 23:30 · germany, huawei
  Germany's interior ministry is reviewing rules for 5G suppliers. A decision is
  expected in June.
  https://www.theguardian.com/world/germany-5g-review
)");
}

TEST_CASE("the markdown digest links each story and lists the other outlets' items", "[digest_command]") {
  ReaderArchive archive;
  const auto r = run_newsmon(archive.args({"digest", "--date", "2024-05-01", "--format", "markdown", "--outlet",
                                           "The Guardian", "--outlet", "The New York Times"}));
  CHECK(r.exit_code == 0);
  CHECK(r.out == R"(# newsmon digest: 2024-05-01

2024-05-01 00:00 to 2024-05-02 00:00 · 2 stories from 2 outlets

## telecom vendor policy

### [UK orders Huawei kit out of 5G networks by 2027](https://www.theguardian.com/technology/huawei-5g-deadline)

*The Guardian, The New York Times* · 2024-05-01 09:30 · huawei, uk, us

The UK government has ordered mobile operators to strip Huawei equipment from their 5G networks by 2027. Ministers said the decision followed a review by the National Cyber Security Centre.

- The New York Times: [Britain sets a 2027 deadline to remove Huawei gear](https://www.nytimes.com/2024/05/01/world/europe/britain-huawei.html)

### [Germany reviews its 5G supplier rules](https://www.theguardian.com/world/germany-5g-review)

*The Guardian* · 2024-05-01 23:30 · germany, huawei

Germany's interior ministry is reviewing rules for 5G suppliers. A decision is expected in June.
)");
}

TEST_CASE("the JSON digest is one object with topics, stories and their items", "[digest_command]") {
  ReaderArchive archive;
  const auto r = run_newsmon(archive.args({"digest", "--date", "2024-05-02", "--format", "json"}));
  CHECK(r.exit_code == 0);
  CHECK(r.out ==
        R"({"since":"2024-05-02T00:00:00Z","topics":[{"name":"telecom vendor policy","stories":[{"extract":"Berlin is weighing a cap on Huawei components in its networks. Officials declined to comment.","first_seen":"2024-05-02T00:30:00Z","items":[{"authors":[],"canonical_url":"https://www.nytimes.com/2024/05/02/business/germany-huawei-cap.html","duplicate_of":null,"fetched":"2024-05-02T00:35:00Z","id":6,"language":"","outlet":"The New York Times","published":"2024-05-02T00:30:00Z","relevant":true,"score":2.0,"story_id":3,"tags":["germany","huawei"],"title":"Berlin weighs a cap on Huawei parts","topics":["telecom vendor policy"],"url":"https://www.nytimes.com/2024/05/02/business/germany-huawei-cap.html"}],"outlets":["The New York Times"],"score":2.0,"story_id":3,"tags":["germany","huawei"],"title":"Berlin weighs a cap on Huawei parts","url":"https://www.nytimes.com/2024/05/02/business/germany-huawei-cap.html"}]}],"until":"2024-05-03T00:00:00Z"}
)");
}

TEST_CASE("a story spanning midnight falls on one local day in Berlin and on two in UTC", "[digest_command]") {
  ReaderArchive archive;
  const auto berlin = run_newsmon(archive.args({"digest", "--date", "2024-05-02", "--outlet", "The Guardian",
                                                "--outlet", "The New York Times"}),
                                  with_env({{"TZ", "Europe/Berlin"}}));
  CHECK(berlin.out == R"(newsmon digest · 2024-05-02 00:00 to 2024-05-03 00:00 · 1 story from 2 outlets

telecom vendor policy
─────────────────────

Germany reviews its 5G supplier rules
  The Guardian, The New York Times · 2024-05-02 01:30 · germany, huawei
  Germany's interior ministry is reviewing rules for 5G suppliers. A decision is
  expected in June.
  https://www.theguardian.com/world/germany-5g-review
)");
  const auto utc = run_newsmon(archive.args({"digest", "--date", "2024-05-02", "--format", "markdown"}));
  CHECK(utc.out.find("Berlin weighs a cap on Huawei parts") != std::string::npos);
  CHECK(utc.out.find("Germany reviews") == std::string::npos);
}

TEST_CASE("an escape sequence in a title, body or URL prints as harmless text", "[digest_command]") {
  ReaderArchive archive;
  const auto r = run_newsmon(archive.args({"digest", "--date", "2024-04-30", "--topic", "open ran"}));
  CHECK(r.out == R"(newsmon digest · 2024-04-30 00:00 to 2024-05-01 00:00 · 1 story from 1 outlet

open ran
────────

[31mRed[0m alert: ZTE 2J fined
  Defense One · 2024-04-30 08:00 · zte
  Open RAN line one about ZTE[1m bold. Second line.
  https://evil.example/[2Jopen-ran
)");
  CHECK(r.out.find('\x1b') == std::string::npos);
  CHECK(r.out.find("\xc2\x9b") == std::string::npos);
}

TEST_CASE("a day without relevant stories says so", "[digest_command]") {
  ReaderArchive archive;
  const auto r = run_newsmon(archive.args({"digest", "--date", "2023-01-01"}));
  CHECK(r.exit_code == 0);
  CHECK(r.out == "No relevant stories from 2023-01-01 00:00 to 2023-01-02 00:00.\n");
}

TEST_CASE("digest options that make no sense are usage errors", "[digest_command]") {
  ReaderArchive archive;
  auto r = run_newsmon(archive.args({"digest", "--date", "2024-02-30"}));
  CHECK(r.exit_code == 2);
  CHECK(r.err == "newsmon: digest: --date: '2024-02-30' is not a date: use YYYY-MM-DD\n");
  r = run_newsmon(archive.args({"digest", "--since", "soon"}));
  CHECK(r.exit_code == 2);
  CHECK(r.err ==
        "newsmon: digest: --since: 'soon' is not a time: use a duration (90m, 24h, 7d, 2w) or a date (YYYY-MM-DD)\n");
  r = run_newsmon(archive.args({"digest", "--format", "html"}));
  CHECK(r.exit_code == 2);
}

TEST_CASE("on a terminal the digest is coloured, and NO_COLOR turns colour off", "[digest_command]") {
  ReaderArchive archive;
  const auto coloured = run_newsmon_on_tty(archive.args({"digest", "--date", "2024-05-02"}));
  CHECK(coloured.exit_code == 0);
  CHECK(coloured.out.find("\x1b[1mBerlin weighs a cap on Huawei parts\x1b[0m\n") != std::string::npos);
  CHECK(coloured.out.find("\x1b[1;34mtelecom vendor policy\x1b[0m") != std::string::npos);
  const auto plain = run_newsmon_on_tty(archive.args({"digest", "--date", "2024-05-02"}), {{"NO_COLOR", "1"}});
  CHECK(plain.out.find('\x1b') == std::string::npos);
  CHECK(plain.out.find("Berlin weighs a cap on Huawei parts\n") != std::string::npos);
}

TEST_CASE("on a terminal the digest wraps to the terminal's width", "[digest_command]") {
  ReaderArchive archive;
  const auto r = run_newsmon_on_tty(archive.args({"digest", "--date", "2024-05-02"}), {{"NO_COLOR", "1"}}, 40);
  CHECK(r.out.find("  Berlin is weighing a cap on Huawei\n  components in its networks. Officials\n") !=
        std::string::npos);
}

TEST_CASE("a digest longer than the screen goes through the pager", "[digest_command]") {
  ReaderArchive archive;
  const auto marker = archive.dir() / "paged";
  const auto r = run_newsmon_on_tty(archive.args({"digest", "--date", "2024-05-01"}),
                                    {{"NO_COLOR", "1"}, {"PAGER", "cat > " + marker.string()}}, 80, 10);
  CHECK(r.exit_code == 0);
  CHECK(read_file(marker).find("FCC adds more Chinese vendors") != std::string::npos);
  CHECK(r.out.find("FCC adds") == std::string::npos);
}

TEST_CASE("digest --write saves the markdown digest and hands it to the command", "[digest_command]") {
  ReaderArchive archive;
  const auto mailed = archive.dir() / "mailed.md";
  archive.dir().write("feeds.toml", std::string(kReaderConfig) + "\n[digest]\ncommand = \"cat > " +
                                        mailed.string() + "\"\n");
  const auto r = run_newsmon(archive.args({"digest", "--date", "2024-05-02", "--write"}));
  CHECK(r.exit_code == 0);
  CHECK(r.out == "");
  const std::string written = read_file(archive.dir() / "digests" / "2024-05-02.md");
  CHECK(written.rfind("# newsmon digest: 2024-05-02\n\n2024-05-02 00:00 to 2024-05-03 00:00 · 1 story", 0) == 0);
  CHECK(read_file(mailed) == written);
}

TEST_CASE("digest --write reports a failing command", "[digest_command]") {
  ReaderArchive archive;
  archive.dir().write("feeds.toml", std::string(kReaderConfig) + "\n[digest]\ncommand = \"exit 3\"\n");
  const auto r = run_newsmon(archive.args({"digest", "--date", "2024-05-02", "--write"}));
  CHECK(r.exit_code == 3);
  CHECK(r.err == "newsmon: digest: [digest] command 'exit 3' failed with status 3 on " +
                     (archive.dir() / "digests" / "2024-05-02.md").string() + "\n");
}

TEST_CASE("by default the digest covers the last day", "[digest_command]") {
  ReaderArchive archive;
  {
    newsmon::Store store = newsmon::Store::open(archive.database()).value();
    newsmon::Item fresh;
    fresh.canonical_url = fresh.url = "https://www.theguardian.com/fresh";
    fresh.outlet = "The Guardian";
    fresh.title = "Fresh vendor ban";
    fresh.fetched = newsmon::now_instant() - std::chrono::hours{2};
    fresh.body = "A fresh ban.";
    fresh.relevant = true;
    fresh.topics = {"open ran"};
    store.insert_item(fresh).value();
  }
  const auto r = run_newsmon(archive.args({"digest", "--format", "json"}));
  CHECK(r.out.find("Fresh vendor ban") != std::string::npos);
  CHECK(r.out.find("Huawei") == std::string::npos);
}
