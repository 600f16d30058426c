#!/usr/bin/env bash
# Benchmarks of the archive readers, run by hand (not part of ctest):
#   tests/bench/readers_bench.sh [BUILD_DIR] [WORK_DIR]
# Builds (once) an archive of 100,000 generated articles (~520 MB of text)
# with tests/bench/generate_archive.cpp, exports it with
# `newsmon export --format txt`, then times in the same run:
#   - newsmon grep vs ripgrep over the export, a literal and a regex
#     (target: newsmon within 1.5x of rg), best of 3 after a warm-up;
#   - newsmon search, several queries (target: under 50 ms each);
#   - newsmon digest for the day of 2,000 items (target: under 200 ms).
# Times are wall-clock for the whole process, startup included.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$here/build}
work=${2:-/tmp/newsmon-readers-bench}
newsmon=$build/newsmon
mkdir -p "$work"
export TZ=UTC NO_COLOR=1

if [ ! -s "$work/archive.db" ]; then
  echo "building the generator and a 100,000-article archive (takes minutes)..." >&2
  g++ -O2 -std=c++2b -I"$here" "$here/tests/bench/generate_archive.cpp" "$build/libnewsmon_core.a" \
    -lsqlite3 -lspdlog -lfmt -pthread -o "$work/generate_archive"
  "$work/generate_archive" "$work/archive.db.part" 100000
  mv "$work/archive.db.part" "$work/archive.db"
fi
cat > "$work/feeds.toml" <<'TOML'
[[outlet]]
name = "The Guardian"
feeds = ["file:///dev/null"]
[[topic]]
name = "telecom vendor policy"
terms = ["Huawei"]
[[topic]]
name = "open ran"
terms = ["Open RAN"]
TOML
nm=("$newsmon" --config "$work/feeds.toml" --db "$work/archive.db")
if [ ! -d "$work/txt" ]; then
  echo "exporting to $work/txt..." >&2
  "${nm[@]}" export --format txt -o "$work/txt.part"
  mv "$work/txt.part" "$work/txt"
fi

# Milliseconds taken by a command (its output discarded, exit 1 accepted).
ms() {
  local start end
  start=$(date +%s%N)
  "$@" > /dev/null || [ $? -eq 1 ]
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}
best_of_3() {
  "$@" > /dev/null || true  # warm-up: the page cache
  local best=999999999 t
  for _ in 1 2 3; do
    t=$(ms "$@")
    [ "$t" -lt "$best" ] && best=$t
  done
  echo "$best"
}

text_mb=$(sqlite3 "$work/archive.db" "SELECT sum(length(title) + length(body)) / 1000000 FROM items")
items=$(sqlite3 "$work/archive.db" "SELECT count(*) FROM items")
echo "archive: $items items, $text_mb MB of text; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
status=0
compare() {
  local name=$1 pattern=$2
  local rg_ms nm_ms
  rg_ms=$(best_of_3 rg "$pattern" "$work/txt")
  nm_ms=$(best_of_3 "${nm[@]}" grep "$pattern")
  local ratio
  ratio=$(awk -v a="$nm_ms" -v b="$rg_ms" 'BEGIN { printf "%.2f", a / b }')
  local hits
  hits=$("${nm[@]}" grep -c "$pattern" || true)
  printf 'grep %-8s %-22s newsmon %6d ms   rg %6d ms   ratio %s (target <= 1.5)   %s items match\n' \
    "$name" "'$pattern'" "$nm_ms" "$rg_ms" "$ratio" "$hits"
  awk -v r="$ratio" 'BEGIN { exit !(r <= 1.5) }' || status=1
}
compare literal 'rip and replace'
compare regex 'ZTE [a-z]+(en|or)\b'
compare rare 'Huawei kalosen'
echo
for query in 'huawei' '"rip and replace"' 'kalo*' 'security AND operators' 'torvel OR senmi' '"high-risk vendor" NOT zte'; do
  t=$(best_of_3 "${nm[@]}" search "$query")
  printf 'search %-30s %4d ms (target < 50)\n' "'$query'" "$t"
  [ "$t" -lt 50 ] || status=1
done
echo
day_items=$(sqlite3 "$work/archive.db" "SELECT count(*) FROM items WHERE relevant = 1 AND coalesce(published, fetched) >= strftime('%s', '2024-04-30') AND coalesce(published, fetched) < strftime('%s', '2024-05-01')")
for format in text markdown json; do
  t=$(best_of_3 "${nm[@]}" digest --date 2024-04-30 --format "$format")
  printf 'digest --format %-8s (%s relevant items that day) %4d ms (target < 200)\n' "$format" "$day_items" "$t"
  [ "$t" -lt 200 ] || status=1
done
exit $status
