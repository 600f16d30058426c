#include "support/loopback_server.h"

#include <chrono>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace newsmon::test {

LoopbackServer::LoopbackServer() {
  // Bounded so that a test that forgets a client never hangs the suite.
  server_.set_read_timeout(5, 0);
  server_.set_write_timeout(5, 0);
  server_.set_pre_routing_handler([this](const httplib::Request& request, httplib::Response&) {
    std::lock_guard lock(mutex_);
    for (const auto& prefix : uncompressed_prefixes_)
      if (request.path.starts_with(prefix))  // the request is ours; cpp-httplib hands it over const
        const_cast<httplib::Request&>(request).headers.erase("Accept-Encoding");
    if (hook_) hook_(request);
    return httplib::Server::HandlerResponse::Unhandled;
  });
  port_ = server_.bind_to_any_port("127.0.0.1");
  if (port_ <= 0) throw std::runtime_error("cannot bind a loopback port");
  thread_ = std::thread([this] { server_.listen_after_bind(); });
  while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

LoopbackServer::~LoopbackServer() {
  server_.stop();
  if (thread_.joinable()) thread_.join();
}

std::string LoopbackServer::url(const std::string& path) const {
  return "http://127.0.0.1:" + std::to_string(port_) + path;
}

void LoopbackServer::serve(const std::string& path, std::string body, std::string content_type) {
  server_.Get(path, [body = std::move(body), content_type = std::move(content_type)](
                        const httplib::Request&, httplib::Response& response) {
    response.set_content(body, content_type);
  });
}

void LoopbackServer::on_request(std::function<void(const httplib::Request&)> hook) {
  std::lock_guard lock(mutex_);
  hook_ = std::move(hook);
}

void LoopbackServer::serve_directory(const std::string& prefix, const std::string& directory) {
  {
    std::lock_guard lock(mutex_);
    uncompressed_prefixes_.push_back(prefix + "/");
  }
  server_.Get(prefix + "/(.*)", [directory](const httplib::Request& request, httplib::Response& response) {
    const std::string relative = request.matches[1];
    if (relative.find("..") != std::string::npos) {
      response.status = 403;
      return;
    }
    std::ifstream in(directory + "/" + relative, std::ios::binary);
    if (!in) {
      response.status = 404;
      return;
    }
    std::ostringstream body;
    body << in.rdbuf();
    const auto dot = relative.rfind('.');
    const std::string extension = dot == std::string::npos ? "" : relative.substr(dot + 1);
    const char* type = extension == "html" ? "text/html; charset=utf-8"
                       : extension == "xml" ? "application/xml"
                       : extension == "json" ? "application/json"
                                             : "application/octet-stream";
    response.set_content(body.str(), type);
  });
}

}  // namespace newsmon::test
