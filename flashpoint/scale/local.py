"""Local worker processes: each loads the model and knowledge once, batches keep order."""
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


def _work(batch: list[Article]):
    from . import code_batch
    return code_batch(batch, _settings)


def run_local(articles: Iterable[Article], settings: Settings, workers: int) -> Iterator:
    from . import batched

    # small batches spread work evenly; imap keeps input order and bounds memory
    size = max(1, min(settings.batch_size, 8))
    ctx = mp.get_context("forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn")
    with ctx.Pool(workers, initializer=_init, initargs=(settings,)) as pool:
        for results in pool.imap(_work, batched(articles, size), chunksize=1):
            yield from results
