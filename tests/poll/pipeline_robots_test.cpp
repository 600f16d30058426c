// The robots.txt check in the pipeline (pipeline.cpp's fetch_page): article
// pages a site disallows are not fetched, and their entries are stored from
// the feed's own content, marked robots_disallowed.
#include <catch2/catch.hpp>

#include <atomic>
#include <mutex>

#include "support/pipeline_fixture.h"

using namespace newsmon;

namespace {

std::string rss(const std::string& base, const std::vector<std::string>& paths) {
  std::string items;
  for (const auto& path : paths)
    items += "<item><title>Story " + path + "</title><link>" + base + path + "</link><guid>" + path +
             "</guid><description>Huawei and ZTE: the feed's own text of " + path +
             ", long enough to stand for the article when the page is not fetched.</description></item>";
  return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title><link>" + base +
         "</link><description>d</description>" + items + "</channel></rss>";
}

}  // namespace

TEST_CASE("a page disallowed by robots.txt is stored from its feed entry, and robots.txt is fetched once a day",
          "[pipeline_robots]") {
  test::PipelineFixture fixture;
  test::LoopbackServer& server = fixture.server;
  std::mutex mutex;
  std::vector<std::string> requested;
  std::vector<std::string> paths{"/news/one.html", "/private/two.html"};
  server.http().Get(R"(/.*)", [&](const httplib::Request& request, httplib::Response& response) {
    std::lock_guard lock(mutex);
    requested.push_back(request.path);
    if (request.path == "/robots.txt")
      response.set_content("User-agent: *\nDisallow: /private/\n", "text/plain");
    else if (request.path == "/feed.xml")
      response.set_content(rss(server.url(""), paths), "application/rss+xml");
    else
      response.set_content("<html><body><article><p>Page text about Huawei.</p></article></body></html>",
                           "text/html");
  });
  fixture.config = parse_config("[http]\nhost_delay = \"0s\"\n\n[[outlet]]\nname = \"Loop\"\nfeeds = [\"" +
                                         server.url("/feed.xml") +
                                         "\"]\n\n[[topic]]\nname = \"vendors\"\nterms = [\"Huawei\"]\nthreshold = 1.0\n",
                                     "test.toml");
  Store store = fixture.open_store();

  const Instant now = now_instant();
  fixture.poll(store, now);
  {
    std::lock_guard lock(mutex);
    CHECK(std::count(requested.begin(), requested.end(), "/robots.txt") == 1);
    CHECK(std::count(requested.begin(), requested.end(), "/news/one.html") == 1);
    CHECK(std::count(requested.begin(), requested.end(), "/private/two.html") == 0);
  }
  SqliteStatement items(store.db(), "SELECT url, robots_disallowed, body_source, fetch_error FROM items ORDER BY url");
  REQUIRE(items.step());
  CHECK(items.column_text(0) == server.url("/news/one.html"));
  CHECK(items.column_int(1) == 0);
  REQUIRE(items.step());
  CHECK(items.column_text(0) == server.url("/private/two.html"));
  CHECK(items.column_int(1) == 1);
  CHECK(items.column_text(2) != "page");  // the feed's content or summary
  CHECK(items.column_text(3) == server.url("/private/two.html") + ": disallowed by robots.txt");
  CHECK(store.robots_txt(server.url("")).value()->body == "User-agent: *\nDisallow: /private/\n");

  // A later poll the same day reads robots.txt from the archive.
  paths.push_back("/news/three.html");
  fixture.poll(store, now + std::chrono::hours(2));
  std::lock_guard lock(mutex);
  CHECK(std::count(requested.begin(), requested.end(), "/robots.txt") == 1);
  CHECK(std::count(requested.begin(), requested.end(), "/news/three.html") == 1);
}
