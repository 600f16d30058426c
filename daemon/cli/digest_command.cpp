// `newsmon digest`: the relevant stories of a day (or of --since), grouped by
// topic, as text for the terminal, Markdown for mail and notes, or JSON for
// scripts; `--write` saves the day's Markdown digest in the state directory
// and hands it to [digest] command.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <fstream>

#include "daemon/store/archive_query.h"
#include "daemon/cli/commands.h"
#include "daemon/present/digest_builder.h"
#include "daemon/present/item_format.h"
#include "daemon/cli/item_query_filter.h"
#include "daemon/present/json_text.h"
#include "daemon/config/paths.h"
#include "daemon/base/safe_text.h"
#include "daemon/present/terminal.h"
#include "daemon/present/text_wrap.h"
#include "daemon/present/time_filter.h"

extern char** environ;

namespace newsmon {

namespace {

std::string join(const std::vector<std::string>& values, std::string_view separator) {
  std::string out;
  for (const auto& v : values) {
    if (!out.empty()) out += separator;
    out += v;
  }
  return out;
}

std::string safe_join(const std::vector<std::string>& values, std::string_view separator) {
  std::vector<std::string> safe;
  for (const auto& v : values) safe.push_back(strip_control_characters(v));
  return join(safe, separator);
}

std::string summary_line(const Digest& digest) {
  const std::size_t stories = digest.story_count(), outlets = digest.outlet_count();
  return local_date_time(digest.begin) + " to " + local_date_time(digest.end) + " · " + std::to_string(stories) +
         (stories == 1 ? " story" : " stories") + " from " + std::to_string(outlets) +
         (outlets == 1 ? " outlet" : " outlets");
}

std::string render_text(const Digest& digest, const Terminal& terminal) {
  const std::size_t width = std::size_t(std::clamp(terminal.width, 20, 100));
  if (digest.story_count() == 0)
    return "No relevant stories from " + local_date_time(digest.begin) + " to " + local_date_time(digest.end) + ".\n";
  std::string out = terminal.bold("newsmon digest") + " · " + summary_line(digest) + "\n";
  for (const auto& topic : digest.topics) {
    const std::string name = strip_control_characters(topic.name);
    std::string rule;
    for (std::size_t i = 0; i < display_width(name); ++i) rule += "─";
    out += "\n" + terminal.heading(name) + "\n" + terminal.heading(rule) + "\n";
    for (const auto& story : topic.stories) {
      out += "\n";
      for (const auto& line : wrap_paragraph(strip_control_characters(story.lead.title), width))
        out += terminal.bold(line) + "\n";
      std::string meta = safe_join(story.outlets, ", ") + " · " + local_date_time(story.first);
      if (!story.tags.empty()) meta += " · " + safe_join(story.tags, ", ");
      for (const auto& line : wrap_paragraph(meta, width - 2)) out += "  " + terminal.accent(line) + "\n";
      out += wrap_text(strip_control_characters(story.extract), width, "  ");
      out += "  " + terminal.dim(strip_control_characters(story.lead.url)) + "\n";
    }
  }
  return out;
}

// Markdown's special characters in running text, escaped.
std::string markdown_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (std::string_view("\\`*_[]<>#|~").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

// A URL safe inside (...) of a Markdown link.
std::string markdown_url(std::string_view url) {
  std::string out;
  for (char c : url) {
    switch (c) {
      case ' ': out += "%20"; break;
      case '(': out += "%28"; break;
      case ')': out += "%29"; break;
      case '<': out += "%3C"; break;
      case '>': out += "%3E"; break;
      default: out += c;
    }
  }
  return out;
}

std::string one_line(std::string text) {
  for (char& c : text)
    if (c == '\n' || c == '\t') c = ' ';
  return text;
}

std::string render_markdown(const Digest& digest, const std::string& day) {
  std::string out = "# newsmon digest: " + day + "\n\n" + summary_line(digest) + "\n";
  if (digest.story_count() == 0) out += "\nNo relevant stories.\n";
  for (const auto& topic : digest.topics) {
    out += "\n## " + markdown_escape(one_line(strip_control_characters(topic.name))) + "\n";
    for (const auto& story : topic.stories) {
      out += "\n### [" + markdown_escape(one_line(strip_control_characters(story.lead.title))) + "](" +
             markdown_url(one_line(strip_control_characters(story.lead.url))) + ")\n\n";
      out += "*" + markdown_escape(one_line(safe_join(story.outlets, ", "))) + "* · " + local_date_time(story.first);
      if (!story.tags.empty()) out += " · " + markdown_escape(one_line(safe_join(story.tags, ", ")));
      out += "\n";
      if (!story.extract.empty()) out += "\n" + markdown_escape(one_line(strip_control_characters(story.extract))) + "\n";
      if (story.items.size() > 1) {
        out += "\n";
        for (const auto& item : story.items) {
          if (item.id == story.lead.id) continue;
          out += "- " + markdown_escape(one_line(strip_control_characters(item.outlet))) + ": [" +
                 markdown_escape(one_line(strip_control_characters(item.title))) + "](" +
                 markdown_url(one_line(strip_control_characters(item.url))) + ")\n";
        }
      }
    }
  }
  return out;
}

// Written as text, not built as a JSON tree: a day has thousands of items.
// The same bytes as json_line() of the tree {since, topics: [{name, stories:
// [{extract, first_seen, items, outlets, score, story_id, tags, title, url}]}],
// until} (keys sorted, as nlohmann writes them).
std::string render_json(const Digest& digest) {
  std::string out;
  append_json_key(out += '{', "since", true);
  append_json_string(out, to_rfc3339(digest.begin));
  append_json_key(out, "topics");
  out += '[';
  for (std::size_t t = 0; t < digest.topics.size(); ++t) {
    const auto& topic = digest.topics[t];
    if (t > 0) out += ',';
    append_json_key(out += '{', "name", true);
    append_json_string(out, topic.name);
    append_json_key(out, "stories");
    out += '[';
    for (std::size_t i = 0; i < topic.stories.size(); ++i) {
      const auto& story = topic.stories[i];
      if (i > 0) out += ',';
      append_json_key(out += '{', "extract", true);
      append_json_string(out, story.extract);
      append_json_key(out, "first_seen");
      append_json_string(out, to_rfc3339(story.first));
      append_json_key(out, "items");
      out += '[';
      for (std::size_t k = 0; k < story.items.size(); ++k) {
        if (k > 0) out += ',';
        append_item_json(out, story.items[k], false);
      }
      out += ']';
      append_json_key(out, "outlets");
      append_json_strings(out, story.outlets);
      append_json_key(out, "score");
      append_json_double(out, story.best_score);
      append_json_key(out, "story_id");
      append_json_integer(out, story.story_id);
      append_json_key(out, "tags");
      append_json_strings(out, story.tags);
      append_json_key(out, "title");
      append_json_string(out, story.lead.title);
      append_json_key(out, "url");
      append_json_string(out, story.lead.url);
      out += '}';
    }
    out += "]}";
  }
  out += ']';
  append_json_key(out, "until");
  append_json_string(out, to_rfc3339(digest.end));
  out += "}\n";
  return harmless_json(std::move(out));
}

// Writes `text` to `path` through a temporary file and a rename.
Result<void> write_file_atomically(const std::filesystem::path& path, const std::string& text) {
  std::error_code ec;
  std::filesystem::create_directories(path.parent_path(), ec);
  if (ec) return fail(ErrorKind::io, path.parent_path().string() + ": " + ec.message());
  const auto temporary = path.string() + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) return fail(ErrorKind::io, temporary + ": cannot write");
  }
  std::filesystem::rename(temporary, path, ec);
  if (ec) return fail(ErrorKind::io, path.string() + ": " + ec.message());
  return {};
}

// Runs `/bin/sh -c command` with `file` on its standard input; its exit status.
int run_with_stdin(const std::string& command, const std::filesystem::path& file) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, file.c_str(), O_RDONLY, 0);
  const char* argv[] = {"sh", "-c", command.c_str(), nullptr};
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, "/bin/sh", &actions, nullptr, const_cast<char**>(argv), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) return -1;
  int status = 0;
  while (waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}

}  // namespace

