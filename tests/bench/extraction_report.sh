#!/bin/sh
# Extraction quality over the whole corpus: runs `newsmon extract --batch` on
# every tests/fixtures/pages/*/source.html and prints token precision, recall
# and F1 (the corpus README's bag-of-tokens definition, tests/token_f1.h)
# per group and over all pages; -v lists every page.
#
#   tests/bench/extraction_report.sh [-v] [BUILD_DIR]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
verbose=""
[ "${1:-}" = "-v" ] && { verbose=-v; shift; }
build=${1:-$root/build}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/in"
for d in "$root"/tests/fixtures/pages/*/; do
  ln -s "$d/source.html" "$work/in/$(basename "$d").html"
done
g++ -O2 -std=c++20 "$here/extraction_report.cpp" -o "$work/report"
"$build/newsmon" extract --batch "$work/in" "$work/out" >/dev/null
"$work/report" "$root/tests/fixtures/pages" "$work/out" $verbose
