#!/bin/sh
# Builds every libFuzzer target (tests/fuzz/*_fuzz.cpp) with clang, ASan and
# UBSan, and runs each for a while, seeded from tests/fixtures.
#
#   tests/fuzz/run_fuzz.sh [SECONDS] [TARGET...]
#
# SECONDS per target (default 30); TARGETs default to every *_fuzz.cpp.
# Environment: CXX (default: the newest clang++ that can build newsmon;
# clang 14 cannot, as libstdc++ 12 hides std::expected from it),
# FUZZ_BUILD_DIR (default build-fuzz).
# Exits non-zero when a target finds a crash; the input that triggers it is
# saved under $FUZZ_BUILD_DIR/artifacts/ and can be replayed with
# `$FUZZ_BUILD_DIR/TARGET FILE`.
set -eu
cd "$(dirname "$0")/../.."

SECONDS_PER_TARGET=${1:-30}
[ $# -gt 0 ] && shift
BUILD_DIR=${FUZZ_BUILD_DIR:-build-fuzz}

# The seeds of each target: a directory under tests/fixtures. Add a line here
# with a new target; targets not listed are seeded from tests/fixtures/<stem>
# when it exists (feed_parser_fuzz -> tests/fixtures/feed_parser), else from
# all of tests/fixtures.
seed_dir() {
  case "$1" in
    feed_parser_fuzz) echo tests/fixtures/feeds ;;
    *)
      stem=${1%_fuzz}
      if [ -d "tests/fixtures/$stem" ]; then echo "tests/fixtures/$stem"; else echo tests/fixtures; fi ;;
  esac
}

if [ -z "${CXX:-}" ]; then
  for candidate in clang++-19 clang++-18 clang++-17 clang++-16 clang++; do
    if command -v "$candidate" >/dev/null 2>&1; then CXX=$candidate; break; fi
  done
fi
[ -n "${CXX:-}" ] || { echo "run_fuzz: no clang++ found (apt-get install clang-16 libclang-rt-16-dev)" >&2; exit 2; }
export CXX

if [ $# -eq 0 ]; then
  set --
  for source in tests/fuzz/*_fuzz.cpp; do
    set -- "$@" "$(basename "$source" .cpp)"
  done
fi

cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$BUILD_DIR" -j2 --target "$@"

status=0
for target in "$@"; do
  seeds=$(seed_dir "$target")
  corpus="$BUILD_DIR/corpus/$target"
  artifacts="$BUILD_DIR/artifacts"
  mkdir -p "$corpus" "$artifacts"
  dict=""
  [ -f "tests/fuzz/$target.dict" ] && dict="-dict=tests/fuzz/$target.dict"
  echo "run_fuzz: $target for ${SECONDS_PER_TARGET}s, seeds from $seeds"
  # New inputs go to $corpus (kept between runs); $seeds is only read.
  if ! "$BUILD_DIR/$target" -max_total_time="$SECONDS_PER_TARGET" -timeout=10 -rss_limit_mb=2048 \
      -max_len=131072 -print_final_stats=1 -artifact_prefix="$artifacts/$target-" $dict "$corpus" "$seeds"; then
    echo "run_fuzz: $target FAILED; see $artifacts/" >&2
    status=1
  fi
done
exit $status
