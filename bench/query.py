"""Query benchmark: /events with typical filters on a store of 1,000,000 synthetic events.

    python bench/query.py [--events 1000000] [--db /tmp/flashpoint-bench.duckdb] [--requests 200]

Builds (once; reused when it already holds the wanted number) a store of synthetic events
spread over two years, written in publication order as an ingest of a news stream writes them, 20 actors and 10 places, starts the real server (uvicorn) on a
loopback port, sends each kind of typical query ``--requests`` times and prints p50/p95/max
latencies. The target is p95 <= 100 ms for every query kind. A script, not a unit test.
"""
from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from flashpoint.store import schema  # noqa: E402
from flashpoint.store.synthetic import ACTORS, PLACES, VERBS, INTENSITY  # noqa: E402

QUERIES = {
    "type+dates": {"event_type": "ASSAULT", "start": "2023-10-01", "end": "2023-12-31"},
    "dyad (source/target country)": {"source_country": "IRQ", "target_country": "USA", "start": "2023-10-07"},
    "quad+bbox": {"quad_class": "4", "bbox": "38,29,49,38"},
    "actor name": {"actor": "militia", "event_type": "ASSAULT"},
    "text search": {"q": "drone", "location_country": "IRQ"},
    "sector+code": {"source_sector": "UAF", "target_code": "USAMIL"},
    "no filter, page 50": {"offset": "5000"},
    "geojson map": {"event_type": "ASSAULT", "start": "2024-01-01", "end": "2024-01-31", "format": "geojson",
                    "limit": "1000"},
}


