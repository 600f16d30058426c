// Config: feeds.toml, parsed once into typed structs. Each stage is handed
// only its own struct (HttpConfig to the fetcher, topics to the classifier...).
// Defaults are written where the fields are declared; the shipped feeds.toml
// documents every key. Loading throws ConfigError listing every problem found,
// each as "FILE:LINE:COL: message". Values, no shared state: thread-safe to copy.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "daemon/config/topic_rules.h"

namespace newsmon {

inline constexpr const char* kProjectUrl = "https://github.com/newsmon/newsmon";

// [http]: how newsmon talks to servers.
struct HttpConfig {
  std::string user_agent = std::string("newsmon/") + NEWSMON_VERSION + " (+" + kProjectUrl + ")";
  std::chrono::seconds connect_timeout{10};
  std::chrono::seconds timeout{30};              // whole transfer
  std::size_t max_body_bytes = 8 * 1024 * 1024;  // on the wire and after decoding
  int max_connections = 8;                       // transfers at once, all hosts together
  std::chrono::milliseconds host_delay{1000};    // between two requests to one host
  int max_redirects = 5;
  long low_speed_bytes_per_second = 100;         // abort below this rate...
  std::chrono::seconds low_speed_time{20};       // ...sustained this long
  bool respect_robots_txt = true;
};

// [schedule]: when feeds are polled.
struct ScheduleConfig {
  std::chrono::seconds default_interval{30 * 60};
  std::chrono::seconds min_interval{10 * 60};   // floor, whatever the feed asks
  std::chrono::seconds max_interval{6 * 3600};  // ceiling for quiet feeds
  std::chrono::seconds max_backoff{24 * 3600};  // ceiling for failing feeds
};

// [storage]
struct StorageConfig {
  std::string database;  // empty: $STATE_DIRECTORY or $XDG_STATE_HOME (see paths.h)
};

// [digest]: the daily digest file written by `newsmon digest --write`.
struct DigestConfig {
  std::string time = "07:00";  // local time the timer fires; informational for the unit
  std::string command;         // optional: receives the markdown digest on stdin
  std::chrono::hours window{24};
};

// [[outlet]]: one publication and its feeds.
struct OutletConfig {
  std::string name;
  std::vector<std::string> feeds;  // http, https, or file URLs
  bool fetch_articles = true;      // false: store the feed's own content only
  std::optional<std::chrono::seconds> poll_interval;  // overrides [schedule]
  std::optional<std::chrono::milliseconds> host_delay;  // overrides [http]
  std::string extractor_rules;     // a site rule name from extractors/site_rules.toml
};

struct Config {
  std::filesystem::path source;  // where it was read from
  HttpConfig http;
  ScheduleConfig schedule;
  StorageConfig storage;
  DigestConfig digest;
  std::vector<OutletConfig> outlets;
  std::vector<TopicConfig> topics;
  Gazetteer gazetteer;
};

class ConfigError : public std::runtime_error {
 public:
  explicit ConfigError(std::vector<std::string> errors);
  const std::vector<std::string>& errors() const { return errors_; }

 private:
  std::vector<std::string> errors_;
};

// Reads and validates a config file. Throws ConfigError.
Config load_config(const std::filesystem::path& path);
// The same from text already in memory; `name` is used in messages.
Config parse_config(std::string_view text, const std::string& name);

}  // namespace newsmon
