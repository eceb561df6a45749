"""Extraction on a real Dask cluster (a `dask scheduler` and two `dask worker` processes on
127.0.0.1) gives the same events as the local run, streamed and as Parquet partitions."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED = (ROOT / ".." / "shared" / "seed" / "iraq-coalition-2024-01-05.txt").resolve()
BIN = Path(sys.executable).parent
EXTRA = [
    "Russian troops shelled the city of Kharkiv on Monday, killing three civilians.",
    "The weather was mild and the markets were calm.",
    "Hungary's prime minister met the Serbian president in Belgrade to discuss energy.",
    "Protesters marched through Nairobi demanding lower prices.\n\nNothing else happened.",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    logs = tmp_path_factory.mktemp("dask-logs")
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    procs = [subprocess.Popen([str(BIN / "dask"), "scheduler", "--host", "127.0.0.1", "--port", str(port),
                               "--no-dashboard"], stdout=open(logs / "scheduler.log", "w"),
                              stderr=subprocess.STDOUT, env=env, start_new_session=True)]
    for i in range(2):
        procs.append(subprocess.Popen([str(BIN / "dask"), "worker", address, "--host", "127.0.0.1", "--nthreads", "1",
                                       "--no-dashboard", "--name", f"w{i}", "--local-directory", str(logs / f"w{i}")],
                                      stdout=open(logs / f"worker{i}.log", "w"), stderr=subprocess.STDOUT, env=env,
                                      start_new_session=True))
    try:
        from dask.distributed import Client
        deadline = time.time() + 60
        client = None
        while client is None:
            try:
                client = Client(address, timeout="5s", set_as_default=False)
            except OSError:
                if time.time() > deadline:
                    raise
                time.sleep(0.5)
        client.wait_for_workers(2, timeout=90)
        client.close()
        yield address
    finally:
        for p in procs[::-1]:
            p.terminate()
        for p in procs[::-1]:
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()


@pytest.fixture(scope="module")
def articles():
    from flashpoint.doc import Article
    from flashpoint.ingest import read_inputs
    [seed] = list(read_inputs([str(SEED)], published="2024-01-05"))
    extra = [Article(source=f"extra-{i}.txt", text=t, published="2024-01-05") for i, t in enumerate(EXTRA)]
    return [seed, *extra]


@pytest.fixture(scope="module")
def local_events(articles):
    from flashpoint.config import Settings
    from flashpoint.scale import run_documents
    return list(run_documents(articles, Settings(), workers=1))


def test_local_events_exist(local_events):
    assert len(local_events[0]) >= 10  # the seed article
    assert any(local_events[1:])


def test_cluster_stream_same_events(cluster, articles, local_events):
    from flashpoint.config import Settings
    from flashpoint.scale import run_documents
    remote = list(run_documents(articles, Settings().with_(batch_size=2), scheduler=cluster))
    assert remote == local_events


def test_cluster_partitions_same_events_no_duplicates(cluster, articles, local_events, tmp_path):
    from flashpoint.config import Settings
    from flashpoint.scale.cluster import extract_partitions, partition_events, partition_path, read_partitions

    out = tmp_path / "parts"
    report = extract_partitions(articles, Settings(), cluster, out, partition_size=2)
    assert report == {"partitions": 3, "written": 3, "skipped": 0, "articles": 5}
    flat = [e for events in local_events for e in events]
    assert list(partition_events(out)) == flat
    assert [r["position"] for r in read_partitions(out)] == list(range(5))
    assert not list(out.glob("*.tmp"))
    # a lost partition is written again on rerun; the others are skipped: no duplicates
    partition_path(out, 1).unlink()
    report = extract_partitions(articles, Settings(), cluster, out, partition_size=2)
    assert report["written"] == 1 and report["skipped"] == 2
    assert list(partition_events(out)) == flat


def test_partitions_load_into_store(cluster, articles, local_events, tmp_path):
    from flashpoint.config import Settings
    from flashpoint.scale.cluster import extract_partitions, store_partitions

    out = tmp_path / "parts"
    extract_partitions(articles, Settings(), cluster, out, partition_size=3)
    db = str(tmp_path / "events.duckdb")
    first = store_partitions(out, db)
    assert first["stored"] == len(articles) and first["failures"] == 0
    again = store_partitions(out, db)
    assert again["stored"] == 0 and again["skipped"] == len(articles)
    import duckdb
    con = duckdb.connect(db, read_only=True)
    ids = {r[0] for r in con.execute("select event_id from events").fetchall()}
    con.close()
    assert ids == {e["event_id"] for events in local_events for e in events}


def test_cli_cluster_extract(cluster, tmp_path):
    out = tmp_path / "cli-parts"
    run = subprocess.run([str(BIN / "flashpoint"), "cluster-extract", str(SEED), "--published", "2024-01-05",
                          "--scheduler", cluster, "-o", str(out)], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert "1 written" in run.stderr
    from flashpoint.scale.cluster import partition_events
    assert len(list(partition_events(out))) >= 10
