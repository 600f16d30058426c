#include "daemon/poll/pipeline.h"

#include <map>
#include <memory>
#include <random>
#include <set>

#include <spdlog/spdlog.h>

#include "daemon/base/charset.h"
#include "daemon/feed/feed_parser.h"
#include "daemon/base/log_setup.h"
#include "daemon/net/robots_txt.h"
#include "daemon/poll/scheduler.h"
#include "daemon/dedupe/simhash.h"
#include "daemon/dedupe/story_placer.h"
#include "daemon/dedupe/url_canonicalizer.h"
#include "extractors/article_extractor.h"

namespace newsmon {

int PollReport::new_items() const {
  int n = 0;
  for (const auto& f : feeds) n += f.new_items;
  return n;
}

int PollReport::failed_feeds() const {
  int n = 0;
  for (const auto& f : feeds) n += f.error.empty() ? 0 : 1;
  return n;
}

namespace {

// A page that yields less than this share of the feed's own text is a stub or a paywall.
constexpr double kStubRatio = 0.6;

bool is_file_url(std::string_view url) { return url.substr(0, 7) == "file://"; }

// One feed's poll in flight: its entries waiting for their pages.
struct FeedJob {
  const OutletConfig* outlet = nullptr;
  FeedState state;
  FeedReport* report = nullptr;
  PollOutcome outcome;
  std::vector<FeedEntry> new_entries;
  std::vector<Result<FetchResponse>> pages;  // one per new entry, in order
  std::vector<bool> robots_disallowed;       // one per new entry: robots.txt said no
  // The new entries (by index) whose pages are not in yet. Filled before the
  // first page is requested; the feed commits when it becomes empty.
  std::set<std::size_t> pages_awaited;
};

// robots.txt for one poll, per origin: the rules once known, and the pages
// that wait for them. Lives on the poll's thread, with its Fetcher. A
// failure of the robots.txt cache in the store goes to `storage_failed`.
class RobotsGate {
 public:
  RobotsGate(const HttpConfig& http, Store& store, Fetcher& fetcher, Instant now,
             std::function<void(Error)> storage_failed)
      : token_(product_token(http.user_agent)), store_(store), fetcher_(fetcher), now_(now),
        storage_failed_(std::move(storage_failed)) {}

  // Calls `then` with the origin's robots.txt: from this poll's memory, from
  // the store when fetched less than a day ago, or fetched now (once per
  // origin however many pages wait for it). 4xx allows everything; 5xx and
  // no answer disallow everything for this poll, uncached (RFC 9309 2.3.1).
  void with_robots(const std::string& origin, std::optional<std::chrono::milliseconds> delay,
                   std::function<void(const RobotsTxt&)> then) {
    Origin& known = origins_[origin];
    if (known.rules) return then(*known.rules);
    known.waiting.push_back(std::move(then));
    if (known.waiting.size() > 1) return;  // already on its way
    const auto stored = store_.robots_txt(origin);
    if (!stored) return storage_failed_(stored.error());
    const auto& cached = *stored;
    if (cached && now_ - cached->fetched < std::chrono::days(1) && cached->fetched <= now_)
      return settle(origin, RobotsTxt::parse(cached->body, token_));
    FetchRequest request{origin + "/robots.txt", "", "", false, delay};
    fetcher_.add(std::move(request), [this, origin](const FetchRequest& r, Result<FetchResponse> response) {
      on_response(origin, r, response);
    });
  }

 private:
  struct Origin {
    std::optional<RobotsTxt> rules;
    std::vector<std::function<void(const RobotsTxt&)>> waiting;
  };

  void on_response(const std::string& origin, const FetchRequest& request, const Result<FetchResponse>& response) {
    if (response && response->status < 300) {
      const std::string body = response->body.substr(0, 500 * 1024);
      if (auto saved = store_.save_robots_txt(origin, body, now_); !saved) return storage_failed_(saved.error());
      return settle(origin, RobotsTxt::parse(body, token_));
    }
    if (response && response->status < 500 && response->status != 429) {
      if (auto saved = store_.save_robots_txt(origin, "", now_); !saved) return storage_failed_(saved.error());
      return settle(origin, RobotsTxt::allow_all());
    }
    spdlog::warn("{}: unreachable ({}); its pages are not fetched this poll", request.url,
                 response ? "HTTP " + std::to_string(response->status) : response.error().message);
    settle(origin, RobotsTxt::disallow_all());
  }

  void settle(const std::string& origin, RobotsTxt rules) {
    Origin& known = origins_[origin];
    known.rules = std::move(rules);
    auto waiting = std::move(known.waiting);
    known.waiting.clear();
    for (auto& then : waiting) then(*known.rules);
  }

