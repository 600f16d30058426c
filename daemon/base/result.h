// Result<T>: how a failing feed, page or item is reported: a value or an
// Error whose message names the URL or path it concerns. Broken installs and
// bad configs throw instead (see config.h); bugs are asserts.
#pragma once

#include <expected>
#include <string>
#include <string_view>

namespace newsmon {

enum class ErrorKind {
  network,   // DNS, connect, TLS, timeout: curl's own message
  http,      // the server answered with a status we cannot use
  refused,   // policy said no: a scheme, a redirect target, robots.txt, a size cap
  parse,     // bytes that are not a feed, not HTML, not a date
  io,        // a local file or directory
  storage,   // SQLite: full disk, locked, corrupt
};

std::string_view to_string(ErrorKind kind);

struct Error {
  ErrorKind kind;
  std::string message;
};

template <class T>
using Result = std::expected<T, Error>;

inline std::unexpected<Error> fail(ErrorKind kind, std::string message) {
  return std::unexpected(Error{kind, std::move(message)});
}

}  // namespace newsmon
