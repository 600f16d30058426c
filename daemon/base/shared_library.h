// SharedLibrary: a shared library opened at run time (dlopen) rather than
// linked, so that a process that never calls into it never pays for loading
// it and its dependencies. Used for the libraries only some commands need
// (libcurl: fetching; libsystemd: the service; libpsl: politeness per site):
// see curl_library.cpp, systemd_library.cpp, psl_library.cpp.
// The handle is never closed: once loaded, a library stays for the life of
// the process, as a linked one would. Immutable after construction, so
// thread-safe; the *_library.cpp files build theirs once (a function-local
// static) on the first call.
#pragma once

#include <string>

namespace newsmon {

class SharedLibrary {
 public:
  // Opens `soname` (e.g. "libcurl.so.4"). Throws std::runtime_error naming it
  // when it cannot be loaded: a broken install.
  explicit SharedLibrary(const char* soname);

  // The address of `name`, cast to the function pointer type of `out`.
  // Throws std::runtime_error naming the library and the symbol if absent.
  template <typename Function>
  void resolve(const char* name, Function& out) const {
    out = reinterpret_cast<Function>(symbol(name));
  }

 private:
  void* symbol(const char* name) const;
  std::string soname_;
  void* handle_ = nullptr;
};

}  // namespace newsmon
