"""Running the pipeline over many articles: in this process, on local worker processes, or
on a Dask cluster (``flashpoint.scale.cluster``). Results come back in input order.

Every path codes the same batches with :func:`code_batch`, so one worker, N local workers and
a cluster give the same events in the same order.
"""
from __future__ import annotations

import os
from itertools import chain, islice
from typing import Iterable, Iterator

from ..config import Settings
from ..doc import Article
from ..ingest import InputFailure

# The event dicts of one article (or, with ``documents=True``, ``(document dict, event dicts)``),
# or why the article failed.
Result = list | tuple | InputFailure


def _result(doc, documents: bool):
    events = doc.event_dicts()
    return (doc.to_dict(), events) if documents else events


def code_batch(articles: list[Article], settings: Settings, documents: bool = False) -> list[Result]:
    """Code a batch of articles; an article that breaks the pipeline fails alone."""
    from ..pipeline import load

    nlp = load(settings)
    try:
        return [_result(doc, documents) for doc in nlp.pipe(articles, batch_size=len(articles) or 1)]
    except Exception:  # noqa: BLE001 - isolate the article that breaks, keep the rest
        results: list[Result] = []
        for article in articles:
            try:
                results.append(_result(next(iter(nlp.pipe([article]))), documents))
            except Exception as err:  # noqa: BLE001
                results.append(InputFailure(article.source, f"could not be coded ({type(err).__name__}: {err}); "
                                                            "please report this as a bug with the input"))
        return results


def batched(items: Iterable, size: int) -> Iterator[list]:
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def default_workers() -> int:
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def run_documents(articles: Iterable[Article], settings: Settings, workers: int | None = None,
                  scheduler: str | None = None, documents: bool = False) -> Iterator[Result]:
    """Yield each article's events (or failure) in input order.

    ``workers``: local processes (default: the machine's cores; 1 codes in this process).
    ``scheduler``: a Dask scheduler address (``tcp://HOST:PORT``); the cluster's workers code.
    ``documents``: yield ``(Document.to_dict(), events)`` pairs (what the store needs).
    Memory stays flat: articles are read, coded and yielded in bounded batches.
    """
    if scheduler:
        from .cluster import run_on_cluster
        yield from run_on_cluster(articles, settings, scheduler, documents=documents)
        return
    workers = workers or default_workers()
    articles = iter(articles)
    if workers > 1:
        # a handful of articles is coded here: starting worker processes (each loading the
        # model) would cost more than it saves
        first = list(islice(articles, settings.batch_size))
        if len(first) < settings.batch_size:
            workers, articles = 1, iter(first)
        else:
            articles = chain(first, articles)
    if workers <= 1:
        for batch in batched(articles, settings.batch_size):
            yield from code_batch(batch, settings, documents)
        return
    from .local import run_local
    yield from run_local(articles, settings, workers, documents=documents)
