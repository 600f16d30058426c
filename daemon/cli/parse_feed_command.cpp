// `newsmon parse-feed FILE|URL [--json]`: one feed through the parser, for
// checking an outlet's feed by hand and for comparing with other parsers.
#include <cstdio>

#include <nlohmann/json.hpp>

#include "daemon/base/safe_text.h"
#include "daemon/cli/commands.h"
#include "daemon/cli/source_loader.h"
#include "daemon/feed/feed_parser.h"
#include "daemon/present/json_text.h"

namespace newsmon {

namespace {

std::string date_or_null_text(const std::optional<Instant>& t) { return t ? to_rfc3339(*t) : std::string(); }

nlohmann::json to_json(const Feed& feed) {
  nlohmann::json entries = nlohmann::json::array();
  for (const auto& entry : feed.entries) {
    entries.push_back({{"id", entry.id},
                       {"title", entry.title},
                       {"link", entry.link},
                       {"published", json_time(entry.published)},
                       {"updated", json_time(entry.updated)},
                       {"authors", entry.authors},
                       {"categories", entry.categories},
                       {"summary", entry.summary}});
  }
  return {{"format", feed.format}, {"title", feed.title}, {"link", feed.link},
          {"language", feed.language}, {"entries", std::move(entries)}};
}

void print_text(const Feed& feed) {
  std::string out;
  const auto line = [&](std::string_view label, const std::string& value) {
    if (!value.empty()) out += std::string(label) + ": " + strip_control_characters(value) + "\n";
  };
  line("title", feed.title);
  line("format", feed.format);
  line("link", feed.link);
  line("language", feed.language);
  if (feed.ttl) line("ttl", std::to_string(feed.ttl->count()) + " s");
  if (feed.update_period) line("update period", std::to_string(feed.update_period->count()) + " s");
  out += "entries: " + std::to_string(feed.entries.size()) + "\n";
  for (std::size_t i = 0; i < feed.entries.size(); ++i) {
    const FeedEntry& entry = feed.entries[i];
    std::string when = date_or_null_text(entry.published ? entry.published : entry.updated);
    if (when.empty()) when = "(no date)";
    when.resize(20, ' ');
    out += "\n" + std::to_string(i + 1) + ". " + when + "  " +
           strip_control_characters(entry.title.empty() ? "(no title)" : entry.title) + "\n";
    if (!entry.link.empty()) out += "   " + strip_control_characters(entry.link) + "\n";
    if (!entry.authors.empty()) {
      std::string authors;
      for (const auto& author : entry.authors) authors += (authors.empty() ? "" : ", ") + author;
      out += "   by " + strip_control_characters(authors) + "\n";
    }
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
}

}  // namespace

int run_parse_feed_command(const GlobalOptions& global, const ParseFeedOptions& options) {
  const std::string& source = options.source;
  const auto input = load_source(global, source);
  if (!input) {
    std::fprintf(stderr, "newsmon: %s\n", strip_control_characters(input.error().message).c_str());
    return kExitFailure;
  }
  auto feed = parse_feed(input->bytes, input->url, input->charset);
  if (!feed) {
    std::string message = feed.error().message;
    // A file's errors name it as the user typed it, not as file://ABSOLUTE.
    if (input->from_path && message.starts_with(input->url)) message = source + message.substr(input->url.size());
    std::fprintf(stderr, "newsmon: %s\n", strip_control_characters(message).c_str());
    return kExitUsage;
  }
  if (options.json) {
    const std::string text = to_json(*feed).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    std::fwrite(text.data(), 1, text.size(), stdout);
  } else {
    print_text(*feed);
  }
  return kExitOk;
}

}  // namespace newsmon
