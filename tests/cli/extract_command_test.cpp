#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "support/temp_dir.h"

using newsmon::test::fixture;
using newsmon::test::read_file;
using newsmon::test::TempDir;

namespace {

struct Run {
  int status;
  std::string out;
};

Run run(const std::string& args) {
  const std::string command = std::string(NEWSMON_BINARY) + " " + args + " 2>&1";
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string out;
  std::array<char, 4096> buf;
  std::size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) out.append(buf.data(), n);
  const int status = ::pclose(pipe);
  return {WEXITSTATUS(status), out};
}

}  // namespace

TEST_CASE("extract FILE prints the body text", "[extract_command]") {
  const auto r = run("extract " + fixture("fixtures/pages/seed-huawei-5g/source.html").string());
  CHECK(r.status == 0);
  CHECK(r.out.starts_with("Britain has averted a full-blown confrontation"));
  CHECK(r.out.ends_with("its policy toward Iran.\n"));
  CHECK(r.out.find("Directory of Suppliers") == std::string::npos);
}

TEST_CASE("extract --json adds the metadata", "[extract_command]") {
  const auto r = run("extract --json --base https://www.cybersecurityintelligence.com/blog/x.html " +
                     fixture("fixtures/pages/seed-huawei-5g/source.html").string());
  REQUIRE(r.status == 0);
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
  const auto r = run("extract " + page.string());
  CHECK(r.status == 0);
  CHECK(r.out.find('\x1b') == std::string::npos);
  CHECK(r.out.find("red") != std::string::npos);
}

TEST_CASE("extract --batch writes one text file per html file", "[extract_command]") {
  TempDir dir;
  std::filesystem::create_directories(dir / "in");
  dir.write("in/a.html", read_file(fixture("fixtures/pages/seed-huawei-5g/source.html")));
  dir.write("in/b.html", "<p>Short page, with a single paragraph of text, that is kept as it is.</p>");
  dir.write("in/ignored.txt", "not html");
  const auto r = run("extract --batch " + (dir / "in").string() + " " + (dir / "out").string());
  CHECK(r.status == 0);
  CHECK(r.out.starts_with("2 pages, "));
  CHECK(read_file(dir / "out/a.txt").starts_with("Britain has averted"));
  CHECK(read_file(dir / "out/b.txt") == "Short page, with a single paragraph of text, that is kept as it is.\n");
  CHECK_FALSE(std::filesystem::exists(dir / "out/ignored.txt"));
}

TEST_CASE("extract names the file it cannot read", "[extract_command]") {
  const auto r = run("extract /nonexistent/page.html");
  CHECK(r.status == 3);
  CHECK(r.out == "newsmon: /nonexistent/page.html: cannot open\n");
  const auto b = run("extract --batch /nonexistent/in /tmp/out-never");
  CHECK(b.status == 3);
  CHECK(b.out == "newsmon: /nonexistent/in: not a directory\n");
}
