"""Throughput of flashpoint's whole pipeline against plain spaCy, on real news text.

    .venv/bin/python bench/throughput.py [--articles N] [--workers 1,2] [--memory-articles 10000]

Texts: the sentences of ../shared/peers/event_location/labeled_text.jsonl.zip (wire and online
news), unique, in file order, grouped into articles of 25 sentences, plus the WikiEvents dev
documents (../shared/peers/wikievents/dev.jsonl). Every run is one process tree started the same
way, timed end to end (model loading included), on the same texts with the same spaCy model:

* plain spaCy: ``nlp.pipe(texts, n_process=N)`` over every sentence of every article;
* ``flashpoint extract corpus.jsonl --workers N`` (events to a file);
* ``flashpoint ingest corpus.jsonl --workers N`` into a fresh DuckDB store.

Printed: articles/s and tokens/s (tokens = spaCy tokens of the corpus), the ratio flashpoint /
spaCy, the peak resident memory of the largest process (per worker) and of the whole tree,
scaling from 1 to N workers, the accuracy on the seed article and on the PLOVER records with
and without the candidate-sentence filter, and the peak memory on a 10,000-article input.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT / ".." / "shared").resolve()
BIN = Path(sys.executable).parent
FLASHPOINT = str(BIN / "flashpoint")


def sentences() -> list[str]:
    raw = zipfile.ZipFile(SHARED / "peers/event_location/labeled_text.jsonl.zip").read("labeled_text.jsonl")
    seen, out = set(), []
    for rec in json.loads(raw):
        text = " ".join(rec["text"].split())
        if text and text not in seen:
            seen.add(text)
            out.append(text)
    return out


def corpus(limit: int | None) -> list[dict]:
    sents = sentences()
    arts = [{"id": f"el-{i // 25:05d}", "text": " ".join(sents[i:i + 25]), "published": "2019-01-01"}
            for i in range(0, len(sents), 25)]
    if limit:
        arts = arts[:limit]
    for line in open(SHARED / "peers/wikievents/dev.jsonl", encoding="utf-8"):
        doc = json.loads(line)
        arts.append({"id": f"wiki-{doc['doc_id']}", "text": doc["text"], "published": "2019-01-01"})
    return arts


def big_corpus(n: int, per_article: int = 4) -> list[dict]:
    sents = sentences()
    return [{"id": f"m-{i:06d}", "published": "2019-01-01",
             "text": " ".join(sents[(i * per_article + k) % len(sents)] for k in range(per_article))}
            for i in range(n)]


def write_jsonl(rows: list[dict], path: Path) -> Path:
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r) + "\n")
    return path


class Peak:
    """Samples the resident memory of a process tree: the largest process, and the sum."""

    def __init__(self, pid: int):
        import psutil
        self.proc = psutil.Process(pid)
        self.max_one = self.max_sum = 0
        self.stop = False
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def run(self):
        import psutil
        while not self.stop:
            try:
                procs = [self.proc, *self.proc.children(recursive=True)]
                rss = []
                for p in procs:
                    try:
                        rss.append(p.memory_info().rss)
                    except psutil.Error:
                        pass
                if rss:
                    self.max_one = max(self.max_one, max(rss))
                    self.max_sum = max(self.max_sum, sum(rss))
            except psutil.Error:
                pass
            time.sleep(0.1)

    def done(self):
        self.stop = True
        self.thread.join()


def timed(cmd: list[str], stdout=None, env=None) -> dict:
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=stdout or subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, **(env or {})})
    peak = Peak(proc.pid)
    _, err = proc.communicate()
    peak.done()
    seconds = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err[-3000:]}")
    return {"seconds": seconds, "rss_one": peak.max_one, "rss_sum": peak.max_sum, "stderr": err}


SPACY_SCRIPT = r"""
import importlib, json, sys
from flashpoint.config import Settings
for name in Settings().spacy_models:  # the model flashpoint uses, as spaCy ships it
    try:
        nlp = importlib.import_module(name).load()
        break
    except ImportError:
        continue
