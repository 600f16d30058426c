#include <cstdio>

#include "daemon/commands.h"

namespace newsmon {

// Placeholder until its issue lands: fails loudly rather than pretending.
int run_classify_command(const GlobalOptions&, const ClassifyOptions&) {
  std::fprintf(stderr, "newsmon: 'classify' is not implemented yet\n");
  return kExitFailure;
}

}  // namespace newsmon
