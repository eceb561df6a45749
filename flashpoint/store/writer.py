"""Writing coded articles into the store: one transaction per article.

* Idempotent: an article already stored (same ``article_id``, i.e. the same content hash or
  input id) adds nothing; events are keyed by ``event_id``.
* Near-duplicates: the same story from another outlet (MinHash estimate of the Jaccard
  similarity of 5-word shingles of the cleaned text >= ``NEAR_DUP_THRESHOLD``) is stored and
  linked to the earlier article (``articles.duplicate_of``, ``similarity``).
* Incidents: an event joins an existing incident when it has the same type, the same source
  and target codes, a date within one day and a place within 25 km (or both without place);
  otherwise it starts one. Every report stays in ``events`` as evidence. Negated and
  hypothetical events belong to no incident.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import json
import math
import re
from dataclasses import dataclass, replace
from typing import Any, Iterable

import numpy as np

from .schema import EVENT_COLUMN_NAMES, LEGACY_TYPES, QUAD_CLASS, ACTOR_FIELDS, LOCATION_FIELDS

NUM_PERM = 64
BANDS = 16
ROWS = NUM_PERM // BANDS
SHINGLE = 5
NEAR_DUP_THRESHOLD = 0.7
INCIDENT_KM = 25.0

_rng = np.random.default_rng(20240105)
_MULT = (_rng.integers(1, 2**63 - 1, NUM_PERM, dtype=np.uint64) | np.uint64(1))
_XOR = _rng.integers(0, 2**63 - 1, NUM_PERM, dtype=np.uint64)
_WORD = re.compile(r"\w+", re.UNICODE)


def minhash(text: str) -> np.ndarray:
    """A 64-value MinHash signature of the text's word 5-shingles."""
    words = _WORD.findall((text or "").lower())
    if not words:
        return np.full(NUM_PERM, np.iinfo(np.uint64).max, dtype=np.uint64)
    n = max(1, len(words) - SHINGLE + 1)
    shingles = {" ".join(words[i:i + SHINGLE]) for i in range(n)}
    hashes = np.fromiter((int.from_bytes(hashlib.blake2b(s.encode(), digest_size=8).digest(), "little")
                          for s in shingles), dtype=np.uint64, count=len(shingles))
    with np.errstate(over="ignore"):
        mixed = (hashes[None, :] ^ _XOR[:, None]) * _MULT[:, None]
        mixed ^= mixed >> np.uint64(29)
    return mixed.min(axis=1)


def band_keys(sig: np.ndarray) -> list[int]:
    keys = []
    for b in range(BANDS):
        h = hashlib.blake2b(sig[b * ROWS:(b + 1) * ROWS].tobytes() + bytes([b]), digest_size=8).digest()
        keys.append(int.from_bytes(h, "little", signed=True))
    return keys


def similarity(a: Iterable[int], b: Iterable[int]) -> float:
    a, b = np.asarray(list(a), dtype=np.uint64), np.asarray(list(b), dtype=np.uint64)
    return float((a == b).mean())


def haversine_km(lat1, lon1, lat2, lon2) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def _date(value) -> str | None:
    if value in (None, ""):
        return None
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()[:10]
    s = str(value)[:10]
    try:
        _dt.date.fromisoformat(s)
    except ValueError:
        return None
    return s


def _int(value):
    try:
        return None if value is None else int(value)
    except (TypeError, ValueError):
        return None


def _float(value):
    try:
        return None if value is None else float(value)
    except (TypeError, ValueError):
        return None


