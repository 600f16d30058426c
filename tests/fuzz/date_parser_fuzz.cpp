// libFuzzer target: parse_rfc3339 must reject or accept any bytes without
// crashing, and a date it accepts must survive a round trip through
// to_rfc3339 unchanged.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "daemon/instant.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto parsed = newsmon::parse_rfc3339(input);
  if (!parsed) return 0;
  const auto again = newsmon::parse_rfc3339(newsmon::to_rfc3339(*parsed));
  if (!again || *again != *parsed) std::abort();  // the printed form must parse back to the same instant
  return 0;
}
