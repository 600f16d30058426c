#include "daemon/base/shared_library.h"

#include <dlfcn.h>

#include <stdexcept>

namespace newsmon {

SharedLibrary::SharedLibrary(const char* soname) : soname_(soname) {
  handle_ = ::dlopen(soname, RTLD_NOW | RTLD_LOCAL);
  if (!handle_) {
    const char* why = ::dlerror();
    throw std::runtime_error("cannot load " + soname_ + ": " + (why ? why : "unknown error"));
  }
}

void* SharedLibrary::symbol(const char* name) const {
  void* address = ::dlsym(handle_, name);
  if (!address) throw std::runtime_error(soname_ + " has no " + name + " (too old a version?)");
  return address;
}

}  // namespace newsmon
