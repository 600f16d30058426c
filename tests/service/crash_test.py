#!/usr/bin/env python3
"""Crash test: nothing committed is ever lost, nothing is stored twice.

Starts `newsmon run` against a loopback feed farm (tests/service/loopback_feeds.py)
whose feeds keep growing, kills it with SIGKILL at random moments (--kills
times, 50 by default), and restarts it each time. After every kill it reads
the archive and checks:
  - PRAGMA integrity_check is ok;
  - every item seen committed after an earlier kill is still there;
  - no feed's validators were saved without the items they covered: a feed
    whose stored ETag is "N-K" has entries feedN-item0 .. feedN-item(K-1);
  - no entry and no item is stored twice.
At the end it lets the daemon run until every feed is complete, stops it with
SIGTERM (it must exit 0 within 5 s), and checks that every item the farm ever
served is present exactly once, and that the daemon's own "N new" reports
never exceed what the archive holds.

    tests/service/crash_test.py build/newsmon [--kills 50] [--feeds 12] [--max-wait 4] [--seed 1]

Prints one line per kill and a summary; exits 1 on the first violation.
Not part of ctest (it takes a minute or two); run it by hand or in a soak job.
"""

import argparse
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from loopback_feeds import FeedFarm  # noqa: E402


def write_config(path, farm, fetch_articles=True):
    feeds = ", ".join('"%s"' % u for u in farm.feed_urls())
    with open(path, "w") as f:
        f.write(
            "[http]\nhost_delay = \"0s\"\ntimeout = \"10s\"\nconnect_timeout = \"2s\"\nmax_connections = 8\n"
            "[schedule]\ndefault_interval = \"1s\"\nmin_interval = \"1s\"\nmax_interval = \"2s\"\n"
            "max_backoff = \"2s\"\n"
            "[[outlet]]\nname = \"Loopback\"\nfetch_articles = %s\nfeeds = [%s]\n"
            "[[topic]]\nname = \"telecom vendor policy\"\nterms = [\"Huawei\", \"ZTE\", \"5G\"]\n"
            "threshold = 1.0\n" % ("true" if fetch_articles else "false", feeds))


class Archive:
    def __init__(self, path):
        self.path = path

    def read(self):
        """(integrity, {(feed_url, entry_id): canonical_url}, {feed_url: etag}, duplicates)"""
        db = sqlite3.connect("file:%s?mode=ro" % self.path, uri=True, timeout=10)
        try:
            integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
            entries = {}
            for feed_url, entry_id, canonical in db.execute(
                    "SELECT f.url, e.entry_id, i.canonical_url FROM entries e "
                    "JOIN feeds f ON f.id = e.feed_id JOIN items i ON i.id = e.item_id"):
                entries[(feed_url, entry_id)] = canonical
            etags = dict(db.execute("SELECT url, etag FROM feeds"))
            dup_items = db.execute(
                "SELECT count(*) FROM (SELECT canonical_url FROM items GROUP BY canonical_url "
                "HAVING count(*) > 1)").fetchone()[0]
            dup_entries = db.execute(
                "SELECT count(*) FROM (SELECT feed_id, entry_id FROM entries GROUP BY feed_id, entry_id "
                "HAVING count(*) > 1)").fetchone()[0]
            items = db.execute("SELECT count(*) FROM items").fetchone()[0]
            return integrity, entries, etags, dup_items + dup_entries, items
        finally:
            db.close()


def feed_number(url):
    return int(re.search(r"/feed/(\d+)\.xml$", url).group(1))


