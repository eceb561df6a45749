"""Event writers: flat CSV rows and the human-readable table."""
from __future__ import annotations

import csv
import io

from flashpoint.output import FLAT_COLUMNS, EventWriter, flatten, table_line

EVENT = {
    "event_id": "e1", "article_id": "a1", "article": "x.txt", "published": "2024-01-05", "sentence_index": 3,
    "sentence": "Police arrested nine people in Tehran.", "trigger": {"text": "arrested", "start": 7, "end": 15},
    "event_type": "COERCE", "mode": "arrest", "cameo": "173", "intensity": -7.0, "quad_class": 4,
    "source": {"text": "Police", "name": "Iran police", "code": "IRNCOP", "country": "IRN", "sector": "COP"},
    "target": None, "location": {"text": "Tehran", "name": "Tehran", "country": "IRN", "admin1": "Tehran",
                                 "geonameid": 112931, "lat": 35.69, "lon": 51.42, "precision": "city"},
    "date": "2024-01-04", "date_text": None, "fatalities": None, "injuries": None, "arrests": 9,
    "negated": False, "hypothetical": False, "said_by": None, "confidence": 0.8, "evidence": "verb 'arrest'",
}


def test_flatten_names_nested_fields():
    row = flatten(EVENT)
    assert row["source_code"] == "IRNCOP" and row["location_lat"] == 35.69 and row["trigger_text"] == "arrested"
    assert "target_code" not in row  # a missing target leaves its columns empty in CSV


def test_csv_has_every_flat_column():
    out = io.StringIO()
    writer = EventWriter(out, "csv")
    writer.write([EVENT])
    writer.close()
    [row] = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(row) == FLAT_COLUMNS and row["target_code"] == "" and row["arrests"] == "9"


def test_table_line_reads_like_a_sentence():
    line = table_line(EVENT)
    assert line.startswith("2024-01-04  COERCE/arrest  IRNCOP Iran police → -  Tehran (IRN)  9 held")
