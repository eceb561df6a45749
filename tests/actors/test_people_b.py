"""Validation for flashpoint/actors/data/people_b.jsonl (Americas, Asia, Oceania)."""
import calendar
import datetime as dt
import json
import re
from pathlib import Path

import pycountry
import pytest

DATA = Path(__file__).resolve().parents[2] / "flashpoint" / "actors" / "data" / "people_b.jsonl"

PLOVER_SECTORS = {
    "GOV", "MIL", "COP", "JUD", "LEG", "SPY", "REB", "UAF", "OPP", "PTY", "CVL",
    "JRN", "REL", "ELI", "BUS", "CRM", "EDU", "MED", "HLH", "LAB", "AGR", "REF",
    "IGO", "NGO", "UNO", "EUR", "SEP", "INS",
}
NON_STATE = {"UNO", "EUR", "IGO", "NGO"}
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
REQUIRED = ("id", "kind", "name", "aliases", "country", "sector", "roles")


def _lower(s: str) -> dt.date:
    p = [int(x) for x in s.split("-")]
    return dt.date(p[0], p[1] if len(p) > 1 else 1, p[2] if len(p) > 2 else 1)


def _upper(s: str) -> dt.date:
    p = [int(x) for x in s.split("-")]
    if len(p) == 3:
        return dt.date(*p)
    if len(p) == 2:
        return dt.date(p[0], p[1], calendar.monthrange(p[0], p[1])[1])
    return dt.date(p[0], 12, 31)


def _valid_country(c: str) -> bool:
    return c in NON_STATE or pycountry.countries.get(alpha_3=c) is not None


@pytest.fixture(scope="module")
def lines():
    text = DATA.read_text(encoding="utf-8")
    assert text.endswith("\n")
    out = text.split("\n")[:-1]
    assert all(line.strip() for line in out), "blank line in file"
    return out


@pytest.fixture(scope="module")
def people(lines):
    return [json.loads(line) for line in lines]


def _find(people, alias):
    for p in people:
        if any(a.lower() == alias.lower() for a in p["aliases"]):
            return p
    raise AssertionError(f"no person with alias {alias!r}")


def _code(person, date: str):
    """Return (country, sector) for a person on a date, like the loader would."""
    d = dt.date.fromisoformat(date)
    for r in person["roles"]:
        start = _lower(r["start"])
        end = _upper(r["end"]) if r["end"] else dt.date.max
        # an office ending on a date is no longer held on that date
        if r["end"] and len(r["end"]) == 10:
            end = end - dt.timedelta(days=1)
        if start <= d <= end:
            return r["country"], r["sector"]
    return person["country"], person["sector"]


def test_valid_json_and_required_fields(people):
    for p in people:
        for k in REQUIRED:
            assert k in p, (p.get("id"), k)
        assert p["kind"] == "person"
        assert p["id"].startswith("person:")
        assert isinstance(p["aliases"], list) and p["aliases"], p["id"]
        assert p["name"] in p["aliases"], p["id"]
        assert all(isinstance(a, str) and a.strip() for a in p["aliases"]), p["id"]
        assert isinstance(p["roles"], list), p["id"]
        for r in p["roles"]:
            for k in ("title", "country", "sector", "start", "end"):
                assert k in r, (p["id"], k)


def test_ids_unique(people):
    ids = [p["id"] for p in people]
    assert len(ids) == len(set(ids))


def test_dates(people):
    for p in people:
        if "died" in p:
            assert DATE_RE.match(p["died"]), p["id"]
            _lower(p["died"])
        for r in p["roles"]:
            assert DATE_RE.match(r["start"]), (p["id"], r)
            if r["end"] is not None:
                assert DATE_RE.match(r["end"]), (p["id"], r)
                assert _lower(r["start"]) <= _upper(r["end"]), (p["id"], r)


def test_countries_and_sectors(people):
    for p in people:
        assert _valid_country(p["country"]), p["id"]
        assert p["sector"] in PLOVER_SECTORS, p["id"]
        for r in p["roles"]:
            assert _valid_country(r["country"]), (p["id"], r)
            assert r["sector"] in PLOVER_SECTORS, (p["id"], r)


def test_count(people):
    assert len(people) >= 500


def test_biden(people):
    biden = _find(people, "Biden")
    assert _code(biden, "2024-01-05") == ("USA", "GOV")
    assert _code(biden, "2025-06-01") != ("USA", "GOV")


def test_trump(people):
    trump = _find(people, "Trump")
    assert _code(trump, "2025-06-01") == ("USA", "GOV")
    assert _code(trump, "2019-01-01") == ("USA", "GOV")
    assert _code(trump, "2022-01-01") != ("USA", "GOV")


def test_modi(people):
    modi = _find(people, "Narendra Modi")
    assert _code(modi, "2024-06-01") == ("IND", "GOV")


def test_more_spot_checks(people):
    assert _code(_find(people, "Lula"), "2024-03-01") == ("BRA", "GOV")
    assert _code(_find(people, "Lula"), "2015-03-01")[1] != "GOV"
    assert _code(_find(people, "Haibatullah Akhundzada"), "2023-01-01") == ("AFG", "GOV")
    assert _code(_find(people, "Barbecue"), "2024-06-01") == ("HTI", "CRM")
    assert _code(_find(people, "Xi Jinping"), "2020-01-01") == ("CHN", "GOV")
    assert _code(_find(people, "Min Aung Hlaing"), "2022-01-01")[0] == "MMR"
