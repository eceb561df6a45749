"""Local worker processes: each loads the model and knowledge once, batches keep order.

Workers are started with ``forkserver`` (``spawn`` where there is none): a clean process that
imports flashpoint and loads the pipeline once in its initializer, then codes batch after
batch. Results are yielded in input order and only a bounded number of batches is in flight,
so memory does not grow with the input.
"""
from __future__ import annotations

import multiprocessing as mp
from collections import deque
from typing import Iterable, Iterator

from ..config import Settings
from ..doc import Article

_settings: Settings | None = None
_load_error: Exception | None = None


def _init(settings: Settings) -> None:
    global _settings, _load_error
    _settings = settings
    from ..pipeline import load
    try:
        load(settings)  # warm up: model and knowledge base loaded once per worker
    except Exception as err:  # noqa: BLE001 - raised from the first job: a pool whose initializer
        _load_error = err     # fails restarts its workers forever, and the caller would wait


def _work(job: tuple[list[Article], bool]):
    from . import code_batch
    if _load_error is not None:
        raise _load_error
    batch, documents = job
    return code_batch(batch, _settings, documents)


def run_local(articles: Iterable[Article], settings: Settings, workers: int, documents: bool = False) -> Iterator:
    """Yield each article's result in input order. The input is read in the caller's thread
    (a reader may print or write as it goes), at most ``4 × workers`` batches ahead."""
    from . import batched

    # batches of a few articles spread the work evenly over the workers; each worker still
    # streams its candidate sentences through spaCy in one nlp.pipe call per batch
    size = max(1, min(settings.batch_size, 8))
    limit = workers * 4
    ctx = mp.get_context("forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn")
    with ctx.Pool(workers, initializer=_init, initargs=(settings,)) as pool:
        pending: deque = deque()
        for batch in batched(articles, size):
            pending.append(pool.apply_async(_work, ((batch, documents),)))
            while len(pending) >= limit:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
