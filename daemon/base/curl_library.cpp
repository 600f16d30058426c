// libcurl, loaded on first use instead of at process start.
//
// Why: libcurl pulls in ~35 shared libraries (OpenSSL, GnuTLS, Kerberos,
// LDAP, SSH, ...), all linked with BIND_NOW, and the dynamic loader spends
// about 10 ms of CPU resolving their ~8,000 symbols before main(). The
// readers (digest, grep, search, show, export) never fetch anything, and for
// them that was a third of `newsmon search`. So no newsmon library links
// libcurl: this file defines the libcurl functions newsmon calls, and the
// first call dlopen()s the library and resolves them all at once. Callers
// keep calling the ordinary curl API; nothing else changes.
//
// Contract: each function here forwards to libcurl's own with the same
// arguments. If libcurl cannot be loaded (or lacks a function, i.e. is older
// than 7.68), the first call throws std::runtime_error (SharedLibrary) naming it:
// a broken install, reported by main like any other. Thread-safe: the
// library is loaded once (a function-local static), then only read.
// A function newsmon starts to use must be added here: the link fails
// ("undefined reference to curl_...") until it is.
#define CURL_DISABLE_TYPECHECK  // we define curl_easy_setopt, not call it through the checking macro
#include <curl/curl.h>

#include <cstdarg>

#include "daemon/base/shared_library.h"

namespace newsmon {

namespace {

// The libcurl ABI's soname (the same since libcurl 7.16); what `-lcurl`
// records in an executable that links it.
constexpr const char* kLibcurl = "libcurl.so.4";

// The resolved entry points. Built once, then read-only.
struct CurlLibrary {
  decltype(&::curl_global_init) global_init;
  decltype(&::curl_easy_init) easy_init;
  decltype(&::curl_easy_cleanup) easy_cleanup;
  decltype(&::curl_easy_setopt) easy_setopt;
  decltype(&::curl_easy_getinfo) easy_getinfo;
  decltype(&::curl_easy_strerror) easy_strerror;
  decltype(&::curl_free) free;
  decltype(&::curl_getdate) getdate;
  decltype(&::curl_slist_append) slist_append;
  decltype(&::curl_slist_free_all) slist_free_all;
  decltype(&::curl_multi_init) multi_init;
  decltype(&::curl_multi_cleanup) multi_cleanup;
  decltype(&::curl_multi_add_handle) multi_add_handle;
  decltype(&::curl_multi_remove_handle) multi_remove_handle;
  decltype(&::curl_multi_perform) multi_perform;
  decltype(&::curl_multi_poll) multi_poll;
  decltype(&::curl_multi_wakeup) multi_wakeup;
  decltype(&::curl_multi_info_read) multi_info_read;
  decltype(&::curl_multi_strerror) multi_strerror;
  decltype(&::curl_url) url;
  decltype(&::curl_url_cleanup) url_cleanup;
  decltype(&::curl_url_dup) url_dup;
  decltype(&::curl_url_get) url_get;
  decltype(&::curl_url_set) url_set;
};

CurlLibrary load() {
  const SharedLibrary library(kLibcurl);
  CurlLibrary c{};
  library.resolve("curl_global_init", c.global_init);
  library.resolve("curl_easy_init", c.easy_init);
  library.resolve("curl_easy_cleanup", c.easy_cleanup);
  library.resolve("curl_easy_setopt", c.easy_setopt);
  library.resolve("curl_easy_getinfo", c.easy_getinfo);
  library.resolve("curl_easy_strerror", c.easy_strerror);
  library.resolve("curl_free", c.free);
  library.resolve("curl_getdate", c.getdate);
  library.resolve("curl_slist_append", c.slist_append);
  library.resolve("curl_slist_free_all", c.slist_free_all);
  library.resolve("curl_multi_init", c.multi_init);
  library.resolve("curl_multi_cleanup", c.multi_cleanup);
  library.resolve("curl_multi_add_handle", c.multi_add_handle);
  library.resolve("curl_multi_remove_handle", c.multi_remove_handle);
  library.resolve("curl_multi_perform", c.multi_perform);
  library.resolve("curl_multi_poll", c.multi_poll);
  library.resolve("curl_multi_wakeup", c.multi_wakeup);
  library.resolve("curl_multi_info_read", c.multi_info_read);
  library.resolve("curl_multi_strerror", c.multi_strerror);
  library.resolve("curl_url", c.url);
  library.resolve("curl_url_cleanup", c.url_cleanup);
  library.resolve("curl_url_dup", c.url_dup);
  library.resolve("curl_url_get", c.url_get);
  library.resolve("curl_url_set", c.url_set);
  return c;
}

const CurlLibrary& curl() {
  static const CurlLibrary library = load();  // a failed load throws, and the next call retries
  return library;
}

}  // namespace

}  // namespace newsmon

