// RobotsTxt: one site's robots.txt (RFC 9309), parsed, answering whether a
// path may be fetched by us. Only the groups that name our product token
// (case-insensitively) apply, merged if several do; failing those, the `*`
// groups. Among the matching rules the longest pattern wins and Allow wins a
// tie; `*` matches any run of characters and a final `$` anchors the end.
// /robots.txt itself is always allowed. A value; thread-safe once built.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace newsmon {

class RobotsTxt {
 public:
  // Parses `body` (at most its first 500 KiB, as RFC 9309 allows) for the
  // crawler whose product token is `product_token` ("newsmon").
  static RobotsTxt parse(std::string_view body, std::string_view product_token);
  // Everything allowed: an absent (4xx) robots.txt.
  static RobotsTxt allow_all() { return RobotsTxt(); }
  // Nothing allowed: an unreachable (5xx) robots.txt, per RFC 9309 2.3.1.3.
  static RobotsTxt disallow_all();

  // `path` is the URL's path and query ("/news/a?id=1"); an empty path is "/".
  bool allows(std::string_view path) const;

 private:
  struct Rule {
    bool allow = false;
    std::string pattern;  // normalised: percent-escapes upper-cased
  };
  std::vector<Rule> rules_;
};

// The product token of a User-Agent: "newsmon" from "newsmon/0.1.0 (+https://...)".
std::string product_token(std::string_view user_agent);

// Where a URL's robots.txt lives and what it is cached under:
// "https://example.com:8443" (scheme, host and a non-default port);
// empty for URLs that have none (file:, invalid).
std::string robots_origin(std::string_view url);
// The path-and-query part that robots.txt rules are matched against.
std::string robots_path(std::string_view url);

}  // namespace newsmon
