"""Readers: every supported input becomes a stream of Article or InputFailure.

Supported: plain text (scraped pages), HTML pages, JSON Lines and CSV corpora (one article a
row: ``id``, ``text`` or ``html``, optional ``title``, ``author``, ``published``, ``url``),
RSS/Atom feed files, folders of these, ``-`` for stdin, and http(s) URLs of pages or feeds.
A bad input yields an InputFailure naming it and the reason; the rest of the batch goes on.
"""
from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path
from typing import Iterable, Iterator

from .. import registry
from ..config import Settings
from ..doc import Article
from . import InputFailure

Item = Article | InputFailure

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
ROW_FIELDS = ("id", "text", "html", "title", "author", "published", "url")


def read_inputs(paths: Iterable[str], settings: Settings | None = None,
                published: str | None = None) -> Iterator[Item]:
    """Expand paths (files, folders, ``-``, URLs) into Articles, in a stable order."""
    settings = settings or Settings()
    for path in paths:
        for item in _read_one(str(path), settings):
            if published and isinstance(item, Article):
                item.published = published
            yield item


def _read_one(path: str, settings: Settings) -> Iterator[Item]:
    if path == "-":
        yield from _from_bytes("<stdin>", sys.stdin.buffer.read(), "", settings)
        return
    if path.startswith(("http://", "https://")):
        try:
            from .web import read_url
        except ImportError:
            yield InputFailure(path, "reading URLs needs the web reader, which is not installed")
            return
        yield from read_url(path, settings)
        return
    p = Path(path)
    if p.is_dir():
        files = sorted(f for f in p.rglob("*") if f.is_file() and not f.name.startswith("."))
        if not files:
            yield InputFailure(path, "the folder holds no files")
        for f in files:
            yield from _read_file(f, settings)
        return
    yield from _read_file(p, settings)


def _read_file(p: Path, settings: Settings) -> Iterator[Item]:
    source = str(p)
    if not p.exists():
        yield InputFailure(source, "no such file or folder")
        return
    try:
        size = p.stat().st_size
        if size > settings.max_text_bytes * 4 and p.suffix.lower() not in (".jsonl", ".csv", ".ndjson"):
            yield InputFailure(source, f"the file is {size / 1e6:.1f} MB, over the limit of "
                                       f"{settings.max_text_bytes / 1e6:.1f} MB of text per article")
            return
        data = p.read_bytes()
    except OSError as err:
        yield InputFailure(source, f"cannot be read ({err.strerror or err})")
        return
    yield from _from_bytes(source, data, p.suffix.lower(), settings)


def _decode(source: str, data: bytes) -> str | InputFailure:
    if not data.strip():
        return InputFailure(source, "the input is empty")
    if b"\x00" in data[:8192]:
        return InputFailure(source, "the input is binary, not text (it contains NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        return InputFailure(source, f"the input is not valid UTF-8 (bad byte at offset {err.start}); "
                                    "convert it to UTF-8 first")


def _from_bytes(source: str, data: bytes, suffix: str, settings: Settings) -> Iterator[Item]:
    text = _decode(source, data)
    if isinstance(text, InputFailure):
        yield text
        return
    kind = _sniff(suffix, text)
    yield from registry.readers.get(kind)(source, text, settings)


def _sniff(suffix: str, text: str) -> str:
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    if suffix == ".json":
        return "json"
    if suffix == ".csv":
        return "csv"
    if suffix in HTML_SUFFIXES:
        return "html"
    head = text.lstrip()[:500].lower()
    if suffix in FEED_SUFFIXES or head.startswith("<?xml") and ("<rss" in head or "<feed" in head):
        return "feed"
    if head.startswith(("<!doctype html", "<html")):
        return "html"
    if head.startswith("{") and suffix not in TEXT_SUFFIXES - {""}:
        return "jsonl"
    return "text"


def _too_big(source: str, text: str, settings: Settings) -> InputFailure | None:
    size = len(text.encode("utf-8"))
    if size > settings.max_text_bytes:
        return InputFailure(source, f"the article has {size / 1e6:.1f} MB of text, over the limit of "
                                    f"{settings.max_text_bytes / 1e6:.1f} MB (FLASHPOINT_MAX_TEXT_BYTES)")
    return None


@registry.readers.register("text")
def read_text(source: str, text: str, settings: Settings) -> Iterator[Item]:
    yield _too_big(source, text, settings) or Article(source=source, text=text)


@registry.readers.register("html")
def read_html(source: str, text: str, settings: Settings) -> Iterator[Item]:
    yield _too_big(source, text, settings) or Article(source=source, html=text)


def _row_article(source: str, row: dict, where: str, settings: Settings) -> Item:
    if not isinstance(row, dict):
        return InputFailure(where, "each line must be a JSON object with a `text` or `html` field")
    fields = {k: (str(row[k]) if row.get(k) is not None else None) for k in ROW_FIELDS}
    if not (fields["text"] or "").strip() and not (fields["html"] or "").strip():
        return InputFailure(where, "the record has no `text` or `html` field")
    too_big = _too_big(where, fields["text"] or fields["html"] or "", settings)
    if too_big:
        return too_big
    return Article(source=fields["url"] or source, **fields)


@registry.readers.register("jsonl")
def read_jsonl(source: str, text: str, settings: Settings) -> Iterator[Item]:
    for number, line in enumerate(io.StringIO(text), 1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as err:
            yield InputFailure(where, f"malformed JSON ({err.msg} at column {err.colno})")
            continue
        yield _row_article(source, row, where, settings)


@registry.readers.register("json")
def read_json(source: str, text: str, settings: Settings) -> Iterator[Item]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        yield from read_jsonl(source, text, settings)  # many ".json" corpora are really JSON Lines
        return
    rows = data if isinstance(data, list) else [data]
    for number, row in enumerate(rows, 1):
        yield _row_article(source, row, f"{source}[{number}]", settings)


@registry.readers.register("csv")
def read_csv(source: str, text: str, settings: Settings) -> Iterator[Item]:
    csv.field_size_limit(max(settings.max_text_bytes * 2, 1 << 20))
    try:
        reader = csv.DictReader(io.StringIO(text))
        if not reader.fieldnames or not {"text", "html"} & set(reader.fieldnames):
            yield InputFailure(source, "the CSV needs a header with a `text` or `html` column")
            return
        for number, row in enumerate(reader, 2):
            yield _row_article(source, row, f"{source}:{number}", settings)
    except csv.Error as err:
        yield InputFailure(source, f"malformed CSV ({err})")


@registry.readers.register("feed")
def read_feed(source: str, text: str, settings: Settings) -> Iterator[Item]:
    import feedparser

    feed = feedparser.parse(text)
    if feed.bozo and not feed.entries:
        yield InputFailure(source, f"not a readable RSS/Atom feed ({feed.get('bozo_exception', 'parse error')})")
        return
    for number, entry in enumerate(feed.entries, 1):
        body = ""
        if entry.get("content"):
            body = entry.content[0].get("value", "")
        body = body or entry.get("summary", "")
        if not body.strip():
            yield InputFailure(f"{source}#{number}", "the feed entry has no text")
            continue
        published = None
        if entry.get("published_parsed"):
            published = "%04d-%02d-%02d" % tuple(entry.published_parsed[:3])
        is_html = "<" in body and ">" in body
        yield Article(source=entry.get("link") or f"{source}#{number}", id=entry.get("id"),
                      title=entry.get("title"), author=entry.get("author"), published=published,
                      url=entry.get("link"), text=None if is_html else body, html=body if is_html else None)
