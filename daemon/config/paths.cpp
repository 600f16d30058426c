#include "daemon/config/paths.h"

#include <cstdlib>

namespace newsmon {

namespace {

std::string env(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

std::filesystem::path home_relative(const char* xdg_variable, const char* fallback) {
  if (auto xdg = env(xdg_variable); !xdg.empty()) return xdg;
  if (auto home = env("HOME"); !home.empty()) return std::filesystem::path(home) / fallback;
  return {};
}

}  // namespace

std::filesystem::path find_config(const std::string& flag) {
  if (!flag.empty()) return flag;
  if (auto from_env = env("NEWSMON_CONFIG"); !from_env.empty()) return from_env;
  std::error_code ec;
  if (auto base = home_relative("XDG_CONFIG_HOME", ".config"); !base.empty()) {
    auto user = base / "newsmon" / "feeds.toml";
    if (std::filesystem::exists(user, ec)) return user;
  }
  std::filesystem::path system = std::filesystem::path(NEWSMON_SYSCONFDIR) / "newsmon" / "feeds.toml";
  if (std::filesystem::exists(system, ec)) return system;
  if (std::filesystem::exists("/etc/newsmon/feeds.toml", ec)) return "/etc/newsmon/feeds.toml";
  return "feeds.toml";
}

std::filesystem::path find_database(const std::string& flag, const std::string& configured) {
  if (!flag.empty()) return flag;
  if (!configured.empty()) return configured;
  if (auto state = env("STATE_DIRECTORY"); !state.empty()) {
    // systemd may pass several directories separated by ':'; ours is the first.
    return std::filesystem::path(state.substr(0, state.find(':'))) / "newsmon.db";
  }
  auto base = home_relative("XDG_STATE_HOME", ".local/state");
  if (base.empty()) base = ".";
  return base / "newsmon" / "newsmon.db";
}

std::filesystem::path state_directory(const std::filesystem::path& database) {
  auto parent = database.parent_path();
  return parent.empty() ? std::filesystem::path(".") : parent;
}

}  // namespace newsmon
