"""One filter model and the SQL behind every view of the store.

The API (query parameters), ``flashpoint.open(db)`` (keyword arguments) and ``flashpoint
export`` (options) all build an :class:`EventFilter` with :meth:`EventFilter.parse` and get
their SQL from the functions below. Every value reaches DuckDB as a bound parameter: the SQL
text is assembled only from fixed fragments chosen by which filters are set.
"""
from __future__ import annotations

import datetime as _dt
import json
import math
import re
from dataclasses import dataclass, field, fields
from typing import Any, Iterable, Mapping

from .schema import EVENT_COLUMN_NAMES, LEGACY_TYPES, PLOVER_TYPES, ACTOR_FIELDS, LOCATION_FIELDS


class FilterError(ValueError):
    """A filter value that cannot be used; the message says what to send instead."""


MAX_LIST = 200
MAX_STR = 200
_CODE = re.compile(r"^[A-Za-z0-9_\-]{1,32}$")

# name -> help text (also used for the API's OpenAPI docs and the CLI options)
FILTER_HELP = {
    "start": "first day (YYYY-MM-DD) of the event date (the publication date when the text gives none)",
    "end": "last day (YYYY-MM-DD), inclusive",
    "event_type": "PLOVER event type(s), comma-separated (e.g. ASSAULT,COERCE)",
    "mode": "PLOVER mode(s), comma-separated (e.g. drone,aerial)",
    "quad_class": "quad class(es) 1-4: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict",
    "source_country": "source actor country code(s), ISO alpha-3 or IGO/UNO/EUR/NGO/MNC",
    "target_country": "target actor country code(s)",
    "country": "country code(s) of either actor",
    "source_sector": "source actor sector(s) (GOV, MIL, UAF, ...)",
    "target_sector": "target actor sector(s)",
    "sector": "sector(s) of either actor",
    "source_code": "source actor code(s) (country + sector, e.g. IRQUAF)",
    "target_code": "target actor code(s)",
    "code": "actor code(s) of either actor",
    "actor": "words in either actor's name or text (case-insensitive)",
    "source_actor": "words in the source actor's name or text",
    "target_actor": "words in the target actor's name or text",
    "location_country": "country code(s) of the event location",
    "bbox": "bounding box min_lon,min_lat,max_lon,max_lat (degrees)",
    "q": "words in the sentence or article title (case-insensitive)",
    "article_id": "only events of these article(s)",
    "incident_id": "only reports of these incident(s)",
    "min_confidence": "lowest confidence (0-1)",
    "include_negated": "also return negated and hypothetical events (left out by default)",
    "one_per_incident": "one row per incident (its first report) instead of every report",
}


def _split(value) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        items = value.split(",")
    elif isinstance(value, Iterable):
        items = []
        for v in value:
            items.extend(str(v).split(",") if isinstance(v, str) else [str(v)])
    else:
        items = [str(value)]
    items = [i.strip() for i in items if str(i).strip()]
    if len(items) > MAX_LIST:
        raise FilterError(f"too many values ({len(items)}); send at most {MAX_LIST}")
    return items


def _text(name, value) -> str | None:
    if value is None or value == "":
        return None
    value = str(value)
    if len(value) > MAX_STR:
        raise FilterError(f"{name} is too long ({len(value)} characters); send at most {MAX_STR}")
    return value


def _date(name, value) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()[:10]
    s = str(value).strip()
    try:
        return _dt.date.fromisoformat(s[:10] if len(s) >= 10 and s[10:11] in ("T", " ") else s).isoformat()
    except ValueError:
        raise FilterError(f"{name} must be a date like 2024-01-05, not {s[:40]!r}") from None


def _bool(name, value) -> bool:
    if isinstance(value, bool):
        return value
    if value is None or value == "":
        return False
    s = str(value).strip().lower()
    if s in ("1", "true", "yes", "on"):
        return True
    if s in ("0", "false", "no", "off"):
        return False
    raise FilterError(f"{name} must be true or false, not {s[:40]!r}")


