// The command line's ItemFilter (--since, --until, --topic, --tag, --outlet)
// turned into an ItemQuery for the archive. Pure function of its inputs and
// the time zone.
#pragma once

#include "daemon/store/archive_query.h"
#include "daemon/cli/commands.h"
#include "daemon/base/result.h"

namespace newsmon {

// Errors name the option and the text ("--since: 'yesterday' is not a time...").
Result<ItemQuery> to_item_query(const ItemFilter& filter, Instant now);

}  // namespace newsmon
