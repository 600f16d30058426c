// Fetcher: every HTTP request newsmon makes, on one libcurl multi handle in
// the calling thread. Requests are queued with add(); run() drives them all,
// calling each one's callback as it finishes; callbacks may add() more (the
// pipeline queues article pages from a feed's callback). It enforces the
// politeness rules (a global cap, one transfer per registrable domain at a
// time, a delay between requests to one host), the scheme rules (http and
// https; file only when the request allows it, never through a redirect),
// the timeouts and the body cap. The fetcher never touches the store: the
// validators come in with the request and go back out with the response.
// Not thread-safe: one Fetcher per thread.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "daemon/config.h"
#include "daemon/result.h"

namespace newsmon {

struct FetchRequest {
  std::string url;
  std::string etag;           // stored validators: sent as If-None-Match...
  std::string last_modified;  // ...and If-Modified-Since
  bool allow_file = false;    // true only for URLs written in the config
  std::optional<std::chrono::milliseconds> host_delay;  // per-outlet override
};

struct FetchResponse {
  long status = 0;            // 200, 304...; 0 for file:// reads
  std::string final_url;      // after redirects
  bool permanent_redirect = false;  // every hop was 301 or 308
  std::string content_type;
  std::string charset;        // from Content-Type, may be empty
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

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// One request, synchronously: for `newsmon extract URL` and `parse-feed URL`.
Result<FetchResponse> fetch_one(const HttpConfig& config, FetchRequest request);

}  // namespace newsmon
