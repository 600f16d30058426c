#include <cstdio>

#include "daemon/commands.h"

namespace newsmon {

// Placeholder until its issue lands: fails loudly rather than pretending.
int run_show_command(const GlobalOptions&, const ShowOptions&) {
  std::fprintf(stderr, "newsmon: 'show' is not implemented yet\n");
  return kExitFailure;
}

}  // namespace newsmon
