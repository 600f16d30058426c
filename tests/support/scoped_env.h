// ScopedEnv: sets (a value) or removes (nullptr) one environment variable
// of this process for a scope, and puts back what was there. For tests of
// code that reads the environment in-process. Not thread-safe (setenv).
#pragma once

#include <cstdlib>
#include <string>

namespace newsmon::test {

class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old, had_ = true;
    value ? ::setenv(name, value, 1) : ::unsetenv(name);
  }
  ~ScopedEnv() { had_ ? ::setenv(name_, old_.c_str(), 1) : ::unsetenv(name_); }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  const char* name_;
  std::string old_;
  bool had_ = false;
};

}  // namespace newsmon::test