@dataclass
class EventFilter:
    start: str | None = None
    end: str | None = None
    event_type: list[str] = field(default_factory=list)
    mode: list[str] = field(default_factory=list)
    quad_class: list[int] = field(default_factory=list)
    source_country: list[str] = field(default_factory=list)
    target_country: list[str] = field(default_factory=list)
    country: list[str] = field(default_factory=list)
    source_sector: list[str] = field(default_factory=list)
    target_sector: list[str] = field(default_factory=list)
    sector: list[str] = field(default_factory=list)
    source_code: list[str] = field(default_factory=list)
    target_code: list[str] = field(default_factory=list)
    code: list[str] = field(default_factory=list)
    actor: str | None = None
    source_actor: str | None = None
    target_actor: str | None = None
    location_country: list[str] = field(default_factory=list)
    bbox: tuple[float, float, float, float] | None = None
    q: str | None = None
    article_id: list[str] = field(default_factory=list)
    incident_id: list[str] = field(default_factory=list)
    min_confidence: float | None = None
    include_negated: bool = False
    one_per_incident: bool = False

    @classmethod
    def names(cls) -> list[str]:
        return [f.name for f in fields(cls)]

    @classmethod
    def parse(cls, params: Mapping[str, Any] | None = None, **kwargs) -> "EventFilter":
        """Build a filter from strings (query parameters, CLI options) or Python values.

        Unknown names are an error, so a typo never silently returns everything."""
        data = dict(params or {})
        data.update(kwargs)
        data = {k: v for k, v in data.items() if v is not None and v != "" and v != [] and v != ()}
        for alias, name in (("since", "start"), ("until", "end"), ("type", "event_type"), ("types", "event_type"),
                            ("quad", "quad_class"), ("text", "q"), ("location", "location_country")):
            if alias in data and name not in data:
                data[name] = data.pop(alias)
        unknown = sorted(set(data) - set(cls.names()))
        if unknown:
            raise FilterError(f"unknown filter {', '.join(unknown)}; known filters: {', '.join(cls.names())}")
        f = cls()
        f.start = _date("start", data.get("start"))
        f.end = _date("end", data.get("end"))
        if f.start and f.end and f.start > f.end:
            raise FilterError(f"start ({f.start}) is after end ({f.end})")
        types = []
        for t in _split(data.get("event_type")):
            t = LEGACY_TYPES.get(t.upper(), t.upper())
            if t not in PLOVER_TYPES:
                raise FilterError(f"unknown event type {t[:40]!r}; use one of {', '.join(PLOVER_TYPES)}")
            types.append(t)
        f.event_type = types
        f.mode = [m.lower() for m in _split(data.get("mode"))]
        for m in f.mode:
            if len(m) > 40:
                raise FilterError("mode is too long")
        quads = []
        for q in _split(data.get("quad_class")):
            if q not in ("1", "2", "3", "4"):
                raise FilterError(f"quad_class must be 1, 2, 3 or 4, not {q[:40]!r}")
            quads.append(int(q))
        f.quad_class = quads
        for name in ("source_country", "target_country", "country", "source_sector", "target_sector", "sector",
                     "source_code", "target_code", "code", "location_country"):
            vals = [v.upper() for v in _split(data.get(name))]
            for v in vals:
                if not _CODE.match(v):
                    raise FilterError(f"{name} takes codes of letters and digits (like IRQ or USAMIL), not {v[:40]!r}")
            setattr(f, name, vals)
        for name in ("actor", "source_actor", "target_actor", "q"):
            setattr(f, name, _text(name, data.get(name)))
        f.article_id = [_text("article_id", a) for a in _split(data.get("article_id"))]
        f.incident_id = [_text("incident_id", a) for a in _split(data.get("incident_id"))]
        if data.get("bbox") is not None:
            parts = _split(data["bbox"])
            try:
                nums = [float(p) for p in parts]
            except ValueError:
                nums = []
            if len(nums) != 4 or not all(math.isfinite(n) for n in nums):
                raise FilterError("bbox must be four numbers: min_lon,min_lat,max_lon,max_lat")
            x0, y0, x1, y1 = nums
            if not (-180 <= x0 <= 180 and -180 <= x1 <= 180 and -90 <= y0 <= 90 and -90 <= y1 <= 90) or y0 > y1:
                raise FilterError("bbox must be min_lon,min_lat,max_lon,max_lat with longitudes in -180..180, "
                                  "latitudes in -90..90 and min_lat <= max_lat")
            f.bbox = (x0, y0, x1, y1)
        if data.get("min_confidence") is not None:
            try:
                c = float(data["min_confidence"])
            except (TypeError, ValueError):
                raise FilterError("min_confidence must be a number between 0 and 1") from None
            if not 0 <= c <= 1:
                raise FilterError("min_confidence must be a number between 0 and 1")
            f.min_confidence = c
        f.include_negated = _bool("include_negated", data.get("include_negated"))
        f.one_per_incident = _bool("one_per_incident", data.get("one_per_incident"))
        return f

    def where(self, alias: str = "") -> tuple[str, list[Any]]:
        """SQL condition (fixed fragments, ``?`` placeholders) and its parameters."""
        a = f"{alias}." if alias else ""
        conds: list[str] = []
        params: list[Any] = []

        def isin(col, values):
            conds.append(f"{a}{col} IN ({', '.join('?' * len(values))})")
            params.extend(values)

        if not self.include_negated:
            conds.append(f"NOT {a}negated AND NOT {a}hypothetical")
        if self.start:
            conds.append(f"{a}day >= CAST(? AS DATE)")
            params.append(self.start)
        if self.end:
            conds.append(f"{a}day <= CAST(? AS DATE)")
            params.append(self.end)
        for col in ("event_type", "mode", "quad_class", "source_country", "target_country", "source_sector",
                    "target_sector", "source_code", "target_code", "location_country", "article_id", "incident_id"):
            vals = getattr(self, col)
            if vals:
                isin(col, vals)
        for name, (c1, c2) in (("country", ("source_country", "target_country")),
                               ("sector", ("source_sector", "target_sector")),
                               ("code", ("source_code", "target_code"))):
            vals = getattr(self, name)
            if vals:
                ph = ", ".join("?" * len(vals))
                conds.append(f"({a}{c1} IN ({ph}) OR {a}{c2} IN ({ph}))")
                params.extend(vals + vals)
        for name, sides in (("actor", ("source", "target")), ("source_actor", ("source",)), ("target_actor", ("target",))):
            val = getattr(self, name)
            if val:
                parts = []
                for s in sides:
                    parts.append(f"contains(lower(coalesce({a}{s}_name, '')), ?)")
                    parts.append(f"contains(lower(coalesce({a}{s}_text, '')), ?)")
                    params.extend([val.lower(), val.lower()])
                conds.append("(" + " OR ".join(parts) + ")")
        if self.q:
            pattern = "%" + self.q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            conds.append(f"({a}sentence ILIKE ? ESCAPE '\\' OR {a}title ILIKE ? ESCAPE '\\')")
            params.extend([pattern, pattern])
        if self.bbox:
            x0, y0, x1, y1 = self.bbox
            conds.append(f"{a}location_lat BETWEEN ? AND ?")
            params.extend([y0, y1])
            if x0 <= x1:
                conds.append(f"{a}location_lon BETWEEN ? AND ?")
                params.extend([x0, x1])
            else:  # crosses the antimeridian
                conds.append(f"({a}location_lon >= ? OR {a}location_lon <= ?)")
                params.extend([x0, x1])
        if self.min_confidence is not None:
            conds.append(f"{a}confidence >= ?")
            params.append(self.min_confidence)
        if self.one_per_incident:
            conds.append(f"({a}incident_id IS NULL OR {a}incident_id = {a}event_id)")
        return (" AND ".join(conds) if conds else "TRUE"), params


