"""Local worker processes: each loads the model and knowledge once, batches keep order.

Workers are started with ``forkserver`` (``spawn`` where there is none): a clean process that
imports flashpoint and loads the pipeline once in its initializer, then codes batch after
batch. ``imap`` yields the batches' results in input order and only keeps a bounded number of
batches in flight, so memory does not grow with the input.
"""
from __future__ import annotations

import multiprocessing as mp
from typing import Iterable, Iterator

from ..config import Settings
from ..doc import Article

_settings: Settings | None = None


def _init(settings: Settings) -> None:
    global _settings
    _settings = settings
    from ..pipeline import load
    load(settings)  # warm up: model and knowledge base loaded once per worker


def _work(job: tuple[list[Article], bool]):
    from . import code_batch
    batch, documents = job
    return code_batch(batch, _settings, documents)


def _bounded(items: Iterator, ahead, limit: int, stopped) -> Iterator:
    """Hand out items only while fewer than ``limit`` are ahead of the consumer."""
    import time
    for item in items:
        while ahead() >= limit:
            if stopped():
                return
            time.sleep(0.005)
        yield item


def run_local(articles: Iterable[Article], settings: Settings, workers: int, documents: bool = False) -> Iterator:
    from . import batched

    # batches of a few articles spread the work evenly over the workers; each worker still
    # streams its candidate sentences through spaCy in one nlp.pipe call per batch
    size = max(1, min(settings.batch_size, 8))
    ctx = mp.get_context("forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn")
    sent = done = 0

    def jobs():
        nonlocal sent
        for batch in batched(articles, size):
            sent += 1
            yield batch, documents

    # Pool.imap reads its input eagerly; bound what is read ahead so memory stays flat
    limit = workers * 4
    stop = False
    with ctx.Pool(workers, initializer=_init, initargs=(settings,)) as pool:
        try:
            for results in pool.imap(_work, _bounded(jobs(), lambda: sent - done, limit, lambda: stop), chunksize=1):
                done += 1
                yield from results
        finally:
            stop = True
