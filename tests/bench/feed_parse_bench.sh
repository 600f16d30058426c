#!/bin/sh
# Feed parse throughput, newsmon against python3-feedparser, in the same run
# on the same files (the 27 real corpus feeds, 2 MB), each parser in-process
# in a loop after a warm-up. Prints MB/s and entries/s for both and the ratio.
# Both measure process CPU time, not wall time: the figures hold on a busy machine.
#
#   tests/bench/feed_parse_bench.sh [REPEAT]     (default 20; feedparser runs REPEAT/10+1)
#
# Builds its harness (the feed_parse_bench target; a RelWithDebInfo build is
# -O2) and needs /usr/bin/python3 with python3-feedparser.
# Environment: BUILD_DIR (default build).
set -eu
cd "$(dirname "$0")/../.."
BUILD_DIR=${BUILD_DIR:-build}
REPEAT=${1:-20}
PY_REPEAT=$((REPEAT / 10 + 1))

cmake --build "$BUILD_DIR" --target feed_parse_bench >/dev/null
harness="$BUILD_DIR/feed_parse_bench"

set -- tests/fixtures/feeds/*.xml
ours=$("$harness" "$REPEAT" "$@")
theirs=$(/usr/bin/python3 tests/bench/feedparser_bench.py "$PY_REPEAT" "$@")
echo "$ours"
echo "$theirs"
field() { echo "$1" | tr ' ' '\n' | sed -n "s|^$2=||p"; }
awk -v a="$(field "$ours" MB/s)" -v b="$(field "$theirs" MB/s)" \
    -v c="$(field "$ours" entries/s)" -v d="$(field "$theirs" entries/s)" \
    'BEGIN { printf "ratio newsmon/feedparser: %.1fx MB/s, %.1fx entries/s\n", a / b, c / d }'
