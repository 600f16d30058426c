// libFuzzer target for the feed parser: any bytes, with any HTTP charset,
// must give a Feed or an Error, never a crash, a leak, undefined behaviour
// or a hang. Also drives the date parser and the charset functions, which
// see the same untrusted text. Built by CMake when the compiler is clang;
// run by tests/fuzz/run_fuzz.sh with the feed fixtures as seeds.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "daemon/base/charset.h"
#include "daemon/feed/feed_date.h"
#include "daemon/feed/feed_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // The first byte picks the HTTP charset the response would have declared.
  static constexpr const char* kCharsets[] = {"", "utf-8", "iso-8859-1", "windows-1251", "gb2312", "utf-16", "bogus"};
  const char* charset = size ? kCharsets[data[0] % std::size(kCharsets)] : "";

  auto feed = newsmon::parse_feed(bytes, "https://fuzz.example/feed/", charset);
  if (feed) {
    for (const auto& entry : feed->entries) {
      if (entry.id.empty()) __builtin_trap();  // every entry has an id
      if (!newsmon::is_valid_utf8(entry.title) || !newsmon::is_valid_utf8(entry.summary)) __builtin_trap();
    }
  } else if (feed.error().message.rfind("https://fuzz.example/feed/: ", 0) != 0) {
    __builtin_trap();  // every error names the feed
  }
  if (size <= 256) (void)newsmon::parse_feed_date(bytes);
  const std::string html = newsmon::html_to_utf8(bytes.substr(0, 4096), charset);
  if (!newsmon::is_valid_utf8(html)) __builtin_trap();
  return 0;
}
