#include "support/pipeline_fixture.h"

#include <stdexcept>

namespace newsmon::test {

Config loopback_config() {
  Config config = load_config(std::string(NEWSMON_SOURCE_DIR) + "/feeds.toml");
  config.http.host_delay = std::chrono::milliseconds{0};
  config.http.connect_timeout = std::chrono::seconds{2};
  config.http.timeout = std::chrono::seconds{5};
  config.http.respect_robots_txt = false;
  config.outlets.clear();
  return config;
}

void add_outlet(Config& config, const std::string& name, const std::string& feed_url) {
  OutletConfig outlet;
  outlet.name = name;
  outlet.feeds = {feed_url};
  config.outlets.push_back(outlet);
}

PipelineFixture::PipelineFixture() : rules(SiteRules::load_default().value()) {}

Store PipelineFixture::open_store() const { return Store::open(database()).value(); }

PollReport PipelineFixture::poll(Store& store, Instant now, const std::function<void(Fetcher&)>& run_transfers) const {
  const Classifier classifier(config.topics, config.gazetteer);
  return poll_feeds(PipelineContext{config, classifier, rules}, store, FeedSelection::all, now, run_transfers).value();
}

const FeedReport& report_for(const PollReport& report, const std::string& outlet) {
  for (const auto& feed : report.feeds)
    if (feed.outlet == outlet) return feed;
  throw std::runtime_error("no report for " + outlet);
}

}  // namespace newsmon::test
