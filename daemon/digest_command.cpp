#include <cstdio>

#include "daemon/archive_query.h"
#include "daemon/commands.h"
#include "daemon/safe_text.h"

namespace newsmon {

namespace {

std::string first_lines(const std::string& body, std::size_t max_chars) {
  std::string out = body.substr(0, body.find("\n\n"));
  if (out.size() > max_chars) out = out.substr(0, out.rfind(' ', max_chars)) + " ...";
  return out;
}

std::string join(const std::vector<std::string>& values, const char* separator) {
  std::string out;
  for (const auto& v : values) out += (out.empty() ? "" : separator) + v;
  return out;
}

}  // namespace

// A first digest: the relevant items of the last day, one block each.
int run_digest_command(const GlobalOptions& global, const DigestOptions&) {
  const Config config = load_command_config(global);
  Store store = Store::open(command_database(global, config), Store::Access::read_only);
  ItemQuery query;
  query.since = now_instant() - std::chrono::hours{24};
  query.relevant_only = true;
  const auto items = query_items(store, query);
  for (const auto& item : items) {
    if (item.duplicate_of) continue;
    std::printf("%s\n  %s, %s\n  %s\n  tags: %s\n  %s\n\n", strip_control_characters(item.title).c_str(),
                strip_control_characters(item.outlet).c_str(), to_rfc3339(item.when()).c_str(),
                strip_control_characters(item.url).c_str(), join(item.tags, ", ").c_str(),
                strip_control_characters(first_lines(item.body, 300)).c_str());
  }
  return items.empty() ? kExitNothingFound : kExitOk;
}

}  // namespace newsmon
