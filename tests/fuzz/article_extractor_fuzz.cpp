// libFuzzer target: the extractor on any bytes (decoded to UTF-8 the way
// the pipeline does) returns an Article and never crashes, hangs or leaks;
// its text is never longer than what went in.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "daemon/charset.h"
#include "extractors/article_extractor.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::string html = newsmon::html_to_utf8(input, "");
  const newsmon::Article article = newsmon::extract_article(html, "http://127.0.0.1/news/article.html");
  // Entities expand (&amp; is 5 bytes for 1), never by more than a small factor.
  if (article.text.size() > 4 * html.size() + 64) std::abort();
  return 0;
}
