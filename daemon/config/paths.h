// Where the config and the archive live, by the rules of the command line
// contract: an explicit flag, then the environment, then XDG and /etc.
// Pure functions of their inputs and the environment.
#pragma once

#include <filesystem>
#include <string>

namespace newsmon {

// --config, else $NEWSMON_CONFIG, else $XDG_CONFIG_HOME (or ~/.config)/newsmon/feeds.toml,
// else /etc/newsmon/feeds.toml, else ./feeds.toml. The first that exists wins;
// an explicit flag or variable is returned even if missing, so the error names it.
std::filesystem::path find_config(const std::string& flag);

// --db, else [storage] database, else $STATE_DIRECTORY/newsmon.db (systemd),
// else $XDG_STATE_HOME (or ~/.local/state)/newsmon/newsmon.db.
std::filesystem::path find_database(const std::string& flag, const std::string& configured);

// The directory of the database: digests/ and robots caches live beside it.
std::filesystem::path state_directory(const std::filesystem::path& database);

}  // namespace newsmon
