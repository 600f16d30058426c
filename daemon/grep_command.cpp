#include <cstdio>

#include "daemon/commands.h"

namespace newsmon {

// Placeholder until its issue lands: fails loudly rather than pretending.
int run_grep_command(const GlobalOptions&, const GrepOptions&) {
  std::fprintf(stderr, "newsmon: 'grep' is not implemented yet\n");
  return kExitFailure;
}

}  // namespace newsmon
