"""flashpoint: political and conflict event data from news text.

    >>> import flashpoint
    >>> events = flashpoint.extract("Rebels attacked an army base in Goma on Monday.", published="2024-03-06")
"""
from __future__ import annotations

from typing import Any

from .config import Settings
from .doc import Article, Document

__version__ = "0.1.0"


def load(settings: Settings | None = None, **overrides):
    """Build (once per process) the pipeline for these settings."""
    from .pipeline import load as _load
    return _load(settings, **overrides)


def extract(text: str, published: str | None = None, *, title: str | None = None,
            article_id: str | None = None, source: str = "<text>", actors: list[str] | tuple[str, ...] = (),
            **overrides: Any) -> list[dict[str, Any]]:
    """Code one article's text into event records (dicts in the contract of EVENTS.md)."""
    nlp = load(actor_files=tuple(actors) or None, **overrides)
    doc = nlp(Article(source=source, text=text, published=published, title=title, id=article_id))
    return doc.event_dicts()


def open(db: str | None = None, **kwargs):  # noqa: A001 - mirrors duckdb.connect / sqlite3.connect
    """Open an event store; its methods return pandas DataFrames."""
    from .store import Store
    return Store(db, **kwargs)


__all__ = ["Article", "Document", "Settings", "extract", "load", "open", "__version__"]
