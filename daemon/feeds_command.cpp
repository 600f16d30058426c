#include <cstdio>

#include "daemon/commands.h"

namespace newsmon {

// Placeholder until its issue lands: fails loudly rather than pretending.
int run_feeds_command(const GlobalOptions&, const FeedsOptions&) {
  std::fprintf(stderr, "newsmon: 'feeds' is not implemented yet\n");
  return kExitFailure;
}

}  // namespace newsmon
