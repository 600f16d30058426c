// Untrusted text (titles, bodies, URLs, authors from the web) on its way to a
// terminal: C0 controls but tab and newline, DEL and C1 controls are
// removed, so an escape sequence in a title prints as harmless text.
// Invalid UTF-8 becomes U+FFFD. Our own colours are added after this.
#pragma once

#include <string>
#include <string_view>

namespace newsmon {

std::string strip_control_characters(std::string_view text);

}  // namespace newsmon
