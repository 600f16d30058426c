#!/usr/bin/env python3
"""Loopback server for tests/bench/poll_bench.sh: FEEDS RSS feeds of ARTICLES
items each, and their article pages, generated deterministically, on
127.0.0.1 only. Prints the port on stdout once listening. With --dump DIR it
also writes every article page to DIR (for `newsmon extract --batch`).

--text news (the default) writes articles as news reads: everyday prose with
a topic word now and then, about events that several outlets report in
their own words (so stories are grouped, as in real polls). --text
topic-words writes every word from the topic vocabulary: each text then
matches the topic rules hundreds of times and shares its words with every
other, the worst case for the classifier and the story matcher."""
import argparse
import functools
import html
import os
import random
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

WORDS = ("huawei zte vendor network operators government ban security review ministry "
         "regulator equipment supplier radio core telecom spectrum auction federal "
         "commission rip replace funding carriers rural open ran diversity market "
         "minister parliament report statement officials said year week policy rules "
         "national risk assessment contract deployment towers antennas chips export").split()


COMMON = ("the a of to and in that it was for on is with as he she they at by this from had "
          "not but have were which are their has been would there more one all about when who "
          "will also after into over new people year than some two could first other last "
          "time said told week month day could may plans government company companies minister "
          "official officials country countries public work years later before while during "
          "under between because against where since such many most much long just only made "
          "make going given take taken part end decision decisions question questions report "
          "reports letter meeting talks statement call calls deal business market cost costs "
          "prices share shares customers service services system systems plan years months "
          "spokesman spokeswoman spokesperson interview asked added expected likely earlier "
          "already still several three four five percent billion million largest biggest "
          "leaders leader parties party vote votes law laws court case cases board members "
          "agency department committee review reviews evidence concern concerns warning").split()
ACTORS = ("Ofcom", "the FCC", "the European Commission", "the Bundesnetzagentur", "Vodafone",
          "BT Group", "Deutsche Telekom", "Telefonica", "Orange", "Telia", "the NCSC", "ACMA",
          "the Commerce Department", "Innovation Canada", "Swisscom", "Proximus")
VENDORS = ("Huawei", "ZTE", "Nokia", "Ericsson", "Samsung")
PLACES = ("Britain", "Germany", "Canada", "Sweden", "Poland", "Brazil", "India", "Australia",
          "Portugal", "Belgium", "Denmark", "Finland", "Estonia", "Romania", "Italy", "Spain")
PEOPLE = ("Anna Lindqvist", "Marek Nowak", "Claire Dubois", "Tom Hughes", "Priya Raman",
          "Jonas Weber", "Maria Costa", "Liam Carter", "Sofia Rossi", "Erik Olsen")
ACTIONS = ("caps", "bans", "removes", "reviews", "restricts", "audits", "phases out", "replaces")
TEXT = "news"
EVENTS = 1000  # 4,000 articles over 1,000 events: most events are told by several outlets


def sentence(rng, words, extra=()):
    """Everyday prose with one topic word in 25 and the event's names now and then."""
    out = []
    for _ in range(words):
        roll = rng.random()
        if extra and roll < 0.04:
            out.append(rng.choice(extra))
        elif roll < 0.08:
            out.append(rng.choice(WORDS))
        else:
            out.append(rng.choice(COMMON))
    text = " ".join(out)
    return text[0].upper() + text[1:] + "."


def event(number):
    rng = random.Random(number)
    return {"actor": rng.choice(ACTORS), "vendor": rng.choice(VENDORS), "place": rng.choice(PLACES),
            "person": rng.choice(PEOPLE), "action": rng.choice(ACTIONS),
            "figure": f"{rng.randint(12, 980)} million", "year": str(rng.randint(2026, 2031))}


def news_story(rng, feed, item):
    """Title, lead and paragraphs of one outlet's report of a generated event."""
    e = event(rng.randrange(EVENTS))
    names = (e["actor"], e["vendor"], e["place"], e["person"], e["figure"])
    title = rng.choice((
        f"{e['actor']} {e['action']} {e['vendor']} equipment in {e['place']}'s 5G networks",
        f"{e['place']}: {e['actor']} {e['action']} {e['vendor']} kit by {e['year']}",
        f"{e['vendor']} gear: {e['actor']} {e['action']} it in {e['place']}",
    ))
    lead = (f"{e['actor']} {e['action']} {e['vendor']} equipment in {e['place']}'s mobile networks, "
            f"{e['person']} said, at a cost of {e['figure']} euros to operators by {e['year']}. "
            + sentence(rng, 25, names))
    title, lead = title[0].upper() + title[1:], lead[0].upper() + lead[1:]
    body = [lead] + [" ".join(sentence(rng, rng.randint(12, 25), names) for _ in range(4))
                     for _ in range(11)]
    return title, lead, body


def topic_words_story(rng, feed, item):
    """Every word from the topic vocabulary: the worst case for the matchers."""
    def paragraph(words):
        text = " ".join(rng.choice(WORDS) for _ in range(words))
        return text[0].upper() + text[1:] + "."
    title = f"Story {feed}-{item}: " + paragraph(8)
    body = [paragraph(rng.randint(40, 90)) for _ in range(12)]
    return title, paragraph(30), body


@functools.lru_cache(maxsize=None)
def story(feed, item):
    rng = random.Random(feed * 100003 + item)
    return (topic_words_story if TEXT == "topic-words" else news_story)(rng, feed, item)


def article_page(feed, item):
    title, _, paragraphs = story(feed, item)
    title = html.escape(title)
    rng = random.Random(feed * 100003 + item + 1)
    nav = "".join(f'<li><a href="/section/{i}">Section {i}</a></li>' for i in range(60))
    body = "".join(f"<p>{html.escape(p)}</p>\n" for p in paragraphs)
    related = "".join(f'<li><a href="/article/{feed}/{(item + i) % 20}.html">'
                      f'{html.escape(story(feed, (item + i) % 20)[0])}</a></li>' for i in range(1, 15))
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
        title, lead, _ = story(feed, item)
        items.append(f"""<item><title>{html.escape(title)}</title>
<link>http://127.0.0.1:{port}/article/{feed}/{item}.html</link>
<guid>bench-{feed}-{item}</guid>
<pubDate>Sun, {1 + item % 28:02d} Nov 2026 10:00:00 GMT</pubDate>
<description>{html.escape(lead)}</description></item>""")
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
    parser.add_argument("--text", choices=("news", "topic-words"), default="news")
    args = parser.parse_args()
    global TEXT
    TEXT = args.text

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
