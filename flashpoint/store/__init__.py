"""The event store: an embedded DuckDB database of articles, events, incidents, actors and places.

    >>> import flashpoint
    >>> store = flashpoint.open("flashpoint.duckdb")
    >>> store.timeline(interval="week", event_type="ASSAULT").pivot(index="period", columns="category", values="count").plot()

Every method takes the same filters as the API's ``/events`` (see ``queries.FILTER_HELP``) as
keyword arguments and returns a pandas DataFrame.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable

import pandas as pd

from ..config import Settings
from . import queries as Q
from .db import Reader, StoreBusy, StoreError, Writer
from .queries import EventFilter, FilterError

__all__ = ["Store", "StoreError", "StoreBusy", "FilterError", "EventFilter"]


class Store:
    def __init__(self, db: str | None = None, settings: Settings | None = None, create: bool = False):
        self.settings = settings or Settings()
        self.path = str(db or self.settings.db_path)
        if create and not Path(self.path).exists():
            with Writer(self.path).connection():
                pass
        self._reader = Reader(self.path)

    def __repr__(self):
        return f"Store({self.path!r})"

    # -- plumbing -------------------------------------------------------------------------
    def _df(self, sql: str, params: list[Any] | None = None) -> pd.DataFrame:
        with self._reader.connection() as cur:
            return cur.execute(sql, params or []).df()

    def _rows(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        with self._reader.connection() as cur:
            cur.execute(sql, params or [])
            names = [d[0] for d in cur.description]
            return [dict(zip(names, row)) for row in cur.fetchall()]

    def _one(self, sql: str, params: list[Any] | None = None):
        with self._reader.connection() as cur:
            return cur.execute(sql, params or []).fetchone()

    def sql(self, query: str, params: list[Any] | None = None) -> pd.DataFrame:
        """Run your own (read-only) SQL on the store."""
        return self._df(query, params)

    def close(self):
        self._reader.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    @staticmethod
    def filter(**filters) -> EventFilter:
        return EventFilter.parse(filters)

    # -- events ---------------------------------------------------------------------------
    def events(self, limit: int | None = None, offset: int = 0, order: str = "date",
               columns: Iterable[str] | None = None, **filters) -> pd.DataFrame:
        """Events (one row per report; ``one_per_incident=True`` for one per incident)."""
        sql, params = Q.events_sql(EventFilter.parse(filters), limit, offset, order, columns)
        return self._df(sql, params)

    def event_records(self, limit: int | None = None, offset: int = 0, order: str = "date", **filters) -> list[dict]:
        """Events as nested EVENTS.md records (dicts)."""
        sql, params = Q.events_sql(EventFilter.parse(filters), limit, offset, order)
        return [Q.to_record(r) for r in self._rows(sql, params)]

    def page(self, flt: EventFilter, limit: int = 100, offset: int = 0, order: str = "date",
             max_limit: int | None = None) -> tuple[int, list[dict[str, Any]]]:
        """(total, rows of one page) — the fast path the API uses."""
        sql, params = Q.page_sql(flt, limit, offset, order, max_limit)
        with self._reader.connection() as cur:
            total, rowids = cur.execute(sql, params).fetchone()
            rowids = list(rowids or [])
            if not rowids:
                return int(total), []
            if len(rowids) <= 200:
                id_of = dict(cur.execute(Q.IDS_BY_ROWIDS_SQL, [rowids]).fetchall())
                ids = [id_of[r] for r in rowids if r in id_of]
                cur.execute(Q.by_ids_sql(len(ids)), ids)
                names = [d[0] for d in cur.description]
                by_id = {row[0]: dict(zip(names, row)) for row in cur.fetchall()}
                return int(total), [by_id[i] for i in ids if i in by_id]
            cur.execute(Q.BY_ROWIDS_SQL, [rowids])
            names = [d[0] for d in cur.description][1:]
            by_row = {row[0]: dict(zip(names, row[1:])) for row in cur.fetchall()}
        return int(total), [by_row[r] for r in rowids if r in by_row]

    def count(self, **filters) -> int:
        sql, params = Q.count_sql(EventFilter.parse(filters))
        return int(self._one(sql, params)[0])

    def event(self, event_id: str) -> dict | None:
        rows = self._rows("SELECT * FROM events WHERE event_id = ?", [event_id])
        return Q.to_record(rows[0]) if rows else None

    def incidents(self, **filters) -> pd.DataFrame:
        """Incidents with the number of reports and articles behind each."""
        where, params = EventFilter.parse(filters).where("e")
        return self._df(f"""SELECT i.*, list(e.event_id ORDER BY e.event_id) AS event_ids
                              FROM incidents i JOIN events e ON e.incident_id = i.incident_id
                             WHERE {where} GROUP BY ALL ORDER BY i.day DESC, i.incident_id""", params)

    # -- actors, graph, timeline ----------------------------------------------------------
    def actors(self, limit: int | None = None, offset: int = 0, **filters) -> pd.DataFrame:
        sql, params = Q.actors_sql(EventFilter.parse(filters), limit, offset)
        return self._df(sql, params)

    def edges(self, by: str = "name", unit: str = "incidents", min_count: int = 1, limit: int | None = None,
              **filters) -> pd.DataFrame:
        """Actor network edges: source, target, count, mean_intensity, event_types, first_day, last_day."""
        sql, params = Q.edges_sql(EventFilter.parse(filters), by, unit, min_count, limit)
        return self._df(sql, params)

    graph_edges = edges

    def nodes(self, by: str = "name", **filters) -> pd.DataFrame:
        sql, params = Q.nodes_sql(EventFilter.parse(filters), by)
        return self._df(sql, params)

    def graph(self, by: str = "name", unit: str = "incidents", min_count: int = 1, **filters):
        """The actor network as a networkx DiGraph (node and edge attributes from nodes()/edges())."""
        import networkx as nx
        g = nx.DiGraph()
        edges = self.edges(by, unit, min_count, **filters)
        nodes = self.nodes(by, **filters)
        keep = set(edges["source"]) | set(edges["target"])
        for r in nodes.to_dict("records"):
            if r["id"] in keep:
                g.add_node(r["id"], **{k: _plain(v) for k, v in r.items() if k != "id"})
        for r in edges.to_dict("records"):
            g.add_edge(r["source"], r["target"], **{k: _plain(v) for k, v in r.items() if k not in ("source", "target")})
        return g

    def timeline(self, interval: str = "day", by: str = "event_type", unit: str = "incidents",
                 wide: bool = False, **filters) -> pd.DataFrame:
        """Counts per day/week/month and category (long form; ``wide=True`` pivots categories to columns)."""
        sql, params = Q.timeline_sql(EventFilter.parse(filters), interval, by, unit)
        df = self._df(sql, params)
        if wide:
            df = df.pivot(index="period", columns="category", values="count").fillna(0).astype(int)
        return df

    # -- articles -------------------------------------------------------------------------
    def articles(self, limit: int | None = None, offset: int = 0) -> pd.DataFrame:
        sql = ("SELECT article_id, source, title, author, published, url, n_events, duplicate_of, similarity, "
               "ingested_at FROM articles ORDER BY published DESC NULLS LAST, article_id")
        params: list[Any] = []
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params = [int(limit), int(offset)]
        return self._df(sql, params)

    def article(self, article_id: str, include_negated: bool = True) -> dict | None:
        """The cleaned text, its events, and ``marks``: where each event's sentence and trigger are in the text."""
        rows = self._rows("SELECT * EXCLUDE (minhash) FROM articles WHERE article_id = ?", [article_id])
        if not rows:
            return None
        art = Q.flat_record(rows[0])
        events = self.event_records(article_id=article_id, include_negated=include_negated, order="-date")
        events.sort(key=lambda e: (e.get("sentence_index") or 0, e["event_id"]))
        art["events"] = events
        art["marks"] = mark_sentences(art.get("text") or "", events)
        dups = self._rows("SELECT article_id, source, similarity FROM articles WHERE duplicate_of = ? ORDER BY article_id",
                          [article_id])
        art["near_duplicates"] = [Q.flat_record(d) for d in dups]
        return art

    def failures(self) -> pd.DataFrame:
        return self._df("SELECT source, reason, failed_at FROM failures ORDER BY failed_at, source")

    def places(self) -> pd.DataFrame:
        return self._df("SELECT * FROM places ORDER BY name")

    def stats(self) -> dict[str, int]:
        row = self._one("""SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events),
                                  (SELECT count(*) FROM incidents), (SELECT count(*) FROM actors),
                                  (SELECT count(*) FROM places), (SELECT count(*) FROM failures)""")
        return dict(zip(("articles", "events", "incidents", "actors", "places", "failures"), map(int, row)))

    # -- writing --------------------------------------------------------------------------
    def ingest(self, inputs, workers: int | None = None, progress: bool | None = False, **overrides):
        """Code and store files, folders, URLs or Article objects; returns an IngestReport."""
        from .ingest import ingest
        self._reader.close()
        self._reader = Reader(self.path)
        return ingest(inputs, self.path, self.settings.with_(**overrides), workers=workers, progress=progress)

    def export(self, format: str, out=None, **filters):
        from .exports import export
        return export(self, format, out, EventFilter.parse(filters))


def _plain(v):
    if hasattr(v, "isoformat"):
        return v.isoformat()[:10]
    if hasattr(v, "item"):
        return v.item()
    return v


def mark_sentences(text: str, events: list[dict]) -> list[dict]:
    """Character spans of the event sentences (and triggers) in the cleaned text."""
    marks: dict[tuple[int, int], dict] = {}
    for ev in events:
        sent = ev.get("sentence") or ""
        if not sent:
            continue
        start = text.find(sent)
        if start < 0:
            continue
        key = (start, start + len(sent))
        m = marks.setdefault(key, {"start": key[0], "end": key[1], "event_ids": [], "event_types": [], "triggers": []})
        m["event_ids"].append(ev["event_id"])
        m["event_types"].append(ev["event_type"])
        trig = ev.get("trigger") or {}
        if trig.get("start") is not None and trig.get("end") is not None:
            m["triggers"].append({"start": start + trig["start"], "end": start + trig["end"], "event_id": ev["event_id"]})
    return sorted(marks.values(), key=lambda m: m["start"])
