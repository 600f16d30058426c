#include "daemon/net/fetcher.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <ctime>
#include <deque>
#include <map>
#include <tuple>
#include <unordered_map>

#include "daemon/base/ascii.h"
#include "daemon/base/url.h"
#include "daemon/net/curl_handles.h"
#include "daemon/net/registrable_domain.h"

namespace newsmon {

namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// Longest a curl_multi_poll waits before the loop looks at its queues and at
// the stop flag again (stop() also wakes it at once).
constexpr milliseconds kPollSlice{200};
// A host that fails to answer this many times in a row is given up for the
// rest of the run: its waiting requests fail at once instead of each waiting
// out its own timeout (20 pages x 30 s would hold a poll for 10 minutes).
constexpr int kHostFailureLimit = 3;

// HTTP's optional whitespace (OWS: space and tab) and the CRLF that ends a
// header line: what a header name, value or parameter is trimmed of.
std::string_view trim_http(std::string_view text) { return ascii::trim_any(text, " \t\r\n"); }

std::optional<long long> parse_digits(std::string_view text) {
  if (text.empty() || text.size() > 12) return std::nullopt;
  long long value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

std::string describe_size(std::size_t bytes) {
  if (bytes % (1024 * 1024) == 0) return std::to_string(bytes / (1024 * 1024)) + " MiB";
  if (bytes % 1024 == 0) return std::to_string(bytes / 1024) + " KiB";
  return std::to_string(bytes) + " bytes";
}

// One request from add() to its callback. Owned by the Fetcher's queues, then
// by its active map while curl drives it; curl's callbacks get a Job* through
// their user-data pointers and never throw.
struct Job {
  FetchRequest request;
  FetchCallback callback;
  std::string key;  // politeness key (registrable domain); empty for file:
  milliseconds delay{0};
  std::size_t cap = 0;
  const std::atomic<bool>* stopping = nullptr;

  // Made when the transfer starts: a waiting request costs only its strings
  // (a curl handle is several KiB, and a poll may queue thousands of pages).
  std::optional<CurlEasy> easy;
  CurlList headers;
  char error[CURL_ERROR_SIZE] = {};
  std::string body;
  bool over_cap = false;
  bool out_of_memory = false;

  // The headers of the response being received; reset at each status line,
  // so after the transfer they are the final response's.
  long status = 0;
  std::string location;
  std::string etag;
  std::string last_modified;
  std::string cache_control;
  std::string retry_after;
  std::vector<RedirectHop> hops;
};

size_t on_body(char* data, size_t size, size_t count, void* user) noexcept {
  auto* job = static_cast<Job*>(user);
  const size_t length = size * count;
  // curl hands us decoded bytes (gzip, deflate, br), so this also caps what a
  // compression bomb expands to, a buffer at a time.
  if (job->body.size() + length > job->cap) {
    job->over_cap = true;
    return 0;  // anything but `length` aborts the transfer
  }
  try {
    job->body.append(data, length);
  } catch (...) {
    job->out_of_memory = true;
    return 0;
  }
  return length;
}

size_t on_header(char* data, size_t size, size_t count, void* user) noexcept {
  auto* job = static_cast<Job*>(user);
  const size_t length = size * count;
  try {
    const std::string_view line(data, length);
    if (line.substr(0, 5) == "HTTP/") {
      // A new response: the previous one, if it redirected, is a hop.
      if (job->status >= 300 && job->status < 400 && !job->location.empty())
        job->hops.push_back(RedirectHop{job->status, job->location});
      const auto space = line.find(' ');
      job->status = space == std::string_view::npos
                        ? 0
                        : parse_digits(trim_http(line.substr(space + 1, 3))).value_or(0);
      job->location.clear();
      job->etag.clear();
      job->last_modified.clear();
      job->cache_control.clear();
      job->retry_after.clear();
      return length;
    }
    const auto colon = line.find(':');
    if (colon == std::string_view::npos) return length;
    const std::string name = ascii::lower(trim_http(line.substr(0, colon)));
    const std::string value(trim_http(line.substr(colon + 1)));
    if (name == "location") job->location = value;
    else if (name == "etag") job->etag = value;
    else if (name == "last-modified") job->last_modified = value;
    else if (name == "cache-control") job->cache_control = value;
    else if (name == "retry-after") job->retry_after = value;
  } catch (...) {
    job->out_of_memory = true;
    return 0;
  }
  return length;
}

int on_progress(void* user, curl_off_t, curl_off_t received, curl_off_t,
                           curl_off_t) noexcept {
  auto* job = static_cast<Job*>(user);
  if (job->stopping->load()) return 1;
  // Bytes on the wire, before decoding: a server that ignores the cap in its
  // Content-Length (or sends none) is cut here.
  if (received > 0 && std::size_t(received) > job->cap) {
    job->over_cap = true;
    return 1;
  }
  return 0;
}

// "text/html; charset=ISO-8859-1" → ("text/html", "iso-8859-1").
std::pair<std::string, std::string> split_content_type(std::string_view header) {
  const auto semicolon = header.find(';');
  std::string media = ascii::lower(trim_http(header.substr(0, semicolon)));
  std::string charset;
  std::string_view rest = semicolon == std::string_view::npos ? "" : header.substr(semicolon + 1);
  while (!rest.empty()) {
    const auto next = rest.find(';');
    const std::string_view parameter = trim_http(rest.substr(0, next));
    rest = next == std::string_view::npos ? "" : rest.substr(next + 1);
    const auto equals = parameter.find('=');
    if (equals == std::string_view::npos) continue;
    if (ascii::lower(trim_http(parameter.substr(0, equals))) != "charset") continue;
    std::string_view value = trim_http(parameter.substr(equals + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
      value = value.substr(1, value.size() - 2);
    charset = ascii::lower(trim_http(value));
  }
  return {media, charset};
}

std::optional<std::chrono::seconds> parse_max_age(std::string_view cache_control) {
  while (!cache_control.empty()) {
    const auto comma = cache_control.find(',');
    const std::string_view directive = trim_http(cache_control.substr(0, comma));
    cache_control = comma == std::string_view::npos ? "" : cache_control.substr(comma + 1);
    const auto equals = directive.find('=');
    if (equals == std::string_view::npos) continue;
    if (ascii::lower(trim_http(directive.substr(0, equals))) != "max-age") continue;
    std::string_view value = trim_http(directive.substr(equals + 1));
    if (value.size() >= 2 && value.front() == '"') value = value.substr(1, value.size() - 2);
    if (auto seconds = parse_digits(value)) return std::chrono::seconds(*seconds);
  }
  return std::nullopt;
}

}  // namespace

// Retry-After is delay-seconds or an HTTP-date (RFC 9110 10.2.3).
std::optional<std::chrono::seconds> parse_retry_after(std::string_view value, std::time_t now) {
  value = trim_http(value);
  if (value.empty()) return std::nullopt;
  if (auto seconds = parse_digits(value)) return std::chrono::seconds(*seconds);
  const std::string text(value);
  const std::time_t when = curl_getdate(text.c_str(), nullptr);
  if (when == -1) return std::nullopt;
  return std::chrono::seconds(std::max<std::time_t>(0, when - now));
}

struct Fetcher::Impl {
  // The requests waiting for one politeness key, and when it was last free.
  struct Host {
    std::deque<std::unique_ptr<Job>> waiting;
    bool busy = false;
    bool used = false;
    Clock::time_point free_since{};
    int failures_in_row = 0;  // transfers that got no answer, since the last that did
  };

  HttpConfig config;
  CurlMulti multi;
  CurlList pins;
  std::atomic<bool> stopping{false};
  std::map<std::string, Host> hosts;             // by politeness key
  std::deque<std::unique_ptr<Job>> local;        // file: requests, no politeness
  std::deque<std::pair<std::unique_ptr<Job>, Error>> refused;  // failed before starting
  std::unordered_map<CURL*, std::unique_ptr<Job>> active;
  std::string last_started_key;

  explicit Impl(HttpConfig c) : config(std::move(c)) {}

  ~Impl() {
    for (auto& [handle, job] : active) curl_multi_remove_handle(multi.get(), handle);
  }

  bool idle() const {
    if (!active.empty() || !local.empty() || !refused.empty()) return false;
    return std::all_of(hosts.begin(), hosts.end(), [](const auto& h) { return h.second.waiting.empty(); });
  }

  void add(FetchRequest request, FetchCallback callback) {
    auto job = std::make_unique<Job>();
    job->request = std::move(request);
    job->callback = std::move(callback);
    job->delay = job->request.host_delay.value_or(config.host_delay);
    job->cap = config.max_body_bytes;
    job->stopping = &stopping;
    const std::string& url = job->request.url;

    const auto parsed = Url::parse(url);
    if (!parsed) {
      refused.emplace_back(std::move(job), Error{ErrorKind::refused, url + ": not a valid URL"});
      return;
    }
    const std::string scheme = parsed->scheme();  // curl writes it in lowercase
    if (scheme == "file") {
      if (!job->request.allow_file) {
        refused.emplace_back(std::move(job),
                             Error{ErrorKind::refused, url + ": file: URLs are allowed only in the config"});
        return;
      }
      local.push_back(std::move(job));
      return;
    }
    if (scheme != "http" && scheme != "https") {
      refused.emplace_back(std::move(job), Error{ErrorKind::refused, url + ": only http and https URLs are fetched"});
      return;
    }
    job->key = registrable_domain(parsed->host());
    hosts[job->key].waiting.push_back(std::move(job));
  }

  void start(std::unique_ptr<Job> job) {
    CURL* h = job->easy.emplace().get();
    Job* self = job.get();
    const auto ms = [](auto d) { return long(std::chrono::duration_cast<milliseconds>(d).count()); };
    curl_easy_setopt(h, CURLOPT_URL, job->request.url.c_str());
    curl_easy_setopt(h, CURLOPT_PRIVATE, self);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, job->error);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, self);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, self);
    curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, on_progress);
    curl_easy_setopt(h, CURLOPT_XFERINFODATA, self);
    curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, job->request.allow_file ? "http,https,file" : "http,https");
    curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(h, CURLOPT_MAXREDIRS, long(config.max_redirects));
    curl_easy_setopt(h, CURLOPT_USERAGENT, config.user_agent.c_str());
    curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");  // every decoding curl was built with
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, ms(config.connect_timeout));
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, ms(config.timeout));
    curl_easy_setopt(h, CURLOPT_LOW_SPEED_LIMIT, config.low_speed_bytes_per_second);
    curl_easy_setopt(h, CURLOPT_LOW_SPEED_TIME, long(config.low_speed_time.count()));
    curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(job->cap));
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!job->request.etag.empty()) job->headers.append("If-None-Match: " + job->request.etag);
    if (!job->request.last_modified.empty())
      job->headers.append("If-Modified-Since: " + job->request.last_modified);
    if (!job->headers.empty()) curl_easy_setopt(h, CURLOPT_HTTPHEADER, job->headers.get());
    if (!pins.empty()) curl_easy_setopt(h, CURLOPT_RESOLVE, pins.get());

    const CURLMcode added = curl_multi_add_handle(multi.get(), h);
    if (added != CURLM_OK) {
      refused.emplace_back(std::move(job), Error{ErrorKind::network, self->request.url + ": " +
                                                                        curl_multi_strerror(added)});
      release_key(self->key);
      return;
    }
    active.emplace(h, std::move(job));
  }

  void release_key(const std::string& key) {
    if (key.empty()) return;
    Host& host = hosts[key];
    host.busy = false;
    host.used = true;
    host.free_since = Clock::now();
  }

  bool room() const { return int(active.size()) < std::max(1, config.max_connections); }

  // Starts what politeness allows; returns when the next waiting request
  // becomes startable, if one is waiting on a delay.
  std::optional<Clock::time_point> start_ready() {
    while (room() && !local.empty()) {
      auto job = std::move(local.front());
      local.pop_front();
      start(std::move(job));
    }
    std::optional<Clock::time_point> wake;
    if (hosts.empty()) return wake;
    const Clock::time_point now = Clock::now();
    // Round-robin from the key after the last one started, so that no host
    // waits for all the others when the global cap is the limit.
    auto it = hosts.upper_bound(last_started_key);
    for (std::size_t n = 0; n < hosts.size(); ++n, ++it) {
      if (it == hosts.end()) it = hosts.begin();
      auto& [key, host] = *it;
      if (host.busy || host.waiting.empty()) continue;
      if (host.failures_in_row >= kHostFailureLimit) {
        give_up(key, host);
        continue;
      }
      const Clock::time_point ready = host.used ? host.free_since + host.waiting.front()->delay : now;
      if (ready > now) {
        wake = wake ? std::min(*wake, ready) : ready;
        continue;
      }
      if (!room()) break;
      auto job = std::move(host.waiting.front());
      host.waiting.pop_front();
      host.busy = true;
      last_started_key = key;
      start(std::move(job));
    }
    return wake;
  }

  Result<FetchResponse> outcome(Job& job, CURLcode code) {
    const std::string& url = job.request.url;
    CURL* h = job.easy->get();
    if (code == CURLE_OK) {
      FetchResponse response;
      curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &response.status);
      char* effective = nullptr;
      curl_easy_getinfo(h, CURLINFO_EFFECTIVE_URL, &effective);
      response.final_url = effective != nullptr ? effective : url;
      char* content_type = nullptr;
      curl_easy_getinfo(h, CURLINFO_CONTENT_TYPE, &content_type);
      if (content_type != nullptr)
        std::tie(response.content_type, response.charset) = split_content_type(content_type);
      response.body = std::move(job.body);
      response.etag = std::move(job.etag);
      response.last_modified = std::move(job.last_modified);
      response.max_age = parse_max_age(job.cache_control);
      response.retry_after = parse_retry_after(job.retry_after, std::time(nullptr));
      response.redirects = std::move(job.hops);
      response.permanent_redirect =
          !response.redirects.empty() &&
          std::all_of(response.redirects.begin(), response.redirects.end(),
                      [](const RedirectHop& hop) { return hop.status == 301 || hop.status == 308; });
      return response;
    }
    if (job.over_cap || code == CURLE_FILESIZE_EXCEEDED)
      return fail(ErrorKind::refused, url + ": the body is larger than the " + describe_size(job.cap) + " cap");
    if (job.out_of_memory) return fail(ErrorKind::refused, url + ": out of memory while receiving");
    if (stopping.load()) return fail(ErrorKind::network, url + ": stopped before the transfer finished");
    if (code == CURLE_UNSUPPORTED_PROTOCOL && job.status >= 300 && job.status < 400 && !job.location.empty())
      return fail(ErrorKind::refused,
                  url + ": redirect to " + job.location + " refused: only http and https are followed");
    if (code == CURLE_TOO_MANY_REDIRECTS)
      return fail(ErrorKind::http, url + ": more than " + std::to_string(config.max_redirects) + " redirects");
    const std::string message = job.error[0] != '\0' ? job.error : curl_easy_strerror(code);
    const bool local_file = code == CURLE_FILE_COULDNT_READ_FILE || code == CURLE_READ_ERROR;
    return fail(local_file ? ErrorKind::io : ErrorKind::network, url + ": " + message);
  }

  // Every finished transfer: out of the multi handle, its key freed, its callback run.
  bool deliver_finished() {
    bool delivered = false;
    int left = 0;
    while (CURLMsg* message = curl_multi_info_read(multi.get(), &left)) {
      if (message->msg != CURLMSG_DONE) continue;
      CURL* h = message->easy_handle;
      const CURLcode code = message->data.result;
      auto found = active.find(h);
      if (found == active.end()) continue;
      std::unique_ptr<Job> job = std::move(found->second);
      active.erase(found);
      curl_multi_remove_handle(multi.get(), h);
      release_key(job->key);
      Result<FetchResponse> result = outcome(*job, code);
      if (!job->key.empty()) {
        const bool no_answer = !result && result.error().kind == ErrorKind::network;
        int& failures = hosts[job->key].failures_in_row;
        failures = no_answer ? failures + 1 : 0;
      }
      job->callback(job->request, std::move(result));
      delivered = true;
    }
    return delivered;
  }

  void give_up(const std::string& key, Host& host) {
    while (!host.waiting.empty()) {
      auto job = std::move(host.waiting.front());
      host.waiting.pop_front();
      std::string message = job->request.url + ": not fetched: " + key + " failed to answer " +
                            std::to_string(host.failures_in_row) + " times in a row";
      refused.emplace_back(std::move(job), Error{ErrorKind::network, std::move(message)});
    }
  }

  bool deliver_refused() {
    bool delivered = false;
    while (!refused.empty()) {
      auto [job, error] = std::move(refused.front());
      refused.pop_front();
      job->callback(job->request, std::unexpected(std::move(error)));
      delivered = true;
    }
    return delivered;
  }

  // After stop(): everything still queued or running ends with an Error.
  void cancel_all() {
    while (!active.empty()) {
      auto it = active.begin();
      std::unique_ptr<Job> job = std::move(it->second);
      curl_multi_remove_handle(multi.get(), it->first);
      active.erase(it);
      release_key(job->key);
      refused.emplace_back(std::move(job), Error{ErrorKind::network, ""});
    }
    for (auto& [key, host] : hosts)
      while (!host.waiting.empty()) {
        refused.emplace_back(std::move(host.waiting.front()), Error{ErrorKind::network, ""});
        host.waiting.pop_front();
      }
    while (!local.empty()) {
      refused.emplace_back(std::move(local.front()), Error{ErrorKind::network, ""});
      local.pop_front();
    }
    for (auto& [job, error] : refused)
      if (error.message.empty()) error.message = job->request.url + ": stopped before the transfer finished";
  }

  void run() {
    for (;;) {
      if (stopping.load()) {
        cancel_all();
        deliver_refused();  // callbacks may add more: cancelled on the next turn
        if (idle()) return;
        continue;
      }
      if (deliver_refused()) continue;
      const auto wake = start_ready();
      if (idle()) return;
      int running = 0;
      curl_multi_perform(multi.get(), &running);
      if (deliver_finished()) continue;
      milliseconds wait = kPollSlice;
      if (wake) {
        const auto until = std::chrono::duration_cast<milliseconds>(*wake - Clock::now()) + milliseconds(1);
        wait = std::clamp(until, milliseconds(0), kPollSlice);
      }
      curl_multi_poll(multi.get(), nullptr, 0, int(wait.count()), nullptr);
    }
  }
};

Fetcher::Fetcher(HttpConfig config) : impl_(std::make_unique<Impl>(std::move(config))) {}
Fetcher::~Fetcher() = default;

void Fetcher::add(FetchRequest request, FetchCallback on_done) {
  impl_->add(std::move(request), std::move(on_done));
}

void Fetcher::run() { impl_->run(); }

void Fetcher::stop() {
  impl_->stopping.store(true);
  curl_multi_wakeup(impl_->multi.get());
}

bool Fetcher::stopped() const { return impl_->stopping.load(); }

void Fetcher::pin_address(const std::string& host_port_address) { impl_->pins.append(host_port_address); }

Result<FetchResponse> fetch_one(const HttpConfig& config, FetchRequest request) {
  Fetcher fetcher(config);
  Result<FetchResponse> result = fail(ErrorKind::network, request.url + ": not fetched");
  fetcher.add(std::move(request), [&result](const FetchRequest&, Result<FetchResponse> response) {
    result = std::move(response);
  });
  fetcher.run();
  return result;
}

}  // namespace newsmon
