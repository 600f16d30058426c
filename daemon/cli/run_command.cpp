// `newsmon run`: the daemon. Sets up logging and signals, validates the
// config, opens the archive, and hands over to the service loop.
#include <csignal>

#include <spdlog/spdlog.h>
#include <systemd/sd-daemon.h>

#include "daemon/cli/commands.h"
#include "daemon/base/log_setup.h"
#include "daemon/config/paths.h"
#include "daemon/service/service_loop.h"
#include "daemon/service/signal_watch.h"

namespace newsmon {

int run_run_command(const GlobalOptions& global, const RunOptions&) {
  setup_logging(detect_log_destination(), parse_log_level(global.log_level, spdlog::level::info));
  std::signal(SIGPIPE, SIG_IGN);
  std::signal(SIGXFSZ, SIG_IGN);  // past RLIMIT_FSIZE a write fails (EFBIG) instead of killing us
  SignalWatch signals;  // from here on SIGTERM is a request, not a kill

  const auto config_path = find_config(global.config);
  Config config;
  try {
    config = load_config(config_path);
  } catch (const ConfigError& e) {
    spdlog::error("{} is invalid; not starting:", config_path.string());
    for (const auto& line : e.errors()) spdlog::error("  {}", line);
    sd_notify(0, "STATUS=invalid config, not started");
    return kExitUsage;
  }
  const auto database = command_database(global, config);
  auto store = Store::open(database);
  if (!store) {
    spdlog::error("archive {}: {}", database.string(), store.error().message);
    sd_notify(0, "STATUS=cannot open the archive");
    return kExitFailure;
  }
  spdlog::info("archive {}", database.string());

  ServiceSettings settings;
  settings.config_path = config_path;
  SystemServiceClock clock;
  try {
    return run_service(settings, std::move(config), *store, signals, clock);
  } catch (const std::exception& e) {
    spdlog::critical("{}", e.what());
    sd_notify(0, "STATUS=failed, see the log");
    return kExitFailure;
  }
}

}  // namespace newsmon
