#!/usr/bin/python3
"""Dumps python3-feedparser's view of feed files as JSON, in the shape of
`newsmon parse-feed --json`, for the differential test and the benchmark.

    feedparser_dump.py FILE...   -> {"FILE": {"format", "title", "link",
                                     "entries": [{"id", "title", "link",
                                     "published", "updated"}]}}

Each file is parsed with its file:// URL as the base, as newsmon does.
"""
import calendar
import json
import os
import sys
import time

import feedparser


def instant(parsed):
    if not parsed:
        return None
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(calendar.timegm(parsed)))


def dump(path):
    with open(path, "rb") as f:
        data = f.read()
    base = "file://" + os.path.abspath(path)
    d = feedparser.parse(data, response_headers={"content-location": base})
    feed = d.get("feed", {})
    return {
        "format": d.get("version", ""),
        "title": feed.get("title", ""),
        "link": feed.get("link", ""),
        "entries": [
            {
                "id": e.get("id"),
                "title": e.get("title"),
                "link": e.get("link"),
                "published": instant(e.get("published_parsed")),
                "updated": instant(e.get("updated_parsed")),
            }
            for e in d.get("entries", [])
        ],
    }


if __name__ == "__main__":
    json.dump({p: dump(p) for p in sys.argv[1:]}, sys.stdout, indent=1, ensure_ascii=False)
