// Quality report: token P/R/F1 (tests/token_f1.h, the corpus README's
// definition) of `newsmon extract --batch` output against every page's
// expected.txt, per page and as means over the news-outlet pages, the other
// real pages, the synthetic rule pages and all pages.
// Usage: extraction_report PAGES_DIR OUT_DIR [-v]
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "../support/synthetic_pages.h"
#include "../support/token_f1.h"

namespace fs = std::filesystem;
using newsmon::test::TokenScore;

static std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return std::move(s).str();
}

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s PAGES_DIR OUT_DIR [-v]\n", argv[0]);
    return 2;
  }
  const fs::path pages = argv[1], out = argv[2];
  const bool verbose = argc > 3 && std::string(argv[3]) == "-v";
  std::set<std::string> news;
  {
    std::istringstream tsv(slurp(pages / "NEWS_OUTLETS.tsv"));
    std::string line;
    std::getline(tsv, line);
    while (std::getline(tsv, line))
      if (!line.empty()) news.insert(line.substr(0, line.find('\t')));
  }
  const std::set<std::string> synthetic(newsmon::test::kSyntheticRulePages.begin(),
                                        newsmon::test::kSyntheticRulePages.end());
  struct Sum {
    double p = 0, r = 0, f = 0, fc = 0, min_f = 1;
    int n = 0;
    void add(const TokenScore& s, const TokenScore& c) {
      p += s.precision; r += s.recall; f += s.f1; fc += c.f1; min_f = std::min(min_f, s.f1); ++n;
    }
  };
  Sum news_sum, other_sum, synthetic_sum, all_sum;
  std::vector<fs::path> dirs;
  for (const auto& e : fs::directory_iterator(pages))
    if (e.is_directory()) dirs.push_back(e.path());
  std::sort(dirs.begin(), dirs.end());
  if (verbose) std::printf("%-40s %6s %6s %6s %8s\n", "page", "P", "R", "F1", "F1-cred");
  for (const fs::path& d : dirs) {
    const std::string name = d.filename().string();
    const std::string gold = slurp(d / "expected.txt");
    const std::string got = fs::exists(out / (name + ".txt")) ? slurp(out / (name + ".txt")) : "";
    const TokenScore s = newsmon::test::token_f1(got, gold);
    const TokenScore c = newsmon::test::token_f1(got, newsmon::test::without_credit_lines(gold));
    if (verbose)
      std::printf("%-40s %6.3f %6.3f %6.3f %8.3f%s\n", name.c_str(), s.precision, s.recall, s.f1, c.f1,
                  news.count(name) ? "  (news)" : "");
    all_sum.add(s, c);
    (news.count(name) ? news_sum : synthetic.count(name) ? synthetic_sum : other_sum).add(s, c);
  }
  auto line = [](const char* label, const Sum& s) {
    if (s.n == 0) return;
    std::printf("%-24s %3d pages  P %.3f  R %.3f  F1 %.3f  (min %.3f)  F1 without photo-credit lines %.3f\n", label,
                s.n, s.p / s.n, s.r / s.n, s.f / s.n, s.min_f, s.fc / s.n);
  };
  line("news-outlet pages", news_sum);
  line("other real pages", other_sum);
  line("synthetic rule pages", synthetic_sum);
  line("all pages", all_sum);
  return 0;
}
