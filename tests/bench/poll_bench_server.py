#!/usr/bin/env python3
"""Loopback server for tests/bench/poll_bench.sh: FEEDS RSS feeds of ARTICLES
items each, and their article pages, generated deterministically, on
127.0.0.1 only. Prints the port on stdout once listening. With --dump DIR it
also writes every article page to DIR (for `newsmon extract --batch`)."""
import argparse
import os
import random
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

WORDS = ("huawei zte vendor network operators government ban security review ministry "
         "regulator equipment supplier radio core telecom spectrum auction federal "
         "commission rip replace funding carriers rural open ran diversity market "
         "minister parliament report statement officials said year week policy rules "
         "national risk assessment contract deployment towers antennas chips export").split()


def paragraph(rng, words):
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def article_page(feed, item):
    rng = random.Random(feed * 100003 + item)
    title = f"Story {feed}-{item}: " + paragraph(rng, 8)
    nav = "".join(f'<li><a href="/section/{i}">Section {i}</a></li>' for i in range(60))
    body = "".join(f"<p>{paragraph(rng, rng.randint(40, 90))}</p>\n" for _ in range(12))
    related = "".join(f'<li><a href="/article/{feed}/{(item + i) % 20}.html">{paragraph(rng, 6)}</a></li>'
                      for i in range(1, 15))
    script = "var config = {" + ",".join(f'"k{i}": "{"x" * 40}"' for i in range(400)) + "};"
    style = "".join(f".c{i} {{ margin: {i}px; padding: {i % 7}px; color: #{i:06x}; }}\n" for i in range(500))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="Bench Outlet {feed}">
<meta name="author" content="Reporter {item}">
<meta property="article:published_time" content="2026-11-{1 + item % 28:02d}T10:00:00Z">
<link rel="canonical" href="/article/{feed}/{item}.html">
<style>{style}</style><script>{script}</script></head>
<body><header><nav><ul>{nav}</ul></nav></header>
<div class="ad-slot">Advertisement <a href="https://ads.invalid/">Buy now</a></div>
<main><article><h1>{title}</h1><p class="byline">By Reporter {item}</p>
{body}</article>
<aside><h2>Related</h2><ul>{related}</ul></aside></main>
<footer><p>Copyright Bench Outlet. All rights reserved.</p><ul>{nav}</ul></footer>
</body></html>
"""


def feed_document(port, feed, articles):
    items = []
    for item in range(articles):
        rng = random.Random(feed * 100003 + item)
        title = f"Story {feed}-{item}: " + paragraph(rng, 8)
        items.append(f"""<item><title>{title}</title>
<link>http://127.0.0.1:{port}/article/{feed}/{item}.html</link>
<guid>bench-{feed}-{item}</guid>
<pubDate>Sun, {1 + item % 28:02d} Nov 2026 10:00:00 GMT</pubDate>
<description>{paragraph(rng, 30)}</description></item>""")
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Bench feed {feed}</title>
<link>http://127.0.0.1:{port}/</link><description>generated</description>
{''.join(items)}
</channel></rss>
"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--articles", type=int, default=20)
    parser.add_argument("--dump")
    args = parser.parse_args()

    if args.dump:
        os.makedirs(args.dump, exist_ok=True)
        for feed in range(args.feeds):
            for item in range(args.articles):
                with open(os.path.join(args.dump, f"{feed}-{item}.html"), "w") as out:
                    out.write(article_page(feed, item))

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # Headers and body go out in two writes: without this, Nagle and the
        # client's delayed ACK add 40 ms to every response.
        disable_nagle_algorithm = True

        def log_message(self, *unused):
            pass

        def reply(self, status, body, content_type):
            data = body.encode()
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self):
            parts = self.path.strip("/").split("/")
            try:
                if self.path == "/robots.txt":
                    return self.reply(200, "User-agent: *\nDisallow: /private/\n", "text/plain")
                if len(parts) == 2 and parts[0] == "feed":
                    feed = int(parts[1].removesuffix(".xml"))
                    if feed < args.feeds:
                        return self.reply(200, feed_document(port, feed, args.articles),
                                          "application/rss+xml; charset=utf-8")
                if len(parts) == 3 and parts[0] == "article":
                    feed, item = int(parts[1]), int(parts[2].removesuffix(".html"))
                    return self.reply(200, article_page(feed, item), "text/html; charset=utf-8")
            except ValueError:
                pass
            self.reply(404, "not found", "text/plain")

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    port = server.server_address[1]
    print(port, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    sys.exit(main())
