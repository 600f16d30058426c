#include "daemon/safe_text.h"

#include "daemon/utf8.h"

namespace newsmon {

std::string strip_control_characters(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    const std::size_t n = utf8_sequence_length(text);
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      text.remove_prefix(1);
      continue;
    }
    const unsigned char b0 = static_cast<unsigned char>(text[0]);
    const bool c0 = n == 1 && (b0 < 0x20 || b0 == 0x7f) && b0 != '\t' && b0 != '\n';
    const bool c1 = n == 2 && b0 == 0xc2 && static_cast<unsigned char>(text[1]) < 0xa0;
    if (!c0 && !c1) out.append(text.substr(0, n));
    text.remove_prefix(n);
  }
  return out;
}

}  // namespace newsmon