int run_digest_command(const GlobalOptions& global, const DigestOptions& options) {
  if (options.format != "text" && options.format != "markdown" && options.format != "json") {
    std::fprintf(stderr, "newsmon: digest: --format must be text, markdown or json, not '%s'\n", options.format.c_str());
    return kExitUsage;
  }
  const Config config = load_command_config(global);
  const Instant now = now_instant();
  auto query = to_item_query(options.filter, now);
  if (!query) {
    std::fprintf(stderr, "newsmon: digest: %s\n", query.error().message.c_str());
    return kExitUsage;
  }
  std::string day = local_date(now);
  if (!options.date.empty()) {
    auto range = local_day(options.date);
    if (!range) {
      std::fprintf(stderr, "newsmon: digest: --date: %s\n", range.error().message.c_str());
      return kExitUsage;
    }
    query->since = range->begin;
    query->until = range->end;
    day = options.date;
  } else {
    if (!query->since) query->since = now - config.digest.window;
    query->until = now;
  }
  query->relevant_only = true;

  const auto database = command_database(global, config);
  auto store = Store::open(database, Store::Access::read_only);
  if (!store) return report_archive_failure(store.error());
  auto items = query_items(*store, *query);
  if (!items) return report_archive_failure(items.error());
  std::vector<std::string> topic_order;
  for (const auto& topic : config.topics) topic_order.push_back(topic.name);
  const Digest digest = build_digest(std::move(*items), topic_order, *query->since, *query->until);

  if (options.write) {
    const auto path = state_directory(database) / "digests" / (day + ".md");
    if (auto written = write_file_atomically(path, render_markdown(digest, day)); !written) {
      std::fprintf(stderr, "newsmon: digest: %s\n", written.error().message.c_str());
      return kExitFailure;
    }
    if (!config.digest.command.empty()) {
      const int status = run_with_stdin(config.digest.command, path);
      if (status != 0) {
        std::fprintf(stderr, "newsmon: digest: [digest] command '%s' failed with status %d on %s\n",
                     config.digest.command.c_str(), status, path.c_str());
        return kExitFailure;
      }
    }
    return kExitOk;
  }

  const Terminal terminal = Terminal::detect();
  if (options.format == "json") write_all(stdout, render_json(digest));
  else if (options.format == "markdown") print_paged(terminal, render_markdown(digest, day));
  else print_paged(terminal, render_text(digest, terminal));
  return kExitOk;
}

}  // namespace newsmon
