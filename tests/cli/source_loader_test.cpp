// The one loader of FILE|URL arguments: which arguments are URLs, what a
// file and a loopback URL load as, the charset decoding, and the errors.
#include <catch2/catch.hpp>

#include "daemon/cli/source_loader.h"
#include "support/loopback_server.h"
#include "support/temp_dir.h"

using namespace newsmon;

namespace {

// A config that fetches from loopback without politeness delays.
GlobalOptions loopback_options(const test::TempDir& dir) {
  GlobalOptions global;
  global.config = dir.write("feeds.toml",
                            "[http]\nhost_delay = \"0s\"\n\n"
                            "[[outlet]]\nname = \"A\"\nfeeds = [\"https://a.example/feed\"]\n")
                      .string();
  return global;
}

}  // namespace

TEST_CASE("http, https and file URLs in any case are URLs; anything else is a path", "[source_loader]") {
  CHECK(is_url_argument("http://127.0.0.1/a.html"));
  CHECK(is_url_argument("HTTPS://example.org/"));
  CHECK(is_url_argument("file:///tmp/page.html"));
  CHECK_FALSE(is_url_argument("page.html"));
  CHECK_FALSE(is_url_argument("/tmp/http://odd-name.html"));
  CHECK_FALSE(is_url_argument("ftp://example.org/page.html"));
  CHECK_FALSE(is_url_argument("file:page.html"));
}

TEST_CASE("a path loads its bytes as they are, with its absolute file URL as the base", "[source_loader]") {
  const test::TempDir dir;
  const auto page = dir.write("page.html", "<p>caf\xE9</p>");
  const auto loaded = load_source(GlobalOptions{}, page.string());
  REQUIRE(loaded);
  CHECK(loaded->bytes == "<p>caf\xE9</p>");
  CHECK(loaded->charset.empty());
  CHECK(loaded->from_path);
  CHECK(loaded->url == "file://" + std::filesystem::absolute(page).string());
}

TEST_CASE("a missing file and a directory are errors that name them", "[source_loader]") {
  const test::TempDir dir;
  const auto missing = load_source(GlobalOptions{}, (dir / "missing.html").string());
  REQUIRE_FALSE(missing);
  CHECK(missing.error().message == (dir / "missing.html").string() + ": cannot read the file");
  const auto directory = load_source(GlobalOptions{}, dir.path().string());
  REQUIRE_FALSE(directory);
  CHECK(directory.error().message == dir.path().string() + ": is a directory");
}

TEST_CASE("a URL is fetched, and its HTTP charset decodes the page", "[source_loader]") {
  const test::TempDir dir;
  test::LoopbackServer server;
  server.serve("/page.html", "<html><body><p>The minister\x92s caf\xE9</p></body></html>",
               "text/html; charset=windows-1252");
  const auto loaded = load_source(loopback_options(dir), server.url("/page.html"));
  REQUIRE(loaded);
  CHECK_FALSE(loaded->from_path);
  CHECK(loaded->charset == "windows-1252");
  CHECK(loaded->url == server.url("/page.html"));
  CHECK(page_html(*loaded).find("minister\xE2\x80\x99s caf\xC3\xA9") != std::string::npos);
}

TEST_CASE("a URL that answers 404 is an error naming the status", "[source_loader]") {
  const test::TempDir dir;
  test::LoopbackServer server;
  const auto loaded = load_source(loopback_options(dir), server.url("/nothing.html"));
  REQUIRE_FALSE(loaded);
  CHECK(loaded.error().message == server.url("/nothing.html") + ": the server answered HTTP 404");
}
