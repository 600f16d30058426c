#include "daemon/net/robots_txt.h"

#include <algorithm>

#include "daemon/base/ascii.h"
#include "daemon/base/url.h"

namespace newsmon {

namespace {

constexpr std::size_t kMaxParsedBytes = 500 * 1024;

bool is_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// Percent-escapes compare case-insensitively (%2f is %2F); bytes outside
// ASCII are escaped, so a UTF-8 rule matches the escaped form in a URL.
std::string normalise(std::string_view text) {
  static const char* digits = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '%' && i + 2 < text.size() && is_hex(text[i + 1]) && is_hex(text[i + 2])) {
      out += '%';
      out += ascii::upper(text[i + 1]);
      out += ascii::upper(text[i + 2]);
      i += 2;
    } else if (c >= 0x80 || c <= 0x20) {
      out += '%';
      out += digits[c >> 4];
      out += digits[c & 15];
    } else {
      out += char(c);
    }
  }
  return out;
}

// Does `pattern` (with `*` and a final `$`) match a prefix of `path` (or all
// of it, when anchored)? Iterative, linear-ish: no exponential backtracking.
bool matches(std::string_view pattern, std::string_view path) {
  bool anchored = !pattern.empty() && pattern.back() == '$';
  if (anchored) pattern.remove_suffix(1);
  std::size_t p = 0, s = 0;
  std::size_t star = std::string_view::npos, resume = 0;
  while (true) {
    if (p == pattern.size()) {
      if (!anchored || s == path.size()) return true;
    } else if (pattern[p] == '*') {
      star = p++;
      resume = s;
      continue;
    } else if (s < path.size() && pattern[p] == path[s]) {
      ++p;
      ++s;
      continue;
    }
    // Mismatch (or anchored end not reached): let the last `*` eat one more.
    if (star == std::string_view::npos || resume >= path.size()) return false;
    p = star + 1;
    s = ++resume;
  }
}

}  // namespace

RobotsTxt RobotsTxt::disallow_all() {
  RobotsTxt robots;
  robots.rules_.push_back(Rule{false, "/"});
  return robots;
}

RobotsTxt RobotsTxt::parse(std::string_view body, std::string_view product) {
  if (body.size() > kMaxParsedBytes) body = body.substr(0, kMaxParsedBytes);
  if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
  const std::string token = ascii::lower(product);

  std::vector<Rule> ours, everyone;
  bool group_is_ours = false, group_is_everyone = false;
  bool in_agents = false;  // the last line was a user-agent line
  bool any_ours = false;
  while (!body.empty()) {
    const auto end = body.find_first_of("\r\n");
    std::string_view line = body.substr(0, end);
    body = end == std::string_view::npos ? "" : body.substr(end + 1);
    line = ascii::trim(line.substr(0, line.find('#')));
    const auto colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string key = ascii::lower(ascii::trim(line.substr(0, colon)));
    const std::string_view value = ascii::trim(line.substr(colon + 1));
    if (key == "user-agent") {
      if (!in_agents) group_is_ours = group_is_everyone = false;  // a new group starts
      in_agents = true;
      std::string agent = ascii::lower(value);
      const auto stop = agent.find_first_not_of("abcdefghijklmnopqrstuvwxyz_-");
      if (agent == "*") group_is_everyone = true;
      else if (!token.empty() && agent.substr(0, stop) == token) group_is_ours = any_ours = true;
      continue;
    }
    if (key != "allow" && key != "disallow") continue;  // sitemap, crawl-delay...: no group change
    in_agents = false;
    if (value.empty()) continue;  // "Disallow:" allows everything: no rule
    const Rule rule{key == "allow", normalise(value)};
    if (group_is_ours) ours.push_back(rule);
    if (group_is_everyone) everyone.push_back(rule);
  }
  RobotsTxt robots;
  robots.rules_ = any_ours ? std::move(ours) : std::move(everyone);
  return robots;
}

bool RobotsTxt::allows(std::string_view raw_path) const {
  std::string path = normalise(raw_path.empty() ? "/" : raw_path);
  if (path == "/robots.txt") return true;
  const Rule* best = nullptr;
  for (const Rule& rule : rules_) {
    if (!matches(rule.pattern, path)) continue;
    if (best == nullptr || rule.pattern.size() > best->pattern.size() ||
        (rule.pattern.size() == best->pattern.size() && rule.allow))
      best = &rule;
  }
  return best == nullptr || best->allow;
}

std::string product_token(std::string_view user_agent) {
  const auto end = user_agent.find_first_of("/ ");
  return std::string(user_agent.substr(0, end));
}

std::string robots_origin(std::string_view url) {
  const auto parsed = Url::parse(url);
  if (!parsed) return {};
  const std::string scheme = parsed->scheme();  // curl writes it in lowercase
  if (scheme != "http" && scheme != "https") return {};
  std::string origin = scheme + "://" + ascii::lower(parsed->host());
  const std::string port = parsed->port();  // empty when not in the URL
  if (!port.empty() && !(scheme == "http" && port == "80") && !(scheme == "https" && port == "443"))
    origin += ":" + port;
  return origin;
}

std::string robots_path(std::string_view url) {
  const auto parsed = Url::parse(url);
  if (!parsed) return "/";
  std::string path = parsed->path();
  if (path.empty()) path = "/";
  const std::string query = parsed->query();
  if (!query.empty()) path += "?" + query;
  return path;
}

}  // namespace newsmon
