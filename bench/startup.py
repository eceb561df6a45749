"""Time and memory to load the knowledge: the actor knowledge base and the gazetteer (its cached
index; the first run on a machine builds it), next to the spaCy model's own load as a baseline.

    python bench/startup.py [--rebuild]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def rss_mb() -> float:
    try:
        with open("/proc/self/statm") as fh:
            import os
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6
    except OSError:
        import resource
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rebuild", action="store_true", help="build the index from the packages first")
    args = ap.parse_args()
    from flashpoint.geo.gazetteer import Gazetteer
    if args.rebuild:
        t = time.perf_counter()
        Gazetteer.load(use_cache=False)
        print(f"build from packages: {time.perf_counter() - t:.2f} s")
    Gazetteer.load()  # make sure the cache exists
    import gc
    gc.collect()
    before = before_gz = rss_mb()
    t = time.perf_counter()
    gz = Gazetteer.load()
    secs = time.perf_counter() - t
    after = rss_mb()
    print(f"gazetteer load: {secs:.2f} s, +{after - before:.0f} MB "
          f"({len(gz)} places, {len(gz.index)} names)")
    t = time.perf_counter()
    for _ in range(10000):
        gz.lookup("Baghdad")
    print(f"lookup: {(time.perf_counter() - t) / 10000 * 1e6:.1f} us")

    from flashpoint.actors.kb import KnowledgeBase
    gc.collect()
    before = rss_mb()
    t = time.perf_counter()
    kb = KnowledgeBase.load()
    kb_secs, kb_mb = time.perf_counter() - t, rss_mb() - before
    print(f"knowledge base load: {kb_secs:.2f} s, +{kb_mb:.0f} MB ({len(kb.entries)} entries, "
          f"{len(kb.index) + len(kb.exact_index)} names)")

    from flashpoint.nlp import load_model
    gc.collect()
    before = rss_mb()
    t = time.perf_counter()
    load_model()
    model_secs, model_mb = time.perf_counter() - t, rss_mb() - before
    print(f"baseline, spaCy model load: {model_secs:.2f} s, +{model_mb:.0f} MB")
    total_s, total_mb = secs + kb_secs, (after - before_gz) + kb_mb
    verdict = "within" if total_s <= 2 and total_mb <= 500 else "OVER"
    print(f"knowledge total: {total_s:.2f} s, +{total_mb:.0f} MB ({verdict} the 2 s / 500 MB budget)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
