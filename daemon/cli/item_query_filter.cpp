#include "daemon/cli/item_query_filter.h"

#include "daemon/present/time_filter.h"

namespace newsmon {

Result<ItemQuery> to_item_query(const ItemFilter& filter, Instant now) {
  ItemQuery query;
  if (!filter.since.empty()) {
    auto since = parse_time_bound(filter.since, now);
    if (!since) return fail(ErrorKind::parse, "--since: " + since.error().message);
    query.since = *since;
  }
  if (!filter.until.empty()) {
    auto until = parse_time_bound(filter.until, now);
    if (!until) return fail(ErrorKind::parse, "--until: " + until.error().message);
    query.until = *until;
  }
  query.topics = filter.topics;
  query.tags = filter.tags;
  query.outlets = filter.outlets;
  return query;
}

}  // namespace newsmon
