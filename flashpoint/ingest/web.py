"""Reading http(s) URLs: a web page becomes one Article; an RSS/Atom feed one Article per entry.

A feed entry that carries the full text (``content:encoded`` / Atom ``content`` of some
length) is used as it is; otherwise the entry's link is fetched and the page goes to the
pipeline, whose clean stage extracts the main text with trafilatura. Fetches use httpx with
a timeout, follow redirects, and stop reading past the size limit. Every problem becomes an
InputFailure naming the URL and the reason; the other entries go on.
"""
from __future__ import annotations

import re
from typing import Iterator

from ..config import Settings
from ..doc import Article
from . import InputFailure

Item = Article | InputFailure

TIMEOUT = 20.0
FULL_TEXT_CHARS = 1000  # an entry body with at least this much text is taken as the full article
USER_AGENT = "flashpoint/0.1 (+event coding; polite single fetches)"
_TAG = re.compile(r"<[^>]+>")


class FetchError(Exception):
    pass


def _client(settings: Settings):
    import httpx
    return httpx.Client(timeout=TIMEOUT, follow_redirects=True, headers={"User-Agent": USER_AGENT})


def fetch(client, url: str, max_bytes: int) -> tuple[bytes, str, str]:
    """GET a URL; returns (body, content type, final URL). Raises FetchError with a sentence."""
    import httpx
    try:
        with client.stream("GET", url) as r:
            if r.status_code >= 400:
                raise FetchError(f"the server answered {r.status_code} {r.reason_phrase}")
            length = r.headers.get("content-length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise FetchError(f"the page is {int(length) / 1e6:.1f} MB, over the limit of {max_bytes / 1e6:.1f} MB")
            chunks, size = [], 0
            for chunk in r.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(f"the page is over the limit of {max_bytes / 1e6:.1f} MB")
                chunks.append(chunk)
            return b"".join(chunks), r.headers.get("content-type", ""), str(r.url)
    except httpx.TimeoutException:
        raise FetchError(f"no answer within {TIMEOUT:.0f} s") from None
    except httpx.HTTPError as exc:
        raise FetchError(f"cannot be fetched ({type(exc).__name__}: {exc})") from None


def _decode(data: bytes, content_type: str) -> str:
    if not data.strip():
        raise FetchError("the page is empty")
    if b"\x00" in data[:8192]:
        raise FetchError("the response is binary, not text")
    m = re.search(r"charset=([\w\-]+)", content_type or "", re.I)
    enc = m.group(1) if m else "utf-8"
    try:
        return data.decode(enc)
    except (UnicodeDecodeError, LookupError):
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError as err:
            raise FetchError(f"the page is not valid text in {enc} (bad byte at offset {err.start})") from None


def _is_feed(content_type: str, text: str) -> bool:
    ct = (content_type or "").lower()
    if any(t in ct for t in ("rss", "atom", "rdf")):
        return True
    head = text.lstrip()[:1000].lower()
    if "html" in ct and not head.startswith("<?xml"):
        return False
    return "<rss" in head or "<feed" in head or "<rdf:rdf" in head


def _date(entry) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        t = entry.get(key)
        if t:
            return "%04d-%02d-%02d" % tuple(t[:3])
    return None


def _page_meta(html: str) -> dict:
    """Title, author and date of a page, where trafilatura finds them."""
    try:
        import trafilatura
        meta = trafilatura.extract_metadata(html)
    except Exception:
        return {}
    if meta is None:
        return {}
    return {"title": meta.title, "author": meta.author, "published": (meta.date or None) and str(meta.date)[:10]}


def read_url(url: str, settings: Settings | None = None) -> Iterator[Item]:
    settings = settings or Settings()
    max_bytes = settings.max_text_bytes * 4  # HTML weighs more than its text; the text limit applies later
    with _client(settings) as client:
        try:
            data, ctype, final = fetch(client, url, max_bytes)
            text = _decode(data, ctype)
        except FetchError as exc:
            yield InputFailure(url, str(exc))
            return
        if _is_feed(ctype, text):
            yield from _read_feed(client, url, text, settings, max_bytes)
            return
        meta = _page_meta(text)
        yield Article(source=url, html=text, url=final, title=meta.get("title"), author=meta.get("author"),
                      published=meta.get("published"))


def _read_feed(client, url: str, text: str, settings: Settings, max_bytes: int) -> Iterator[Item]:
    import feedparser
    feed = feedparser.parse(text)
    if feed.bozo and not feed.entries:
        yield InputFailure(url, f"not a readable RSS/Atom feed ({feed.get('bozo_exception', 'parse error')})")
        return
    if not feed.entries:
        yield InputFailure(url, "the feed has no entries")
        return
    for number, entry in enumerate(feed.entries, 1):
        link = entry.get("link")
        source = link or f"{url}#{number}"
        body = ""
        if entry.get("content"):
            body = entry.content[0].get("value", "") or ""
        summary = entry.get("summary", "") or ""
        meta = dict(id=entry.get("id") or link, title=entry.get("title"), author=entry.get("author"),
                    published=_date(entry), url=link)
        if len(_TAG.sub(" ", body).strip()) >= FULL_TEXT_CHARS:
            yield _article(source, body, meta)
            continue
        if link and link.startswith(("http://", "https://")):
            try:
                data, ctype, final = fetch(client, link, max_bytes)
                page = _decode(data, ctype)
            except FetchError as exc:
                fallback = body or summary
                if fallback.strip():
                    yield _article(source, fallback, meta)
                else:
                    yield InputFailure(source, f"the feed entry has no full text and its page {exc}")
                continue
            pmeta = _page_meta(page)
            for k in ("title", "author", "published"):
                meta[k] = meta[k] or pmeta.get(k)
            meta["url"] = final
            yield Article(source=source, html=page, **meta)
            continue
        fallback = body or summary
        if fallback.strip():
            yield _article(source, fallback, meta)
        else:
            yield InputFailure(source, "the feed entry has no text and no link")


def _article(source: str, body: str, meta: dict) -> Article:
    is_html = "<" in body and ">" in body
    return Article(source=source, text=None if is_html else body, html=body if is_html else None, **meta)
