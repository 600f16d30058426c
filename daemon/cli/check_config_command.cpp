#include <cstdio>

#include "daemon/cli/commands.h"
#include "daemon/config/paths.h"

namespace newsmon {

int run_check_config_command(const GlobalOptions& global, const CheckConfigOptions& options) {
  const auto path = options.file.empty() ? find_config(global.config) : std::filesystem::path(options.file);
  const Config config = load_config(path);  // ConfigError lists every problem; cli.cpp exits 2
  std::size_t feeds = 0;
  for (const auto& outlet : config.outlets) feeds += outlet.feeds.size();
  std::printf("%s: ok: %zu outlets, %zu feeds, %zu topics, %zu tags\n", path.c_str(),
              config.outlets.size(), feeds, config.topics.size(), config.gazetteer.tags.size());
  return kExitOk;
}

}  // namespace newsmon
