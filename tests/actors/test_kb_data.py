"""Sanity checks for the actor knowledge-base data files (countries, IGOs, organisations)."""
import json
from pathlib import Path

import pycountry
import pytest

DATA = Path(__file__).resolve().parents[2] / "flashpoint" / "actors" / "data"
FILES = {"countries": "countries.jsonl", "igos": "igos.jsonl", "organisations": "organisations.jsonl"}
MIN_COUNTS = {"countries": 240, "igos": 80, "organisations": 350}

SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "REB", "UAF", "OPP", "PTY", "CVL", "REF",
           "JRN", "MED", "BUS", "LAB", "EDU", "REL", "ELI", "AGR", "CRM", "UNK"}
NON_STATE = {"IGO", "UNO", "EUR", "NGO", "MNC", "IMG"}  # as flashpoint.actors.kb.NON_STATE and docs/actors.md
ISO3 = {c.alpha_3 for c in pycountry.countries} | {"XKX", "PSE"}
KINDS = {
    "countries": {"country"},
    "igos": {"igo", "ngo"},
    "organisations": {"armed_group", "party", "agency", "media", "company", "religious", "other"},
}


def _load(name):
    path = DATA / FILES[name]
    rows = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            assert line.strip(), f"{path.name}:{n} blank line"
            rows.append(json.loads(line))
    return rows


@pytest.fixture(scope="module")
def data():
    return {name: _load(name) for name in FILES}


def _norm(s):
    return " ".join(s.replace("-", " ").replace("'", " ").replace("\u2019", " ").lower().split())


def _index(data):
    idx = {}
    for rows in data.values():
        for r in rows:
            for a in r["aliases"]:
                idx.setdefault(_norm(a), []).append(r)
    return idx


@pytest.mark.parametrize("name", list(FILES))
def test_fields_and_counts(data, name):
    rows = data[name]
    assert len(rows) >= MIN_COUNTS[name]
    for r in rows:
        assert isinstance(r.get("id"), str) and r["id"], r
        assert r.get("kind") in KINDS[name], r["id"]
        assert isinstance(r.get("name"), str) and r["name"], r["id"]
        assert isinstance(r.get("aliases"), list) and r["aliases"], r["id"]
        assert all(isinstance(a, str) and a.strip() for a in r["aliases"]), r["id"]
        assert r.get("country") in ISO3 | NON_STATE, r["id"]
        assert r.get("sector") is None or r["sector"] in SECTORS, r["id"]
        for c in r.get("countries") or []:
            assert c in ISO3 | NON_STATE, r["id"]


def test_ids_unique(data):
    ids = [r["id"] for rows in data.values() for r in rows]
    dupes = {i for i in ids if ids.count(i) > 1}
    assert not dupes


def test_parents_exist(data):
    ids = {r["id"] for rows in data.values() for r in rows}
    for rows in data.values():
        for r in rows:
            if r.get("parent"):
                assert r["parent"] in ids, (r["id"], r["parent"])


def test_countries_complete(data):
    rows = data["countries"]
    codes = {r["country"] for r in rows}
    assert {c.alpha_3 for c in pycountry.countries} <= codes
    assert "XKX" in codes
    for r in rows:
        assert r["sector"] is None
        assert r["adjectives"] and r["demonyms"], r["id"]


@pytest.mark.parametrize("alias,country,sector", [
    ("Popular Mobilization Forces", "IRQ", "UAF"),
    ("Hashid al Shabi", "IRQ", "UAF"),
    ("Al Nujaba", "IRQ", "UAF"),
    ("Islamic Resistance in Iraq", "IRQ", "UAF"),
    ("Islamic State", None, "REB"),
    ("Hezbollah", "LBN", None),
    ("US Central Command", "USA", "MIL"),
    ("Iranian Revolutionary Guard", "IRN", "MIL"),
    ("Hamas", "PSE", None),
    ("multinational force", "USA", "MIL"),
])
def test_seed_actors_present(data, alias, country, sector):
    hits = _index(data).get(_norm(alias))
    assert hits, alias
    r = hits[0]
    if country:
        assert r["country"] == country, (alias, r["country"])
    if sector:
        assert r["sector"] == sector, (alias, r["sector"])


@pytest.mark.parametrize("alias,country", [
    ("US", "USA"), ("Britain", "GBR"), ("DRC", "COD"), ("Ivory Coast", "CIV"), ("Burma", "MMR"),
    ("Gaza", "PSE"), ("West Bank", "PSE"), ("Kosovo", "XKX"), ("Türkiye", "TUR"),
])
def test_country_aliases(data, alias, country):
    hits = [r for r in _index(data).get(_norm(alias), []) if r["kind"] == "country"]
    assert hits and hits[0]["country"] == country
