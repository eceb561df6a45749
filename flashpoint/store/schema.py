"""The store's tables (DuckDB).

``events`` carries the fields of docs/EVENTS.md; nested objects are flattened with a prefix
(``source.country`` -> ``source_country``, ``location.lat`` -> ``location_lat``,
``trigger.text`` -> ``trigger_text``). ``day`` is the event's date, or the publication
date when the text gives none; every date filter, the timeline and the Parquet partitions
use it. ``quad_class`` follows PLOVER.md. ``incident_id`` links the reports of one incident.
"""
from __future__ import annotations

SCHEMA_VERSION = 1

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
                "REQUEST", "ACCUSE", "REJECT", "THREATEN", "SANCTION",
                "PROTEST", "MOBILIZE", "COERCE", "ASSAULT")

QUAD_CLASS = {t: 1 for t in ("AGREE", "CONSULT", "SUPPORT", "CONCEDE")}
QUAD_CLASS.update({t: 2 for t in ("COOPERATE", "AID", "RETREAT")})
QUAD_CLASS.update({t: 3 for t in ("REQUEST", "ACCUSE", "REJECT", "THREATEN", "SANCTION")})
QUAD_CLASS.update({t: 4 for t in ("PROTEST", "MOBILIZE", "COERCE", "ASSAULT")})
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
# Older PLOVER names (and the GSR gold records) -> current names.
LEGACY_TYPES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}

ACTOR_FIELDS = ("text", "name", "code", "country", "sector", "actor_id")
LOCATION_FIELDS = ("text", "name", "country", "admin1", "geonameid", "lat", "lon", "precision")

# (column, DuckDB type) in the order of the contract.
EVENT_COLUMNS: list[tuple[str, str]] = [
    ("event_id", "VARCHAR PRIMARY KEY"),
    ("article_id", "VARCHAR NOT NULL"),
    ("article", "VARCHAR"),
    ("title", "VARCHAR"),
    ("published", "DATE"),
    ("sentence_index", "INTEGER"),
    ("sentence", "VARCHAR"),
    ("trigger_text", "VARCHAR"),
    ("trigger_start", "INTEGER"),
    ("trigger_end", "INTEGER"),
    ("event_type", "VARCHAR NOT NULL"),
    ("mode", "VARCHAR"),
    ("cameo", "VARCHAR"),
    ("intensity", "DOUBLE"),
    ("quad_class", "TINYINT"),
    *[(f"source_{f}", "VARCHAR") for f in ACTOR_FIELDS],
    *[(f"target_{f}", "VARCHAR") for f in ACTOR_FIELDS],
    ("location_text", "VARCHAR"),
    ("location_name", "VARCHAR"),
    ("location_country", "VARCHAR"),
    ("location_admin1", "VARCHAR"),
    ("location_geonameid", "BIGINT"),
    ("location_lat", "DOUBLE"),
    ("location_lon", "DOUBLE"),
    ("location_precision", "VARCHAR"),
    ("date", "DATE"),
    ("date_text", "VARCHAR"),
    ("day", "DATE"),
    ("fatalities", "INTEGER"),
    ("injuries", "INTEGER"),
    ("arrests", "INTEGER"),
    ("negated", "BOOLEAN NOT NULL DEFAULT false"),
    ("hypothetical", "BOOLEAN NOT NULL DEFAULT false"),
    ("said_by", "VARCHAR"),
    ("confidence", "DOUBLE"),
    ("evidence", "VARCHAR"),
    ("incident_id", "VARCHAR"),
    ("extra", "JSON"),  # any further fields the pipeline added, kept as they came
]
EVENT_COLUMN_NAMES = [c for c, _ in EVENT_COLUMNS]

DDL = [
    "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
    """CREATE TABLE IF NOT EXISTS articles (
        article_id VARCHAR PRIMARY KEY,
        source VARCHAR,            -- the input path or URL (the events' "article" field)
        title VARCHAR,
        author VARCHAR,
        published DATE,
        url VARCHAR,
        text VARCHAR,              -- the cleaned text the events' sentences come from
        content_hash VARCHAR,      -- hash of the cleaned text
        raw_hash VARCHAR,          -- hash of the input as read (skips re-reading known inputs)
        n_events INTEGER,
        duplicate_of VARCHAR,      -- an earlier article telling the same story (near-duplicate)
        similarity DOUBLE,         -- estimated Jaccard similarity to duplicate_of
        minhash UBIGINT[],
        ingested_at TIMESTAMP DEFAULT current_timestamp
    )""",
    "CREATE TABLE IF NOT EXISTS article_bands (band_key BIGINT, article_id VARCHAR)",
    "CREATE TABLE IF NOT EXISTS events (" + ",\n".join(f"{c} {t}" for c, t in EVENT_COLUMNS) + ")",
    """CREATE TABLE IF NOT EXISTS incidents (
        incident_id VARCHAR PRIMARY KEY,   -- the event_id of its first report
        event_type VARCHAR, source_code VARCHAR, target_code VARCHAR,
        day DATE, location_lat DOUBLE, location_lon DOUBLE,
        n_reports INTEGER, n_articles INTEGER
    )""",
    """CREATE TABLE IF NOT EXISTS actors (
        actor_key VARCHAR PRIMARY KEY,     -- code|name
        name VARCHAR, code VARCHAR, country VARCHAR, sector VARCHAR, actor_id VARCHAR
    )""",
    """CREATE TABLE IF NOT EXISTS places (
        place_key VARCHAR PRIMARY KEY,     -- geonameid, or name|country|lat|lon
        name VARCHAR, country VARCHAR, admin1 VARCHAR, geonameid BIGINT,
        lat DOUBLE, lon DOUBLE, precision VARCHAR
    )""",
    """CREATE TABLE IF NOT EXISTS failures (
        source VARCHAR PRIMARY KEY,
        reason VARCHAR,
        failed_at TIMESTAMP DEFAULT current_timestamp
    )""",
    "CREATE INDEX IF NOT EXISTS events_article ON events(article_id)",
    "CREATE INDEX IF NOT EXISTS events_incident ON events(incident_id)",
    "CREATE INDEX IF NOT EXISTS bands_key ON article_bands(band_key)",
    "CREATE INDEX IF NOT EXISTS articles_raw ON articles(raw_hash)",
    "CREATE INDEX IF NOT EXISTS incidents_key ON incidents(event_type, day)",
]


def create(con) -> None:
    """Create every table that is missing (idempotent), in one transaction."""
    con.execute("BEGIN")
    try:
        for stmt in DDL:
            con.execute(stmt)
        con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