  const std::string token_;
  Store& store_;
  Fetcher& fetcher_;
  Instant now_;
  std::function<void(Error)> storage_failed_;
  std::map<std::string, Origin> origins_;
};

// The new item an entry makes before its page is read: the feed's own fields.
Item item_from_entry(const FeedJob& job, const FeedEntry& entry, Instant now) {
  Item item;
  item.feed_url = job.state.url;
  item.entry_id = entry.id;
  item.outlet = job.outlet->name;
  item.url = entry.link;
  item.title = entry.title;
  item.authors = entry.authors;
  item.published = entry.published ? entry.published : entry.updated;
  item.fetched = now;
  item.summary = html_fragment_to_text(entry.summary);
  return item;
}

// Fills what the feed left empty from the article, and takes the page's URL.
void add_article(Item& item, const Article& article, const std::string& final_url) {
  if (item.title.empty()) item.title = article.title;
  if (item.authors.empty()) item.authors = article.authors;
  if (!item.published) item.published = article.published;
  item.language = article.language;
  item.site_name = article.site_name;
  item.image = article.image;
  item.credited_outlets = article.credited_outlets;
  if (!final_url.empty()) item.url = final_url;
}

// The body: the page's text, unless it is a stub or a paywall next to the
// feed's own text (keep the longer), or there is none (the summary).
void choose_body(Item& item, std::string page_text, const FeedEntry& entry) {
  std::string feed_text = html_fragment_to_text(entry.content);
  item.body = std::move(page_text);
  if (feed_text.size() > 0 && double(item.body.size()) < kStubRatio * double(feed_text.size())) {
    item.body = std::move(feed_text);
    item.body_source = "feed-content";
  }
  if (item.body.empty()) {
    item.body = item.summary;
    item.body_source = "feed-summary";
  }
}

void classify_item(Item& item, const Classifier& classifier) {
  const Classification c = classifier.classify(item.title, item.body);
  item.score = c.score;
  item.relevant = c.relevant;
  item.topics = c.relevant_topics();
  item.tags = c.tags;
  // The fingerprint is the body's: a republished copy often carries a headline of its own.
  item.simhash = simhash(item.body.empty() ? item.title : item.body);
}

// One poll's feeds on one Fetcher. A feed's poll runs as these steps, each
// started by the one before (from the Fetcher's callbacks):
//   start_feed -> on_feed_response -> take_new_entries -> request_pages
//   -> (request_page -> robots -> fetch_page -> settle_page) per page
//   -> commit, once no page is awaited (or at once, for a failed or unchanged feed).
class Poll {
 public:
  Poll(const PipelineContext& context, Store& store, Instant now)
      : context_(context), store_(store), now_(now), fetcher_(context.config.http),
        random_(std::random_device{}()), story_placer_(store),
        robots_(context.config.http, store, fetcher_, now, [this](Error error) { storage_failed(std::move(error)); }) {}

  Fetcher& fetcher() { return fetcher_; }
  // The storage failure that stopped this poll, if one did.
  const std::optional<Error>& storage_error() const { return storage_error_; }

  void start_feed(const OutletConfig& outlet, const std::string& url, FeedReport& report) {
    auto job = std::make_shared<FeedJob>();
    job->outlet = &outlet;
    auto state = store_.feed_state(url, outlet.name);
    if (!state) return storage_failed(state.error());
    job->state = std::move(*state);
    job->report = &report;
    FetchRequest request{job->state.fetch_url, job->state.etag, job->state.last_modified,
                         is_file_url(url), outlet.host_delay};
    fetcher_.add(std::move(request), [this, job](const FetchRequest&, Result<FetchResponse> response) {
      on_feed_response(job, std::move(response));
    });
  }

 private:
  void on_feed_response(const std::shared_ptr<FeedJob>& job, Result<FetchResponse> response) {
    if (storage_error_) return;
    job->outcome.at = now_;
    if (!response) return finish_failed(job, response.error().message, 0);
    record_response(job->outcome, *response);
    if (response->not_modified()) {
      job->outcome.success = true;
      job->outcome.etag = job->state.etag;
      job->outcome.last_modified = job->state.last_modified;
      job->report->not_modified = true;
      return commit(job);
    }
    if (response->status >= 400)
      return finish_failed(job, "HTTP " + std::to_string(response->status), response->status);
    auto feed = parse_feed(response->body, response->final_url, response->charset);
    if (!feed) return finish_failed(job, feed.error().message, response->status);
    job->outcome.success = true;
    job->outcome.etag = response->etag;
    job->outcome.last_modified = response->last_modified;
    job->outcome.feed_ttl = feed->ttl ? feed->ttl : feed->update_period;
    if (!feed->title.empty()) job->state.title = feed->title;
    job->report->entries = int(feed->entries.size());
    take_new_entries(*job, feed->entries);
    if (storage_error_) return;
    request_pages(job);
  }

