// What every command needs before it starts: the config and the archive path;
// and how each reports a failing archive.
#include <cstdio>

#include "daemon/cli/commands.h"
#include "daemon/config/paths.h"

namespace newsmon {

Config load_command_config(const GlobalOptions& global) {
  return load_config(find_config(global.config));
}

std::filesystem::path command_database(const GlobalOptions& global, const Config& config) {
  return find_database(global.database, config.storage.database);
}

int report_archive_failure(const Error& error) {
  std::fprintf(stderr, "newsmon: archive: %s\n", error.message.c_str());
  return kExitFailure;
}

}  // namespace newsmon
