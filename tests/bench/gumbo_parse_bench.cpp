// Gumbo alone: parses every <name>.html of a directory with gumbo_parse and
// frees the tree, timing only parse + destroy (files are read beforehand),
// the yardstick for `newsmon extract --batch` in extract_bench.sh.
// Build: g++ -O2 -std=c++20 gumbo_parse_bench.cpp $(pkg-config --cflags --libs gumbo)
#include <gumbo.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s DIR [ROUNDS]\n", argv[0]);
    return 2;
  }
  const int rounds = argc > 2 ? std::max(1, std::atoi(argv[2])) : 1;
  std::vector<std::string> pages;
  std::vector<std::filesystem::path> paths;
  for (const auto& e : std::filesystem::directory_iterator(argv[1]))
    if (e.path().extension() == ".html") paths.push_back(e.path());
  std::sort(paths.begin(), paths.end());
  std::size_t bytes = 0;
  for (const auto& p : paths) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    pages.push_back(std::move(s).str());
    bytes += pages.back().size();
  }
  double best_ms = 1e30;
  for (int r = 0; r < rounds; ++r) {
    const auto start = std::chrono::steady_clock::now();
    for (const std::string& page : pages) {
      GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, page.data(), page.size());
      gumbo_destroy_output(&kGumboDefaultOptions, out);
    }
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    best_ms = std::min(best_ms, ms);
  }
  const double mb = double(bytes) / 1e6;
  std::printf("%zu pages, %.1f MB, %.1f ms parsing (%.2f ms/page, %.1f MB/s)\n", pages.size(), mb, best_ms,
              best_ms / double(pages.size()), mb / (best_ms / 1000.0));
  return 0;
}
