// `newsmon extract FILE|URL [--json] [--base URL]` and
// `newsmon extract --batch IN_DIR OUT_DIR`: the extractor on its own, for
// checking a page by hand and for evaluating over a corpus at speed.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>

#include "daemon/base/safe_text.h"
#include "daemon/cli/commands.h"
#include "daemon/cli/source_loader.h"
#include "daemon/present/json_text.h"
#include "extractors/article_extractor.h"
#include "extractors/site_rules.h"

namespace newsmon {
namespace {

nlohmann::json to_json(const Article& a, std::string_view url) {
  auto clean = [](const std::string& s) { return strip_control_characters(s); };
  nlohmann::json j;
  j["url"] = clean(std::string(url));
  j["title"] = clean(a.title);
  j["authors"] = nlohmann::json::array();
  for (const auto& name : a.authors) j["authors"].push_back(clean(name));
  j["published"] = json_time(a.published);
  j["modified"] = json_time(a.modified);
  j["canonical_url"] = clean(a.canonical_url);
  j["site_name"] = clean(a.site_name);
  j["language"] = clean(a.language);
  j["description"] = clean(a.description);
  j["image"] = clean(a.image);
  j["credited_outlets"] = nlohmann::json::array();
  for (const auto& o : a.credited_outlets) j["credited_outlets"].push_back(clean(o));
  j["text"] = clean(a.text);
  return j;
}

int run_batch(const ExtractOptions& options, const SiteRules& rules) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(options.batch_in, ec)) {
    std::fprintf(stderr, "newsmon: %s: not a directory\n", strip_control_characters(options.batch_in).c_str());
    return kExitFailure;
  }
  fs::create_directories(options.batch_out, ec);
  if (ec) {
    std::fprintf(stderr, "newsmon: %s: %s\n", strip_control_characters(options.batch_out).c_str(), ec.message().c_str());
    return kExitFailure;
  }
  std::vector<fs::path> inputs;
  for (const auto& entry : fs::directory_iterator(options.batch_in, ec))
    if (entry.path().extension() == ".html" && entry.is_regular_file(ec)) inputs.push_back(entry.path());
  std::sort(inputs.begin(), inputs.end());
  const SiteRule* base_rule = options.base_url.empty() ? nullptr : rules.find_for_url(options.base_url);
  std::size_t bytes = 0;
  int failures = 0;
  std::chrono::nanoseconds spent{0};
  for (const fs::path& input : inputs) {
    auto source = load_file(input);
    if (!source) {
      std::fprintf(stderr, "newsmon: %s\n", strip_control_characters(source.error().message).c_str());
      ++failures;
      continue;
    }
    bytes += source->bytes.size();
    const std::string html = page_html(*source);  // decoded as `extract FILE` decodes it
    const auto start = std::chrono::steady_clock::now();
    const Article article = extract_article(html, options.base_url, base_rule);
    spent += std::chrono::steady_clock::now() - start;
    const fs::path output = fs::path(options.batch_out) / (input.stem().string() + ".txt");
    std::ofstream out(output, std::ios::binary);
    out << article.text;
    if (!article.text.empty()) out << '\n';
    if (!out) {
      std::fprintf(stderr, "newsmon: %s: cannot write\n", strip_control_characters(output.string()).c_str());
      ++failures;
    }
  }
  const double ms = std::chrono::duration<double, std::milli>(spent).count();
  const double mb = double(bytes) / 1e6;
  std::printf("%zu pages, %.1f MB, %.1f ms extracting (%.2f ms/page, %.1f MB/s)\n", inputs.size(), mb, ms,
              inputs.empty() ? 0.0 : ms / double(inputs.size()), ms > 0 ? mb / (ms / 1000.0) : 0.0);
  return failures > 0 ? kExitFailure : kExitOk;
}

}  // namespace

int run_extract_command(const GlobalOptions& global, const ExtractOptions& options) {
  auto rules = SiteRules::load_default();
  if (!rules) {
    std::fprintf(stderr, "newsmon: %s\n", strip_control_characters(rules.error().message).c_str());
    return kExitFailure;
  }
  if (!options.batch_in.empty()) return run_batch(options, *rules);

  auto source = load_source(global, options.source);
  if (!source) {
    std::fprintf(stderr, "newsmon: %s\n", strip_control_characters(source.error().message).c_str());
    return kExitFailure;
  }
  const std::string html = page_html(*source);
  // A file is extracted without a base URL unless --base gives one.
  std::string url = options.base_url;
  if (url.empty() && !source->from_path) url = source->url;
  const SiteRule* rule = url.empty() ? nullptr : rules->find_for_url(url);
  const Article article = extract_article(html, url, rule);
  if (options.json) {
    const std::string out =
        to_json(article, url).dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
    std::printf("%s\n", out.c_str());
  } else {
    const std::string text = strip_control_characters(article.text);
    if (!text.empty()) std::printf("%s\n", text.c_str());
  }
  return kExitOk;
}

}  // namespace newsmon
