#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "support/run_binary.h"

using newsmon::test::fixture;
using newsmon::test::read_file;
using newsmon::test::TempDir;

namespace {

// `newsmon ARGS`, its stderr interleaved with its stdout.
newsmon::test::RunResult run(const std::vector<std::string>& args) {
  newsmon::test::ProcessOptions options;
  options.stderr_to_stdout = true;
  return newsmon::test::run_newsmon(args, options);
}

}  // namespace

TEST_CASE("extract FILE prints the body text", "[extract_command]") {
  const auto r = run({"extract", fixture("fixtures/pages/seed-huawei-5g/source.html").string()});
  CHECK(r.exit_code == 0);
  CHECK(r.out.starts_with("Britain has averted a full-blown confrontation"));
  CHECK(r.out.ends_with("its policy toward Iran.\n"));
  CHECK(r.out.find("Directory of Suppliers") == std::string::npos);
}

TEST_CASE("extract --json adds the metadata", "[extract_command]") {
  const auto r = run({"extract", "--json", "--base", "https://www.cybersecurityintelligence.com/blog/x.html",
                      fixture("fixtures/pages/seed-huawei-5g/source.html").string()});
  REQUIRE(r.exit_code == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["title"] == "The US & Britain Edge Closer To An Agreement On Huawei");
  CHECK(j["site_name"] == "Cyber Security Intelligence");
  CHECK(j["url"] == "https://www.cybersecurityintelligence.com/blog/x.html");
  CHECK(j["credited_outlets"].size() == 4);
  CHECK(j["published"].is_null());
  CHECK(j["text"].get<std::string>().starts_with("Britain has averted"));
}

TEST_CASE("extract strips terminal control characters from what it prints", "[extract_command]") {
  TempDir dir;
  const auto page = dir.write("evil.html", "<title>x\x1b]0;pwned\x07</title><p>Text \x1b[31mred\x1b[0m and more, long "
                                           "enough to be an article paragraph for the extractor.</p>");
  const auto r = run({"extract", page.string()});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find('\x1b') == std::string::npos);
  CHECK(r.out.find("red") != std::string::npos);
}

TEST_CASE("extract --batch writes one text file per html file", "[extract_command]") {
  TempDir dir;
  std::filesystem::create_directories(dir / "in");
  dir.write("in/a.html", read_file(fixture("fixtures/pages/seed-huawei-5g/source.html")));
  dir.write("in/b.html", "<p>Short page, with a single paragraph of text, that is kept as it is.</p>");
  dir.write("in/ignored.txt", "not html");
  const auto r = run({"extract", "--batch", (dir / "in").string(), (dir / "out").string()});
  CHECK(r.exit_code == 0);
  CHECK(r.out.starts_with("2 pages, "));
  CHECK(read_file(dir / "out/a.txt").starts_with("Britain has averted"));
  CHECK(read_file(dir / "out/b.txt") == "Short page, with a single paragraph of text, that is kept as it is.\n");
  CHECK_FALSE(std::filesystem::exists(dir / "out/ignored.txt"));
}

TEST_CASE("extract names the file it cannot read", "[extract_command]") {
  const auto r = run({"extract", "/nonexistent/page.html"});
  CHECK(r.exit_code == 3);
  CHECK(r.out == "newsmon: /nonexistent/page.html: cannot open\n");
  const auto b = run({"extract", "--batch", "/nonexistent/in", "/tmp/out-never"});
  CHECK(b.exit_code == 3);
  CHECK(b.out == "newsmon: /nonexistent/in: not a directory\n");
}
