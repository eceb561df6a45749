"""Extraction on an existing Dask distributed cluster (``--scheduler tcp://HOST:PORT``).

Two modes:

* :func:`run_on_cluster` streams: articles go to the cluster in batches, results come back in
  input order (as :func:`flashpoint.scale.run_documents` does locally). A bounded number of
  batches is in flight, so memory stays flat on the client.
* :func:`extract_partitions` writes one Parquet file per input partition (``part-000000.parquet``
  ...) into a folder every worker can reach (a shared file system). Each task writes to a
  temporary file and renames it into place, so a partition file is complete or absent; failed
  tasks are retried by Dask (``retries=``); a partition whose file exists is skipped when the
  same command runs again, so a rerun finishes the job without duplicates.
  :func:`read_partitions` reads them back in input order and :func:`store_partitions` loads
  them into the DuckDB store.

Each Dask worker process loads the pipeline (spaCy model, knowledge base, gazetteer) once, on
its first task, and keeps it (``flashpoint.pipeline.load`` caches it per process); tasks on one
worker are coded one at a time, so run workers with ``--nthreads 1`` and as many processes as
cores (``dask worker ... --nworkers N --nthreads 1``).
"""
from __future__ import annotations

import json
import os
import threading
import uuid
from collections import deque
from pathlib import Path
from typing import Iterable, Iterator

from ..config import Settings
from ..doc import Article
from ..ingest import InputFailure

PARTITION_SIZE = 256
RETRIES = 3
_lock = threading.Lock()  # one article batch at a time per worker process


# -- on the workers -----------------------------------------------------------------------
def _code_remote(articles: list[Article], settings: Settings, documents: bool):
    from . import code_batch
    with _lock:
        return code_batch(articles, settings, documents)


def raw_hash(article: Article) -> str:
    """The store's hash of an input (``flashpoint.store.ingest.raw_hash``), to skip it later."""
    try:
        from ..store.ingest import raw_hash as store_hash
    except ImportError:  # pragma: no cover - store not installed
        from ..doc import content_hash
        return content_hash("\x00".join([article.id or "", article.text or "", article.html or ""]), 24)
    return store_hash(article)


