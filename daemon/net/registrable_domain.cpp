#include "daemon/net/registrable_domain.h"
#include "daemon/base/ascii.h"

#include <algorithm>
#include <memory>

#include <libpsl.h>

namespace newsmon {

namespace {

struct PslFree {
  void operator()(psl_ctx_t* context) const { psl_free(context); }
};

// The newest list on the system (/usr/share/publicsuffix, updated by the
// distribution), or the one compiled into libpsl when that is missing.
const psl_ctx_t* suffix_list() {
  static const std::unique_ptr<psl_ctx_t, PslFree> latest(psl_latest(nullptr));
  return latest ? latest.get() : psl_builtin();
}

bool is_ip_literal(std::string_view host) {
  if (host.find(':') != std::string_view::npos) return true;  // IPv6
  return std::all_of(host.begin(), host.end(),
                     [](char c) { return (c >= '0' && c <= '9') || c == '.'; });
}

}  // namespace

std::string registrable_domain(std::string_view host) {
  std::string lower = ascii::lower(host);
  if (!lower.empty() && lower.front() == '[') lower = lower.substr(1, lower.size() - 2);
  while (!lower.empty() && lower.back() == '.') lower.pop_back();  // "example.com."
  if (lower.empty() || is_ip_literal(lower)) return lower;
  const psl_ctx_t* list = suffix_list();
  if (list == nullptr) return lower;
  const char* domain = psl_registrable_domain(list, lower.c_str());
  return domain != nullptr ? std::string(domain) : lower;
}

}  // namespace newsmon