def _limit(limit, offset, max_limit: int | None) -> tuple[int | None, int]:
    try:
        limit = None if limit is None else int(limit)
        offset = int(offset or 0)
    except (TypeError, ValueError):
        raise FilterError("limit and offset must be whole numbers") from None
    if limit is not None and limit < 0 or offset < 0:
        raise FilterError("limit and offset must not be negative")
    if max_limit is not None and (limit is None or limit > max_limit):
        if limit is not None:
            raise FilterError(f"limit is at most {max_limit}; page with offset")
        limit = max_limit
    return limit, offset


ORDERS = {"date": "day DESC NULLS LAST, event_id", "-date": "day ASC NULLS LAST, event_id",
          "intensity": "intensity ASC NULLS LAST, event_id", "confidence": "confidence DESC NULLS LAST, event_id"}
# For paging: the same orders with the row number as tie-breaker (cheaper than comparing ids).
_PAGE_ORDERS = {"date": ("day", "day DESC NULLS LAST, r"), "-date": ("day", "day ASC NULLS LAST, r"),
                "intensity": ("intensity", "intensity ASC NULLS LAST, r"),
                "confidence": ("confidence", "confidence DESC NULLS LAST, r")}


def page_sql(f: EventFilter, limit=100, offset=0, order: str = "date",
             max_limit: int | None = None) -> tuple[str, list[Any]]:
    """One row: (total matching, [rowid, ...] of the page in order).

    Only the filter and sort columns are read here; the page's rows are then fetched by row
    number, or for small pages by id through the primary-key index. On a million events this is several times
    faster than sorting whole rows."""
    where, params = f.where()
    if order not in _PAGE_ORDERS:
        raise FilterError(f"order must be one of {', '.join(ORDERS)}")
    limit, offset = _limit(limit, offset, max_limit)
    col, order_by = _PAGE_ORDERS[order]
    sql = f"""WITH m AS MATERIALIZED (SELECT rowid AS r, {col} FROM events WHERE {where})
              SELECT (SELECT count(*) FROM m) AS total,
                     (SELECT coalesce(list(r ORDER BY {order_by}), []) FROM
                        (SELECT r, {col} FROM m ORDER BY {order_by} LIMIT ? OFFSET ?)) AS rowids"""
    return sql, params + [100 if limit is None else limit, offset]


