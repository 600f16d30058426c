// HtmlDocument: one parsed HTML page. It owns the UTF-8 text handed to Gumbo
// and the GumboOutput built from it (the text must outlive the tree, so both
// live and die together here); this is the only file that calls
// gumbo_parse / gumbo_destroy_output.
//
// Before parsing, a cheap byte scan (prefilter_html) removes what no
// extractor needs parsed: <script>, <style>, <svg>, <nav>, <footer>,
// <aside>, <select>,
// <noscript>, <template>, <iframe>, <canvas> and HTML comments, which are most
// of a modern news page's bytes. The JSON-LD scripts (type
// application/ld+json) are kept aside, unparsed, for the metadata and
// articleBody. The scan also caps element nesting (kMaxNesting) and the input
// size (kMaxParsedBytes), so hostile pages cannot make Gumbo quadratic or
// exhaust memory. Neither copyable nor movable (the tree points into the input); immutable after construction, so a
// const HtmlDocument may be read from several threads.
#pragma once

#include <gumbo.h>

#include <string>
#include <string_view>
#include <vector>

namespace newsmon {

// What the prefilter keeps: the slimmed HTML and the raw JSON-LD blocks.
struct PrefilteredHtml {
  std::string html;
  std::vector<std::string> json_ld;
};

// Elements nested deeper than this (by a tag count of the source) lose their
// tags, not their text.
inline constexpr int kMaxNesting = 512;
// Bytes handed to Gumbo after prefiltering; the rest of a larger page is cut
// at a tag boundary. No article needs more.
inline constexpr std::size_t kMaxParsedBytes = 4 * 1024 * 1024;

PrefilteredHtml prefilter_html(std::string_view html);

class HtmlDocument {
 public:
  // Parses `html` (UTF-8; invalid bytes become U+FFFD in Gumbo's text).
  // Never fails: any input gives a tree with at least html/head/body.
  explicit HtmlDocument(std::string_view html);
  ~HtmlDocument();
  HtmlDocument(const HtmlDocument&) = delete;
  HtmlDocument& operator=(const HtmlDocument&) = delete;

  const GumboNode* root() const { return output_ ? output_->root : nullptr; }
  // The <head> and <body> elements (null only if Gumbo had no memory).
  const GumboNode* head() const;
  const GumboNode* body() const;
  const std::vector<std::string>& json_ld() const { return input_.json_ld; }
  // Bytes actually parsed (after prefiltering).
  std::size_t parsed_size() const { return input_.html.size(); }

 private:
  PrefilteredHtml input_;  // must outlive output_
  GumboOutput* output_ = nullptr;
};

// Small read-only helpers over Gumbo nodes, used by every extractor file.
std::string_view attribute(const GumboNode* node, const char* name);
bool is_element(const GumboNode* node, GumboTag tag);

}  // namespace newsmon
