#include "daemon/fetcher.h"

namespace newsmon {

// Placeholder until the fetching issue lands: every request fails.
struct Fetcher::Impl {
  std::vector<std::pair<FetchRequest, FetchCallback>> queue;
};

Fetcher::Fetcher(HttpConfig) : impl_(std::make_unique<Impl>()) {}
Fetcher::~Fetcher() = default;
void Fetcher::add(FetchRequest request, FetchCallback on_done) {
  impl_->queue.emplace_back(std::move(request), std::move(on_done));
}
void Fetcher::run() {
  while (!impl_->queue.empty()) {
    auto [request, callback] = std::move(impl_->queue.front());
    impl_->queue.erase(impl_->queue.begin());
    callback(request, fail(ErrorKind::network, request.url + ": fetching is not implemented yet"));
  }
}
void Fetcher::stop() {}

Result<FetchResponse> fetch_one(const HttpConfig&, FetchRequest request) {
  return fail(ErrorKind::network, request.url + ": fetching is not implemented yet");
}

}  // namespace newsmon
