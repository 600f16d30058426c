// `newsmon classify FILE|URL [--explain]`: the classifier on one document, for
// writing and checking topic rules. Prints one line on stdout,
// "relevant|irrelevant<TAB>SCORE<TAB>tag1,tag2"; --explain prints on stderr
// every rule that fired.
#include <cstdio>

#include "daemon/classify/classifier.h"
#include "daemon/base/safe_text.h"
#include "daemon/cli/commands.h"
#include "daemon/cli/source_loader.h"
#include "extractors/article_extractor.h"

namespace newsmon {

namespace {

// HTML when the first thing in the file, after a BOM and blanks, is a tag.
bool looks_like_html(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  while (!text.empty() && (text.front() == ' ' || text.front() == '\n' || text.front() == '\r' ||
                           text.front() == '\t'))
    text.remove_prefix(1);
  return text.starts_with("<");
}

// Plain text: the first non-blank line is the headline, the rest the body.
void split_text(std::string_view text, std::string& title, std::string& body) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (line.find_first_not_of(" \t\r") != std::string_view::npos) {
      title = std::string(line);
      if (!title.empty() && title.back() == '\r') title.pop_back();
      body = end < text.size() ? std::string(text.substr(end + 1)) : std::string();
      return;
    }
    start = end + 1;
  }
}

}  // namespace

int run_classify_command(const GlobalOptions& global, const ClassifyOptions& options) {
  const Config config = load_command_config(global);

  const auto source = load_source(global, options.file);
  if (!source) {
    std::fprintf(stderr, "newsmon: %s\n", strip_control_characters(source.error().message).c_str());
    return kExitFailure;
  }

  std::string title, body;
  if (looks_like_html(source->bytes)) {
    const std::string html = page_html(*source);
    const Article article = extract_article(html, source->url);
    title = article.title;
    body = article.text.empty() ? html_fragment_to_text(html) : article.text;
  } else {
    split_text(source->bytes, title, body);
  }

  const Classifier classifier(config.topics, config.gazetteer);
  const Classification c = classifier.classify(title, body);

  if (options.explain)
    for (const auto& line : c.explanation)
      std::fprintf(stderr, "%s\n", strip_control_characters(line).c_str());

  std::string tags;
  for (const auto& tag : c.tags) tags += (tags.empty() ? "" : ",") + tag;
  std::printf("%s\t%.1f\t%s\n", c.relevant ? "relevant" : "irrelevant", c.score,
              strip_control_characters(tags).c_str());
  return kExitOk;
}

}  // namespace newsmon
