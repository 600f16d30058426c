#include <cstdio>

#include "daemon/commands.h"

namespace newsmon {

// Placeholder until its issue lands: fails loudly rather than pretending.
int run_search_command(const GlobalOptions&, const SearchOptions&) {
  std::fprintf(stderr, "newsmon: 'search' is not implemented yet\n");
  return kExitFailure;
}

}  // namespace newsmon
