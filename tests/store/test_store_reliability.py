"""Reliability with the real pipeline and a real DuckDB file: kill -9 mid-ingest, re-ingest,
bad inputs, readers during an ingest."""
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from flashpoint.store import Store
from flashpoint.store.db import StoreError

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "../shared/seed/iraq-coalition-2024-01-05.txt"
N_ARTICLES = 40


def ingest_cmd(*args):
    return [sys.executable, "-m", "flashpoint.cli", "ingest", *map(str, args)]


def run(*args, timeout=600):
    r = subprocess.run(ingest_cmd(*args), capture_output=True, text=True, timeout=timeout, cwd=ROOT)
    assert "Traceback" not in r.stderr, r.stderr
    return r


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """A folder of distinct articles made from the seed (header kept, body paragraphs rotated)."""
    text = SEED.read_text()
    lines = text.split("\n")
    header, body = "\n".join(lines[:9]), "\n".join(lines[9:])
    paras = [p for p in body.split("\n\n") if p.strip()]
    folder = tmp_path_factory.mktemp("corpus")
    for i in range(N_ARTICLES):
        k = i % len(paras)
        rotated = paras[k:] + paras[:k]
        (folder / f"a{i:03d}.txt").write_text(f"{header}\n\nDispatch number {i}.\n\n" + "\n\n".join(rotated[: 3 + i % 5]))
    return folder


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory):
    db = tmp_path_factory.mktemp("ref") / "ref.duckdb"
    r = run(corpus, "--db", db)
    assert r.returncode == 0, r.stderr
    stats = Store(str(db)).stats()
    assert stats["articles"] == N_ARTICLES and stats["events"] > N_ARTICLES
    return db, stats


def test_same_folder_twice_changes_nothing(corpus, reference):
    db, stats = reference
    r = run(corpus, "--db", db)
    assert r.returncode == 0 and f"{N_ARTICLES} already in the store" in r.stderr
    assert Store(str(db)).stats() == stats


def test_kill_9_then_ingest_again(corpus, reference, tmp_path):
    _, ref = reference
    db = tmp_path / "killed.duckdb"
    log = open(tmp_path / "ingest.log", "w")
    proc = subprocess.Popen(ingest_cmd(corpus, "--db", db), cwd=ROOT, stdout=log, stderr=log)
    store = Store(str(db))
    seen = 0
    deadline = time.time() + 300
    while time.time() < deadline and proc.poll() is None:
        try:
            seen = store.stats()["articles"]
        except StoreError:
            seen = 0
        if seen > 0:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the ingest finished before it could be killed: " + (tmp_path / "ingest.log").read_text()
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    store.close()
    partial = Store(str(db)).stats()
    assert 0 < partial["articles"] < N_ARTICLES
    # every stored article has all its events (one transaction per article)
    s = Store(str(db))
    check = s.sql("SELECT count(*) FROM articles a WHERE n_events <> (SELECT count(*) FROM events e "
                  "WHERE e.article_id = a.article_id)")
    assert int(check.iloc[0, 0]) == 0
    r = run(corpus, "--db", db)
    assert r.returncode == 0, r.stderr
    after = Store(str(db)).stats()
    assert after["articles"] == ref["articles"] == N_ARTICLES
    assert after["events"] == ref["events"]
    assert after["incidents"] == ref["incidents"]
    dup = Store(str(db)).sql("SELECT count(*) - count(DISTINCT article_id) FROM articles").iloc[0, 0]
    assert dup == 0


def test_bad_inputs_are_recorded_and_the_rest_stored(tmp_path):
    bad = tmp_path / "inputs"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.bin").write_bytes(b"PK\x03\x04\x00\x00binary\x00data" * 10)
    with open(bad / "big.txt", "w") as fh:
        chunk = "Rebels attacked an army base in Goma on Monday. " * 1000
        for _ in range(50 * 1024 * 1024 // len(chunk) + 1):
            fh.write(chunk)
    (bad / "bad-utf8.txt").write_bytes(b"Rebels attacked \xff\xfe an army base in Goma.")
    (bad / "truncated.html").write_text("<html><head><title>Attack</title></head><body><div><p>Rebels attacked an army "
                                        "base in Goma on Mon")
    (bad / "broken.xml").write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>Unfin')
    (bad / "good.txt").write_text("Rebels attacked an army base in Goma on Monday, the army said.")
    (bad / "good2.html").write_text("<html><body><article><p>Protesters marched in Tehran on Tuesday against the "
                                    "government, witnesses said.</p></article></body></html>")
    db = tmp_path / "bad.duckdb"
    r = run(bad, "--db", db)
    assert r.returncode == 0, r.stderr
    s = Store(str(db))
    failures = s.failures()
    sources = list(failures.source)
    for name in ("empty.txt", "binary.bin", "big.txt", "bad-utf8.txt", "truncated.html", "broken.xml"):
        hits = [f for f in sources if Path(f.split("#")[0]).name == name]
        assert hits, f"{name} not in failures: {sources}"
        assert all(failures[failures.source.isin(hits)].reason.str.len() > 10)
        assert name in r.stderr
    stored = set(s.articles().source)
    assert {Path(x).name for x in stored} == {"good.txt", "good2.html"}
    assert "Traceback" not in r.stderr


def test_readers_keep_working_during_an_ingest(corpus, tmp_path):
    """While an ingest writes, the API's store answers (it waits at most for one batch)."""
    db = tmp_path / "live.duckdb"
    r = run(SEED, "--db", db)  # the store exists before
    assert r.returncode == 0
    proc = subprocess.Popen(ingest_cmd(corpus, "--db", db), cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    store = Store(str(db))
    answers, worst = [], 0.0
    try:
        while proc.poll() is None:
            t = time.time()
            answers.append(store.stats()["articles"])
            store.events(limit=10)
            worst = max(worst, time.time() - t)
            time.sleep(0.05)
    finally:
        proc.wait(600)
    assert proc.returncode == 0
    assert len(answers) > 10 and answers[0] >= 1
    assert answers == sorted(answers)  # the store only grows, and every read saw a consistent state
    assert worst < 10
    assert store.stats()["articles"] == N_ARTICLES + 1
