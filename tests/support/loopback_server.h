// LoopbackServer: a real HTTP server on 127.0.0.1 (port chosen by the kernel)
// running in a background thread for the lifetime of the object. Tests add
// routes with the cpp-httplib API before or after start; the server stops and
// joins in the destructor. Never listens on anything but loopback.
#pragma once

#include <functional>
#include <mutex>
#include <string>
#include <vector>
#include <thread>

#include <httplib.h>

namespace newsmon::test {

class LoopbackServer {
 public:
  LoopbackServer();
  ~LoopbackServer();
  LoopbackServer(const LoopbackServer&) = delete;
  LoopbackServer& operator=(const LoopbackServer&) = delete;

  httplib::Server& http() { return server_; }
  int port() const { return port_; }
  // "http://127.0.0.1:PORT" + path
  std::string url(const std::string& path = "/") const;
  // Serves a fixed body at `path`.
  void serve(const std::string& path, std::string body, std::string content_type);
  // Serves the files under `directory` at `prefix` + their relative path,
  // uncompressed: cpp-httplib 0.11 answers a client that accepts br with
  // brotli at quality 11, which takes seconds per megabyte of page.
  void serve_directory(const std::string& prefix, const std::string& directory);
  // Called in the server's thread before each request is routed (nullptr: none).
  void on_request(std::function<void(const httplib::Request&)> hook);

 private:
  httplib::Server server_;
  std::mutex mutex_;
  std::vector<std::string> uncompressed_prefixes_;
  std::function<void(const httplib::Request&)> hook_;
  int port_ = 0;
  std::thread thread_;
};

}  // namespace newsmon::test
