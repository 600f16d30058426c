#!/usr/bin/python3
"""python3-feedparser on the same files, same loop, same output line as
feed_parse_bench.cpp (seconds are process CPU time):  feedparser_bench.py REPEAT FILE..."""
import sys
import time

import feedparser


def main():
    repeat = int(sys.argv[1])
    feeds = [(p, open(p, "rb").read()) for p in sys.argv[2:]]
    for _, body in feeds:  # warm-up
        feedparser.parse(body)
    total_bytes = entries = 0
    start = time.process_time()
    for _ in range(repeat):
        for _, body in feeds:
            d = feedparser.parse(body)
            total_bytes += len(body)
            entries += len(d.entries)
    seconds = time.process_time() - start
    print(f"feedparser files={len(feeds)} bytes={total_bytes} entries={entries} seconds={seconds:.3f} "
          f"MB/s={total_bytes / seconds / 1e6:.2f} entries/s={entries / seconds:.0f}")


main()
