// One poll of twenty feeds, five of them misbehaving in five ways, through
// the whole pipeline into a real SQLite file: the healthy feeds and their
// articles are all stored, each bad feed is reported with its reason, and the
// poll lasts about the longest timeout, not the sum of them. Every feed has a
// host of its own (pinned to 127.0.0.1), as outlets do.
#include <catch2/catch.hpp>

#include <chrono>
#include <string>

#include "support/pipeline_fixture.h"
#include "support/silent_server.h"

using namespace newsmon;

namespace {

std::string host_of(int feed) { return "feed" + std::to_string(feed) + ".test"; }

std::string rss(int feed, int port) {
  std::string items;
  for (int k = 0; k < 2; ++k) {
    const std::string link = "http://" + host_of(feed) + ":" + std::to_string(port) + "/article/" +
                             std::to_string(feed) + "/" + std::to_string(k);
    items += "<item><title>Feed " + std::to_string(feed) + " report " + std::to_string(k) +
             "</title><link>" + link + "</link><guid>" + link + "</guid></item>";
  }
  return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Feed " + std::to_string(feed) +
         "</title>" + items + "</channel></rss>";
}

std::string article(const std::string& feed, const std::string& k) {
  std::string body;
  for (int p = 0; p < 4; ++p)
    body += "<p>Paragraph " + std::to_string(p) + " of report " + k + " from feed " + feed +
            ": the regulator set out its rules for network equipment suppliers this week.</p>";
  return "<html><head><title>Report</title></head><body><nav><a href='/'>Home</a></nav><article><h1>Feed " +
         feed + " report " + k + "</h1>" + body + "</article></body></html>";
}

}  // namespace

TEST_CASE("of 20 feeds with 5 misbehaving, one poll stores the 15 healthy ones and lasts one timeout",
          "[pipeline]") {
  test::PipelineFixture fixture;
  test::LoopbackServer& server = fixture.server;
  Config& config = fixture.config;
  test::SilentServer silent;
  // One request per connection: an idle keep-alive connection would hold one
  // of the test server's few threads, which is no fault of the pipeline's.
  server.http().set_keep_alive_max_count(1);
  server.http().Get(R"(/feed/(\d+))", [&](const httplib::Request& request, httplib::Response& response) {
    const int feed = std::stoi(request.matches[1].str());
    if (feed == 8) return response.status = 500, void();
    if (feed == 12) return response.set_content("<html><body>Down for maintenance</body></html>", "application/rss+xml");
    if (feed == 16) return response.set_redirect("file:///etc/passwd"), void();
    response.set_content(rss(feed, server.port()), "application/rss+xml");
  });
  server.http().Get(R"(/article/(\d+)/(\d+))", [](const httplib::Request& request, httplib::Response& response) {
    response.set_content(article(request.matches[1].str(), request.matches[2].str()), "text/html; charset=utf-8");
  });

  // Above the kernel's first SYN retry (1 s): the test server listens with a
  // backlog of 5, and a healthy connection refused under load is retried.
  config.http.connect_timeout = std::chrono::seconds{3};
  config.http.timeout = std::chrono::seconds{3};
  config.http.low_speed_time = std::chrono::seconds{3};
  std::vector<std::string> pins;
  for (int feed = 0; feed < 20; ++feed) {
    const bool hangs = feed == 0 || feed == 4;  // two servers that never answer
    const int port = hangs ? silent.port() : server.port();
    pins.push_back(host_of(feed) + ":" + std::to_string(port) + ":127.0.0.1");
    test::add_outlet(config, "Outlet " + std::to_string(feed),
                     "http://" + host_of(feed) + ":" + std::to_string(port) + "/feed/" + std::to_string(feed));
  }
  Store store = fixture.open_store();

  const auto start = std::chrono::steady_clock::now();
  const PollReport report = fixture.poll(store, now_instant(), [&](Fetcher& fetcher) {
    for (const auto& pin : pins) fetcher.pin_address(pin);
    fetcher.run();
  });
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  REQUIRE(report.feeds.size() == 20);
  for (int feed = 0; feed < 20; ++feed) {
    const FeedReport& f = report.feeds[static_cast<std::size_t>(feed)];
    INFO(f.outlet << ": " << f.error);
    if (feed % 4 == 0) {
      CHECK(f.new_items == 0);
      CHECK_FALSE(f.error.empty());
    } else {
      CHECK(f.error.empty());
      CHECK(f.new_items == 2);
    }
  }
  CHECK(report.feeds[0].error.find("timed out") != std::string::npos);
  CHECK(report.feeds[8].error == "HTTP 500");
  CHECK(report.feeds[12].error.find("not a feed") != std::string::npos);
  CHECK(report.feeds[16].error.find("file:///etc/passwd refused") != std::string::npos);
  CHECK(report.failed_feeds() == 5);
  CHECK(store.item_count().value() == 30);
  // Every healthy item is its article page, extracted, not its feed entry.
  SqliteStatement pages(store.db(), "SELECT count(*) FROM items WHERE body_source = 'page' AND body LIKE '%Paragraph 3%'");
  REQUIRE(pages.step());
  CHECK(pages.column_int(0) == 30);
  // Each failure is kept in the feed's state, for `newsmon feeds` and the back-off.
  const FeedState hung = store.feed_state(config.outlets[0].feeds[0], "Outlet 0").value();
  CHECK(hung.consecutive_failures == 1);
  CHECK(hung.next_poll.has_value());
  // The hung feeds time out side by side: one timeout (3 s), not two, plus the work.
  CHECK(elapsed < 5.0);
}
