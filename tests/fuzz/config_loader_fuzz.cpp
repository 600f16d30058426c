// libFuzzer target: parse_config on any bytes either returns a Config or
// throws ConfigError naming the problems; anything else (a crash, another
// exception, an empty error list) is a bug.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "daemon/config/config.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  try {
    const newsmon::Config config = newsmon::parse_config(input, "fuzz.toml");
    (void)config;
  } catch (const newsmon::ConfigError& e) {
    if (e.errors().empty()) std::abort();  // an error must say what is wrong
  }
  return 0;
}
