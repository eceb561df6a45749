"""Running the pipeline over many articles: in this process, on local worker processes, or
on a Dask cluster (``flashpoint.scale.cluster``). Results come back in input order."""
from __future__ import annotations

import os
from typing import Iterable, Iterator

from ..config import Settings
from ..doc import Article
from ..ingest import InputFailure

Result = list | InputFailure  # the event dicts of one article, or why it failed


def code_batch(articles: list[Article], settings: Settings) -> list[Result]:
    """Code a batch of articles; an article that breaks the pipeline fails alone."""
    from ..pipeline import load

    nlp = load(settings)
    try:
        return [doc.event_dicts() for doc in nlp.pipe(articles, batch_size=len(articles) or 1)]
    except Exception:  # noqa: BLE001 - isolate the article that breaks, keep the rest
        results: list[Result] = []
        for article in articles:
            try:
                results.append(next(iter(nlp.pipe([article]))).event_dicts())
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
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def run_documents(articles: Iterable[Article], settings: Settings, workers: int | None = None,
                  scheduler: str | None = None) -> Iterator[Result]:
    """Yield each article's events (or failure) in input order."""
    if scheduler:
        from .cluster import run_on_cluster
        yield from run_on_cluster(articles, settings, scheduler)
        return
    workers = workers or default_workers()
    size = settings.batch_size
    if workers <= 1:
        for batch in batched(articles, size):
            yield from code_batch(batch, settings)
        return
    from .local import run_local
    yield from run_local(articles, settings, workers)
