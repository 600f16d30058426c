// RAII owners of libcurl's C handles. This file (and curl_handles.cpp) is the
// only place that calls curl's create and destroy functions; everything else
// borrows the raw pointer through get() for curl_easy_setopt and friends.
// Each owner is move-only. None is thread-safe: a handle belongs to the one
// thread that drives it (the Fetcher's).
#pragma once

#include <string>

#include <curl/curl.h>

namespace newsmon {

// Initialises libcurl once per process (curl_global_init); called by the
// constructors below, so no one else has to remember it.
void ensure_curl_initialised();

// One transfer's handle (CURL*). Owns it; curl_easy_cleanup on destruction.
// Must be removed from any CurlMulti before it dies (the Fetcher does so).
class CurlEasy {
 public:
  CurlEasy();  // throws std::bad_alloc if curl cannot allocate a handle
  ~CurlEasy();
  CurlEasy(CurlEasy&& other) noexcept;
  CurlEasy& operator=(CurlEasy&& other) noexcept;
  CurlEasy(const CurlEasy&) = delete;
  CurlEasy& operator=(const CurlEasy&) = delete;
  CURL* get() const { return handle_; }

 private:
  CURL* handle_ = nullptr;
};

// The multi handle (CURLM*) that drives many CurlEasy transfers in one thread.
class CurlMulti {
 public:
  CurlMulti();  // throws std::bad_alloc
  ~CurlMulti();
  CurlMulti(CurlMulti&& other) noexcept;
  CurlMulti& operator=(CurlMulti&& other) noexcept;
  CurlMulti(const CurlMulti&) = delete;
  CurlMulti& operator=(const CurlMulti&) = delete;
  CURLM* get() const { return handle_; }

 private:
  CURLM* handle_ = nullptr;
};

// A list of strings (curl_slist*) for CURLOPT_HTTPHEADER, CURLOPT_RESOLVE...
// Must outlive every transfer it is set on.
class CurlList {
 public:
  CurlList() = default;
  ~CurlList();
  CurlList(CurlList&& other) noexcept;
  CurlList& operator=(CurlList&& other) noexcept;
  CurlList(const CurlList&) = delete;
  CurlList& operator=(const CurlList&) = delete;
  // Appends a copy of `line`; throws std::bad_alloc on failure.
  void append(const std::string& line);
  curl_slist* get() const { return list_; }
  bool empty() const { return list_ == nullptr; }

 private:
  curl_slist* list_ = nullptr;
};

}  // namespace newsmon
