#include "daemon/base/result.h"

namespace newsmon {

std::string_view to_string(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::network: return "network";
    case ErrorKind::http: return "http";
    case ErrorKind::refused: return "refused";
    case ErrorKind::parse: return "parse";
    case ErrorKind::io: return "io";
    case ErrorKind::storage: return "storage";
  }
  return "unknown";
}

}  // namespace newsmon
