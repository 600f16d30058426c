// What every command needs before it starts: the config and the archive path.
#include "daemon/cli/commands.h"
#include "daemon/config/paths.h"

namespace newsmon {

Config load_command_config(const GlobalOptions& global) {
  return load_config(find_config(global.config));
}

std::filesystem::path command_database(const GlobalOptions& global, const Config& config) {
  return find_database(global.database, config.storage.database);
}

}  // namespace newsmon
