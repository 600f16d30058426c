#include "daemon/config/config.h"

#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>

#include "daemon/base/ascii.h"
#include "daemon/config/toml_reader.h"

namespace newsmon {

namespace {

std::string join_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines) out += (out.empty() ? "" : "\n") + line;
  return out;
}

bool has_allowed_scheme(std::string_view url) {
  for (std::string_view scheme : {"http://", "https://", "file://"})
    if (url.size() > scheme.size() && url.substr(0, scheme.size()) == scheme) return true;
  return false;
}

void read_http(TableReader& t, HttpConfig& http) {
  t.get("user_agent", http.user_agent);
  t.get("connect_timeout", http.connect_timeout);
  t.get("timeout", http.timeout);
  t.get("max_body_bytes", http.max_body_bytes, 1024, 1LL << 32);
  t.get("max_connections", http.max_connections, 1, 256);
  t.get("host_delay", http.host_delay);
  t.get("max_redirects", http.max_redirects, 0, 20);
  t.get("low_speed_bytes_per_second", http.low_speed_bytes_per_second, 0, 1LL << 30);
  t.get("low_speed_time", http.low_speed_time);
  t.get("respect_robots_txt", http.respect_robots_txt);
  if (http.user_agent.empty()) t.error("user_agent", "must not be empty");
}

void read_schedule(TableReader& t, ScheduleConfig& schedule) {
  t.get("default_interval", schedule.default_interval);
  t.get("min_interval", schedule.min_interval);
  t.get("max_interval", schedule.max_interval);
  t.get("max_backoff", schedule.max_backoff);
  if (schedule.min_interval > schedule.max_interval)
    t.error("min_interval", "is longer than max_interval");
}

void read_digest(TableReader& t, DigestConfig& digest) {
  t.get("time", digest.time);
  t.get("command", digest.command);
  std::optional<std::chrono::seconds> window;
  t.get("window", window);
  if (window) digest.window = std::chrono::duration_cast<std::chrono::hours>(*window);
  const auto& s = digest.time;
  const bool ok = s.size() == 5 && s[2] == ':' && ascii::is_digit(s[0]) &&
                  ascii::is_digit(s[1]) && ascii::is_digit(s[3]) &&
                  ascii::is_digit(s[4]) && std::stoi(s.substr(0, 2)) < 24 &&
                  std::stoi(s.substr(3, 2)) < 60;
  if (!ok) t.error("time", "expected a time of day such as \"07:00\"");
}

// "file:feeds/x.xml" (no "//") is relative to the config file's directory.
std::string resolve_relative_file_url(const std::string& url, const std::filesystem::path& base) {
  if (!url.starts_with("file:") || url.starts_with("file://")) return url;
  std::error_code ec;
  auto path = std::filesystem::weakly_canonical(std::filesystem::absolute(base / url.substr(5), ec), ec);
  std::string out = "file://";
  for (char c : path.string()) {
    if (c == ' ' || c == '%' || c == '#' || c == '?') {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", static_cast<unsigned char>(c));
      out += hex;
    } else {
      out += c;
    }
  }
  return out;
}

void read_outlet(TableReader& t, OutletConfig& outlet, const std::filesystem::path& config_dir) {
  t.require("name");
  t.require("feeds");
  t.get("name", outlet.name);
  t.get("feeds", outlet.feeds);
  t.get("fetch_articles", outlet.fetch_articles);
  t.get("poll_interval", outlet.poll_interval);
  t.get("host_delay", outlet.host_delay);
  t.get("extractor_rules", outlet.extractor_rules);
  for (auto& url : outlet.feeds) url = resolve_relative_file_url(url, config_dir);
  for (const auto& url : outlet.feeds)
    if (!has_allowed_scheme(url))
      t.error("feeds", "'" + url + "' is not an http, https or file URL");
}

}  // namespace

ConfigError::ConfigError(std::vector<std::string> errors)
    : std::runtime_error(join_lines(errors)), errors_(std::move(errors)) {}

Config parse_config(std::string_view text, const std::string& name) {
  toml::table root;
  try {
    root = toml::parse(text, name);
  } catch (const toml::parse_error& e) {
    const auto& where = e.source().begin;
    throw ConfigError({name + ":" + std::to_string(where.line) + ":" +
                       std::to_string(where.column) + ": " + std::string(e.description())});
  }

  Config config;
  config.source = name;
  ConfigDiagnostics diagnostics(name);
  {
    TableReader top(root, "", diagnostics);
    top.get_table("http", [&](TableReader& t) { read_http(t, config.http); });
    top.get_table("schedule", [&](TableReader& t) { read_schedule(t, config.schedule); });
    top.get_table("storage", [&](TableReader& t) { t.get("database", config.storage.database); });
    top.get_table("digest", [&](TableReader& t) { read_digest(t, config.digest); });
    const auto config_dir = std::filesystem::path(name).parent_path();
    top.get_tables("outlet", [&](TableReader& t) {
      read_outlet(t, config.outlets.emplace_back(), config_dir);
    });
    top.get_tables("topic", [&](TableReader& t) { read_topic(t, config.topics.emplace_back()); });
    top.get_tables("tag", [&](TableReader& t) { read_tag(t, config.gazetteer.tags.emplace_back()); });
  }

  std::set<std::string> names, feeds;
  for (const auto& outlet : config.outlets) {
    if (!outlet.name.empty() && !names.insert(outlet.name).second)
      diagnostics.error("outlet '" + outlet.name + "' is defined twice");
    for (const auto& feed : outlet.feeds)
      if (!feeds.insert(feed).second) diagnostics.error("feed '" + feed + "' is listed twice");
  }
  if (config.outlets.empty() && diagnostics.errors().empty())
    diagnostics.error("no [[outlet]] is configured");

  if (!diagnostics.errors().empty()) throw ConfigError(diagnostics.errors());
  return config;
}

Config load_config(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ConfigError({path.string() + ": cannot read the config file"});
  std::ostringstream text;
  text << in.rdbuf();
  return parse_config(text.str(), path.string());
}

}  // namespace newsmon
