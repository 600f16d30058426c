#!/bin/sh
# Extraction speed over every corpus page (tests/fixtures/pages/*/source.html),
# in one run: newsmon extract --batch, Gumbo alone (parse + free, the floor
# the extractor must not exceed), readability-lxml (python3-readability) and
# Mozilla Readability on node (jsdom). Each tool times only its own work on
# pages already in memory; newsmon and Gumbo take the best of 3 rounds.
#
#   tests/bench/extract_bench.sh [BUILD_DIR]     (default: build)
#
# Mozilla Readability needs, once: (cd tests/bench/readability && npm install)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build}
newsmon=$build/newsmon
[ -x "$newsmon" ] || { echo "no $newsmon: build it first" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/in"
for d in "$root"/tests/fixtures/pages/*/; do
  name=$(basename "$d")
  ln -s "$d/source.html" "$work/in/$name.html"
done

g++ -O2 -std=c++20 "$here/gumbo_parse_bench.cpp" $(pkg-config --cflags --libs gumbo) -o "$work/gumbo_parse_bench"

# "N pages, X MB, T ms ... (A ms/page, B MB/s)" -> T
ms_of() { sed -n 's/.* MB, \([0-9.]*\) ms.*/\1/p'; }

best=""
for round in 1 2 3; do
  line=$("$newsmon" extract --batch "$work/in" "$work/out")
  t=$(echo "$line" | ms_of)
  if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then best=$t; newsmon_line=$line; fi
done
gumbo_line=$("$work/gumbo_parse_bench" "$work/in" 3)
lxml_line=$(/usr/bin/python3 "$here/run_readability_lxml.py" "$work/in" 2>/dev/null || echo "failed: is python3-readability installed?")
if [ -d "$here/readability/node_modules/@mozilla/readability" ]; then
  node_line=$(node "$here/readability/run_readability.js" "$work/in")
else
  node_line="not installed: (cd tests/bench/readability && npm install)"
fi

echo "newsmon extract --batch : $newsmon_line"
echo "gumbo parse alone       : $gumbo_line"
echo "readability-lxml        : $lxml_line"
echo "Mozilla Readability     : $node_line"
n=$(echo "$newsmon_line" | ms_of)
for peer in "gumbo parse alone:$gumbo_line" "readability-lxml:$lxml_line" "Mozilla Readability:$node_line"; do
  label=${peer%%:*}
  t=$(echo "${peer#*:}" | ms_of)
  [ -n "$t" ] && printf '%-22s takes %6.2fx the time of newsmon extract\n' "$label" "$(echo "$t / $n" | bc -l)"
done
