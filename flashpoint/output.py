"""Writing event records: JSON Lines, JSON, CSV (nested actor/location fields flattened)."""
from __future__ import annotations

import csv
import json
from typing import Any, Iterable, TextIO

NESTED = ("source", "target", "location", "trigger")


def flatten(event: dict[str, Any]) -> dict[str, Any]:
    """One flat row per event: ``source_code``, ``location_lat``... as pandas and R expect."""
    row = {}
    for key, value in event.items():
        if key in NESTED:
            for sub, v in (value or {}).items():
                row[f"{key}_{sub}"] = v
        elif isinstance(value, (dict, list)):
            row[key] = json.dumps(value, ensure_ascii=False)
        else:
            row[key] = value
    return row


FLAT_COLUMNS = [
    "event_id", "article_id", "article", "published", "sentence_index", "event_type", "mode", "cameo",
    "intensity", "quad_class", "source_text", "source_name", "source_code", "source_country", "source_sector",
    "source_actor_id", "target_text", "target_name", "target_code", "target_country", "target_sector",
    "target_actor_id", "location_text", "location_name", "location_country", "location_admin1",
    "location_geonameid", "location_lat", "location_lon", "location_precision", "date", "date_text",
    "fatalities", "injuries", "arrests", "negated", "hypothetical", "said_by", "confidence", "trigger_text",
    "trigger_start", "trigger_end", "sentence", "evidence",
]


def table_line(ev: dict[str, Any]) -> str:
    """One event as a line a person reads: type, actors, date, place, counts, flags."""
    src, tgt, loc = ev.get("source") or {}, ev.get("target") or {}, ev.get("location") or {}
    actor = lambda a: f"{a.get('code') or '-'} {a.get('name') or ''}".strip() if a else "-"  # noqa: E731
    counts = ", ".join(f"{n} {k}" for k, n in (("killed", ev.get("fatalities")), ("injured", ev.get("injuries")),
                                               ("held", ev.get("arrests"))) if n)
    flags = " ".join(f for f, on in (("NEGATED", ev.get("negated")), ("HYPOTHETICAL", ev.get("hypothetical"))) if on)
    place = f"{loc.get('name')}" + (f" ({loc['country']})" if loc.get("country") else "") if loc else ""
    mode = f"/{ev['mode']}" if ev.get("mode") else ""
    return "  ".join(x for x in (f"{ev.get('date') or '----------'}", f"{ev['event_type']}{mode}",
                                  f"{actor(src)} → {actor(tgt) if tgt else '-'}", place, counts, flags,
                                  f"« {ev['trigger']['text']} »") if x)


class EventWriter:
    def __init__(self, out: TextIO, fmt: str = "jsonl"):
        self.out, self.fmt = out, fmt
        self.items: list[dict] = []
        self.csv = None
        if fmt == "csv":
            self.csv = csv.DictWriter(out, fieldnames=FLAT_COLUMNS, extrasaction="ignore")
            self.csv.writeheader()

    def write(self, events: Iterable[dict[str, Any]]) -> None:
        for ev in events:
            if self.fmt == "jsonl":
                self.out.write(json.dumps(ev, ensure_ascii=False) + "\n")
            elif self.fmt == "csv":
                self.csv.writerow(flatten(ev))
            elif self.fmt == "table":
                self.out.write(table_line(ev) + "\n")
            else:
                self.items.append(ev)
        self.out.flush()

    def close(self) -> None:
        if self.fmt == "json":
            json.dump(self.items, self.out, ensure_ascii=False, indent=1)
            self.out.write("\n")
