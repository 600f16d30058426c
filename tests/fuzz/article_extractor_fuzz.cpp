// libFuzzer target: any bytes, decoded to UTF-8 the way the pipeline does,
// through the whole extractor (prefilter, Gumbo, scoring, metadata, JSON-LD,
// text), a site rule, and the feed-fragment converter: never a crash, hang or
// leak, and the text keeps its contract.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "daemon/base/charset.h"
#include "extractors/article_extractor.h"
#include "extractors/site_rules.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::string html = newsmon::html_to_utf8(input, "");
  const newsmon::Article article = newsmon::extract_article(html, "http://127.0.0.1/news/article.html");
  // Entities expand (&amp; is 5 bytes for 1), never by more than a small factor.
  if (article.text.size() > 4 * html.size() + 64) __builtin_trap();
  // Paragraphs are separated by one blank line; no trailing newline.
  if (article.text.find("\n\n\n") != std::string::npos) __builtin_trap();
  if (!article.text.empty() && article.text.back() == '\n') __builtin_trap();

  newsmon::SiteRule rule;
  rule.name = "fuzz";
  rule.body = {"article .body", "div[itemprop=articleBody]"};
  rule.remove = {"figure", ".ad"};
  (void)newsmon::extract_article(html, "", &rule);
  (void)newsmon::html_fragment_to_text(std::string_view(html).substr(0, 4096));
  return 0;
}
