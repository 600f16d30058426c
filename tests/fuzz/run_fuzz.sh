#!/bin/sh
# Builds every libFuzzer target with clang 16 (ASan + UBSan, the core instrumented for coverage) in $FUZZ_BUILD_DIR
# (default build-fuzz) and runs each for $FUZZ_SECONDS (default 30) on a copy
# of its seed corpus, tests/fuzz/corpus/<stem>/. Prints the executions per
# target; exits non-zero on the first crash, leak or sanitizer report.
#   tests/fuzz/run_fuzz.sh [stem...]      e.g. run_fuzz.sh date_parser config_loader
set -eu
cd "$(dirname "$0")/../.."
BUILD=${FUZZ_BUILD_DIR:-build-fuzz}
SECONDS_EACH=${FUZZ_SECONDS:-30}
# clang 16: the first whose <expected> support (with libstdc++ 12) compiles the core.
FUZZ_CC=${FUZZ_CC:-clang-16}
FUZZ_CXX=${FUZZ_CXX:-clang++-16}
command -v "$FUZZ_CXX" >/dev/null || { echo "run_fuzz: $FUZZ_CXX is missing (apt-get install clang-16 libclang-rt-16-dev)"; exit 1; }

if [ $# -gt 0 ]; then stems="$*"; else
  stems=$(for f in tests/fuzz/*_fuzz.cpp; do basename "$f" _fuzz.cpp; done)
fi
targets=$(for s in $stems; do printf '%s_fuzz ' "$s"; done)

CC=$FUZZ_CC CXX=$FUZZ_CXX cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNEWSMON_FUZZ=ON >/dev/null
# shellcheck disable=SC2086
cmake --build "$BUILD" -j2 --target $targets

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for s in $stems; do
  mkdir -p "$work/$s"
  [ -d "tests/fuzz/corpus/$s" ] && cp -r "tests/fuzz/corpus/$s/." "$work/$s/"
  # The fixtures are seeds too, where a target reads what they hold.
  case $s in
    feed_parser) for f in tests/fixtures/feeds/*.xml tests/fixtures/feeds/edge/*.xml; do
                   [ -f "$f" ] && cp "$f" "$work/$s/fixture-$(basename "$f")"; done ;;
    article_extractor) for f in tests/fixtures/pages/*/source.html; do
                   [ -f "$f" ] && cp "$f" "$work/$s/fixture-$(basename "$(dirname "$f")").html"; done ;;
  esac
  log="$BUILD/${s}_fuzz.log"
  if ! (cd "$BUILD" && "./${s}_fuzz" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=1024 \
        -max_len=262144 -print_final_stats=1 "$work/$s" >"${s}_fuzz.log" 2>&1); then
    echo "run_fuzz: ${s}_fuzz FAILED; see $log:"
    grep -E "ERROR|SUMMARY|panic|abort|==[0-9]+==" "$log" | head -20
    exit 1
  fi
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 || true)
  echo "run_fuzz: ${s}_fuzz ok: $runs executions in ${SECONDS_EACH}s, $cov, corpus $(ls "$work/$s" | wc -l) inputs"
done