def check(archive, committed, label):
    """Checks the archive against everything seen committed before; returns the new snapshot."""
    if not os.path.exists(archive.path):
        return committed, 0
    integrity, entries, etags, duplicates, items = archive.read()
    problems = []
    if integrity != "ok":
        problems.append("integrity_check: %s" % integrity)
    lost = [key for key in committed if key not in entries]
    if lost:
        problems.append("%d committed entries lost, e.g. %s" % (len(lost), lost[:3]))
    if duplicates:
        problems.append("%d duplicated items or entries" % duplicates)
    for url, etag in etags.items():
        m = re.fullmatch(r'"(\d+)-(\d+)"', etag or "")
        if not m:
            continue
        n, k = int(m.group(1)), int(m.group(2))
        missing = [i for i in range(k) if (url, "feed%d-item%d" % (n, i)) not in entries]
        if missing:
            problems.append("feed %d: ETag %s saved without items %s" % (n, etag, missing[:5]))
    if problems:
        print("FAIL after %s:" % label)
        for p in problems:
            print("  " + p)
        sys.exit(1)
    return set(entries), items


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("binary")
    parser.add_argument("--kills", type=int, default=50)
    parser.add_argument("--feeds", type=int, default=12)
    parser.add_argument("--max-wait", type=float, default=4.0, help="longest run before a kill, seconds")
    parser.add_argument("--items", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    work = tempfile.mkdtemp(prefix="newsmon-crash-")
    config = os.path.join(work, "feeds.toml")
    database = os.path.join(work, "archive.db")
    archive = Archive(database)
    committed = set()
    reported_new = 0
    started = time.monotonic()
    # Still growing while we kill: about 2.2 s per run on average.
    grow_every = max(0.05, 0.8 * args.kills * (args.max_wait / 2 + 0.2) / args.items)
    with FeedFarm(args.feeds, max_items=args.items, start_items=2, grow_every=grow_every,
                  seed=args.seed) as farm:
        write_config(config, farm)
        command = [args.binary, "--config", config, "--db", database, "--log-level", "info", "run"]
        for kill in range(1, args.kills + 1):
            log_path = os.path.join(work, "run-%d.log" % kill)
            with open(log_path, "w") as log:
                daemon = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=log)
            time.sleep(rng.uniform(0.05, args.max_wait))
            daemon.send_signal(signal.SIGKILL)
            daemon.wait()
            with open(log_path) as log:
                text = log.read()
            reported_new += sum(int(n) for n in re.findall(r"feed \S+: (\d+) new \(", text))
            committed, items = check(archive, committed, "kill %d" % kill)
            print("kill %2d: %5d entries committed, %5d items, farm at %d items per feed"
                  % (kill, len(committed), items, farm.items_now()), flush=True)

        # Let it finish: every feed complete, then a clean stop.
        while not farm.finished_growing():
            time.sleep(0.1)
        log_path = os.path.join(work, "final.log")
        with open(log_path, "w") as log:
            daemon = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=log)
        expected = {(url, "feed%d-item%d" % (feed_number(url), i))
                    for url in farm.feed_urls() for i in range(args.items)}
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            time.sleep(1)
            _, entries, _, _, _ = archive.read()
            if expected <= set(entries):
                break
        daemon.send_signal(signal.SIGTERM)
        stop_started = time.monotonic()
        try:
            code = daemon.wait(timeout=5)
        except subprocess.TimeoutExpired:
            daemon.kill()
            print("FAIL: SIGTERM did not stop the daemon within 5 s")
            sys.exit(1)
        stop_seconds = time.monotonic() - stop_started
        with open(log_path) as log:
            reported_new += sum(int(n) for n in re.findall(r"feed \S+: (\d+) new \(", log.read()))
        committed, items = check(archive, committed, "the final run")
        missing = expected - committed
        if code != 0:
            print("FAIL: exit code %d after SIGTERM" % code)
            sys.exit(1)
        if missing:
            print("FAIL: %d items never stored, e.g. %s" % (len(missing), sorted(missing)[:3]))
            sys.exit(1)
        if items != len(expected):
            print("FAIL: %d items stored for %d entries served" % (items, len(expected)))
            sys.exit(1)
        if reported_new > items:
            print("FAIL: the daemon reported %d new items, the archive holds %d" % (reported_new, items))
            sys.exit(1)
        print("ok: %d kills, %d items in %d feeds all present exactly once, integrity ok, "
              "%d reported new by the daemon, clean stop in %.2f s, %d requests, %.0f s in all"
              % (args.kills, items, args.feeds, reported_new, stop_seconds, farm.requests,
                 time.monotonic() - started))


if __name__ == "__main__":
    main()
