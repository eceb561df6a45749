"""``flashpoint ingest``: read inputs, code them with the pipeline, write them to the store.

Articles already in the store (same input content, or same article id) are skipped before
coding. Coded articles are written in small batches; the database file is held only while a
batch is written (see db.py), each article in its own transaction, so a killed ingest leaves
every article either fully stored or absent, and running it again completes the store.
"""
from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator

from collections import deque

from ..config import Settings
from ..doc import Article, content_hash
from ..ingest import InputFailure
from ..scale import batched, run_documents
from . import writer as W
from .db import Writer


@dataclass
class IngestReport:
    stored: int = 0
    skipped: int = 0
    events: int = 0
    near_duplicates: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def rate(self) -> float:
        return (self.stored + self.skipped) / self.seconds if self.seconds else 0.0

    def summary(self) -> str:
        lines = [f"Stored {self.stored} new article(s) with {self.events} event(s)"
                 f"{f' ({self.near_duplicates} near-duplicate(s) linked)' if self.near_duplicates else ''}; "
                 f"{self.skipped} already in the store; {len(self.failures)} input(s) failed "
                 f"({self.seconds:.1f} s, {self.rate:.1f} articles/s)."]
        for source, reason in self.failures:
            lines.append(f"  failed: {source}: {reason}")
        return "\n".join(lines)


def raw_hash(article: Article) -> str:
    return content_hash("\x00".join([article.id or "", article.text or "", article.html or ""]), 24)


def html_problem(article: Article) -> str | None:
    """A reason when an HTML input is visibly broken (cut off before its end)."""
    html = article.html
    if not html:
        return None
    low = html[-4000:].lower()
    if ("<html" in html[:4000].lower() or "<body" in html[:20000].lower()) and "</html>" not in low and "</body>" not in low:
        return "the HTML page is truncated (it ends before </body></html>); fetch or save it again"
    return None


def ingest(inputs: Iterable[str] | Iterable[Article], db: str | None = None, settings: Settings | None = None,
           workers: int | None = None, progress: bool | None = None,
           on_result: Callable[[str, Any], None] | None = None, scheduler: str | None = None) -> IngestReport:
    """Code and store the inputs (paths, directories, URLs, ``-``, or Article objects)."""
    settings = settings or Settings()
    db = db or settings.db_path
    report = IngestReport()
    t0 = time.monotonic()
    w = Writer(db)

    inputs = list(inputs) if not isinstance(inputs, list) else inputs
    if inputs and all(isinstance(i, Article) for i in inputs):
        items: Iterable = iter(inputs)
    else:
        from ..ingest import read_inputs
        items = read_inputs([str(i) for i in inputs], settings)

    pending: list[tuple] = []  # ("ok", doc, events, raw) | ("fail", source, reason)
    last_flush = time.monotonic()

    try:
        from tqdm import tqdm
        bar = tqdm(unit=" articles", disable=(not sys.stderr.isatty()) if progress is None else not progress,
                   file=sys.stderr, dynamic_ncols=True, desc="ingest")
    except ImportError:  # pragma: no cover
        bar = None

    def flush():
        nonlocal pending, last_flush
        if not pending:
            return
        with w.connection() as con:
            for item in pending:
                if item[0] == "fail":
                    W.record_failure(con, item[1], item[2])
                    report.failures.append((item[1], item[2]))
            coded = [item[1:] for item in pending if item[0] == "ok"]  # (doc, events, raw hash)
            # the whole batch in one transaction: far fewer statements than one per article
            for (doc, _, _), res in zip(coded, W.write_documents(con, coded) if coded else []):
                if res.status == "stored":
                    report.stored += 1
                    report.events += res.events
                    report.near_duplicates += res.duplicate_of is not None
                    W.clear_failure(con, doc.get("article") or "")
                else:
                    report.skipped += 1
                if on_result:
                    on_result(doc.get("article_id"), res)
        pending = []
        last_flush = time.monotonic()

    def add(item):
        pending.append(item)
        if bar is not None:
            bar.update(1)
        if len(pending) >= settings.batch_size or time.monotonic() - last_flush > 2.0:
            flush()

    # Split inputs into failures and articles not yet stored; check known inputs per chunk.
    def articles_to_code() -> Iterator[tuple[Article, str]]:
        for chunk in batched(items, 64):
            arts = []
            for it in chunk:
                if isinstance(it, Article):
                    problem = html_problem(it)
                    if problem:
                        add(("fail", it.source, problem))
                    else:
                        arts.append((it, raw_hash(it)))
                else:  # InputFailure
                    add(("fail", getattr(it, "source", str(it)), getattr(it, "reason", "unreadable")))
            if not arts:
                continue
            with w.connection() as con:
                known = W.known_raw_hashes(con, [h for _, h in arts])
            for a, h in arts:
                if h in known:
                    report.skipped += 1
                    if bar is not None:
                        bar.update(1)
                else:
                    yield a, h

    # The same coding path as `extract` (and the cluster): results come back in input order,
    # so each is paired with the input hash queued when its article went in.
    queued: deque[tuple[str, str]] = deque()

    def feed() -> Iterator[Article]:
        for article, h in articles_to_code():
            queued.append((article.source, h))
            yield article

    try:
        for result in run_documents(feed(), settings, workers=workers, scheduler=scheduler, documents=True):
            source, h = queued.popleft()
            if isinstance(result, InputFailure):
                add(("fail", result.source, result.reason))
                continue
            doc, events = result
            if not (doc.get("text") or "").strip():
                add(("fail", source, "no article text could be extracted from the input"))
            else:
                add(("ok", doc, events, h))
        flush()
    finally:
        if bar is not None:
            bar.close()
        report.seconds = time.monotonic() - t0
    return report
