#!/bin/sh
# Installs what newsmon needs (only what is missing), configures and builds.
#   ./bootstrap.sh          build only
#   ./bootstrap.sh run      build, poll every configured feed once, print the digest
#   ./bootstrap.sh test     build and run every test
#   ./bootstrap.sh sample   build and run the offline sample (no network needed)
# Environment: BUILD_DIR (default build), CMAKE_ARGS (extra cmake arguments).
set -eu
cd "$(dirname "$0")"
BUILD_DIR=${BUILD_DIR:-build}

PACKAGES="cmake g++ ninja-build pkg-config libcurl4-openssl-dev libgumbo-dev libsqlite3-dev
libspdlog-dev catch2 libtomlplusplus-dev libcli11-dev libre2-dev libxml2-dev libsystemd-dev
libcpp-httplib-dev nlohmann-json3-dev libpsl-dev libuchardet-dev libstemmer-dev python3-feedparser zlib1g-dev
systemd clang-16 libclang-rt-16-dev ripgrep sqlite3"

missing=""
for p in $PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "bootstrap: installing$missing"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
fi

cmake -S . -B "$BUILD_DIR" -G Ninja ${CMAKE_ARGS:-} >/dev/null
cmake --build "$BUILD_DIR"

case "${1:-build}" in
  build) ;;
  run)
    "$BUILD_DIR/newsmon" poll --once || echo "bootstrap: some feeds failed (see above)"
    "$BUILD_DIR/newsmon" digest || [ $? -eq 1 ] ;;  # 1: nothing relevant in the last day
  sample)  # a fresh archive each time: the sample is a demonstration
    rm -f "$BUILD_DIR"/sample.db "$BUILD_DIR"/sample.db-wal "$BUILD_DIR"/sample.db-shm
    "$BUILD_DIR/newsmon" --config tests/sample/feeds.toml --db "$BUILD_DIR/sample.db" poll --once
    "$BUILD_DIR/newsmon" --config tests/sample/feeds.toml --db "$BUILD_DIR/sample.db" digest --since 2019-01-01 ;;
  test)
    cd "$BUILD_DIR" && ctest --output-on-failure -j2 ;;
  *) echo "usage: $0 [build|run|test|sample]" >&2; exit 2 ;;
esac
