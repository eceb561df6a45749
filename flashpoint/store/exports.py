"""Export formats, registered in ``flashpoint.registry.exporters``.

Each exporter is ``fn(store, event_filter, out)`` where ``out`` is a path (or ``None``/``-``
for standard output; Parquet needs a folder) and returns the number of records written.
Rows are streamed from DuckDB in chunks, so exports of any size run in flat memory.
"""
from __future__ import annotations

import contextlib
import csv
import io
import json
import sys
from pathlib import Path
from typing import Any, Iterator

from .. import registry
from . import queries as Q
from .queries import EventFilter

CHUNK = 10_000
FORMATS = ("plover-jsonl", "csv", "acled-csv", "cameo-tsv", "geojson", "graphml", "parquet")


class ExportError(Exception):
    pass


@contextlib.contextmanager
def _text_out(out):
    if out is None or str(out) == "-":
        yield sys.stdout
        sys.stdout.flush()
    elif hasattr(out, "write"):
        yield out
    else:
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        with open(out, "w", encoding="utf-8", newline="") as fh:
            yield fh


def _rows(store, flt: EventFilter, order: str = "-date") -> Iterator[dict[str, Any]]:
    sql, params = Q.events_sql(flt, order=order)
    with store._reader.connection() as cur:
        cur.execute(sql, params)
        names = [d[0] for d in cur.description]
        while True:
            chunk = cur.fetchmany(CHUNK)
            if not chunk:
                break
            for row in chunk:
                yield dict(zip(names, row))


@registry.exporters.register("plover-jsonl")
def export_plover_jsonl(store, flt: EventFilter, out=None) -> int:
    """One EVENTS.md record per line (plus quad_class, title, incident_id)."""
    n = 0
    with _text_out(out) as fh:
        for row in _rows(store, flt):
            fh.write(json.dumps(Q.to_record(row), ensure_ascii=False) + "\n")
            n += 1
    return n


@registry.exporters.register("csv")
def export_csv(store, flt: EventFilter, out=None) -> int:
    """Flat columns of the events table (source_country, location_lat, ...)."""
    n = 0
    with _text_out(out) as fh:
        w = None
        for row in _rows(store, flt):
            rec = Q.flat_record(row)
            if w is None:
                w = csv.DictWriter(fh, fieldnames=list(rec))
                w.writeheader()
            w.writerow(rec)
            n += 1
        if w is None:
            csv.writer(fh).writerow(Q.EVENT_COLUMN_NAMES)
    return n


ACLED_COLUMNS = ["event_date", "event_type", "sub_event_type", "actor1", "actor2", "country", "location",
                 "latitude", "longitude", "fatalities", "notes", "source"]
_REMOTE = {"aerial", "drone", "explosives", "heavy-weapons", "suicide-attack", "unconventional"}


def acled_type(event_type: str, mode: str | None, target_sector: str | None) -> str:
    """An ACLED-like event type for a PLOVER event (the PLOVER type and mode go to sub_event_type)."""
    if event_type == "ASSAULT":
        if mode in _REMOTE:
            return "Explosions/Remote violence"
        if target_sector in ("CVL", "REF", "JRN", "MED", "EDU", "REL", "LAB", "AGR"):
            return "Violence against civilians"
        return "Battles"
    if event_type == "PROTEST":
        return "Riots" if mode == "riot" else "Protests"
    return "Strategic developments"


def _actor_label(row, side):
    name, code = row.get(f"{side}_name"), row.get(f"{side}_code")
    if name and code:
        return f"{name} ({code})"
    return name or code or ""


@registry.exporters.register("acled-csv")
def export_acled_csv(store, flt: EventFilter, out=None) -> int:
    n = 0
    with _text_out(out) as fh:
        w = csv.writer(fh)
        w.writerow(ACLED_COLUMNS)
        for row in _rows(store, flt):
            r = Q.flat_record(row)
            sub = r["event_type"] + (f" ({r['mode']})" if r.get("mode") else "")
            w.writerow([r.get("day") or "", acled_type(r["event_type"], r.get("mode"), r.get("target_sector")), sub,
                        _actor_label(r, "source"), _actor_label(r, "target"),
                        r.get("location_country") or "", r.get("location_name") or "",
                        "" if r.get("location_lat") is None else r["location_lat"],
                        "" if r.get("location_lon") is None else r["location_lon"],
                        "" if r.get("fatalities") is None else r["fatalities"],
                        r.get("sentence") or "", r.get("article") or ""])
            n += 1
    return n


