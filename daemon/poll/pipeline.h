// The pipeline of DESIGN.md, once over a set of feeds: fetch each feed, parse
// it, take the entries not yet stored, fetch their article pages, extract,
// classify, tag, drop what is already stored by canonical URL, fold
// duplicates and stories, store. The only file that calls every stage.
// All transfers run on one Fetcher in the calling thread; each feed's items
// and its new state are committed together, when its last page is in.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "daemon/classify/classifier.h"
#include "daemon/config/config.h"
#include "daemon/net/fetcher.h"
#include "daemon/store/store.h"
#include "extractors/site_rules.h"

namespace newsmon {

struct FeedReport {
  std::string outlet;
  std::string url;
  int entries = 0;        // in the document
  int new_items = 0;      // stored by this poll
  int relevant_items = 0;
  bool not_modified = false;
  bool skipped = false;   // retired, or not due
  std::string error;      // empty on success
};

struct PollReport {
  std::vector<FeedReport> feeds;
  int new_items() const;
  int failed_feeds() const;
};

// What a poll needs, built once per config (and again on reload).
struct PipelineContext {
  const Config& config;
  const Classifier& classifier;
  const SiteRules& site_rules;
};

// Which feeds to poll: all of them (poll --once), or those due at `now` (run).
enum class FeedSelection { all, due };

// Polls the selected feeds. Feed and page failures are reported in the
// PollReport; a storage failure (disk full) stops the poll, rolls back that
// feed's transaction and is returned instead (what earlier feeds committed
// stays). The poll's transfers run as `run_transfers(fetcher)` when it is
// set (it must call fetcher.run()), so the caller can make the Fetcher
// reachable by a stop signal for exactly that long; else as fetcher.run().
Result<PollReport> poll_feeds(const PipelineContext& context, Store& store, FeedSelection selection,
                              Instant now, const std::function<void(Fetcher&)>& run_transfers = {});

}  // namespace newsmon
