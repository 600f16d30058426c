#!/usr/bin/env python3
"""Soak: days of polling compressed into minutes, against a faulty server.

Runs `newsmon run` for --minutes against a loopback feed farm
(tests/service/loopback_feeds.py) whose feeds keep growing and whose answers fail
--fault-rate of the time (500, 503, 429, slow, truncated, garbage, dropped).
Every interval in the config is 1 s, so each feed is polled about once a
second where the shipped config polls it every 30 minutes: one minute of soak
is about 30 hours of polling. Samples the daemon's VmRSS and open file
descriptors every --every seconds and fails if, after the first minute of
warm-up, memory grows by more than 10 % (and 2 MiB) or the descriptors by
more than 2. Finally stops it with SIGTERM (exit 0 expected) and checks the
archive's integrity.

    tests/service/soak_test.py build/newsmon [--minutes 5] [--feeds 20] [--fault-rate 0.2]
"""

import argparse
import os
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from loopback_feeds import FeedFarm  # noqa: E402


def sample(pid):
    with open("/proc/%d/status" % pid) as f:
        rss = int(re.search(r"VmRSS:\s+(\d+) kB", f.read()).group(1))
    fds = len(os.listdir("/proc/%d/fd" % pid))
    return rss, fds


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("binary")
    parser.add_argument("--minutes", type=float, default=5)
    parser.add_argument("--feeds", type=int, default=20)
    parser.add_argument("--fault-rate", type=float, default=0.2)
    parser.add_argument("--every", type=float, default=10)
    parser.add_argument("--warmup", type=float, default=60)
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix="newsmon-soak-")
    config = os.path.join(work, "feeds.toml")
    database = os.path.join(work, "archive.db")
    log_path = os.path.join(work, "soak.log")
    with FeedFarm(args.feeds, max_items=10**6, start_items=5, grow_every=3.0, fault_rate=args.fault_rate,
                  window=25) as farm:
        feeds = ", ".join('"%s"' % u for u in farm.feed_urls())
        with open(config, "w") as f:
            f.write("[http]\nhost_delay = \"0s\"\ntimeout = \"5s\"\nconnect_timeout = \"2s\"\n"
                    "low_speed_time = \"3s\"\n"
                    "[schedule]\ndefault_interval = \"1s\"\nmin_interval = \"1s\"\nmax_interval = \"2s\"\n"
                    "max_backoff = \"3s\"\n"
                    "[[outlet]]\nname = \"Loopback\"\nfeeds = [%s]\n"
                    "[[topic]]\nname = \"telecom vendor policy\"\nterms = [\"Huawei\", \"ZTE\"]\n"
                    "threshold = 1.0\n" % feeds)
        with open(log_path, "w") as log:
            daemon = subprocess.Popen([args.binary, "--config", config, "--db", database, "--log-level", "info",
                                       "run"], stdout=subprocess.DEVNULL, stderr=log)
        started = time.monotonic()
        samples = []
        end = started + args.minutes * 60
        while time.monotonic() < end:
            time.sleep(args.every)
            if daemon.poll() is not None:
                print("FAIL: the daemon exited with %d during the soak; see %s" % (daemon.returncode, log_path))
                sys.exit(1)
            rss, fds = sample(daemon.pid)
            t = time.monotonic() - started
            samples.append((t, rss, fds))
            print("t=%4.0fs VmRSS %6d kB  fds %3d  requests %6d  faults %5d" % (t, rss, fds, farm.requests,
                                                                               farm.faults), flush=True)
        daemon.send_signal(signal.SIGTERM)
        code = daemon.wait(timeout=10)

    with open(log_path) as f:
        text = f.read()
    polls = len(re.findall(r"polled \d+ feeds", text))
    feed_polls = sum(int(n) for n in re.findall(r"polled (\d+) feeds", text))
    db = sqlite3.connect(database)
    integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
    items = db.execute("SELECT count(*) FROM items").fetchone()[0]
    db.close()
    after = [s for s in samples if s[0] >= args.warmup] or samples
    rss0, rss1 = after[0][1], after[-1][1]
    fds0, fds1 = after[0][2], after[-1][2]
    peak = max(s[1] for s in after)
    simulated_hours = feed_polls / max(1, args.feeds) * 0.5
    print("soak: %.1f min, %d polls (%d feed polls, ~%.0f h of 30-min polling per feed), %d requests, "
          "%d faults, %d items, integrity %s, exit %d" % (args.minutes, polls, feed_polls, simulated_hours,
                                                         farm.requests, farm.faults, items, integrity, code))
    print("soak: after warm-up VmRSS %d -> %d kB (peak %d), fds %d -> %d" % (rss0, rss1, peak, fds0, fds1))
    ok = (integrity == "ok" and code == 0 and fds1 - fds0 <= 2
          and (rss1 - rss0 <= max(2048, rss0 // 10)))
    print("soak: %s" % ("ok" if ok else "FAIL"))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
