#include <catch2/catch.hpp>

#include <sys/resource.h>
#include <zlib.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

#include "daemon/net/fetcher.h"
#include "support/loopback_server.h"
#include "support/silent_server.h"
#include "support/temp_dir.h"

using namespace newsmon;
using namespace std::chrono_literals;
using newsmon::test::LoopbackServer;
using newsmon::test::SilentServer;
using Clock = std::chrono::steady_clock;

namespace {

// Short limits so that every misbehaving server costs a second or two.
HttpConfig test_config() {
  HttpConfig config;
  config.connect_timeout = 1s;
  config.timeout = 1s;
  config.host_delay = 0ms;
  config.low_speed_time = 1s;
  return config;
}

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

std::string gzip(const std::string& text) {
  z_stream stream{};
  REQUIRE(deflateInit2(&stream, 9, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY) == Z_OK);
  std::string out(deflateBound(&stream, text.size()) + 32, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  stream.avail_in = uInt(text.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = uInt(out.size());
  REQUIRE(deflate(&stream, Z_FINISH) == Z_STREAM_END);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

// `mebibytes` of zeros, gzipped: about a thousandth of that on the wire.
std::string gzip_bomb(int mebibytes) {
  z_stream stream{};
  REQUIRE(deflateInit2(&stream, 1, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY) == Z_OK);
  const std::string zeros(1 << 20, '\0');
  std::string out;
  std::string buffer(1 << 16, '\0');
  for (int i = 0; i <= mebibytes; ++i) {
    const bool last = i == mebibytes;
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(zeros.data()));
    stream.avail_in = last ? 0 : uInt(zeros.size());
    do {
      stream.next_out = reinterpret_cast<Bytef*>(buffer.data());
      stream.avail_out = uInt(buffer.size());
      deflate(&stream, last ? Z_FINISH : Z_NO_FLUSH);
      out.append(buffer.data(), buffer.size() - stream.avail_out);
    } while (stream.avail_out == 0);
  }
  deflateEnd(&stream);
  return out;
}

long peak_rss_kib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

FetchRequest request_for(std::string url) {
  FetchRequest request;
  request.url = std::move(url);
  return request;
}

Result<FetchResponse> get(const std::string& url, HttpConfig config = test_config()) {
  return fetch_one(config, request_for(url));
}

}  // namespace

TEST_CASE("a 200 then a 304 round-trips the ETag and Last-Modified", "[fetcher]") {
  LoopbackServer server;
  std::mutex mutex;
  std::string seen_etag, seen_since, seen_agent, seen_encoding;
  server.http().Get("/feed", [&](const httplib::Request& request, httplib::Response& response) {
    std::lock_guard lock(mutex);
    seen_etag = request.get_header_value("If-None-Match");
    seen_since = request.get_header_value("If-Modified-Since");
    seen_agent = request.get_header_value("User-Agent");
    seen_encoding = request.get_header_value("Accept-Encoding");
    if (seen_etag == "\"v1\"") {
      response.status = 304;
      return;
    }
    response.set_header("ETag", "\"v1\"");
    response.set_header("Last-Modified", "Sun, 29 Nov 2026 10:00:00 GMT");
    response.set_header("Cache-Control", "public, max-age=600");
    response.set_content("<rss/>", "application/rss+xml; charset=UTF-8");
  });

  const HttpConfig config = test_config();
  auto first = fetch_one(config, request_for(server.url("/feed")));
  REQUIRE(first);
  CHECK(first->status == 200);
  CHECK(first->body == "<rss/>");
  CHECK(first->content_type == "application/rss+xml");
  CHECK(first->charset == "utf-8");
  CHECK(first->etag == "\"v1\"");
  CHECK(first->last_modified == "Sun, 29 Nov 2026 10:00:00 GMT");
  CHECK(first->max_age == 600s);
  CHECK(first->final_url == server.url("/feed"));
  CHECK(first->redirects.empty());
  CHECK(seen_etag.empty());
  CHECK(seen_agent == config.user_agent);
  CHECK(seen_agent.starts_with("newsmon/"));
  CHECK(seen_encoding.find("gzip") != std::string::npos);

  auto second = fetch_one(config, FetchRequest{server.url("/feed"), first->etag, first->last_modified, false, std::nullopt});
  REQUIRE(second);
  CHECK(second->not_modified());
  CHECK(second->body.empty());
  CHECK(seen_etag == "\"v1\"");
  CHECK(seen_since == "Sun, 29 Nov 2026 10:00:00 GMT");
}

TEST_CASE("gzip bodies arrive decoded", "[fetcher]") {
  LoopbackServer server;
  const std::string page = "<html><body>" + std::string(5000, 'a') + "</body></html>";
  const std::string wire = gzip(page);
  server.http().Get("/page", [&](const httplib::Request&, httplib::Response& response) {
    response.set_header("Content-Encoding", "gzip");
    response.set_content(wire, "text/html");
  });
  auto response = get(server.url("/page"));
  REQUIRE(response);
  CHECK(response->body == page);
}

TEST_CASE("redirects are followed and recorded, permanent only when every hop is", "[fetcher]") {
  LoopbackServer server;
  server.serve("/target", "ok", "text/plain");
  for (int status : {301, 302, 307, 308}) {
    server.http().Get("/r" + std::to_string(status), [status](const httplib::Request&, httplib::Response& r) {
      r.status = status;
      r.set_header("Location", "/target");
    });
  }
  server.http().Get("/mixed", [](const httplib::Request&, httplib::Response& r) {
    r.status = 301;
    r.set_header("Location", "/r302");
  });
  for (int status : {301, 302, 307, 308}) {
    auto response = get(server.url("/r" + std::to_string(status)));
    REQUIRE(response);
    CHECK(response->status == 200);
    CHECK(response->body == "ok");
    CHECK(response->final_url == server.url("/target"));
    REQUIRE(response->redirects.size() == 1);
    CHECK(response->redirects[0].status == status);
    CHECK(response->redirects[0].location == "/target");
    CHECK(response->permanent_redirect == (status == 301 || status == 308));
  }
  auto mixed = get(server.url("/mixed"));
  REQUIRE(mixed);
  CHECK(mixed->redirects.size() == 2);
  CHECK_FALSE(mixed->permanent_redirect);
}

TEST_CASE("a redirect loop ends after max_redirects with an error naming the URL", "[fetcher]") {
  LoopbackServer server;
  std::atomic<int> hits{0};
  server.http().Get("/loop", [&](const httplib::Request&, httplib::Response& r) {
    ++hits;
    r.status = 302;
    r.set_header("Location", "/loop");
  });
  auto response = get(server.url("/loop"));
  REQUIRE_FALSE(response);
  CHECK(response.error().kind == ErrorKind::http);
  CHECK(response.error().message == server.url("/loop") + ": more than 5 redirects");
  CHECK(hits == 6);
}

TEST_CASE("a redirect to file:///etc/passwd is refused, even for a config file: URL", "[fetcher]") {
  LoopbackServer server;
  server.http().Get("/evil", [](const httplib::Request&, httplib::Response& r) {
    r.status = 301;
    r.set_header("Location", "file:///etc/passwd");
  });
  for (bool allow_file : {false, true}) {
    FetchRequest request = request_for(server.url("/evil"));
    request.allow_file = allow_file;
    auto response = fetch_one(test_config(), request);
    REQUIRE_FALSE(response);
    CHECK(response.error().kind == ErrorKind::refused);
    CHECK(response.error().message ==
          server.url("/evil") + ": redirect to file:///etc/passwd refused: only http and https are followed");
  }
}

TEST_CASE("file: URLs are read only when the request allows them", "[fetcher]") {
  newsmon::test::TempDir dir;
  const auto path = dir.write("feed.xml", "<rss/>");
  const std::string url = "file://" + path.string();
  auto refused = get(url);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().message == url + ": file: URLs are allowed only in the config");
  FetchRequest request = request_for(url);
  request.allow_file = true;
  auto read = fetch_one(test_config(), request);
  REQUIRE(read);
  CHECK(read->status == 0);
  CHECK(read->body == "<rss/>");
  auto other = get("gopher://127.0.0.1/");
  REQUIRE_FALSE(other);
  CHECK(other.error().message == "gopher://127.0.0.1/: only http and https URLs are fetched");
}

TEST_CASE("4xx and 5xx answers are responses with their status, not errors", "[fetcher]") {
  LoopbackServer server;
  for (int status : {404, 410, 500}) {
    server.http().Get("/s" + std::to_string(status), [status](const httplib::Request&, httplib::Response& r) {
      r.status = status;
      r.set_content("nope", "text/plain");
    });
  }
  for (int status : {404, 410, 500}) {
    auto response = get(server.url("/s" + std::to_string(status)));
    REQUIRE(response);
    CHECK(response->status == status);
    CHECK_FALSE(response->retry_after);
  }
}

TEST_CASE("429 and 503 carry Retry-After, in seconds or as an HTTP date", "[fetcher]") {
  LoopbackServer server;
  server.http().Get("/busy", [](const httplib::Request&, httplib::Response& r) {
    r.status = 429;
    r.set_header("Retry-After", "120");
  });
  server.http().Get("/down", [](const httplib::Request&, httplib::Response& r) {
    r.status = 503;
    r.set_header("Retry-After", "Fri, 01 Jan 2100 00:00:00 GMT");
  });
  auto busy = get(server.url("/busy"));
  REQUIRE(busy);
  CHECK(busy->status == 429);
  CHECK(busy->retry_after == 120s);
  auto down = get(server.url("/down"));
  REQUIRE(down);
  CHECK(down->status == 503);
  REQUIRE(down->retry_after);
  CHECK(*down->retry_after > std::chrono::hours(24 * 365 * 50));
}

TEST_CASE("Retry-After parses delay-seconds and HTTP dates relative to now", "[fetcher]") {
  const std::time_t now = 1'700'000'000;  // 2023-11-14T22:13:20Z
  CHECK(parse_retry_after("0", now) == 0s);
  CHECK(parse_retry_after(" 3600 ", now) == 3600s);
  CHECK(parse_retry_after("Tue, 14 Nov 2023 22:23:20 GMT", now) == 600s);
  CHECK(parse_retry_after("Tue, 14 Nov 2023 20:00:00 GMT", now) == 0s);  // already past
  CHECK_FALSE(parse_retry_after("", now));
  CHECK_FALSE(parse_retry_after("soon", now));
  CHECK_FALSE(parse_retry_after("-5", now));
}

TEST_CASE("a server that accepts and never answers times out within the bound", "[fetcher]") {
  SilentServer silent;
  const auto start = Clock::now();
  auto response = get(silent.url("/feed"));
  const double elapsed = seconds_since(start);
  REQUIRE_FALSE(response);
  CHECK(response.error().kind == ErrorKind::network);
  CHECK(response.error().message.starts_with(silent.url("/feed") + ": Operation timed out after"));
  CHECK(elapsed >= 0.9);
  CHECK(elapsed < 2.0);
}

TEST_CASE("a server trickling a byte a second is cut by the low-speed limit", "[fetcher]") {
  LoopbackServer server;
  server.http().Get("/trickle", [](const httplib::Request&, httplib::Response& r) {
    // Not a text type, so that the test server does not compress (and buffer) it.
    r.set_chunked_content_provider("application/octet-stream", [](size_t, httplib::DataSink& sink) {
      std::this_thread::sleep_for(500ms);
      return sink.write("x", 1);
    });
  });
  HttpConfig config = test_config();
  config.timeout = 10s;  // the low-speed limit, not the total timeout, must fire
  const auto start = Clock::now();
  auto response = get(server.url("/trickle"), config);
  const double elapsed = seconds_since(start);
  REQUIRE_FALSE(response);
  CHECK(response.error().kind == ErrorKind::network);
  CHECK(response.error().message.find("Operation too slow") != std::string::npos);
  CHECK(elapsed < 4.0);
}

TEST_CASE("a body over the cap is refused, with or without a Content-Length", "[fetcher]") {
  LoopbackServer server;
  server.serve("/big", std::string(5000, 'a'), "text/html");
  server.http().Get("/chunked", [](const httplib::Request&, httplib::Response& r) {
    // Not a text type, so that the test server does not compress (and buffer) it.
    r.set_chunked_content_provider("application/octet-stream", [](size_t, httplib::DataSink& sink) {
      return sink.write(std::string(1000, 'b').data(), 1000);  // forever
    });
  });
  HttpConfig config = test_config();
  config.max_body_bytes = 4096;
  for (const char* path : {"/big", "/chunked"}) {
    auto response = get(server.url(path), config);
    REQUIRE_FALSE(response);
    CHECK(response.error().kind == ErrorKind::refused);
    CHECK(response.error().message == server.url(path) + ": the body is larger than the 4 KiB cap");
  }
  config.max_body_bytes = 5000;
  auto exact = get(server.url("/big"), config);
  REQUIRE(exact);
  CHECK(exact->body.size() == 5000);
}

TEST_CASE("a gzip bomb is cut at the cap after decoding, with bounded memory", "[fetcher]") {
  LoopbackServer server;
  const std::string bomb = gzip_bomb(128);  // 128 MiB of zeros in ~130 KiB
  REQUIRE(bomb.size() < 1024 * 1024);
  server.http().Get("/bomb", [&](const httplib::Request&, httplib::Response& r) {
    r.set_header("Content-Encoding", "gzip");
    r.set_content(bomb, "application/rss+xml");
  });
  HttpConfig config = test_config();
  config.max_body_bytes = 1024 * 1024;
  config.timeout = 10s;
  const long before = peak_rss_kib();
  auto response = get(server.url("/bomb"), config);
  const long after = peak_rss_kib();
  REQUIRE_FALSE(response);
  CHECK(response.error().message == server.url("/bomb") + ": the body is larger than the 1 MiB cap");
  CHECK(after - before < 32 * 1024);  // KiB: far below the 128 MiB it expands to
}

TEST_CASE("a wrong Content-Type is passed on as it came, with its charset", "[fetcher]") {
  LoopbackServer server;
  const std::string feed = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>caf\xe9</title></channel></rss>";
  server.serve("/feed", feed, "Text/Plain; Charset=\"ISO-8859-1\"");
  auto response = get(server.url("/feed"));
  REQUIRE(response);
  CHECK(response->content_type == "text/plain");
  CHECK(response->charset == "iso-8859-1");
  CHECK(response->body == feed);  // bytes untouched: decoding is the parser's job
}

TEST_CASE("of 20 feeds with 5 hanging, the 15 healthy arrive and the run takes one timeout", "[fetcher]") {
  LoopbackServer healthy;
  SilentServer silent;
  // One request per connection: an idle keep-alive connection would hold one
  // of the test server's few threads, which is no fault of the fetcher's.
  healthy.http().set_keep_alive_max_count(1);
  healthy.http().Get(R"(/feed/(\d+))", [](const httplib::Request& request, httplib::Response& r) {
    r.set_content("<rss>" + request.matches[1].str() + "</rss>", "application/rss+xml");
  });
  Fetcher fetcher(test_config());
  int ok = 0;
  int failed = 0;
  for (int i = 0; i < 20; ++i) {
    const bool bad = i % 4 == 0;
    const std::string host = "feed" + std::to_string(i) + ".test";
    const int port = bad ? silent.port() : healthy.port();
    fetcher.pin_address(host + ":" + std::to_string(port) + ":127.0.0.1");
    const std::string url = "http://" + host + ":" + std::to_string(port) + "/feed/" + std::to_string(i);
    fetcher.add(request_for(url), [&, i, bad](const FetchRequest&, Result<FetchResponse> response) {
      if (!bad && response && response->body == "<rss>" + std::to_string(i) + "</rss>") ++ok;
      if (bad && !response) ++failed;
    });
  }
  const auto start = Clock::now();
  fetcher.run();
  const double elapsed = seconds_since(start);
  CHECK(ok == 15);
  CHECK(failed == 5);
  CHECK(elapsed < 2.0);  // one 1 s timeout, not five
}

TEST_CASE("one transfer at a time per registrable domain, with the delay between them", "[fetcher]") {
  LoopbackServer server;
  std::mutex mutex;
  struct Visit {
    std::string host;
    Clock::time_point start, end;
  };
  std::vector<Visit> visits;
  server.http().Get("/slow", [&](const httplib::Request& request, httplib::Response& r) {
    const auto start = Clock::now();
    std::this_thread::sleep_for(100ms);
    r.set_content("ok", "text/plain");
    std::lock_guard lock(mutex);
    visits.push_back({request.get_header_value("Host"), start, Clock::now()});
  });
  HttpConfig config = test_config();
  config.host_delay = 300ms;
  Fetcher fetcher(config);
  const std::string port = std::to_string(server.port());
  for (const char* host : {"a.example.test", "b.example.test", "other.test"})
    fetcher.pin_address(std::string(host) + ":" + port + ":127.0.0.1");
  int done = 0;
  const auto count = [&done](const FetchRequest&, Result<FetchResponse> r) { done += r ? 1 : 0; };
  fetcher.add(request_for("http://a.example.test:" + port + "/slow"), count);
  fetcher.add(request_for("http://b.example.test:" + port + "/slow"), count);
  FetchRequest quick = request_for("http://a.example.test:" + port + "/slow");
  quick.host_delay = 50ms;  // a per-outlet override
  fetcher.add(quick, count);
  fetcher.add(request_for("http://other.test:" + port + "/slow"), count);
  fetcher.add(request_for("http://other.test:" + port + "/slow"), count);
  fetcher.run();
  REQUIRE(done == 5);

  std::vector<Visit> same, other;
  for (const auto& v : visits) (v.host.starts_with("other.test") ? other : same).push_back(v);
  REQUIRE(same.size() == 3);
  REQUIRE(other.size() == 2);
  std::sort(same.begin(), same.end(), [](auto& x, auto& y) { return x.start < y.start; });
  CHECK(same[1].start - same[0].end >= 300ms);  // b.example.test waited for a.example.test
  CHECK(same[2].start - same[1].end >= 50ms);
  CHECK(same[2].start - same[1].end < 300ms);
  // Another registrable domain was served at the same time as example.test.
  CHECK(other[0].start < same[0].end);
}

TEST_CASE("the global cap bounds transfers in flight", "[fetcher]") {
  LoopbackServer server;
  std::atomic<int> now_serving{0};
  std::atomic<int> most{0};
  server.http().set_keep_alive_max_count(1);
  server.http().Get("/slow", [&](const httplib::Request&, httplib::Response& r) {
    const int n = ++now_serving;
    int seen = most.load();
    while (n > seen && !most.compare_exchange_weak(seen, n)) {}
    std::this_thread::sleep_for(100ms);
    --now_serving;
    r.set_content("ok", "text/plain");
  });
  HttpConfig config = test_config();
  config.max_connections = 3;
  Fetcher fetcher(config);
  const std::string port = std::to_string(server.port());
  int done = 0;
  for (int i = 0; i < 6; ++i) {
    const std::string host = "h" + std::to_string(i) + ".test";
    fetcher.pin_address(host + ":" + port + ":127.0.0.1");
    fetcher.add(request_for("http://" + host + ":" + port + "/slow"),
                [&done](const FetchRequest&, Result<FetchResponse> r) { done += r ? 1 : 0; });
  }
  fetcher.run();
  CHECK(done == 6);
  CHECK(most == 3);
}

TEST_CASE("stop() makes run() return promptly and gives pending requests an error", "[fetcher]") {
  LoopbackServer server;
  SilentServer silent;
  server.serve("/quick", "ok", "text/plain");
  HttpConfig config = test_config();
  config.timeout = 30s;
  Fetcher fetcher(config);
  std::vector<std::string> errors;
  const auto record = [&errors](const FetchRequest&, Result<FetchResponse> r) {
    if (!r) errors.push_back(r.error().message);
  };
  fetcher.add(request_for(silent.url("/hang")), record);
  fetcher.add(request_for(silent.url("/queued")), record);  // same host: waits
  std::thread stopper([&fetcher] {
    std::this_thread::sleep_for(300ms);
    fetcher.stop();
  });
  const auto start = Clock::now();
  fetcher.run();
  const double elapsed = seconds_since(start);
  stopper.join();
  CHECK(elapsed < 1.0);
  std::sort(errors.begin(), errors.end());
  CHECK(errors == std::vector<std::string>{silent.url("/hang") + ": stopped before the transfer finished",
                                           silent.url("/queued") + ": stopped before the transfer finished"});
}

TEST_CASE("callbacks may queue more requests while run() drives them", "[fetcher]") {
  LoopbackServer server;
  server.serve("/feed", "feed", "text/plain");
  server.serve("/page", "page", "text/plain");
  Fetcher fetcher(test_config());
  std::string page;
  fetcher.add(request_for(server.url("/feed")), [&](const FetchRequest&, Result<FetchResponse> r) {
    REQUIRE(r);
    fetcher.add(request_for(server.url("/page")),
                [&page](const FetchRequest&, Result<FetchResponse> p) { page = p ? p->body : "error"; });
  });
  fetcher.run();
  CHECK(page == "page");
}

TEST_CASE("an unreachable port is an error naming the URL", "[fetcher]") {
  int port = 0;
  { SilentServer closed; port = closed.port(); }  // bound then closed: refused
  const std::string url = "http://127.0.0.1:" + std::to_string(port) + "/x";
  auto response = get(url);
  REQUIRE_FALSE(response);
  CHECK(response.error().kind == ErrorKind::network);
  CHECK(response.error().message.starts_with(url + ": "));
}

TEST_CASE("a host that fails to answer three times in a row is given up for the run", "[fetcher]") {
  int port = 0;
  { SilentServer closed; port = closed.port(); }  // bound then closed: refused at once
  LoopbackServer other;
  other.serve("/ok", "ok", "text/plain");
  Fetcher fetcher(test_config());
  std::vector<std::string> errors;
  std::string ok;
  const std::string base = "http://127.0.0.1:" + std::to_string(port);
  for (int i = 0; i < 5; ++i)
    fetcher.add(request_for(base + "/" + std::to_string(i)), [&errors](const FetchRequest&, Result<FetchResponse> r) {
      errors.push_back(r ? "answered" : r.error().message);
    });
  fetcher.pin_address("other.test:" + std::to_string(other.port()) + ":127.0.0.1");
  fetcher.add(request_for("http://other.test:" + std::to_string(other.port()) + "/ok"),
              [&ok](const FetchRequest&, Result<FetchResponse> r) { ok = r ? r->body : r.error().message; });
  fetcher.run();
  REQUIRE(errors.size() == 5);
  for (int i = 0; i < 3; ++i) CHECK(errors[i].starts_with(base + "/" + std::to_string(i) + ": Failed to connect"));
  CHECK(errors[3] == base + "/3: not fetched: 127.0.0.1 failed to answer 3 times in a row");
  CHECK(errors[4] == base + "/4: not fetched: 127.0.0.1 failed to answer 3 times in a row");
  CHECK(ok == "ok");  // another host is not affected
}