@registry.exporters.register("cameo-tsv")
def export_cameo_tsv(store, flt: EventFilter, out=None) -> int:
    """PETRARCH-style lines: date, source code, target code, CAMEO code, then ids and the article.

    Columns: YYYYMMDD, source, target, CAMEO code (empty when none maps), PLOVER type, quad class,
    intensity (Goldstein-like), event_id, article_id, article. No header line, as PETRARCH."""
    n = 0
    with _text_out(out) as fh:
        for row in _rows(store, flt):
            r = Q.flat_record(row)
            day = (r.get("day") or "").replace("-", "")
            fields = [day, r.get("source_code") or "---", r.get("target_code") or "---", r.get("cameo") or "",
                      r["event_type"], str(r.get("quad_class") or ""),
                      "" if r.get("intensity") is None else str(r["intensity"]),
                      r["event_id"], r["article_id"], r.get("article") or ""]
            fh.write("\t".join(f.replace("\t", " ").replace("\n", " ") for f in fields) + "\n")
            n += 1
    return n


@registry.exporters.register("geojson")
def export_geojson(store, flt: EventFilter, out=None) -> int:
    """A FeatureCollection of events with coordinates (points, WGS84), flat properties."""
    n = 0
    with _text_out(out) as fh:
        fh.write('{"type": "FeatureCollection", "features": [\n')
        for row in _rows(store, flt):
            if row.get("location_lat") is None or row.get("location_lon") is None:
                continue
            props = Q.flat_record(row)
            feat = {"type": "Feature", "id": row["event_id"],
                    "geometry": {"type": "Point", "coordinates": [row["location_lon"], row["location_lat"]]},
                    "properties": props}
            fh.write(("" if n == 0 else ",\n") + json.dumps(feat, ensure_ascii=False))
            n += 1
        fh.write("\n]}\n")
    return n


def _graphml_value(v):
    if v is None:
        return ""
    if hasattr(v, "isoformat"):
        return v.isoformat()[:10]
    if hasattr(v, "item"):
        return v.item()
    return v


@registry.exporters.register("graphml")
def export_graphml(store, flt: EventFilter, out=None) -> int:
    """The actor network (nodes: actors; edges: source -> target with count and mean intensity)."""
    import networkx as nx
    from dataclasses import asdict
    g = store.graph(**{k: v for k, v in asdict(flt).items() if v not in (None, [], False)})
    for _, data in g.nodes(data=True):
        for k in list(data):
            data[k] = _graphml_value(data[k])
    for _, _, data in g.edges(data=True):
        for k in list(data):
            data[k] = _graphml_value(data[k])
    if out is None or str(out) == "-":
        buf = io.BytesIO()
        nx.write_graphml(g, buf)
        sys.stdout.write(buf.getvalue().decode("utf-8"))
    else:
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        nx.write_graphml(g, str(out))
    return g.number_of_edges()


@registry.exporters.register("parquet")
def export_parquet(store, flt: EventFilter, out=None) -> int:
    """Parquet files partitioned by event day (hive style: OUT/day=2024-01-04/part-0.parquet)."""
    import pyarrow as pa
    import pyarrow.dataset as ds
    if out is None or str(out) == "-":
        raise ExportError("parquet export writes a folder of files: give one with -o/--output")
    sql, params = Q.events_sql(flt, order="-date")
    sql = f"SELECT * FROM ({sql}) WHERE day IS NOT NULL"
    with store._reader.connection() as cur:
        reader = cur.sql(sql, params=params).to_arrow_reader(CHUNK)
        n = 0

        def batches():
            nonlocal n
            for b in reader:
                n += b.num_rows
                yield b
        ds.write_dataset(batches(), str(out), schema=reader.schema, format="parquet",
                         partitioning=ds.partitioning(pa.schema([("day", pa.date32())]), flavor="hive"),
                         existing_data_behavior="delete_matching", basename_template="part-{i}.parquet")
    return n


def export(store, format: str, out=None, flt: EventFilter | None = None) -> int:
    try:
        fn = registry.exporters.get(format)
    except KeyError:
        raise ExportError(f"unknown export format {format!r}; use one of {', '.join(FORMATS)}") from None
    return fn(store, flt or EventFilter(), out)
