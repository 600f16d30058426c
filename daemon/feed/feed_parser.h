// parse_feed: bytes as received -> Feed. Detects the format from the content;
// decodes the charset (BOM, XML declaration, HTTP charset, detection);
// never loads DTDs or external entities and never touches the network.
// A document that cannot be recovered is an Error naming `feed_url`.
// Thread-safe (no shared state).
#pragma once

#include <string_view>

#include "daemon/feed/feed.h"
#include "daemon/base/result.h"

namespace newsmon {

Result<Feed> parse_feed(std::string_view bytes, std::string_view feed_url,
                        std::string_view http_charset = {});

}  // namespace newsmon
