#include "daemon/base/safe_text.h"

#include "daemon/base/utf8.h"

namespace newsmon {

std::string strip_control_characters(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  // Printable ASCII, tab and newline (nearly all text) are copied in runs;
  // only the other bytes are looked at one sequence at a time.
  std::size_t i = 0, run = 0;  // run: start of the bytes kept but not yet copied
  while (i < text.size()) {
    const unsigned char b0 = static_cast<unsigned char>(text[i]);
    if ((b0 >= 0x20 && b0 < 0x7f) || b0 == '\t' || b0 == '\n') {
      ++i;
      continue;
    }
    out.append(text.substr(run, i - run));
    const std::string_view rest = text.substr(i);
    const std::size_t n = utf8_sequence_length(rest);
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      run = i += 1;
      continue;
    }
    const bool c0 = n == 1;  // a C0 control or DEL: every other 1-byte sequence was kept above
    const bool c1 = n == 2 && b0 == 0xc2 && static_cast<unsigned char>(rest[1]) < 0xa0;
    if (!c0 && !c1) out.append(rest.substr(0, n));
    run = i += n;
  }
  out.append(text.substr(run, i - run));
  return out;
}

}  // namespace newsmon
