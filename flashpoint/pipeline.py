"""The pipeline: one Document flows through named stages, like spaCy's ``Language``.

Each stage is built by a factory registered under its name (``flashpoint.registry.stages``)
and is a callable ``Document -> Document``; a stage that works better on batches (the spaCy
parse) also has ``pipe(docs) -> docs``. The stage order comes from ``Settings.stages``.
"""
from __future__ import annotations

import importlib
from typing import Any, Iterable, Iterator

from . import registry
from .config import Settings
from .doc import Article, Document

# Importing a stage module registers its factory.
STAGE_MODULES = {
    "clean": "flashpoint.ingest.clean",
    "nlp": "flashpoint.nlp",
    "actors": "flashpoint.actors.resolve",
    "events": "flashpoint.events.extract",
    "geo": "flashpoint.geo",
    "time": "flashpoint.time",
    "counts": "flashpoint.events.counts",
}


class Pipeline:
    def __init__(self, settings: Settings | None = None):
        self.settings = settings or Settings()
        self.stages: list[tuple[str, Any]] = []
        for name in self.settings.stages:
            if name in STAGE_MODULES:
                importlib.import_module(STAGE_MODULES[name])
            factory = registry.stages.get(name)
            self.stages.append((name, factory(self.settings)))

    @property
    def stage_names(self) -> list[str]:
        return [name for name, _ in self.stages]

    def make_doc(self, article: Article) -> Document:
        from .ingest.clean import make_document
        return make_document(article)

    def __call__(self, article: Article | str, **meta) -> Document:
        if isinstance(article, str):
            article = Article(source=meta.pop("source", "<text>"), text=article, **meta)
        return next(iter(self.pipe([article])))

    def pipe(self, articles: Iterable[Article], batch_size: int | None = None) -> Iterator[Document]:
        """Process articles lazily, in batches, keeping memory flat however long the input."""
        size = batch_size or self.settings.batch_size
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= size:
                yield from self._run_batch(batch)
                batch = []
        if batch:
            yield from self._run_batch(batch)

    def _run_batch(self, articles: list[Article]) -> list[Document]:
        docs: list[Document] = []
        for name, stage in self.stages:
            if name == "clean":
                docs = [stage(self.make_doc(a)) for a in articles]
            elif hasattr(stage, "pipe"):
                docs = list(stage.pipe(docs))
            else:
                docs = [stage(d) for d in docs]
        return docs


_default: dict[Settings, Pipeline] = {}


def load(settings: Settings | None = None, **overrides) -> Pipeline:
    """A pipeline built once per process for the given settings (models and knowledge are shared)."""
    settings = (settings or Settings()).with_(**overrides)
    if settings not in _default:  # Settings is frozen: equal settings share one pipeline
        _default[settings] = Pipeline(settings)
    return _default[settings]
