// canonicalize_url: the one form of an article URL that duplicates are
// detected by. Lowercase scheme and host, no default port, no fragment, no
// www./m./amp. prefix or AMP path, no tracking parameters; a rel=canonical
// link wins when it stays on the same site. Returns `url` unchanged (trimmed)
// when it cannot be parsed. Thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace newsmon {

std::string canonicalize_url(std::string_view url, std::string_view rel_canonical = {});

}  // namespace newsmon
