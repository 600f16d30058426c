#include "daemon/feed_parser.h"

namespace newsmon {

// Placeholder until the feed ingestion issue lands.
Result<Feed> parse_feed(std::string_view, std::string_view feed_url, std::string_view) {
  return fail(ErrorKind::parse, std::string(feed_url) + ": the feed parser is not implemented yet");
}

}  // namespace newsmon
