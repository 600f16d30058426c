#include "daemon/base/utf8.h"

namespace newsmon {

std::size_t utf8_sequence_length(std::string_view s) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char b0 = byte(0);
  std::size_t length;
  if (b0 < 0x80) return 1;
  if (b0 >= 0xc2 && b0 <= 0xdf) length = 2;
  else if (b0 >= 0xe0 && b0 <= 0xef) length = 3;
  else if (b0 >= 0xf0 && b0 <= 0xf4) length = 4;
  else return 0;
  if (s.size() < length) return 0;
  for (std::size_t i = 1; i < length; ++i)
    if ((byte(i) & 0xc0) != 0x80) return 0;
  if (length == 3 && ((b0 == 0xe0 && byte(1) < 0xa0) || (b0 == 0xed && byte(1) > 0x9f))) return 0;
  if (length == 4 && ((b0 == 0xf0 && byte(1) < 0x90) || (b0 == 0xf4 && byte(1) > 0x8f))) return 0;
  return length;
}

}  // namespace newsmon