using newsmon::curl;

extern "C" {

CURLcode curl_global_init(long flags) { return curl().global_init(flags); }
CURL* curl_easy_init(void) { return curl().easy_init(); }
void curl_easy_cleanup(CURL* handle) { curl().easy_cleanup(handle); }

// curl.h fixes these signatures, with an enum before the "...". Clang warns
// that va_start after a promotable type is undefined; CURLoption and CURLINFO
// are int-sized (their values fit an int), so nothing is promoted, and
// libcurl's own definitions do the same.
#if defined(__clang__)
#pragma clang diagnostic ignored "-Wvarargs"
#endif

// The one variadic argument is read as libcurl itself reads it: its type
// follows from the option's number range (CURLOPTTYPE_* in curl.h).
CURLcode curl_easy_setopt(CURL* handle, CURLoption option, ...) {
  va_list arguments;
  va_start(arguments, option);
  CURLcode code;
  if (option < CURLOPTTYPE_OBJECTPOINT) {
    code = curl().easy_setopt(handle, option, va_arg(arguments, long));
  } else if (option < CURLOPTTYPE_FUNCTIONPOINT) {
    code = curl().easy_setopt(handle, option, va_arg(arguments, void*));
  } else if (option < CURLOPTTYPE_OFF_T) {
    using AnyFunction = void (*)(void);
    code = curl().easy_setopt(handle, option, va_arg(arguments, AnyFunction));
  } else if (option < CURLOPTTYPE_BLOB) {
    code = curl().easy_setopt(handle, option, va_arg(arguments, curl_off_t));
  } else {
    code = curl().easy_setopt(handle, option, va_arg(arguments, void*));
  }
  va_end(arguments);
  return code;
}

// Every CURLINFO takes a pointer to where the answer goes.
CURLcode curl_easy_getinfo(CURL* handle, CURLINFO info, ...) {
  va_list arguments;
  va_start(arguments, info);
  const CURLcode code = curl().easy_getinfo(handle, info, va_arg(arguments, void*));
  va_end(arguments);
  return code;
}

const char* curl_easy_strerror(CURLcode code) { return curl().easy_strerror(code); }
void curl_free(void* pointer) { curl().free(pointer); }
time_t curl_getdate(const char* text, const time_t* unused) { return curl().getdate(text, unused); }
struct curl_slist* curl_slist_append(struct curl_slist* list, const char* text) {
  return curl().slist_append(list, text);
}
void curl_slist_free_all(struct curl_slist* list) { curl().slist_free_all(list); }

CURLM* curl_multi_init(void) { return curl().multi_init(); }
CURLMcode curl_multi_cleanup(CURLM* multi) { return curl().multi_cleanup(multi); }
CURLMcode curl_multi_add_handle(CURLM* multi, CURL* handle) { return curl().multi_add_handle(multi, handle); }
CURLMcode curl_multi_remove_handle(CURLM* multi, CURL* handle) { return curl().multi_remove_handle(multi, handle); }
CURLMcode curl_multi_perform(CURLM* multi, int* running) { return curl().multi_perform(multi, running); }
CURLMcode curl_multi_poll(CURLM* multi, struct curl_waitfd extra_fds[], unsigned int extra_nfds, int timeout_ms,
                          int* ret) {
  return curl().multi_poll(multi, extra_fds, extra_nfds, timeout_ms, ret);
}
CURLMcode curl_multi_wakeup(CURLM* multi) { return curl().multi_wakeup(multi); }
CURLMsg* curl_multi_info_read(CURLM* multi, int* left) { return curl().multi_info_read(multi, left); }
const char* curl_multi_strerror(CURLMcode code) { return curl().multi_strerror(code); }

CURLU* curl_url(void) { return curl().url(); }
void curl_url_cleanup(CURLU* url) { curl().url_cleanup(url); }
CURLU* curl_url_dup(CURLU* url) { return curl().url_dup(url); }
CURLUcode curl_url_get(CURLU* url, CURLUPart part, char** out, unsigned int flags) {
  return curl().url_get(url, part, out, flags);
}
CURLUcode curl_url_set(CURLU* url, CURLUPart part, const char* text, unsigned int flags) {
  return curl().url_set(url, part, text, flags);
}

}  // extern "C"
