#include <cstdio>

#include <spdlog/spdlog.h>

#include "daemon/cli/commands.h"
#include "daemon/poll/pipeline.h"
#include "daemon/base/safe_text.h"

namespace newsmon {

int run_poll_command(const GlobalOptions& global, const PollOptions&) {
  spdlog::set_level(spdlog::level::from_str(global.log_level.empty() ? "error" : global.log_level));
  const Config config = load_command_config(global);
  auto store = Store::open(command_database(global, config));
  if (!store) return report_archive_failure(store.error());
  const Classifier classifier(config.topics, config.gazetteer);
  auto rules = SiteRules::load_default();
  if (!rules) {
    std::fprintf(stderr, "newsmon: %s\n", rules.error().message.c_str());
    return kExitFailure;
  }
  const PipelineContext context{config, classifier, *rules};
  const auto polled = poll_feeds(context, *store, FeedSelection::all, now_instant());
  if (!polled) return report_archive_failure(polled.error());
  const PollReport& report = *polled;

  for (const auto& feed : report.feeds) {
    const std::string url = strip_control_characters(feed.url);
    if (!feed.error.empty())
      std::printf("%s\t%s\terror: %s\n", feed.outlet.c_str(), url.c_str(),
                  strip_control_characters(feed.error).c_str());
    else if (feed.not_modified)
      std::printf("%s\t%s\tnot modified\n", feed.outlet.c_str(), url.c_str());
    else
      std::printf("%s\t%s\t%d new (%d relevant) of %d entries\n", feed.outlet.c_str(), url.c_str(),
                  feed.new_items, feed.relevant_items, feed.entries);
  }
  const bool all_failed = report.failed_feeds() == int(report.feeds.size()) && !report.feeds.empty();
  return all_failed ? kExitFailure : kExitOk;
}

}  // namespace newsmon