  static void record_response(PollOutcome& outcome, const FetchResponse& response) {
    outcome.status = response.status;
    outcome.final_url = response.final_url;
    outcome.permanent_redirect = response.permanent_redirect;
    outcome.retry_after = response.retry_after;
    outcome.max_age = response.max_age;
  }

  // Keeps the entries this feed has not stored yet (once each, by id); every
  // entry's date counts for the schedule.
  void take_new_entries(FeedJob& job, std::vector<FeedEntry>& entries) {
    std::set<std::string> ids;
    for (auto& entry : entries) {
      if (entry.published) job.outcome.entry_times.push_back(*entry.published);
      if (entry.id.empty() || !ids.insert(entry.id).second) continue;
      auto known = store_.has_entry(job.state.url, entry.id);
      if (!known) return storage_failed(known.error());
      if (*known) continue;
      job.new_entries.push_back(std::move(entry));
    }
    job.pages.resize(job.new_entries.size(), fail(ErrorKind::refused, "not fetched"));
    job.robots_disallowed.resize(job.new_entries.size(), false);
  }

  // Requests the pages of the new entries that have one to fetch; commits
  // at once when there is none.
  void request_pages(const std::shared_ptr<FeedJob>& job) {
    std::vector<std::size_t> wanted;
    for (std::size_t i = 0; i < job->new_entries.size(); ++i) {
      const auto& entry = job->new_entries[i];
      if (!job->outlet->fetch_articles || entry.link.empty()) continue;
      auto stored = store_.item_id_for_url(canonicalize_url(entry.link));
      if (!stored) return storage_failed(stored.error());
      if (*stored) continue;  // another feed had it
      wanted.push_back(i);
    }
    // All awaited before the first request, so a page settled at once cannot commit early.
    job->pages_awaited = std::set<std::size_t>(wanted.begin(), wanted.end());
    if (wanted.empty()) return commit(job);
    for (const std::size_t i : wanted) request_page(job, i);
  }

  // Fetches an article page unless its site's robots.txt disallows it; then
  // the entry is stored from the feed's own content, marked so.
  void request_page(const std::shared_ptr<FeedJob>& job, std::size_t i) {
    // A local feed may point at local pages; a remote one never at file: URLs.
    FetchRequest page{job->new_entries[i].link, "", "", is_file_url(job->state.url), job->outlet->host_delay};
    const std::string origin = robots_origin(page.url);
    if (!context_.config.http.respect_robots_txt || origin.empty()) return fetch_page(job, i, std::move(page));
    const auto delay = page.host_delay;
    robots_.with_robots(origin, delay, [this, job, i, page = std::move(page)](const RobotsTxt& robots) mutable {
      if (robots.allows(robots_path(page.url))) return fetch_page(job, i, std::move(page));
      job->robots_disallowed[i] = true;
      settle_page(job, i, fail(ErrorKind::refused, page.url + ": disallowed by robots.txt"));
    });
  }

  void fetch_page(const std::shared_ptr<FeedJob>& job, std::size_t i, FetchRequest page) {
    fetcher_.add(std::move(page), [this, job, i](const FetchRequest&, Result<FetchResponse> response) {
      settle_page(job, i, std::move(response));
    });
  }

  // Page i is in (or will never be); the last one awaited commits the feed.
  void settle_page(const std::shared_ptr<FeedJob>& job, std::size_t i, Result<FetchResponse> page) {
    job->pages[i] = std::move(page);
    if (job->pages_awaited.erase(i) == 1 && job->pages_awaited.empty()) commit(job);
  }

  void finish_failed(const std::shared_ptr<FeedJob>& job, const std::string& error, long status) {
    job->outcome.success = false;
    job->outcome.status = status;
    job->outcome.error = error;
    job->report->error = error;
    LogFields fields{{"FEED_URL", job->state.url}, {"HTTP_STATUS", std::to_string(status)}};
    spdlog::warn("feed {}: {}", job->state.url, error);
    commit(job);
  }

  Item build_item(const FeedJob& job, const FeedEntry& entry, const Result<FetchResponse>& page) {
    Item item = item_from_entry(job, entry, now_);
    std::string rel_canonical;
    std::string page_text;
    if (page && page->status < 400) {
      Article article = extract_page(job, *page);
      page_text = std::move(article.text);
      rel_canonical = article.canonical_url;
      add_article(item, article, page->final_url);
    } else if (page) {
      item.fetch_error = "HTTP " + std::to_string(page->status);
    } else if (job.outlet->fetch_articles && !entry.link.empty()) {
      item.fetch_error = page.error().message;
    }
    choose_body(item, std::move(page_text), entry);
    if (item.url.empty()) item.url = job.state.url + "#" + entry.id;
    item.canonical_url = canonicalize_url(item.url, rel_canonical);
    classify_item(item, context_.classifier);
    return item;
  }

