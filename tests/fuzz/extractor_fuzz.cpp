// libFuzzer target: any bytes through the whole extractor (prefilter, Gumbo,
// scoring, metadata, JSON-LD, text) and the feed-fragment converter. Built
// by CMake only with clang: cmake -DCMAKE_CXX_COMPILER=clang++ ..., then
// ./build/extractor_fuzz -max_len=200000 tests/fixtures/pages/*/source.html
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "extractors/article_extractor.h"
#include "extractors/site_rules.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view html(reinterpret_cast<const char*>(data), size);
  const newsmon::Article a = newsmon::extract_article(html, "https://example.org/news/story.html");
  // The text contract: no blank-line runs, no trailing newline.
  if (a.text.find("\n\n\n") != std::string::npos) __builtin_trap();
  if (!a.text.empty() && a.text.back() == '\n') __builtin_trap();
  newsmon::SiteRule rule;
  rule.name = "fuzz";
  rule.body = {"article .body", "div[itemprop=articleBody]"};
  rule.remove = {"figure", ".ad"};
  (void)newsmon::extract_article(html, "", &rule);
  (void)newsmon::html_fragment_to_text(html.substr(0, 4096));
  return 0;
}
