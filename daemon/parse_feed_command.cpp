#include <cstdio>

#include "daemon/commands.h"

namespace newsmon {

// Placeholder until its issue lands: fails loudly rather than pretending.
int run_parse_feed_command(const GlobalOptions&, const ParseFeedOptions&) {
  std::fprintf(stderr, "newsmon: 'parse-feed' is not implemented yet\n");
  return kExitFailure;
}

}  // namespace newsmon
