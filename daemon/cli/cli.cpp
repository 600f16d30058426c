#include "daemon/cli/cli.h"

#include <cstdio>
#include <iostream>

#include <CLI/CLI.hpp>

#include "daemon/cli/commands.h"

namespace newsmon {

namespace {

void add_filter_options(CLI::App& command, ItemFilter& filter, bool with_until) {
  command.add_option("--since", filter.since, "Only items since a duration ago (24h, 7d) or a date (YYYY-MM-DD)");
  if (with_until) command.add_option("--until", filter.until, "Only items before a duration ago or a date");
  command.add_option("--topic", filter.topics, "Only items relevant to this topic (repeatable)");
  command.add_option("--tag", filter.tags, "Only items with this tag (repeatable)");
  command.add_option("--outlet", filter.outlets, "Only items from this outlet (repeatable)");
}

}  // namespace

int run_cli(int argc, char** argv) {
  CLI::App app{"newsmon: monitors news outlets for the topics you follow and keeps an archive"};
  app.name("newsmon");
  app.set_version_flag("--version", std::string("newsmon ") + NEWSMON_VERSION);
  app.require_subcommand(1);
  app.fallthrough();

  GlobalOptions global;
  app.add_option("--config", global.config, "The config file (default: $NEWSMON_CONFIG, then the XDG and /etc lookups)");
  app.add_option("--db", global.database, "The archive (default: [storage] database, $STATE_DIRECTORY, $XDG_STATE_HOME)");
  app.add_option("--log-level", global.log_level, "trace, debug, info, warn, error or off")
      ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error", "off"}));

  CheckConfigOptions check_config;
  auto* check_config_cmd = app.add_subcommand("check-config", "Validate a config file and summarise it");
  check_config_cmd->add_option("FILE", check_config.file, "The file to check (default: the config lookup)");

  PollOptions poll;
  auto* poll_cmd = app.add_subcommand("poll", "Poll every feed once and store what is new");
  poll_cmd->add_flag("--once", poll.once, "Poll once and exit (required: `run` is the daemon)")->required();

  RunOptions run;
  auto* run_cmd = app.add_subcommand("run", "Run as a daemon: poll every feed on its schedule");

  DigestOptions digest;
  auto* digest_cmd = app.add_subcommand("digest", "Show the relevant stories of the last day");
  auto* date_opt = digest_cmd->add_option("--date", digest.date, "A local calendar day, YYYY-MM-DD");
  add_filter_options(*digest_cmd, digest.filter, false);
  date_opt->excludes(digest_cmd->get_option("--since"));
  digest_cmd->add_option("--format", digest.format, "text, markdown or json")
      ->check(CLI::IsMember({"text", "markdown", "json"}));
  digest_cmd->add_flag("--write", digest.write, "Write digests/YYYY-MM-DD.md in the state directory and run [digest] command");

  ParseFeedOptions parse_feed;
  auto* parse_feed_cmd = app.add_subcommand("parse-feed", "Parse one feed file or URL and list its entries");
  parse_feed_cmd->add_option("SOURCE", parse_feed.source, "A feed file or URL")->required();
  parse_feed_cmd->add_flag("--json", parse_feed.json, "Print JSON");

  ExtractOptions extract;
  auto* extract_cmd = app.add_subcommand("extract", "Extract the article text of one HTML file or URL");
  auto* extract_source = extract_cmd->add_option("SOURCE", extract.source, "An HTML file or URL");
  extract_cmd->add_flag("--json", extract.json, "Print the text and the metadata as JSON");
  extract_cmd->add_option("--base", extract.base_url, "The URL the file was fetched from");
  std::vector<std::string> batch;
  auto* batch_opt = extract_cmd->add_option("--batch", batch, "IN_DIR OUT_DIR: write <name>.txt for each <name>.html")
                        ->expected(2);
  batch_opt->excludes(extract_source);

  ClassifyOptions classify;
  auto* classify_cmd = app.add_subcommand("classify", "Classify one text or HTML file against the topics");
  classify_cmd->add_option("FILE", classify.file, "A text or HTML file, or a URL")->required();
  classify_cmd->add_flag("--explain", classify.explain, "Print the rules that fired on stderr");

  GrepOptions grep;
  auto* grep_cmd = app.add_subcommand("grep", "Search stored titles and bodies with a regular expression");
  grep_cmd->add_option("PATTERN", grep.pattern, "An RE2 regular expression")->required();
  grep_cmd->add_flag("-i,--ignore-case", grep.ignore_case, "Ignore case");
  grep_cmd->add_flag("-w,--word-regexp", grep.word, "Match whole words only");
  grep_cmd->add_flag("-F,--fixed-strings", grep.fixed, "The pattern is a literal string");
  grep_cmd->add_flag("-l,--files-with-matches", grep.files_only, "Print only the ids and titles of matching items");
  grep_cmd->add_flag("-c,--count", grep.count, "Print only the number of matching items");
  grep_cmd->add_flag("-n,--line-number", grep.line_numbers, "Number the matching lines");
  grep_cmd->add_flag("--json", grep.json, "One JSON object per matching item");
  add_filter_options(*grep_cmd, grep.filter, true);

  SearchOptions search;
  auto* search_cmd = app.add_subcommand("search", "Full-text search of the archive, best matches first");
  search_cmd->add_option("QUERY", search.query, "Words, \"a phrase\", prefix*")->required();
  search_cmd->add_option("--limit", search.limit, "At most this many hits")->check(CLI::PositiveNumber);
  search_cmd->add_flag("--json", search.json, "One JSON object per hit");
  add_filter_options(*search_cmd, search.filter, true);

  ShowOptions show;
  auto* show_cmd = app.add_subcommand("show", "Show one stored article in full");
  show_cmd->add_option("ITEM", show.item, "An item id or URL")->required();
  show_cmd->add_flag("--json", show.json, "Print JSON");

  ExportOptions export_options;
  auto* export_cmd = app.add_subcommand("export", "Export the archive for other tools");
  export_cmd->add_option("--format", export_options.format, "jsonl or txt")
      ->check(CLI::IsMember({"jsonl", "txt"}));
  export_cmd->add_option("-o,--output", export_options.output, "A file (jsonl, default stdout) or a directory (txt)");
  add_filter_options(*export_cmd, export_options.filter, true);

  FeedsOptions feeds;
  auto* feeds_cmd = app.add_subcommand("feeds", "Show every feed's state: last success, last error, next poll");
  feeds_cmd->add_flag("--json", feeds.json, "Print JSON");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::fprintf(stderr, "newsmon: %s (see newsmon --help)\n", e.what());
    return kExitUsage;
  }
  if (!batch.empty()) {
    extract.batch_in = batch.at(0);
    extract.batch_out = batch.at(1);
  } else if (extract_cmd->parsed() && extract.source.empty()) {
    std::fprintf(stderr, "newsmon: extract needs a FILE, a URL or --batch IN_DIR OUT_DIR\n");
    return kExitUsage;
  }

  try {
    if (check_config_cmd->parsed()) return run_check_config_command(global, check_config);
    if (poll_cmd->parsed()) return run_poll_command(global, poll);
    if (run_cmd->parsed()) return run_run_command(global, run);
    if (digest_cmd->parsed()) return run_digest_command(global, digest);
    if (parse_feed_cmd->parsed()) return run_parse_feed_command(global, parse_feed);
    if (extract_cmd->parsed()) return run_extract_command(global, extract);
    if (classify_cmd->parsed()) return run_classify_command(global, classify);
    if (grep_cmd->parsed()) return run_grep_command(global, grep);
    if (search_cmd->parsed()) return run_search_command(global, search);
    if (show_cmd->parsed()) return run_show_command(global, show);
    if (export_cmd->parsed()) return run_export_command(global, export_options);
    if (feeds_cmd->parsed()) return run_feeds_command(global, feeds);
  } catch (const ConfigError& e) {
    for (const auto& line : e.errors()) std::fprintf(stderr, "%s\n", line.c_str());
    return kExitUsage;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "newsmon: %s\n", e.what());
    return kExitFailure;
  }
  return kExitUsage;
}

}  // namespace newsmon
