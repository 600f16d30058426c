#include <cstdio>

#include "daemon/commands.h"

namespace newsmon {

// Placeholder until its issue lands: fails loudly rather than pretending.
int run_extract_command(const GlobalOptions&, const ExtractOptions&) {
  std::fprintf(stderr, "newsmon: 'extract' is not implemented yet\n");
  return kExitFailure;
}

}  // namespace newsmon
