#include "daemon/net/curl_handles.h"

#include <mutex>
#include <new>
#include <utility>

namespace newsmon {

void ensure_curl_initialised() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

CurlEasy::CurlEasy() {
  ensure_curl_initialised();
  handle_ = curl_easy_init();
  if (handle_ == nullptr) throw std::bad_alloc();
}
CurlEasy::~CurlEasy() {
  if (handle_ != nullptr) curl_easy_cleanup(handle_);
}
CurlEasy::CurlEasy(CurlEasy&& other) noexcept : handle_(std::exchange(other.handle_, nullptr)) {}
CurlEasy& CurlEasy::operator=(CurlEasy&& other) noexcept {
  if (this != &other) {
    if (handle_ != nullptr) curl_easy_cleanup(handle_);
    handle_ = std::exchange(other.handle_, nullptr);
  }
  return *this;
}

CurlMulti::CurlMulti() {
  ensure_curl_initialised();
  handle_ = curl_multi_init();
  if (handle_ == nullptr) throw std::bad_alloc();
}
CurlMulti::~CurlMulti() {
  if (handle_ != nullptr) curl_multi_cleanup(handle_);
}
CurlMulti::CurlMulti(CurlMulti&& other) noexcept : handle_(std::exchange(other.handle_, nullptr)) {}
CurlMulti& CurlMulti::operator=(CurlMulti&& other) noexcept {
  if (this != &other) {
    if (handle_ != nullptr) curl_multi_cleanup(handle_);
    handle_ = std::exchange(other.handle_, nullptr);
  }
  return *this;
}

CurlList::~CurlList() {
  if (list_ != nullptr) curl_slist_free_all(list_);
}
CurlList::CurlList(CurlList&& other) noexcept : list_(std::exchange(other.list_, nullptr)) {}
CurlList& CurlList::operator=(CurlList&& other) noexcept {
  if (this != &other) {
    if (list_ != nullptr) curl_slist_free_all(list_);
    list_ = std::exchange(other.list_, nullptr);
  }
  return *this;
}
void CurlList::append(const std::string& line) {
  curl_slist* grown = curl_slist_append(list_, line.c_str());
  if (grown == nullptr) throw std::bad_alloc();
  list_ = grown;
}

}  // namespace newsmon
