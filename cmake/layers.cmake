# The stages of newsmon and what each may use: the one table of allowed
# dependencies. A stage is a folder (daemon/<stage>/, or extractors/) and a
# static library, newsmon_<stage>. Its files may include the headers of its
# own folder and of the stages listed for it, and nothing else of newsmon;
# CMakeLists.txt links each library to exactly these, and
# cmake/check_layering.cmake (run by every build and by CTest) fails on any
# `#include "..."` that the table does not allow.
#
# The order is bottom-up: a stage lists only stages above it in this list.
set(NEWSMON_STAGES
  base        # Result/Error, Instant, UTF-8, charset, safe text, ASCII, URL, words, logging, shared libraries
  extractors  # HTML -> Article
  config      # feeds.toml -> typed structs; paths; the topic rule language
  net         # the fetcher, curl owners, robots.txt, registrable domain
  feed        # RSS/Atom/JSON Feed -> Feed values
  classify    # scoring and tags
  store       # the item model, SQLite, the archive and its queries
  dedupe      # canonical URLs, SimHash, story placement
  poll        # the scheduler's arithmetic and a poll's pipeline
  present     # digest, item formatting, terminal, wrapping, JSON text
  service     # the daemon: signals, watchdog, the service loop
  cli         # main, the command line, one file per command
)
set(NEWSMON_USES_base)
set(NEWSMON_USES_extractors base)
set(NEWSMON_USES_config     base)
set(NEWSMON_USES_net        base config)
set(NEWSMON_USES_feed       base)
set(NEWSMON_USES_classify   base config)
set(NEWSMON_USES_store      base)
set(NEWSMON_USES_dedupe     base store)
set(NEWSMON_USES_poll       base extractors config net feed classify store dedupe)
set(NEWSMON_USES_present    base config store)
set(NEWSMON_USES_service    base extractors config net classify store poll)
set(NEWSMON_USES_cli        base extractors config net feed classify store dedupe poll present service)

# The folder of each stage, relative to the source root.
function(newsmon_stage_dir stage out)
  if(stage STREQUAL "extractors")
    set(${out} "extractors" PARENT_SCOPE)
  else()
    set(${out} "daemon/${stage}" PARENT_SCOPE)
  endif()
endfunction()
