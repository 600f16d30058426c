#!/bin/sh
# The duplicate and story check of a new item against a large archive.
# usage: tests/bench/dedupe_bench.sh [ITEMS] [PER_DAY] [PROBES]
#   defaults: 1000000 items, 500 a day (a 4-day story window of ~2000 items),
#   1000 probes. The archive is generated once into $TMPDIR and reused.
set -eu
cd "$(dirname "$0")/../.."
items=${1:-1000000}
per_day=${2:-500}
probes=${3:-1000}
cmake -S . -B build -G Ninja >/dev/null
cmake --build build -j2 --target dedupe_bench >/dev/null
archive="${TMPDIR:-/tmp}/newsmon-dedupe-bench-$items-$per_day.db"
./build/dedupe_bench "$archive" "$items" "$per_day" "$probes"
echo "(archive kept at $archive; delete it to regenerate)"