def flatten_event(ev: dict[str, Any]) -> dict[str, Any]:
    """An EVENTS.md record -> one row of the ``events`` table."""
    etype = LEGACY_TYPES.get(ev.get("event_type"), ev.get("event_type"))
    row: dict[str, Any] = {
        "event_id": ev["event_id"], "article_id": ev["article_id"], "article": ev.get("article"),
        "title": ev.get("title"), "published": _date(ev.get("published")),
        "sentence_index": _int(ev.get("sentence_index")), "sentence": ev.get("sentence"),
        "event_type": etype, "mode": ev.get("mode"), "cameo": ev.get("cameo"),
        "intensity": _float(ev.get("intensity")),
        "quad_class": ev.get("quad_class") or QUAD_CLASS.get(etype),
        "date": _date(ev.get("date")), "date_text": ev.get("date_text"),
        "fatalities": _int(ev.get("fatalities")), "injuries": _int(ev.get("injuries")),
        "arrests": _int(ev.get("arrests")), "negated": bool(ev.get("negated")),
        "hypothetical": bool(ev.get("hypothetical")), "said_by": ev.get("said_by"),
        "confidence": _float(ev.get("confidence")), "evidence": ev.get("evidence"),
        "incident_id": None,
    }
    trig = ev.get("trigger") or {}
    row["trigger_text"], row["trigger_start"], row["trigger_end"] = trig.get("text"), _int(trig.get("start")), _int(trig.get("end"))
    for side in ("source", "target"):
        actor = ev.get(side) or {}
        for f in ACTOR_FIELDS:
            row[f"{side}_{f}"] = None if actor.get(f) is None else str(actor.get(f))
        if actor and not row[f"{side}_code"] and (actor.get("country") or actor.get("sector")):
            row[f"{side}_code"] = f"{actor.get('country') or '---'}{actor.get('sector') or ''}"
    loc = ev.get("location") or {}
    for f in LOCATION_FIELDS:
        row[f"location_{f}"] = loc.get(f)
    row["location_geonameid"] = _int(row["location_geonameid"]) or None
    row["location_lat"], row["location_lon"] = _float(row["location_lat"]), _float(row["location_lon"])
    row["day"] = row["date"] or row["published"]
    known = {"event_id", "article_id", "article", "title", "published", "sentence_index", "sentence", "trigger",
             "event_type", "mode", "cameo", "intensity", "quad_class", "source", "target", "location", "date",
             "date_text", "fatalities", "injuries", "arrests", "negated", "hypothetical", "said_by", "confidence",
             "evidence", "incident_id"}
    extra = {k: v for k, v in ev.items() if k not in known}
    row["extra"] = json.dumps(extra, default=str) if extra else None
    return row


@dataclass
class WriteResult:
    article_id: str
    status: str  # "stored" | "exists"
    events: int = 0
    duplicate_of: str | None = None
    similarity: float | None = None


_EVENT_INSERT = (f"INSERT INTO events ({', '.join(EVENT_COLUMN_NAMES)}) VALUES ({', '.join('?' * len(EVENT_COLUMN_NAMES))}) "
                 "ON CONFLICT DO NOTHING")


def _as_date(value) -> _dt.date:
    return value if isinstance(value, _dt.date) else _dt.date.fromisoformat(str(value)[:10])


def _same_day_window(a, b) -> bool:
    return abs((_as_date(a) - _as_date(b)).days) <= 1


def _match_incident(row, candidates: list[tuple]) -> str | None:
    """The incident an event report belongs to: same type, source and target codes, dates within
    a day, places within INCIDENT_KM (two reports without a place go together)."""
    if not any(code and not code.startswith("---") for code in (row["source_code"], row["target_code"])):
        return None  # no country on either side ("unknown" → "civilians"): nothing ties two reports together
    lat, lon = row["location_lat"], row["location_lon"]
    placeless = lat is None or lon is None
    best, best_key = None, None
    for inc_id, etype, src, tgt, day, ilat, ilon in candidates:
        if etype != row["event_type"] or src != row["source_code"] or tgt != row["target_code"] \
                or not _same_day_window(day, row["day"]):
            continue
        if placeless or ilat is None or ilon is None:
            if not (placeless and (ilat is None or ilon is None)):
                continue
            d = 0.0  # two reports without a place go together
        else:
            d = haversine_km(lat, lon, ilat, ilon)
            if d > INCIDENT_KM:
                continue
        # the nearest place, then the nearest day, then the older incident: the same choice
        # whatever order the candidates come in
        key = (d, abs((_as_date(day) - _as_date(row["day"])).days), str(inc_id))
        if best_key is None or key < best_key:
            best, best_key = inc_id, key
    return best