IDS_BY_ROWIDS_SQL = "SELECT rowid, event_id FROM events WHERE rowid IN (SELECT unnest(?::BIGINT[]))"


def by_ids_sql(n: int) -> str:
    """Rows by event id (primary-key index lookups: best for small pages)."""
    return f"SELECT * FROM events WHERE event_id IN ({', '.join('?' * n)})" if n else "SELECT * FROM events WHERE false"


BY_ROWIDS_SQL = "SELECT rowid AS __rowid, * FROM events WHERE rowid IN (SELECT unnest(?::BIGINT[]))"  # best for large pages


def events_sql(f: EventFilter, limit=None, offset=0, order: str = "date", columns: Iterable[str] | None = None,
               max_limit: int | None = None) -> tuple[str, list[Any]]:
    where, params = f.where()
    if order not in ORDERS:
        raise FilterError(f"order must be one of {', '.join(ORDERS)}")
    cols = list(columns) if columns else EVENT_COLUMN_NAMES
    for c in cols:
        if c not in EVENT_COLUMN_NAMES:
            raise FilterError(f"unknown column {c!r}")
    limit, offset = _limit(limit, offset, max_limit)
    sql = f"SELECT {', '.join(cols)} FROM events WHERE {where} ORDER BY {ORDERS[order]}"
    if limit is not None:
        sql += " LIMIT ?"
        params = params + [limit]
    if offset:
        sql += " OFFSET ?"
        params = params + [offset]
    return sql, params


def count_sql(f: EventFilter) -> tuple[str, list[Any]]:
    where, params = f.where()
    return f"SELECT count(*) FROM events WHERE {where}", params


def _unit(unit: str) -> str:
    if unit == "events":
        return "count(*)"
    if unit == "incidents":
        return "count(DISTINCT coalesce(incident_id, event_id))"
    raise FilterError("unit must be events or incidents")


def actors_sql(f: EventFilter, limit=None, offset=0, max_limit=None) -> tuple[str, list[Any]]:
    where, params = f.where()
    limit, offset = _limit(limit, offset, max_limit)
    sql = f"""
        WITH e AS (SELECT * FROM events WHERE {where}),
        sides AS (
            SELECT coalesce(source_name, source_code) AS name, source_code AS code, source_country AS country,
                   source_sector AS sector, 1 AS as_source, 0 AS as_target, intensity, day FROM e
             WHERE source_name IS NOT NULL OR source_code IS NOT NULL
            UNION ALL
            SELECT coalesce(target_name, target_code), target_code, target_country, target_sector, 0, 1, intensity, day FROM e
             WHERE target_name IS NOT NULL OR target_code IS NOT NULL)
        SELECT name, code, country, sector, sum(as_source)::BIGINT AS as_source, sum(as_target)::BIGINT AS as_target,
               count(*) AS events, round(avg(intensity), 3) AS mean_intensity, min(day) AS first_day, max(day) AS last_day
          FROM sides GROUP BY name, code, country, sector ORDER BY events DESC, name"""
    if limit is not None:
        sql += " LIMIT ?"
        params = params + [limit]
    if offset:
        sql += " OFFSET ?"
        params = params + [offset]
    return sql, params


def _node(side: str, by: str) -> str:
    if by == "name":
        return f"coalesce({side}_name, {side}_code)"
    if by == "code":
        return f"coalesce({side}_code, {side}_name)"
    if by == "country":
        return f"coalesce({side}_country, {side}_code, {side}_name)"
    raise FilterError("by must be name, code or country")


def edges_sql(f: EventFilter, by: str = "name", unit: str = "incidents", min_count: int = 1,
              limit: int | None = None) -> tuple[str, list[Any]]:
    where, params = f.where()
    s, t = _node("source", by), _node("target", by)
    sql = f"""SELECT {s} AS source, {t} AS target, {_unit(unit)} AS count,
                     round(avg(intensity), 3) AS mean_intensity,
                     string_agg(DISTINCT event_type, ',' ORDER BY event_type) AS event_types,
                     min(day) AS first_day, max(day) AS last_day
                FROM events WHERE {where} AND {s} IS NOT NULL AND {t} IS NOT NULL
               GROUP BY 1, 2 HAVING {_unit(unit)} >= ? ORDER BY count DESC, source, target"""
    params = params + [int(min_count)]
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    return sql, params


