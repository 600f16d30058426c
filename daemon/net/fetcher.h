// Fetcher: every HTTP request newsmon makes, on one libcurl multi handle in
// the calling thread. Requests are queued with add(); run() drives them all,
// calling each one's callback as it finishes; callbacks may add() more (the
// pipeline queues article pages from a feed's callback). It enforces the
// politeness rules (a global cap, one transfer per registrable domain at a
// time, a delay between requests to one host), the scheme rules (http and
// https; file only when the request allows it, never through a redirect),
// the timeouts and the body cap (checked on the wire and on the decoded
// bytes, so a compression bomb stops at the cap with a buffer's worth of
// memory). Nothing throws through curl's callbacks; an exception from a
// FetchCallback leaves run() and the Fetcher stays destructible. A waiting
// request holds no curl handle (one is made when it starts), so queueing
// thousands of pages is cheap. The fetcher never touches the store: the
// validators come in with the request and go back out with the response.
// Politeness is keyed by registrable domain (registrable_domain.h): one
// transfer at a time per key, and `host_delay` from the end of one transfer
// to the start of the next; file: URLs have no key and no delay. A key whose
// server fails to answer 3 times in a row is given up for the rest of the
// run: its waiting requests get an Error at once.
// Not thread-safe: one Fetcher per thread, except stop().
#pragma once

#include <chrono>
#include <ctime>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/config/config.h"
#include "daemon/base/result.h"

namespace newsmon {

struct FetchRequest {
  std::string url;
  std::string etag;           // stored validators: sent as If-None-Match...
  std::string last_modified;  // ...and If-Modified-Since
  bool allow_file = false;    // true only for URLs written in the config
  std::optional<std::chrono::milliseconds> host_delay;  // per-outlet override
};

// One hop of a followed redirect: the status that sent us on, and where.
struct RedirectHop {
  long status = 0;       // 301, 302, 303, 307 or 308
  std::string location;  // the Location it named (possibly relative)
};

struct FetchResponse {
  long status = 0;            // 200, 304...; 0 for file:// reads
  std::string final_url;      // after redirects
  bool permanent_redirect = false;  // every hop was 301 or 308
  std::vector<RedirectHop> redirects;  // in order; empty when none
  std::string content_type;   // media type, lower-cased, without parameters
  std::string charset;        // from Content-Type, lower-cased, may be empty
  std::string body;           // decoded transfer (gzip/br done), raw charset
  std::string etag;
  std::string last_modified;
  std::optional<std::chrono::seconds> max_age;      // Cache-Control
  std::optional<std::chrono::seconds> retry_after;  // 429/503
  bool not_modified() const { return status == 304; }
};

// A completed transfer that is not usable (4xx/5xx) is still delivered as a
// FetchResponse, so the caller sees the status and Retry-After; only failures
// to get any answer (DNS, connect, timeout, refused scheme, cap) are Errors.
using FetchCallback = std::function<void(const FetchRequest&, Result<FetchResponse>)>;

class Fetcher {
 public:
  explicit Fetcher(HttpConfig config);
  ~Fetcher();
  Fetcher(const Fetcher&) = delete;
  Fetcher& operator=(const Fetcher&) = delete;

  void add(FetchRequest request, FetchCallback on_done);
  // Runs until every queued request (including those added by callbacks) is done,
  // or until stop() is called (then pending requests get an Error).
  void run();
  // Safe to call from a signal-handling path of the same thread (sets a flag).
  void stop();
  // Whether stop() was called: the errors since then say nothing about the servers.
  bool stopped() const;

  // For tests and benchmarks only: resolves HOST:PORT to ADDRESS without DNS,
  // as curl's --resolve ("a.test:8080:127.0.0.1"), so loopback servers can
  // stand for distinct hosts. Applies to requests started after the call.
  void pin_address(const std::string& host_port_address);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// A Retry-After value, delay-seconds or an HTTP-date, as a delay from `now`
// (a date in the past is zero); nullopt when it is neither.
std::optional<std::chrono::seconds> parse_retry_after(std::string_view value, std::time_t now);

// One request, synchronously: for `newsmon extract URL` and `parse-feed URL`.
Result<FetchResponse> fetch_one(const HttpConfig& config, FetchRequest request);

}  // namespace newsmon
