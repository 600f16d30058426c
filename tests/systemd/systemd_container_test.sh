#!/bin/sh
# Proves the system unit under a real systemd: boots a minimal Debian bookworm
# in systemd-nspawn with the built newsmon, its hardened unit and a config of
# file:// feeds, and checks from inside that
#   1. newsmon.service becomes active (Type=notify: only after READY=1) and
#      its status line is the daemon's STATUS=;
#   2. `systemctl reload` (ExecReload, SIGHUP) keeps it active and is logged;
#      an invalid config on reload is logged and the service stays active;
#   3. `systemctl stop` ends it cleanly: exit status 0, result "success";
#   4. the archive is in /var/lib/newsmon (StateDirectory, DynamicUser).
# Not in CI (it needs root and a few minutes the first time); run by hand:
#   sudo tests/systemd/systemd_container_test.sh build/newsmon
# The root file system is made once with debootstrap (apt-get install
# debootstrap systemd-container) in $NEWSMON_NSPAWN_ROOT (default
# /var/tmp/newsmon-nspawn/root) and reused.
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
binary=$(realpath "${1:?usage: $0 NEWSMON_BINARY}")
root=${NEWSMON_NSPAWN_ROOT:-/var/tmp/newsmon-nspawn/root}
mirror=${DEBIAN_MIRROR:-$(sed -n 's/^URIs: *//p' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -1)}
mirror=${mirror:-http://deb.debian.org/debian}

# newsmon's run-time libraries on bookworm, and procps for ExecReload=/bin/kill.
runtime="libcurl4 libsqlite3-0 libgumbo1 libre2-9 libxml2 libpsl5 libuchardet0 libstemmer0d libspdlog1.10
libfmt9 libsystemd0 libtomlplusplus3 procps"

for tool in debootstrap systemd-nspawn; do
  command -v $tool >/dev/null || { echo "$tool is missing: apt-get install debootstrap systemd-container"; exit 1; }
done

if [ ! -x "$root/lib/systemd/systemd" ]; then
  echo "container: debootstrap bookworm into $root from $mirror"
  mkdir -p "$(dirname "$root")"
  debootstrap --variant=minbase \
    --include="systemd,systemd-sysv,dbus,$(echo $runtime | tr ' ' ,)" \
    bookworm "$root" "$mirror" >"$root.debootstrap.log" 2>&1 || { tail "$root.debootstrap.log"; exit 1; }
fi

install -m 0755 "$binary" "$root/usr/bin/newsmon"
if chroot "$root" ldd /usr/bin/newsmon | grep -q "not found" || [ ! -x "$root/bin/kill" ]; then
  echo "container: installing the run-time libraries"
  cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
  # shellcheck disable=SC2086
  chroot "$root" sh -c "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(echo $runtime)" \
    >"$root.apt.log" 2>&1 || { tail "$root.apt.log"; exit 1; }
fi
if chroot "$root" ldd /usr/bin/newsmon | grep -q "not found"; then
  echo "container: libraries missing in the container:"; chroot "$root" ldd /usr/bin/newsmon | grep "not found"
  exit 1
fi
install -m 0644 "$here/systemd/newsmon.service" "$root/etc/systemd/system/newsmon.service"
# The site rules: where `cmake --install` puts them depends on the build's prefix,
# so point the service at them with a drop-in, as a packager could.
rm -rf "$root/etc/systemd/system/newsmon.service.d"
if [ -f "$here/extractors/site_rules.toml" ]; then
  install -D -m 0644 "$here/extractors/site_rules.toml" "$root/usr/share/newsmon/site_rules.toml"
  mkdir -p "$root/etc/systemd/system/newsmon.service.d"
  printf '[Service]\nEnvironment=NEWSMON_SITE_RULES=/usr/share/newsmon/site_rules.toml\n' \
    > "$root/etc/systemd/system/newsmon.service.d/site-rules.conf"
fi
mkdir -p "$root/etc/newsmon" "$root/srv/feeds" "$root/etc/systemd/system/multi-user.target.wants"
cp "$here/tests/fixtures/service/feed.xml" "$root/srv/feeds/feed.xml"
chmod 0644 "$root/srv/feeds/feed.xml"
cat > "$root/etc/newsmon/feeds.toml" <<'EOF'
[schedule]
min_interval = "1m"
default_interval = "5m"
[[outlet]]
name = "Local"
fetch_articles = false
feeds = ["file:///srv/feeds/feed.xml"]
[[topic]]
name = "telecom vendor policy"
terms = ["Huawei", "ZTE"]
threshold = 1.0
EOF
chmod 0644 "$root/etc/newsmon/feeds.toml"
rm -f "$root/result" "$root/var/lib/newsmon" 2>/dev/null || true
rm -rf "$root/var/lib/private/newsmon"

# The checks run inside, as a unit started after boot; they power the container off.
cat > "$root/usr/local/bin/newsmon-check" <<'EOF'
#!/bin/sh
out=/result
say() { echo "$*" >> $out; }
fail() { say "FAIL: $*"; journalctl -u newsmon --no-pager >> $out 2>&1; systemctl poweroff; exit 1; }
i=0
while [ "$(systemctl is-active newsmon)" != active ]; do
  i=$((i+1)); [ $i -gt 60 ] && fail "newsmon did not become active: $(systemctl is-active newsmon)"
  sleep 1
done
say "ok: active after READY=1 ($(systemctl show -p StatusText --value newsmon))"
sleep 2
pid=$(systemctl show -p MainPID --value newsmon)
systemctl reload newsmon || fail "reload failed"
sleep 1
[ "$(systemctl is-active newsmon)" = active ] || fail "not active after reload"
[ "$(systemctl show -p MainPID --value newsmon)" = "$pid" ] || fail "reload restarted the process"
journalctl -u newsmon --no-pager | grep -q "reloaded /etc/newsmon/feeds.toml" || fail "reload not logged"
say "ok: reloaded in place (pid $pid)"
cp /etc/newsmon/feeds.toml /tmp/good.toml
echo 'bogus_key = 1' >> /etc/newsmon/feeds.toml
systemctl reload newsmon || fail "reload with a bad config failed"
sleep 1
[ "$(systemctl is-active newsmon)" = active ] || fail "not active after a bad reload"
journalctl -u newsmon --no-pager -p err | grep -q "is invalid; the running config stays in force" \
  || fail "bad config not logged at error priority"
say "ok: invalid config on reload logged at priority err, service still active"
cp /tmp/good.toml /etc/newsmon/feeds.toml
[ -f /var/lib/newsmon/newsmon.db ] || fail "no archive in /var/lib/newsmon"
say "ok: archive at /var/lib/newsmon/newsmon.db, directory uid $(stat -c %u:%a /var/lib/private/newsmon)"
fields=$(journalctl -u newsmon --no-pager -o verbose FEED_URL=file:///srv/feeds/feed.xml | grep -c -e '^ *FEED_URL=' -e '^ *HTTP_STATUS=')
[ "$fields" -ge 2 ] || fail "no journal entries with FEED_URL= and HTTP_STATUS= fields"
say "ok: journal entries carry FEED_URL= and HTTP_STATUS= ($fields fields)"
start=$(date +%s%N)
systemctl stop newsmon
end=$(date +%s%N)
result=$(systemctl show -p Result --value newsmon)
status=$(systemctl show -p ExecMainStatus --value newsmon)
[ "$result" = success ] && [ "$status" = 0 ] || fail "stop: Result=$result ExecMainStatus=$status"
say "ok: stopped cleanly in $(( (end - start) / 1000000 )) ms (Result=$result, exit $status)"
journalctl -u newsmon --no-pager -o cat > /journal.txt 2>&1
say "DONE"
systemctl poweroff
EOF
chmod 0755 "$root/usr/local/bin/newsmon-check"
cat > "$root/etc/systemd/system/newsmon-check.service" <<'EOF'
[Unit]
Description=newsmon container checks
After=multi-user.target newsmon.service
[Service]
Type=oneshot
ExecStart=/usr/local/bin/newsmon-check
[Install]
WantedBy=multi-user.target
EOF
ln -sf /etc/systemd/system/newsmon.service "$root/etc/systemd/system/multi-user.target.wants/newsmon.service"
ln -sf /etc/systemd/system/newsmon-check.service "$root/etc/systemd/system/multi-user.target.wants/newsmon-check.service"

echo "container: booting"
started=$(date +%s)
timeout 300 systemd-nspawn -q -D "$root" -b --register=no --keep-unit --private-network \
  --machine=newsmon-test >"$root.boot.log" 2>&1 </dev/null || true
echo "container: powered off after $(( $(date +%s) - started )) s"
if [ ! -f "$root/result" ]; then
  echo "FAIL: the checks never ran; boot log:"; tail -40 "$root.boot.log"; exit 1
fi
cat "$root/result"
grep -q '^DONE$' "$root/result" && ! grep -q '^FAIL' "$root/result"
