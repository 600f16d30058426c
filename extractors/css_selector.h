// CssSelector: the small CSS subset site rules are written in: type
// (`article`), class (`.body`), id (`#story`), attribute (`[itemprop]`,
// `[data-x=y]`, `[class*=body]`, `[class^=a]`, `[class$=b]`), compounds of
// those (`div.article-body[data-gu-name=body]`), descendant combinators
// (`main .story p`) and comma lists. Parsed once; matching is read-only and
// thread-safe.
#pragma once

#include <gumbo.h>

#include <string>
#include <string_view>
#include <vector>

#include "daemon/base/result.h"
#include "extractors/page_tree.h"

namespace newsmon {

class CssSelector {
 public:
  static Result<CssSelector> parse(std::string_view text);
  bool matches(const PageTree& tree, std::size_t node) const;
  const std::string& text() const { return text_; }

 private:
  struct AttributeTest {
    std::string name;
    char op = 0;  // 0: present, '=': equals, '*': contains, '^': prefix, '$': suffix, '~': word
    std::string value;
  };
  struct Compound {
    std::string tag;  // lowercase; empty: any
    std::vector<std::string> classes;
    std::string id;
    std::vector<AttributeTest> attributes;
  };
  using Complex = std::vector<Compound>;  // descendant chain, outermost first

  static bool matches_compound(const Compound& c, const GumboNode* node);
  std::string text_;
  std::vector<Complex> alternatives_;
};

}  // namespace newsmon