def _write_partition(articles: list[Article], settings: Settings, path: str, first: int) -> str:
    """Code one partition and write it atomically; a partition already written is kept."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    if os.path.exists(path):
        return path
    rows = {"position": [], "source": [], "raw_hash": [], "status": [], "document": [], "events": [],
            "reason": []}
    for offset, (article, result) in enumerate(zip(articles, _code_remote(articles, settings, True))):
        rows["position"].append(first + offset)
        rows["source"].append(article.source)
        rows["raw_hash"].append(raw_hash(article))
        if isinstance(result, InputFailure):
            rows["status"].append("fail")
            rows["document"].append(None)
            rows["events"].append(None)
            rows["reason"].append(result.reason)
        else:
            doc, events = result
            rows["status"].append("ok")
            rows["document"].append(json.dumps(doc, ensure_ascii=False))
            rows["events"].append(json.dumps(events, ensure_ascii=False))
            rows["reason"].append(None)
    table = pa.table(rows, schema=PARTITION_SCHEMA())
    tmp = f"{path}.{uuid.uuid4().hex}.tmp"
    pq.write_table(table, tmp)
    os.replace(tmp, path)  # atomic on one file system: complete or absent
    return path


def PARTITION_SCHEMA():
    import pyarrow as pa
    return pa.schema([("position", pa.int64()), ("source", pa.string()), ("raw_hash", pa.string()),
                      ("status", pa.string()), ("document", pa.string()), ("events", pa.string()),
                      ("reason", pa.string())])


# -- on the client ------------------------------------------------------------------------
def connect(scheduler: str):
    from dask.distributed import Client
    try:
        return Client(scheduler, timeout="30s", set_as_default=False)
    except OSError as err:
        raise RuntimeError(f"cannot reach the Dask scheduler at {scheduler} ({err}); start one with "
                           f"`dask scheduler` and workers with `dask worker {scheduler} --nthreads 1`") from None


def _in_flight(client) -> int:
    try:
        threads = sum(client.nthreads().values())
    except Exception:  # noqa: BLE001
        threads = 1
    return max(2, 2 * threads)


def run_on_cluster(articles: Iterable[Article], settings: Settings, scheduler: str,
                   documents: bool = False, batch_size: int | None = None,
                   retries: int = RETRIES) -> Iterator:
    """Yield each article's result in input order, coded by the cluster's workers."""
    from . import batched

    size = batch_size or max(1, min(settings.batch_size, 16))
    client = connect(scheduler)
    try:
        pending: deque = deque()
        limit = _in_flight(client)
        for batch in batched(articles, size):
            pending.append(client.submit(_code_remote, batch, settings, documents, retries=retries, pure=False))
            while len(pending) >= limit:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        for fut in pending if "pending" in locals() else ():
            fut.cancel()
        client.close()


def partition_path(out_dir: str | Path, index: int) -> Path:
    return Path(out_dir) / f"part-{index:06d}.parquet"


def extract_partitions(articles: Iterable[Article], settings: Settings, scheduler: str, out_dir: str | Path,
                       partition_size: int = PARTITION_SIZE, retries: int = RETRIES,
                       progress=None) -> dict:
    """Code the input on the cluster into ``out_dir/part-NNNNNN.parquet``, one file per
    ``partition_size`` articles in input order. Partitions already written are skipped, so the
    same command run again (after a crash or a failed task) writes only what is missing."""
    from . import batched

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    client = connect(scheduler)
    report = {"partitions": 0, "written": 0, "skipped": 0, "articles": 0}
    try:
        pending: deque = deque()
        limit = _in_flight(client)
        first = 0
        for index, batch in enumerate(batched(articles, partition_size)):
            path = partition_path(out, index)
            report["partitions"] += 1
            report["articles"] += len(batch)
            if path.exists():
                report["skipped"] += 1
            else:
                pending.append(client.submit(_write_partition, batch, settings, str(path), first,
                                             retries=retries, pure=False, key=f"flashpoint-part-{uuid.uuid4().hex}"))
            first += len(batch)
            while len(pending) >= limit:
                pending.popleft().result()
                report["written"] += 1
                if progress:
                    progress(report)
        while pending:
            pending.popleft().result()
            report["written"] += 1
            if progress:
                progress(report)
    finally:
        client.close()
    return report


def read_partitions(out_dir: str | Path) -> Iterator[dict]:
    """The rows of the partitions in input order: ``position``, ``source``, ``raw_hash``,
    ``status`` (ok|fail), ``document`` and ``events`` (decoded), ``reason``."""
    import pyarrow.parquet as pq

    for path in sorted(Path(out_dir).glob("part-*.parquet")):
        table = pq.read_table(path)
        for row in table.to_pylist():
            row["document"] = json.loads(row["document"]) if row["document"] else None
            row["events"] = json.loads(row["events"]) if row["events"] else []
            yield row


def partition_events(out_dir: str | Path) -> Iterator[dict]:
    """Every event of the partitions, in input order (what ``extract`` prints)."""
    for row in read_partitions(out_dir):
        yield from row["events"]


def store_partitions(out_dir: str | Path, db: str) -> dict:
    """Load the partitions into the DuckDB store, as ``flashpoint ingest`` writes articles
    (a batch of articles per transaction; an article already stored is skipped, so loading twice
    adds nothing)."""
    from ..store import writer as W
    from ..store.db import Writer
    from . import batched

    w = Writer(db)
    report = {"stored": 0, "skipped": 0, "events": 0, "failures": 0}
    with w.connection() as con:
        for rows in batched(read_partitions(out_dir), 64):
            for row in rows:
                if row["status"] != "ok":
                    W.record_failure(con, row["source"], row["reason"] or "could not be coded")
                    report["failures"] += 1
            coded = [(row["document"], row["events"], row["raw_hash"]) for row in rows if row["status"] == "ok"]
            for res in W.write_documents(con, coded) if coded else []:
                if res.status == "stored":
                    report["stored"] += 1
                    report["events"] += res.events
                else:
                    report["skipped"] += 1
    return report
