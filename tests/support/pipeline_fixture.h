// What a test needs to run a poll through the whole pipeline: a loopback
// HTTP server to serve feeds and pages, a temp dir for the archive, a config
// tuned for loopback, and the default site rules. The test adds routes and
// outlets, then polls; the classifier is built from the config at each poll,
// so a test may change the config's topics or outlets between polls.
// Not thread-safe (the server's handlers run on its own threads; guard what
// they share with the test).
#pragma once

#include <filesystem>
#include <functional>
#include <string>

#include "daemon/poll/pipeline.h"
#include "support/loopback_server.h"
#include "support/temp_dir.h"

namespace newsmon::test {

// The shipped feeds.toml's topics and tags, with no outlets and HTTP tuned
// for loopback: no delay between requests to a host, robots.txt not asked
// for, a 2 s connect timeout and a 5 s transfer timeout.
Config loopback_config();

// Adds an outlet `name` with the one feed `feed_url`.
void add_outlet(Config& config, const std::string& name, const std::string& feed_url);

class PipelineFixture {
 public:
  PipelineFixture();

  LoopbackServer server;
  TempDir dir;
  Config config = loopback_config();
  const SiteRules rules;

  // The archive file the fixture's polls use by default: dir/newsmon.db.
  std::filesystem::path database() const { return dir / "newsmon.db"; }
  Store open_store() const;
  // Polls every feed of `config` into `store` (FeedSelection::all);
  // `run_transfers` as for poll_feeds (to stop the poll or pin addresses).
  PollReport poll(Store& store, Instant now = now_instant(),
                  const std::function<void(Fetcher&)>& run_transfers = {}) const;
};

// The report of `outlet`'s feed; throws when the poll has none.
const FeedReport& report_for(const PollReport& report, const std::string& outlet);

}  // namespace newsmon::test