def build(db: str, n: int) -> None:
    if Path(db).exists():
        try:
            con = duckdb.connect(db, read_only=True)
            have = con.execute("SELECT count(*) FROM events").fetchone()[0]
            con.close()
            if have == n:
                print(f"reusing {db} ({have:,} events)")
                return
        except duckdb.Error:
            pass
        Path(db).unlink()
    t = time.time()
    con = duckdb.connect(db)
    schema.create(con)
    types = list(VERBS)
    names = [a[0] for a in ACTORS] + ["Hezbollah", "Wagner group", "Ukrainian army", "Russian army", "Sudanese army"]
    countries = [a[1] for a in ACTORS] + ["LBN", "RUS", "UKR", "RUS", "SDN"]
    sectors = [a[2] or "" for a in ACTORS] + ["REB", "UAF", "MIL", "MIL", "MIL"]
    places = PLACES
    modes = ["drone", "aerial", "firearms", "explosives", None, None, None, None]
    lit = lambda xs: "[" + ", ".join("NULL" if x is None else "'" + str(x).replace("'", "''") + "'" for x in xs) + "]"
    nums = lambda xs: "[" + ", ".join(str(x) for x in xs) + "]"
    quads = [schema.QUAD_CLASS[t] for t in types]
    verbs = [VERBS[t] for t in types]
    ints = [INTENSITY[t] for t in types]
    na, nt, npl = len(names), len(types), len(places)
    con.execute("CREATE TEMP MACRO h(x) AS CAST(hash(x) % 1000000007 AS BIGINT)")
    con.execute(f"""
        INSERT INTO events (event_id, article_id, article, title, published, sentence_index, sentence, trigger_text,
            trigger_start, trigger_end, event_type, mode, cameo, intensity, quad_class,
            source_text, source_name, source_code, source_country, source_sector,
            target_text, target_name, target_code, target_country, target_sector,
            location_text, location_name, location_country, location_lat, location_lon, location_precision,
            date, date_text, day, negated, hypothetical, confidence, evidence, incident_id)
        SELECT printf('%016x', hash(i)) AS event_id, printf('art%07d', i // 3), printf('bench/%07d.txt', i // 3),
               printf('Report %d', i // 3), d + 1, i % 3,
               s_name || ' ' || verb || ' ' || t_name || ' in ' || p_name || CASE WHEN i % 7 = 0 THEN ' with a drone.' ELSE '.' END,
               split_part(verb, ' ', 1), length(s_name) + 1, length(s_name) + 1 + length(split_part(verb, ' ', 1)),
               typ, CASE WHEN typ = 'ASSAULT' THEN {lit(modes)}[1 + (i % {len(modes)})] END, NULL, inten, quad,
               'the ' || s_name, s_name, s_c || s_s, s_c, nullif(s_s, ''),
               'the ' || t_name, t_name, t_c || t_s, t_c, nullif(t_s, ''),
               p_name, p_name, p_c, p_lat + ((h(i * 7) % 100) / 1000.0), p_lon + ((h(i * 11) % 100) / 1000.0), 'city',
               d, NULL, d, (i % 37) = 0, false, 0.5 + (i % 50) / 100.0, 'bench', printf('%016x', hash(i))
        FROM (
          SELECT i, DATE '2023-01-01' + CAST(h(i * 3) % 730 AS INTEGER) AS d,
                 {lit(types)}[1 + (h(i * 5) % {nt})] AS typ,
                 {nums(quads)}[1 + (h(i * 5) % {nt})] AS quad,
                 {lit(verbs)}[1 + (h(i * 5) % {nt})] AS verb,
                 {nums(ints)}[1 + (h(i * 5) % {nt})] AS inten,
                 {lit(names)}[1 + sa] AS s_name, {lit(countries)}[1 + sa] AS s_c, {lit(sectors)}[1 + sa] AS s_s,
                 {lit(names)}[1 + ta] AS t_name, {lit(countries)}[1 + ta] AS t_c, {lit(sectors)}[1 + ta] AS t_s,
                 {lit([p[0] for p in places])}[1 + pl] AS p_name, {lit([p[1] for p in places])}[1 + pl] AS p_c,
                 {nums([p[2] for p in places])}[1 + pl] AS p_lat, {nums([p[3] for p in places])}[1 + pl] AS p_lon
          FROM (SELECT range AS i, h(range * 13) % {na} AS sa, (h(range * 13) % {na} + 1 + h(range * 17) % {na - 1}) % {na} AS ta,
                       h(range * 19) % {npl} AS pl FROM range(?)))""", [n])
    con.execute("""INSERT INTO articles (article_id, source, title, published, text, n_events)
                   SELECT article_id, any_value(article), any_value(title), min(published),
                          string_agg(sentence, ' ' ORDER BY sentence_index), count(*) FROM events GROUP BY article_id""")
    con.execute("CHECKPOINT")
    con.close()
    print(f"built {db} with {n:,} events in {time.time() - t:.1f} s")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--db", default="/tmp/flashpoint-bench.duckdb")
    ap.add_argument("--requests", type=int, default=200)
    args = ap.parse_args()
    build(args.db, args.events)
    port = free_port()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    code = ("import sys, uvicorn; from flashpoint.api.app import create_app; "
            "uvicorn.run(create_app(sys.argv[1]), host='127.0.0.1', port=int(sys.argv[2]), log_level='warning')")
    server = subprocess.Popen([sys.executable, "-c", code, args.db, str(port)], env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=base, timeout=30) as client:
            for _ in range(100):
                try:
                    client.get("/stats")
                    break
                except httpx.TransportError:
                    time.sleep(0.1)
            total = client.get("/stats").json()
            print(f"store: {total}")
            print(f"{'query':32} {'rows':>8} {'total':>9} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
            worst = 0.0
            for name, params in QUERIES.items():
                times = []
                body = client.get("/events", params=params)  # warm-up
                body.raise_for_status()
                info = body.json()
                rows = len(info.get("events", info.get("features", [])))
                tot = info.get("total", "")
                for _ in range(args.requests):
                    t = time.perf_counter()
                    r = client.get("/events", params=params)
                    times.append((time.perf_counter() - t) * 1000)
                    r.raise_for_status()
                times.sort()
                p95 = times[int(0.95 * (len(times) - 1))]
                worst = max(worst, p95)
                print(f"{name:32} {rows:>8} {tot:>9} {statistics.median(times):>8.1f} {p95:>8.1f} {times[-1]:>8.1f}")
        verdict = "PASS" if worst <= 100 else "FAIL"
        print(f"worst p95: {worst:.1f} ms (target <= 100 ms): {verdict}")
        return 0 if worst <= 100 else 1
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    sys.exit(main())
