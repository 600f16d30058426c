// Feed parse throughput: parses each feed file given on the command line
// REPEAT times in-process (after one warm-up) and prints one line:
//   newsmon files=N bytes=B entries=E seconds=S MB/s=X entries/s=Y
// Seconds are CPU time of the process, so that a busy machine does not skew
// the comparison with feedparser_bench.py (which measures the same way).
// Built and run by tests/bench/feed_parse_bench.sh.
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "daemon/feed/feed_parser.h"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: feed_parse_bench REPEAT FILE...\n");
    return 2;
  }
  const int repeat = std::atoi(argv[1]);
  std::vector<std::pair<std::string, std::string>> feeds;  // url, bytes
  for (int i = 2; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    feeds.emplace_back(std::string("file://") + argv[i], bytes.str());
  }
  std::size_t bytes = 0, entries = 0;
  for (const auto& [url, body] : feeds) (void)newsmon::parse_feed(body, url);  // warm-up
  const auto cpu_seconds = [] {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) / 1e9;
  };
  const double start = cpu_seconds();
  for (int r = 0; r < repeat; ++r) {
    for (const auto& [url, body] : feeds) {
      auto feed = newsmon::parse_feed(body, url);
      bytes += body.size();
      if (feed) entries += feed->entries.size();
    }
  }
  const double seconds = cpu_seconds() - start;
  std::printf("newsmon files=%zu bytes=%zu entries=%zu seconds=%.3f MB/s=%.2f entries/s=%.0f\n", feeds.size(), bytes,
              entries, seconds, bytes / seconds / 1e6, entries / seconds);
  return 0;
}
