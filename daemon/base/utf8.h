// UTF-8 at the byte level, for the code that must validate or repair text
// before anything else reads it. Pure functions.
#pragma once

#include <cstddef>
#include <string_view>

namespace newsmon {

// The length of the well-formed UTF-8 sequence at the start of `s` (1 to 4),
// or 0 when it is not one: a stray continuation byte, an overlong form, a
// surrogate, a code point above U+10FFFF, or a sequence cut short.
std::size_t utf8_sequence_length(std::string_view s);

}  // namespace newsmon