texts = [json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8")]
n = int(sys.argv[2])
tokens = sum(len(d) for d in nlp.pipe(texts, n_process=n, batch_size=32))
print(tokens)
"""


def plain_spacy(path: Path, workers: int) -> dict:
    with tempfile.NamedTemporaryFile("w+", suffix=".out") as out:
        r = timed([sys.executable, "-c", SPACY_SCRIPT, str(path), str(workers)], stdout=out)
        out.seek(0)
        r["tokens"] = int(out.read().strip() or 0)
    return r


def score(gold: str, pred: Path) -> dict:
    out = subprocess.run([sys.executable, str(SHARED / "tools/score_events.py"), gold, str(pred)],
                         capture_output=True, text=True).stdout
    res = {}
    for line in out.splitlines():
        parts = line.split()
        if parts and parts[0] in ("type", "actor", "full"):
            res[parts[0]] = float(next(p for p in parts if p.startswith("F1=")).split("=")[1])
    return res


def accuracy(tmp: Path) -> None:
    gsr = tmp / "gsr"
    subprocess.run([sys.executable, str(SHARED / "tools/gsr_to_gold.py"), str(gsr)], check=True,
                   capture_output=True)
    seed = SHARED / "seed/iraq-coalition-2024-01-05.txt"
    rows = []
    for label, flag in (("with filter", "1"), ("without filter", "0")):
        env = {"FLASHPOINT_PARSE_ONLY_CANDIDATES": flag}
        with open(tmp / f"seed-{flag}.jsonl", "w") as out:
            subprocess.run([FLASHPOINT, "extract", str(seed), "--published", "2024-01-05", "--workers", "1"],
                           stdout=out, check=True, env={**os.environ, **env})
        with open(tmp / f"gsr-{flag}.jsonl", "w") as out:
            subprocess.run([FLASHPOINT, "extract", str(gsr / "input.jsonl"), "--workers", "1"],
                           stdout=out, check=True, env={**os.environ, **env})
        s = score(str(SHARED / "seed/gold.json"), tmp / f"seed-{flag}.jsonl")
        g = score(str(gsr / "gold"), tmp / f"gsr-{flag}.jsonl")
        rows.append((label, s, g))
    print("\naccuracy (F1; type / actor / full)")
    for label, s, g in rows:
        print(f"  {label:15s} seed {s['type']:.3f} / {s['actor']:.3f} / {s['full']:.3f}   "
              f"PLOVER records {g['type']:.3f} / {g['actor']:.3f} / {g['full']:.3f}")
    (_, s1, g1), (_, s0, g0) = rows
    print(f"  drop from the filter: seed actor {s0['actor'] - s1['actor']:+.3f}, "
          f"PLOVER actor {g0['actor'] - g1['actor']:+.3f} (positive = the filter loses)")


def gb(n: int) -> str:
    return f"{n / 2**30:.2f} GB"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=None, help="event_location articles to use (default all)")
    ap.add_argument("--workers", default=None, help="comma-separated worker counts (default 1,cores)")
    ap.add_argument("--memory-articles", type=int, default=10_000, help="size of the memory run (0: skip)")
    ap.add_argument("--no-accuracy", action="store_true")
    ap.add_argument("--no-ingest", action="store_true")
    args = ap.parse_args()
    from flashpoint.scale import default_workers
    cores = default_workers()
    workers = [int(w) for w in (args.workers or f"1,{cores}").split(",")]
    workers = sorted(set(workers))

    with tempfile.TemporaryDirectory(prefix="flashpoint-bench-") as tmpdir:
        tmp = Path(tmpdir)
        arts = corpus(args.articles)
        path = write_jsonl(arts, tmp / "corpus.jsonl")
        n = len(arts)
        print(f"corpus: {n} articles ({n - 20} of 25 event_location sentences, 20 WikiEvents dev documents); "
              f"{cores} core(s)")
        results = {}
        tokens = None
        for w in workers:
            sp = plain_spacy(path, w)
            tokens = sp["tokens"]
            fp = timed([FLASHPOINT, "extract", str(path), "--workers", str(w)],
                       stdout=open(tmp / f"events-{w}.jsonl", "w"))
            ing = None
            if not args.no_ingest:
                ing = timed([FLASHPOINT, "ingest", str(path), "--db", str(tmp / f"store-{w}.duckdb"),
                             "--workers", str(w), "--no-progress"])
            results[w] = (sp, fp, ing)
        print(f"tokens: {tokens}\n")
        print(f"{'run':34s} {'workers':>7s} {'seconds':>8s} {'articles/s':>10s} {'tokens/s':>9s} "
              f"{'ratio':>6s} {'peak RSS/process':>16s} {'peak RSS total':>14s}")
        for w, (sp, fp, ing) in results.items():
            base = n / sp["seconds"]
            for label, r in (("plain spaCy nlp.pipe", sp), ("flashpoint extract", fp), ("flashpoint ingest (DuckDB)", ing)):
                if r is None:
                    continue
                rate = n / r["seconds"]
                print(f"{label:34s} {w:7d} {r['seconds']:8.1f} {rate:10.2f} {tokens / r['seconds']:9.0f} "
                      f"{rate / base:6.2f} {gb(r['rss_one']):>16s} {gb(r['rss_sum']):>14s}")
        if len(results) > 1:
            lo, hi = min(results), max(results)
            for i, label in ((1, "flashpoint extract"), (2, "flashpoint ingest"), (0, "plain spaCy")):
                a, b = results[lo][i], results[hi][i]
                if a is not None and b is not None:
                    print(f"scaling {label}: {lo} → {hi} workers: {a['seconds'] / b['seconds']:.2f}×")
        same = len({(tmp / f"events-{w}.jsonl").read_bytes() for w in results}) == 1
        print(f"extract output identical for {', '.join(map(str, results))} workers: {same}")
        for w, (sp, fp, ing) in results.items():
            print(f"ratio flashpoint extract / plain spaCy ({w} worker(s)): {sp['seconds'] / fp['seconds']:.2f}")

        if not args.no_accuracy:
            accuracy(tmp)

        if args.memory_articles:
            big = write_jsonl(big_corpus(args.memory_articles), tmp / "big.jsonl")
            w = max(workers)
            r = timed([FLASHPOINT, "extract", str(big), "--workers", str(w)], stdout=open(os.devnull, "w"))
            print(f"\nmemory: {args.memory_articles} articles, extract --workers {w}: {r['seconds']:.0f} s, "
                  f"{args.memory_articles / r['seconds']:.1f} articles/s, peak RSS per process "
                  f"{gb(r['rss_one'])} (limit 1.5 GB), whole tree {gb(r['rss_sum'])}")


if __name__ == "__main__":
    main()
