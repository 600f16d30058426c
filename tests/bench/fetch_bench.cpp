// Fetching and bookkeeping alone, for tests/bench/poll_bench.sh: the same
// feeds and pages as `newsmon poll --once`, through one Fetcher, with no feed
// parsing, extraction or storage. Usage: fetch_bench BASE_URL FEEDS
#include <cstdio>
#include <cstdlib>
#include <string>

#include "daemon/net/fetcher.h"

namespace {

// A plain GET of `url`, as the pipeline asks for a feed or a page.
newsmon::FetchRequest get(std::string url) {
  newsmon::FetchRequest request;
  request.url = std::move(url);
  return request;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: fetch_bench BASE_URL FEEDS\n");
    return 2;
  }
  const std::string base = argv[1];
  const int feeds = std::atoi(argv[2]);
  newsmon::HttpConfig config;
  config.host_delay = std::chrono::milliseconds(0);
  newsmon::Fetcher fetcher(config);
  long pages = 0, failures = 0, bytes = 0;
  for (int f = 0; f < feeds; ++f) {
    const newsmon::FetchRequest request = get(base + "/feed/" + std::to_string(f) + ".xml");
    fetcher.add(request, [&](const newsmon::FetchRequest&, newsmon::Result<newsmon::FetchResponse> feed) {
      if (!feed) return void(++failures);
      bytes += long(feed->body.size());
      // The links, as a parser would hand them over.
      std::size_t at = 0;
      while ((at = feed->body.find("<link>", at)) != std::string::npos) {
        const std::size_t end = feed->body.find("</link>", at);
        std::string link = feed->body.substr(at + 6, end - at - 6);
        at = end;
        if (link.find("/article/") == std::string::npos) continue;
        fetcher.add(get(link), [&](const newsmon::FetchRequest&,
                                                      newsmon::Result<newsmon::FetchResponse> page) {
          if (!page) return void(++failures);
          ++pages;
          bytes += long(page->body.size());
        });
      }
    });
  }
  fetcher.run();
  std::printf("fetched %ld pages, %ld bytes, %ld failures\n", pages, bytes, failures);
  return failures == 0 ? 0 : 1;
}