  // The article in a fetched page, with the outlet's site rule or the one for its URL.
  Article extract_page(const FeedJob& job, const FetchResponse& page) const {
    const auto html = html_to_utf8(page.body, page.charset);
    const SiteRule* rule = job.outlet->extractor_rules.empty()
                               ? context_.site_rules.find_for_url(page.final_url)
                               : context_.site_rules.find_by_name(job.outlet->extractor_rules);
    return extract_article(html, page.final_url, rule);
  }

  // Stores a feed's new items and its state in one transaction.
  void commit(const std::shared_ptr<FeedJob>& job) {
    // A poll cut short by a stop is abandoned whole: its pages came back as
    // errors that say nothing about them, and its entries must stay unseen so
    // that the next run fetches them again. Nothing of this feed is saved.
    if (fetcher_.stopped()) {
      job->report->error = "stopped before the feed's pages were in";
      return;
    }
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    record_poll(job->state, job->outcome, context_.config.schedule, job->outlet->poll_interval, unit(random_));

    // An error returns before commit(): the batch rolls back as it goes out of scope.
    auto batch = store_.begin_batch();
    if (!batch) return storage_failed(batch.error());
    if (auto saved = store_.save_feed_state(job->state); !saved) return storage_failed(saved.error());
    for (std::size_t i = 0; i < job->new_entries.size(); ++i)
      if (auto stored = store_entry(*job, i); !stored) return storage_failed(stored.error());
    if (auto committed = batch->commit(); !committed) return storage_failed(committed.error());
    job->new_entries.clear();
    job->pages.clear();
  }

  // Inside the feed's transaction: entry i as a new item, or remembered as
  // the item already stored under its canonical URL.
  Result<void> store_entry(FeedJob& job, std::size_t i) {
    const FeedEntry& entry = job.new_entries[i];
    Item item = build_item(job, entry, job.pages[i]);
    item.robots_disallowed = job.robots_disallowed[i];
    auto existing = store_.item_id_for_url(item.canonical_url);
    if (!existing) return std::unexpected(existing.error());
    if (*existing) return store_.remember_entry(job.state.url, entry.id, **existing);
    if (auto placed = story_placer_.place(item, now_); !placed) return std::unexpected(placed.error());
    if (auto inserted = store_.insert_item(item); !inserted) return std::unexpected(inserted.error());
    job.report->new_items += 1;
    job.report->relevant_items += item.relevant ? 1 : 0;
    return {};
  }

  // The poll's first storage failure stops it: the fetcher stops, so no
  // later feed is committed (commit() skips a stopped poll), and poll_feeds
  // returns the failure.
  void storage_failed(Error error) {
    if (!storage_error_) storage_error_ = std::move(error);
    fetcher_.stop();
  }

  const PipelineContext& context_;
  Store& store_;
  Instant now_;
  Fetcher fetcher_;
  std::mt19937_64 random_;
  StoryPlacer story_placer_;
  RobotsGate robots_;
  std::optional<Error> storage_error_;
};

// Whether `state`'s feed sits this poll out; says why in `report`.
bool sits_out(const FeedState& state, FeedSelection selection, Instant now, FeedReport& report) {
  const bool due = !state.next_poll || *state.next_poll <= now;
  if (!state.retired && (selection == FeedSelection::all || due)) return false;
  report.skipped = true;
  if (state.retired) report.error = "retired: the server said it is gone (410)";
  return true;
}

}  // namespace

Result<PollReport> poll_feeds(const PipelineContext& context, Store& store, FeedSelection selection,
                              Instant now, const std::function<void(Fetcher&)>& run_transfers) {
  PollReport report;
  std::size_t count = 0;
  for (const auto& outlet : context.config.outlets) count += outlet.feeds.size();
  report.feeds.reserve(count);  // FeedJobs point into it

  Poll poll(context, store, now);
  for (const auto& outlet : context.config.outlets) {
    for (const auto& url : outlet.feeds) {
      FeedReport& feed_report = report.feeds.emplace_back();
      feed_report.outlet = outlet.name;
      feed_report.url = url;
      const auto state = store.feed_state(url, outlet.name);
      if (!state) return std::unexpected(state.error());
      if (sits_out(*state, selection, now, feed_report)) continue;
      poll.start_feed(outlet, url, feed_report);
    }
  }
  if (run_transfers) run_transfers(poll.fetcher());
  else poll.fetcher().run();
  if (poll.storage_error()) return std::unexpected(*poll.storage_error());
  return report;
}

}  // namespace newsmon
