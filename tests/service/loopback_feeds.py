"""A loopback feed farm for the crash, disk-full and soak scripts.

Serves, on 127.0.0.1 only (port chosen by the kernel), `feeds` RSS feeds
whose item lists grow with time, an article page per item, and robots.txt:

  /feed/N.xml       RSS 2.0; item I has guid feedN-itemI and links to
                    /article/N/I. Feed N holds min(max_items, start_items +
                    elapsed / grow_every) items (only the last `window`
                    are listed, when set); its ETag "N-K" names how many
                    (K), so a stored ETag says exactly which items it covered.
                    If-None-Match with the current ETag gets 304.
  /article/N/I      an HTML article with text unique to the item.

With `fault_rate` > 0, that share of requests fails in one of several ways:
500, 503 + Retry-After, 429, a slow answer, a truncated body, garbage
instead of XML, a dropped connection. Used by the scripts in tests/; never
binds anything but 127.0.0.1.
"""

import http.server
import random
import socketserver
import threading
import time

TOPIC_WORDS = ["Huawei", "ZTE", "5G", "high-risk vendor", "rip and replace", "Open RAN"]


class FeedFarm:
    def __init__(self, feeds, max_items=40, start_items=3, grow_every=0.5, fault_rate=0.0, seed=1, window=None):
        self.feeds = feeds
        self.max_items = max_items
        self.start_items = start_items
        self.grow_every = grow_every
        self.fault_rate = fault_rate
        self.window = window
        self.random = random.Random(seed)
        self.lock = threading.Lock()
        self.started = time.monotonic()
        self.requests = 0
        self.faults = 0
        farm = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_GET(self):
                farm.handle(self)

        class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
            daemon_threads = True
            allow_reuse_address = True

            def handle_error(self, request, client_address):
                pass  # a client killed mid-request (the point of the crash test)

        self.server = Server(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    def url(self, path):
        return "http://127.0.0.1:%d%s" % (self.port, path)

    def feed_urls(self):
        return [self.url("/feed/%d.xml" % n) for n in range(self.feeds)]

    def items_now(self):
        grown = int((time.monotonic() - self.started) / self.grow_every)
        return min(self.max_items, self.start_items + grown)

    def finished_growing(self):
        return self.items_now() >= self.max_items

    # --- responses

    def send(self, handler, status, body, content_type="text/plain", headers=()):
        data = body.encode("utf-8") if isinstance(body, str) else body
        handler.send_response(status)
        handler.send_header("Content-Type", content_type)
        handler.send_header("Content-Length", str(len(data)))
        for name, value in headers:
            handler.send_header(name, value)
        handler.end_headers()
        if handler.command != "HEAD":
            handler.wfile.write(data)

    def maybe_fault(self, handler, is_feed):
        with self.lock:
            self.requests += 1
            roll = self.random.random()
            kind = self.random.randrange(7)
            if roll >= self.fault_rate:
                return False
            self.faults += 1
        if kind == 0:
            self.send(handler, 500, "internal error")
        elif kind == 1:
            self.send(handler, 503, "busy", headers=[("Retry-After", "1")])
        elif kind == 2:
            self.send(handler, 429, "slow down", headers=[("Retry-After", "2")])
        elif kind == 3:
            time.sleep(1.5)
            return False  # slow, then the real answer
        elif kind == 4:
            handler.send_response(200)
            handler.send_header("Content-Type", "application/rss+xml" if is_feed else "text/html")
            handler.send_header("Content-Length", "100000")
            handler.end_headers()
            handler.wfile.write(b"<rss><channel><item><title>cut")
            handler.close_connection = True
        elif kind == 5:
            self.send(handler, 200, "\x00\x01 this is not XML <<<", "application/rss+xml")
        else:
            handler.close_connection = True  # no answer at all
        return True

    def handle(self, handler):
        path = handler.path.split("?")[0]
        if path == "/robots.txt":
            return self.send(handler, 200, "User-agent: *\nAllow: /\n")
        parts = path.strip("/").split("/")
        if len(parts) == 2 and parts[0] == "feed" and parts[1].endswith(".xml"):
            n = int(parts[1][:-4])
            if self.maybe_fault(handler, True):
                return
            k = self.items_now()
            etag = '"%d-%d"' % (n, k)
            if handler.headers.get("If-None-Match") == etag:
                handler.send_response(304)
                handler.send_header("ETag", etag)
                handler.send_header("Content-Length", "0")
                handler.end_headers()
                return
            return self.send(handler, 200, self.feed_xml(n, k), "application/rss+xml; charset=utf-8",
                             [("ETag", etag)])
        if len(parts) == 3 and parts[0] == "article":
            n, i = int(parts[1]), int(parts[2])
            if self.maybe_fault(handler, False):
                return
            return self.send(handler, 200, self.article_html(n, i), "text/html; charset=utf-8")
        self.send(handler, 404, "not found")

    def feed_xml(self, n, k):
        items = []
        first = 0 if self.window is None else max(0, k - self.window)
        for i in reversed(range(first, k)):
            word = TOPIC_WORDS[(n + i) % len(TOPIC_WORDS)]
            items.append(
                "<item><title>Feed %d item %d: regulators weigh %s</title>"
                "<link>%s</link><guid isPermaLink=\"false\">feed%d-item%d</guid>"
                "<pubDate>Sun, 01 Dec 2019 %02d:%02d:00 GMT</pubDate>"
                "<description>Item %d of feed %d on %s policy.</description></item>"
                % (n, i, word, self.url("/article/%d/%d" % (n, i)), n, i, i // 60 % 24, i % 60, i, n, word))
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
                "<title>Loopback feed %d</title><link>%s</link><description>test</description>%s"
                "</channel></rss>" % (n, self.url("/"), "".join(items)))

    def article_html(self, n, i):
        word = TOPIC_WORDS[(n + i) % len(TOPIC_WORDS)]
        paragraphs = "".join(
            "<p>Paragraph %d of article %d in feed %d. The ministry reviewed %s equipment in the "
            "national networks and set new rules for operators, unique marker f%di%dp%d.</p>"
            % (p, i, n, word, n, i, p) for p in range(8))
        return ("<!doctype html><html lang=\"en\"><head><title>Feed %d item %d</title>"
                "<link rel=\"canonical\" href=\"%s\"></head><body><nav>Home | World</nav>"
                "<article><h1>Feed %d item %d: regulators weigh %s</h1>%s</article>"
                "<footer>Copyright</footer></body></html>"
                % (n, i, self.url("/article/%d/%d" % (n, i)), n, i, word, paragraphs))