def _insert_rows(con, table: str, columns: list[str], rows: list[list], conflict: str = "ON CONFLICT DO NOTHING"):
    """Insert many rows in one statement (a DataFrame scan), far cheaper than one per row."""
    if not rows:
        return
    import pandas as pd
    frame = pd.DataFrame(rows, columns=columns, dtype=object)
    con.register("_fp_rows", frame)
    try:
        con.execute(f"INSERT INTO {table} ({', '.join(columns)}) SELECT {', '.join(columns)} FROM _fp_rows {conflict}")
    finally:
        con.unregister("_fp_rows")


def _write_events(con, rows: list[dict[str, Any]]) -> dict[str, int]:
    """Store events, merge them into incidents, and note their actors and places: a handful of
    set-based statements per batch, whatever its number of events. Returns the events stored per
    article."""
    ids = list(dict.fromkeys(r["event_id"] for r in rows))
    existing = {r[0] for r in con.execute("SELECT event_id FROM events WHERE event_id IN (SELECT unnest(?))",
                                          [ids]).fetchall()} if ids else set()
    fresh, seen = [], set(existing)
    for r in rows:
        if r["event_id"] not in seen:
            seen.add(r["event_id"])
            fresh.append(r)
    if not fresh:
        return {}
    counted = [r for r in fresh if not (r["negated"] or r["hypothetical"]) and r["day"] is not None]
    candidates: list[tuple] = []
    if counted:
        days = sorted(str(r["day"]) for r in counted)
        candidates = [tuple(c) for c in con.execute(
            """SELECT incident_id, event_type, source_code, target_code, day, location_lat, location_lon
               FROM incidents WHERE day BETWEEN CAST(? AS DATE) - INTERVAL 1 DAY AND CAST(? AS DATE) + INTERVAL 1 DAY
                 AND event_type IN (SELECT unnest(?))""",
            [days[0], days[-1], sorted({r["event_type"] for r in counted})]).fetchall()]
    new_incidents, touched = [], set()
    for r in counted:
        inc = _match_incident(r, candidates)
        if inc is None:
            inc = r["event_id"]
            record = (inc, r["event_type"], r["source_code"], r["target_code"], r["day"], r["location_lat"],
                      r["location_lon"])
            candidates.append(record)
            new_incidents.append([*record, 0, 0])
        r["incident_id"] = inc
        touched.add(inc)
    _insert_rows(con, "incidents", ["incident_id", "event_type", "source_code", "target_code", "day",
                                    "location_lat", "location_lon", "n_reports", "n_articles"], new_incidents)
    _insert_rows(con, "events", EVENT_COLUMN_NAMES, [[r[c] for c in EVENT_COLUMN_NAMES] for r in fresh])
    if touched:
        con.execute(
            """UPDATE incidents SET n_reports = s.n, n_articles = s.a
               FROM (SELECT incident_id AS id, count(*) AS n, count(DISTINCT article_id) AS a FROM events
                     WHERE incident_id IN (SELECT unnest(?)) GROUP BY incident_id) AS s
               WHERE incidents.incident_id = s.id""", [sorted(touched)])
    actors = {}
    for r in fresh:
        for side in ("source", "target"):
            name, code = r[f"{side}_name"], r[f"{side}_code"]
            if name or code:
                key = f"{code or ''}|{name or ''}"
                actors.setdefault(key, [key, name, code, r[f"{side}_country"], r[f"{side}_sector"],
                                        r[f"{side}_actor_id"]])
    _insert_rows(con, "actors", ["actor_key", "name", "code", "country", "sector", "actor_id"], list(actors.values()))
    places = {}
    for r in fresh:
        if not r["location_name"] and r["location_lat"] is None:
            continue
        key = str(r["location_geonameid"]) if r["location_geonameid"] else \
            f"{r['location_name']}|{r['location_country']}|{r['location_lat']}|{r['location_lon']}"
        places.setdefault(key, [key, r["location_name"], r["location_country"], r["location_admin1"],
                                r["location_geonameid"], r["location_lat"], r["location_lon"], r["location_precision"]])
    _insert_rows(con, "places", ["place_key", "name", "country", "admin1", "geonameid", "lat", "lon", "precision"],
                 list(places.values()))
    stored: dict[str, int] = {}
    for r in fresh:
        stored[r["article_id"]] = stored.get(r["article_id"], 0) + 1
    return stored


