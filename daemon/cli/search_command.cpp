// `newsmon search`: full-text search through the FTS5 index, best matches
// first (bm25), each hit with a snippet of its text around the match.
#include <cstdio>

#include "daemon/store/archive_query.h"
#include "daemon/cli/commands.h"
#include "daemon/present/item_format.h"
#include "daemon/cli/item_query_filter.h"
#include "daemon/base/safe_text.h"
#include "daemon/present/terminal.h"

namespace newsmon {

namespace {

// The snippet's text with newlines as spaces, control characters stripped,
// and the matched terms highlighted on a colour terminal (markers removed).
std::string render_snippet(const Terminal& terminal, std::string_view snippet, bool styled) {
  std::string out;
  bool inside = false;
  while (!snippet.empty()) {
    const auto marker = snippet.find(inside ? kSnippetClose : kSnippetOpen);
    std::string part = strip_control_characters(snippet.substr(0, marker));
    std::string flat;
    for (char c : part) {
      if (c == '\n' || c == '\t') c = ' ';
      if (!(c == ' ' && !flat.empty() && flat.back() == ' ')) flat += c;
    }
    out += (inside && styled) ? terminal.match(flat) : flat;
    if (marker == std::string_view::npos) break;
    snippet.remove_prefix(marker + (inside ? kSnippetClose.size() : kSnippetOpen.size()));
    inside = !inside;
  }
  return out;
}

}  // namespace

int run_search_command(const GlobalOptions& global, const SearchOptions& options) {
  auto query = to_item_query(options.filter, now_instant());
  if (!query) {
    std::fprintf(stderr, "newsmon: search: %s\n", query.error().message.c_str());
    return kExitUsage;
  }
  query->limit = options.limit;
  query->with_body = false;
  const Config config = load_command_config(global);
  auto store = Store::open(command_database(global, config), Store::Access::read_only);
  if (!store) return report_archive_failure(store.error());
  auto hits = search_items(*store, options.query, *query);
  if (!hits && hits.error().kind == ErrorKind::storage) return report_archive_failure(hits.error());
  if (!hits) {
    std::fprintf(stderr, "newsmon: search: %s\n", strip_control_characters(hits.error().message).c_str());
    return kExitUsage;
  }
  const Terminal terminal = Terminal::detect();
  std::string out;
  for (const auto& hit : *hits) {
    if (options.json) {
      auto j = item_json(hit.item, false);
      j["snippet"] = render_snippet(terminal, hit.snippet, false);
      j["rank"] = hit.rank;
      out += json_line(j) + "\n";
      continue;
    }
    if (!out.empty()) out += "\n";
    out += item_heading(terminal, hit.item.id, hit.item.when(), hit.item.outlet, hit.item.title) + "\n";
    out += "  " + render_snippet(terminal, hit.snippet, terminal.colour) + "\n";
    out += "  " + terminal.dim(strip_control_characters(hit.item.url)) + "\n";
  }
  if (options.json) write_all(stdout, out);
  else print_paged(terminal, out);
  return hits->empty() ? kExitNothingFound : kExitOk;
}

}  // namespace newsmon
