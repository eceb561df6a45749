"""What the people-file tests share: reading a people_*.jsonl file and coding a person on a day
as the knowledge base does (of the offices covering the day, the one that started last)."""
from __future__ import annotations

import calendar
import datetime as dt
import json
import re
from pathlib import Path

import pycountry

DATA_DIR = Path(__file__).resolve().parents[2] / "flashpoint" / "actors" / "data"
PLOVER_SECTORS = {
    "GOV", "MIL", "COP", "JUD", "LEG", "SPY", "REB", "UAF", "OPP", "PTY", "CVL",
    "JRN", "REL", "ELI", "BUS", "CRM", "EDU", "MED", "HLH", "LAB", "AGR", "REF",
    "IGO", "NGO", "UNO", "EUR", "SEP", "INS",
}
NON_STATE = {"UNO", "EUR", "IGO", "NGO", "XKX", "PSE"}
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
REQUIRED = ("id", "kind", "name", "aliases", "country", "sector", "roles")


def first_day(s: str) -> dt.date:
    p = [int(x) for x in s.split("-")]
    return dt.date(p[0], p[1] if len(p) > 1 else 1, p[2] if len(p) > 2 else 1)


def last_day(s: str) -> dt.date:
    p = [int(x) for x in s.split("-")]
    if len(p) == 3:
        return dt.date(*p)
    if len(p) == 2:
        return dt.date(p[0], p[1], calendar.monthrange(p[0], p[1])[1])
    return dt.date(p[0], 12, 31)


def valid_country(c: str) -> bool:
    return c in NON_STATE or pycountry.countries.get(alpha_3=c) is not None


def read_lines(name: str) -> list[str]:
    """The lines of a people file: one object each, a final newline, no blank line."""
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    assert text.endswith("\n")
    out = text.split("\n")[:-1]
    assert all(line.strip() for line in out), "blank line in file"
    return out


def read_people(name: str) -> list[dict]:
    return [json.loads(line) for line in read_lines(name)]


def find(people: list[dict], alias: str) -> dict:
    for p in people:
        if any(a.lower() == alias.lower() for a in p["aliases"]):
            return p
    raise AssertionError(f"no person with alias {alias!r}")


def code_on(person: dict, date: str) -> tuple[str, str]:
    """(country, sector) of a person on a day, as the loader codes it."""
    d = dt.date.fromisoformat(date)
    covering = []
    for r in person["roles"]:
        start = first_day(r["start"])
        end = last_day(r["end"]) if r["end"] else dt.date.max
        if r["end"] and len(r["end"]) == 10:
            end = end - dt.timedelta(days=1)  # an office ending on a day is no longer held that day
        if start <= d <= end:
            covering.append((start, r))
    if covering:
        r = max(covering, key=lambda x: x[0])[1]
        return r["country"], r["sector"]
    return person["country"], person["sector"]


def check_records(people: list[dict]) -> None:
    """Fields, ids, dates, countries and sectors every people file must get right."""
    ids = [p["id"] for p in people]
    assert len(ids) == len(set(ids))
    for p in people:
        for k in REQUIRED:
            assert k in p, (p.get("id"), k)
        assert p["kind"] == "person" and p["id"].startswith("person:"), p["id"]
        assert isinstance(p["aliases"], list) and p["aliases"] and p["name"] in p["aliases"], p["id"]
        assert all(isinstance(a, str) and a.strip() for a in p["aliases"]), p["id"]
        assert valid_country(p["country"]) and p["sector"] in PLOVER_SECTORS, p["id"]
        if p.get("died") is not None:
            assert DATE_RE.match(p["died"]), p["id"]
        for r in p["roles"]:
            for k in ("title", "country", "sector", "start", "end"):
                assert k in r, (p["id"], k)
            assert valid_country(r["country"]) and r["sector"] in PLOVER_SECTORS, (p["id"], r)
            assert DATE_RE.match(r["start"]), (p["id"], r)
            if r["end"] is not None:
                assert DATE_RE.match(r["end"]), (p["id"], r)
                assert first_day(r["start"]) <= last_day(r["end"]), (p["id"], r)
