// libFuzzer target: canonicalize_url must accept any bytes as a URL and as a
// rel=canonical link without crashing, and its result must be a fixed point
// for a URL it already canonicalised (canonicalising twice changes nothing).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "daemon/dedupe/url_canonicalizer.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  // First line: the URL; the rest: the rel=canonical link.
  const auto newline = input.find('\n');
  const std::string_view url = input.substr(0, newline);
  const std::string_view canonical = newline == std::string_view::npos ? std::string_view() : input.substr(newline + 1);
  const std::string once = newsmon::canonicalize_url(url, canonical);
  const std::string twice = newsmon::canonicalize_url(once);
  if (canonical.empty() && once != twice) std::abort();  // not idempotent
  return 0;
}
