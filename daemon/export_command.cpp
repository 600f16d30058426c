#include <cstdio>

#include "daemon/commands.h"

namespace newsmon {

// Placeholder until its issue lands: fails loudly rather than pretending.
int run_export_command(const GlobalOptions&, const ExportOptions&) {
  std::fprintf(stderr, "newsmon: 'export' is not implemented yet\n");
  return kExitFailure;
}

}  // namespace newsmon
