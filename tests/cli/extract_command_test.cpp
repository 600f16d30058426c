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
  CHECK(r.out == "newsmon: /nonexistent/page.html: cannot read the file\n");
  const auto d = run({"extract", fixture("fixtures/pages").string()});
  CHECK(d.exit_code == 3);
  CHECK(d.out == "newsmon: " + fixture("fixtures/pages").string() + ": is a directory\n");
  const auto b = run({"extract", "--batch", "/nonexistent/in", "/tmp/out-never"});
  CHECK(b.exit_code == 3);
  CHECK(b.out == "newsmon: /nonexistent/in: not a directory\n");
}

TEST_CASE("extract --batch decodes a windows-1252 page exactly as extract FILE does", "[extract_command]") {
  const TempDir dir;
  // No <meta charset> and no BOM: only detection can tell the bytes apart.
  std::string paragraph =
      "<p>The minister\x92s \x93high-risk vendor\x94 rules \x96 announced on Tuesday \x96 cap the share of "
      "Huawei equipment in the caf\xE9 networks at 35 per cent, and the operators\x92 na\xEFve hopes of a "
      "reprieve are gone. The review names Huawei and ZTE, and the regulator\x92s letter says so.</p>";
  std::string html = "<html><head><title>Vendor rules</title></head><body><article>";
  for (int i = 0; i < 4; ++i) html += paragraph;
  html += "</article></body></html>";
  std::filesystem::create_directories(dir / "in");
  const auto page = dir.write("in/cp1252.html", html);

  const auto single = run({"extract", page.string()});
  REQUIRE(single.exit_code == 0);
  const auto batch = run({"extract", "--batch", (dir / "in").string(), (dir / "out").string()});
  REQUIRE(batch.exit_code == 0);
  const std::string batch_text = read_file(dir / "out/cp1252.txt");
  CHECK(batch_text == single.out);
  CHECK(batch_text.find("\xEF\xBF\xBD") == std::string::npos);  // no U+FFFD
  CHECK(batch_text.find("minister\xE2\x80\x99s \xE2\x80\x9Chigh-risk vendor\xE2\x80\x9D") != std::string::npos);
  CHECK(batch_text.find("caf\xC3\xA9") != std::string::npos);
}
