#include <cstdio>

#include "daemon/commands.h"

namespace newsmon {

// Placeholder until its issue lands: fails loudly rather than pretending.
int run_run_command(const GlobalOptions&, const RunOptions&) {
  std::fprintf(stderr, "newsmon: 'run' is not implemented yet\n");
  return kExitFailure;
}

}  // namespace newsmon
