#!/usr/bin/env python3
"""Disk full: the daemon reports it, keeps running, loses nothing, resumes.

Puts the archive on a small tmpfs (--size-kb, needs root and mount(8); with
--rlimit instead, RLIMIT_FSIZE on the daemon via prlimit(1)), runs
`newsmon run` against a loopback feed farm until a commit fails for lack of
space, and checks that:
  - the failure is logged ("archive: a commit failed (.../archive.db: database
    or disk is full)...");
  - the daemon is still running a few seconds later;
  - then, after the space returns (remount bigger / raise the limit), every
    entry committed before is still there, PRAGMA integrity_check is ok, and
    the daemon stores every item the farm served;
  - SIGTERM still stops it with exit code 0.

    sudo tests/service/disk_full_test.py build/newsmon [--size-kb 1536] [--rlimit]
"""

import argparse
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from loopback_feeds import FeedFarm  # noqa: E402
from crash_test import Archive, check, feed_number, write_config  # noqa: E402


def wait_for(predicate, seconds, what):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.2)
    print("FAIL: %s within %d s" % (what, seconds))
    sys.exit(1)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("binary")
    parser.add_argument("--size-kb", type=int, default=1536)
    parser.add_argument("--rlimit", action="store_true", help="use RLIMIT_FSIZE instead of a tmpfs")
    parser.add_argument("--feeds", type=int, default=20)
    parser.add_argument("--items", type=int, default=30)
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix="newsmon-diskfull-")
    data = os.path.join(work, "data")
    os.mkdir(data)
    mounted = False
    if not args.rlimit:
        if subprocess.call(["mount", "-t", "tmpfs", "-o", "size=%dk" % args.size_kb, "tmpfs", data]) != 0:
            print("mount failed; falling back to --rlimit")
            args.rlimit = True
        else:
            mounted = True
    config = os.path.join(work, "feeds.toml")
    database = os.path.join(data, "archive.db")
    archive = Archive(database)
    log_path = os.path.join(work, "daemon.log")
    try:
        with FeedFarm(args.feeds, max_items=args.items, start_items=args.items, grow_every=1) as farm:
            write_config(config, farm)
            command = [args.binary, "--config", config, "--db", database, "--log-level", "info", "run"]
            if args.rlimit:
                command = ["prlimit", "--fsize=%d:unlimited" % (args.size_kb * 1024)] + command  # soft limit only
            with open(log_path, "w") as log:
                daemon = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=log)

            def log_text():
                with open(log_path) as f:
                    return f.read()

            wait_for(lambda: "archive: a commit failed" in log_text(), 90, "no failed commit was reported")
            message = re.search(r".*archive: a commit failed.*", log_text()).group(0)
            print("reported: %s" % message)
            time.sleep(3)
            if daemon.poll() is not None:
                print("FAIL: the daemon exited (%d) after the disk filled" % daemon.returncode)
                sys.exit(1)
            committed, items = check(archive, set(), "the disk filled")
            print("ok: still running with a full disk; %d entries committed before it filled" % len(committed))

            # Space returns.
            if mounted:
                subprocess.check_call(["mount", "-o", "remount,size=256m", data])
            else:
                subprocess.check_call(["prlimit", "--pid", str(daemon.pid), "--fsize=unlimited"])
            expected = {(url, "feed%d-item%d" % (feed_number(url), i))
                        for url in farm.feed_urls() for i in range(args.items)}
            wait_for(lambda: expected <= set(archive.read()[1]), 120, "the daemon did not store every item")
            before = len(committed)
            committed, items = check(archive, committed, "space returned")
            daemon.send_signal(signal.SIGTERM)
            code = daemon.wait(timeout=5)
            if code != 0:
                print("FAIL: exit code %d after SIGTERM" % code)
                sys.exit(1)
            failures = len(re.findall(r"archive: a commit failed", log_text()))
            print("ok: resumed after space returned: %d items, all %d earlier entries kept, integrity ok, "
                  "%d failed commits reported, clean stop" % (items, before, failures))
    finally:
        if mounted:
            subprocess.call(["umount", "-l", data])
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