def nodes_sql(f: EventFilter, by: str = "name") -> tuple[str, list[Any]]:
    where, params = f.where()
    sql = f"""WITH e AS (SELECT * FROM events WHERE {where})
        SELECT id, any_value(code) AS code, any_value(country) AS country, any_value(sector) AS sector,
               count(*) AS events, round(avg(intensity), 3) AS mean_intensity FROM (
            SELECT {_node('source', by)} AS id, source_code AS code, source_country AS country, source_sector AS sector,
                   intensity FROM e
            UNION ALL
            SELECT {_node('target', by)}, target_code, target_country, target_sector, intensity FROM e)
        WHERE id IS NOT NULL GROUP BY id ORDER BY events DESC, id"""
    return sql, params


TIMELINE_BY = {"event_type": "event_type", "quad_class": "quad_class", "none": "'all'",
               "source_country": "source_country", "location_country": "location_country"}


def timeline_sql(f: EventFilter, interval: str = "day", by: str = "event_type",
                 unit: str = "incidents") -> tuple[str, list[Any]]:
    if interval not in ("day", "week", "month"):
        raise FilterError("interval must be day, week or month")
    if by not in TIMELINE_BY:
        raise FilterError(f"by must be one of {', '.join(TIMELINE_BY)}")
    where, params = f.where()
    cat = TIMELINE_BY[by]
    if unit == "incidents":  # an incident counts once, on the day of its first report
        sql = f"""WITH e AS (SELECT coalesce(incident_id, event_id) AS iid, day, CAST({cat} AS VARCHAR) AS category
                               FROM events WHERE {where} AND day IS NOT NULL),
                       i AS (SELECT iid, min(day) AS day, min(category) AS category FROM e GROUP BY iid)
                  SELECT CAST(date_trunc('{interval}', day) AS DATE) AS period, category, count(*) AS count
                    FROM i GROUP BY 1, 2 ORDER BY 1, 2"""
    else:
        sql = f"""SELECT CAST(date_trunc('{interval}', day) AS DATE) AS period, CAST({cat} AS VARCHAR) AS category,
                         {_unit(unit)} AS count
                    FROM events WHERE {where} AND day IS NOT NULL
                   GROUP BY 1, 2 ORDER BY 1, 2"""
    return sql, params


# -- turning rows back into EVENTS.md records ---------------------------------------------

def _jsonable(v):
    if isinstance(v, (_dt.date, _dt.datetime)):
        return v.isoformat()[:10]
    if isinstance(v, float) and math.isnan(v):
        return None
    if hasattr(v, "item"):  # numpy scalar
        return v.item()
    return v


def flat_record(row: Mapping[str, Any]) -> dict[str, Any]:
    return {k: _jsonable(v) for k, v in row.items()}


def to_record(row: Mapping[str, Any]) -> dict[str, Any]:
    """A flat ``events`` row -> the nested record of EVENTS.md (plus quad_class, title, incident_id)."""
    r = flat_record(row)
    out: dict[str, Any] = {}
    for k in ("event_id", "article_id", "article", "title", "published", "sentence_index", "sentence"):
        out[k] = r.get(k)
    out["trigger"] = {"text": r.get("trigger_text"), "start": r.get("trigger_start"), "end": r.get("trigger_end")}
    for k in ("event_type", "mode", "cameo", "intensity", "quad_class"):
        out[k] = r.get(k)
    for side in ("source", "target"):
        actor = {f: r.get(f"{side}_{f}") for f in ACTOR_FIELDS}
        if all(v is None for v in actor.values()):
            out[side] = None
        else:
            if actor.get("actor_id") is None:
                actor.pop("actor_id")
            out[side] = actor
    loc = {f: r.get(f"location_{f}") for f in LOCATION_FIELDS}
    out["location"] = None if all(v is None for v in loc.values()) else loc
    for k in ("date", "date_text", "fatalities", "injuries", "arrests", "negated", "hypothetical", "said_by",
              "confidence", "evidence", "incident_id"):
        out[k] = r.get(k)
    extra = r.get("extra")
    if extra:
        try:
            for k, v in json.loads(extra).items():
                out.setdefault(k, v)
        except (TypeError, ValueError):
            pass
    return out
