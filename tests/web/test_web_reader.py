"""Reading pages and RSS/Atom feeds over HTTP, from a local server on 127.0.0.1."""
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from flashpoint.config import Settings
from flashpoint.doc import Article
from flashpoint.ingest import InputFailure
from flashpoint.ingest.web import read_url

STORY = "<html><head><title>Drone strike on base</title></head><body><article><h1>Drone strike on base</h1>" + \
    "<p>Shiite militias attacked the Al Harir base with a drone on Thursday, officials said.</p>" * 20 + \
    "</article></body></html>"
LONG = "<p>" + "Protesters marched in Tehran on Monday against the government. " * 40 + "</p>"


def feed(base):
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>News</title>
<item><title>Full text story</title><link>{base}/full.html</link><guid>full-1</guid>
<pubDate>Fri, 05 Jan 2024 09:28:00 GMT</pubDate><content:encoded><![CDATA[{LONG}]]></content:encoded></item>
<item><title>Linked story</title><link>{base}/story.html</link><guid>story-1</guid>
<pubDate>Thu, 04 Jan 2024 10:00:00 GMT</pubDate><description>Short teaser.</description></item>
<item><title>Gone</title><link>{base}/missing.html</link><guid>gone-1</guid></item>
</channel></rss>"""


ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
<entry><title>Atom entry</title><id>urn:a1</id><updated>2024-01-03T00:00:00Z</updated>
<content type="html">&lt;p&gt;""" + "Troops deployed near Goma on Wednesday. " * 40 + """&lt;/p&gt;</content></entry></feed>"""


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *a):
        pass

    def do_GET(self):
        base = f"http://127.0.0.1:{self.server.server_port}"
        routes = {"/feed.xml": ("application/rss+xml", feed(base).encode()),
                  "/atom": ("application/atom+xml", ATOM.encode()),
                  "/story.html": ("text/html; charset=utf-8", STORY.encode()),
                  "/broken.xml": ("application/rss+xml", b"<?xml version='1.0'?><rss><channel><item><title>x"),
                  "/binary": ("application/octet-stream", b"\x00\x01\x02" * 100),
                  "/big": ("text/html", b"<p>" + b"a" * 3_000_000)}
        if self.path not in routes:
            self.send_response(404)
            self.end_headers()
            return
        ctype, body = routes[self.path]
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # clients that stop reading (the size limit) are expected


@pytest.fixture(scope="module")
def server():
    srv = QuietServer(("127.0.0.1", 0), Handler)
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{srv.server_port}"
    srv.shutdown()


def test_feed_entries(server):
    items = list(read_url(f"{server}/feed.xml", Settings()))
    arts = [i for i in items if isinstance(i, Article)]
    fails = [i for i in items if isinstance(i, InputFailure)]
    assert [a.title for a in arts] == ["Full text story", "Linked story"]
    full, linked = arts
    assert full.html and "Protesters marched" in full.html and full.published == "2024-01-05"
    assert linked.html and "Al Harir" in linked.html and linked.published == "2024-01-04"
    assert linked.source == f"{server}/story.html"
    assert len(fails) == 1 and "404" in fails[0].reason


def test_atom_and_page(server):
    (a,) = list(read_url(f"{server}/atom", Settings()))
    assert "Troops deployed" in a.html and a.published == "2024-01-03"
    (p,) = list(read_url(f"{server}/story.html", Settings()))
    assert isinstance(p, Article) and "Al Harir" in p.html and p.title == "Drone strike on base"


@pytest.mark.parametrize("path,words", [("/broken.xml", "feed"), ("/binary", "binary"), ("/nothing", "404"),
                                        ("/big", "limit")])
def test_failures(server, path, words):
    (f,) = list(read_url(server + path, Settings(max_text_bytes=500_000)))
    assert isinstance(f, InputFailure) and words in f.reason


def test_unreachable():
    (f,) = list(read_url("http://127.0.0.1:9/", Settings()))
    assert isinstance(f, InputFailure) and "fetched" in f.reason
