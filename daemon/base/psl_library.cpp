// libpsl, loaded on first use (see shared_library.h): only fetching groups
// hosts by registrable domain (registrable_domain.cpp), and libpsl brings
// libidn2 and libunistring with it, which every reader command used to load
// at start for nothing.
// Each function forwards to libpsl's own; a missing library throws on the
// first call (a broken install). Thread-safe: loaded once, then read-only.
// A libpsl function newsmon starts to use must be added here: the link fails
// until it is.
#include <libpsl.h>

#include "daemon/base/shared_library.h"

namespace newsmon {

namespace {

struct PslLibrary {
  decltype(&::psl_builtin) builtin;
  decltype(&::psl_latest) latest;
  decltype(&::psl_free) free;
  decltype(&::psl_registrable_domain) registrable_domain;
};

const PslLibrary& psl() {
  static const PslLibrary library = [] {
    const SharedLibrary library("libpsl.so.5");
    PslLibrary p{};
    library.resolve("psl_builtin", p.builtin);
    library.resolve("psl_latest", p.latest);
    library.resolve("psl_free", p.free);
    library.resolve("psl_registrable_domain", p.registrable_domain);
    return p;
  }();
  return library;
}

}  // namespace

}  // namespace newsmon

extern "C" {

const psl_ctx_t* psl_builtin(void) { return newsmon::psl().builtin(); }
psl_ctx_t* psl_latest(const char* file) { return newsmon::psl().latest(file); }
void psl_free(psl_ctx_t* context) { newsmon::psl().free(context); }
const char* psl_registrable_domain(const psl_ctx_t* context, const char* domain) {
  return newsmon::psl().registrable_domain(context, domain);
}

}  // extern "C"
