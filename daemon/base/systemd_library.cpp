// libsystemd, loaded on first use (see shared_library.h): only the service
// (`newsmon run`: sd_notify, the watchdog, journal logging) calls it, and it
// brings libgcrypt, liblz4, libzstd, liblzma and libcap with it, which every
// reader command used to load at start for nothing.
// Each function forwards to libsystemd's own; a missing library throws on
// the first call (a broken install). Thread-safe: loaded once, then read-only.
// A libsystemd function newsmon starts to use must be added here: the link
// fails until it is.
#include <systemd/sd-daemon.h>
#include <systemd/sd-journal.h>

#include "daemon/base/shared_library.h"

namespace newsmon {

namespace {

struct SystemdLibrary {
  decltype(&::sd_notify) notify;
  decltype(&::sd_watchdog_enabled) watchdog_enabled;
  decltype(&::sd_journal_sendv_with_location) journal_sendv_with_location;
};

const SystemdLibrary& systemd() {
  static const SystemdLibrary library = [] {
    const SharedLibrary library("libsystemd.so.0");
    SystemdLibrary s{};
    library.resolve("sd_notify", s.notify);
    library.resolve("sd_watchdog_enabled", s.watchdog_enabled);
    library.resolve("sd_journal_sendv_with_location", s.journal_sendv_with_location);
    return s;
  }();
  return library;
}

}  // namespace

}  // namespace newsmon

extern "C" {

int sd_notify(int unset_environment, const char* state) { return newsmon::systemd().notify(unset_environment, state); }

int sd_watchdog_enabled(int unset_environment, uint64_t* usec) {
  return newsmon::systemd().watchdog_enabled(unset_environment, usec);
}

// What the sd_journal_sendv() macro calls.
int sd_journal_sendv_with_location(const char* file, const char* line, const char* func, const struct iovec* iov,
                                   int n) {
  return newsmon::systemd().journal_sendv_with_location(file, line, func, iov, n);
}

}  // extern "C"