def article_exists(con, article_id: str) -> bool:
    return con.execute("SELECT 1 FROM articles WHERE article_id = ?", [article_id]).fetchone() is not None


def known_raw_hashes(con, hashes: list[str]) -> set[str]:
    if not hashes:
        return set()
    rows = con.execute("SELECT raw_hash FROM articles WHERE raw_hash IN (SELECT unnest(?))", [hashes]).fetchall()
    return {r[0] for r in rows}


def write_document(con, doc: dict[str, Any], events: list[dict[str, Any]], raw_hash: str | None = None) -> WriteResult:
    """Store one coded article and its events in one transaction."""
    return write_documents(con, [(doc, events, raw_hash)])[0]


def write_documents(con, items: list[tuple[dict[str, Any], list[dict[str, Any]], str | None]]) -> list[WriteResult]:
    """Store a batch of coded articles and their events in one transaction: all of them or none,
    so that a failure loses nothing already stored and a retry duplicates nothing. Articles are
    written one after the other (a later one sees the earlier ones: the same text twice is stored
    once, a near-duplicate links to the first); their events go in with a handful of set-based
    statements for the whole batch, which is what makes batches cheap."""
    con.execute("BEGIN TRANSACTION")
    try:
        results, rows = [], []
        for doc, events, raw_hash in items:
            result, article_rows = _write_article(con, doc, events, raw_hash)
            results.append(result)
            rows += article_rows
        stored = _write_events(con, rows)
        con.execute("COMMIT")
    except BaseException:
        try:
            con.execute("ROLLBACK")
        except Exception:
            pass
        raise
    return [replace(r, events=stored.get(r.article_id, 0)) if r.status == "stored" else r for r in results]


def _write_article(con, doc: dict[str, Any], events: list[dict[str, Any]], raw_hash: str | None):
    """The article's row and MinHash bands (inside the caller's transaction); its event rows to store."""
    aid = doc["article_id"]
    if article_exists(con, aid):
        return WriteResult(aid, "exists"), []
    text = doc.get("text") or ""
    sig = minhash(text)
    keys = band_keys(sig)
    dup, sim = None, None
    cands = con.execute(
        """SELECT a.article_id, a.minhash FROM articles a
           WHERE a.article_id IN (SELECT article_id FROM article_bands WHERE band_key IN (SELECT unnest(?)))""",
        [keys]).fetchall()
    for cid, csig in cands:
        s = similarity(sig, csig)
        if s >= NEAR_DUP_THRESHOLD and (sim is None or s > sim):
            dup, sim = cid, s
    if dup is not None:
        # link to the first article of the story
        root = con.execute("SELECT duplicate_of FROM articles WHERE article_id = ?", [dup]).fetchone()
        if root and root[0]:
            dup = root[0]
    rows = [flatten_event(ev) for ev in events]
    con.execute(
        """INSERT INTO articles (article_id, source, title, author, published, url, text, content_hash,
               raw_hash, n_events, duplicate_of, similarity, minhash)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [aid, doc.get("article") or doc.get("source"), doc.get("title"), doc.get("author"),
         _date(doc.get("published")), doc.get("url"), text,
         hashlib.sha1(text.encode("utf-8", "replace")).hexdigest()[:16], raw_hash, len(rows), dup,
         None if sim is None else round(sim, 3), [int(x) for x in sig]])
    con.execute("INSERT INTO article_bands SELECT unnest(?), ?", [keys, aid])
    return WriteResult(aid, "stored", 0, dup, sim), rows


def record_failure(con, source: str, reason: str) -> None:
    con.execute("INSERT OR REPLACE INTO failures (source, reason, failed_at) VALUES (?, ?, current_timestamp)",
                [source, reason])


def clear_failure(con, source: str) -> None:
    con.execute("DELETE FROM failures WHERE source = ?", [source])
