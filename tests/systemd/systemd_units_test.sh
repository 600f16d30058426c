#!/bin/sh
# Static checks of the systemd units (registered with CTest):
#   - `systemd-analyze verify` prints nothing for each unit in systemd/ and
#     systemd/user/ (the ExecStart binary is pointed at the one just built);
#   - `systemd-analyze security --offline=true --threshold=20` accepts the
#     system service: an exposure score of 2.0 or better.
# Usage: tests/systemd/systemd_units_test.sh NEWSMON_BINARY
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
binary=${1:?usage: $0 NEWSMON_BINARY}
command -v systemd-analyze >/dev/null || { echo "systemd-analyze is missing (apt-get install systemd)"; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/system" "$work/user" "$work/run" "$work/home"
chmod 0700 "$work/run"
for unit in "$here"/systemd/*.service "$here"/systemd/*.timer; do
  [ -e "$unit" ] || continue
  sed "s|/usr/bin/newsmon|$binary|g" "$unit" > "$work/system/$(basename "$unit")"
done
for unit in "$here"/systemd/user/*.service "$here"/systemd/user/*.timer; do
  [ -e "$unit" ] || continue
  sed "s|/usr/bin/newsmon|$binary|g" "$unit" > "$work/user/$(basename "$unit")"
done

status=0
for unit in "$work"/system/*; do
  out=$(cd "$work/system" && SYSTEMD_LOG_COLOR=0 systemd-analyze verify --man=no "./$(basename "$unit")" 2>&1) || true
  if [ -n "$out" ]; then echo "FAIL verify $(basename "$unit"):"; echo "$out"; status=1
  else echo "ok   verify $(basename "$unit")"; fi
done
for unit in "$work"/user/*; do
  # A user manager needs a runtime directory, even one made up for the check.
  out=$(cd "$work/user" && XDG_RUNTIME_DIR="$work/run" HOME="$work/home" SYSTEMD_LOG_COLOR=0 \
        systemd-analyze verify --user --man=no "./$(basename "$unit")" 2>&1) || true
  if [ -n "$out" ]; then echo "FAIL verify --user $(basename "$unit"):"; echo "$out"; status=1
  else echo "ok   verify --user $(basename "$unit")"; fi
done

if out=$(systemd-analyze security --offline=true --threshold=20 --no-pager "$work/system/newsmon.service" 2>&1); then
  echo "ok   security: $(printf '%s\n' "$out" | grep 'Overall exposure')"
else
  echo "FAIL security (threshold 2.0):"; printf '%s\n' "$out" | grep -v '✓'; status=1
fi
exit $status
