"""Validation of flashpoint/actors/data/people_a.jsonl (MENA, Africa, Europe people)."""
from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pycountry
import pytest

DATA = Path(__file__).resolve().parents[2] / "flashpoint" / "actors" / "data" / "people_a.jsonl"

# Same set as flashpoint.actors.kb.SECTORS (PLOVER sectors plus IGO for posts in international bodies).
SECTORS = {
    "GOV", "MIL", "COP", "JUD", "LEG", "SPY", "REB", "UAF", "OPP", "PTY", "CVL", "REF", "JRN",
    "MED", "BUS", "LAB", "EDU", "REL", "ELI", "AGR", "CRM", "UNK", "IGO",
}
EXTRA_COUNTRIES = {"UNO", "EUR", "IGO", "NGO", "XKX", "PSE"}
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
REQUIRED = {"id", "kind", "name", "aliases", "country", "sector", "roles"}
ROLE_REQUIRED = {"title", "country", "sector", "start", "end"}


def _lo(s: str) -> date:
    """Earliest day a (possibly partial) date can denote."""
    parts = [int(x) for x in s.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def _hi(s: str) -> date:
    """Latest day a (possibly partial) date can denote."""
    parts = [int(x) for x in s.split("-")]
    if len(parts) == 3:
        return date(*parts)
    if len(parts) == 2:
        y, m = parts
        nxt = date(y + (m == 12), m % 12 + 1, 1)
        return date.fromordinal(nxt.toordinal() - 1)
    return date(parts[0], 12, 31)


def _valid_date(s: str) -> bool:
    if not isinstance(s, str) or not DATE_RE.match(s):
        return False
    try:
        _lo(s)
        _hi(s)
    except ValueError:
        return False
    return True


def _valid_country(c: str) -> bool:
    return c in EXTRA_COUNTRIES or pycountry.countries.get(alpha_3=c) is not None


@pytest.fixture(scope="module")
def lines() -> list[str]:
    text = DATA.read_text(encoding="utf-8")
    assert text.endswith("\n")
    out = text[:-1].split("\n")
    assert all(line.strip() for line in out), "blank line in file"
    return out


@pytest.fixture(scope="module")
def people(lines) -> list[dict]:
    return [json.loads(line) for line in lines]


@pytest.fixture(scope="module")
def by_id(people) -> dict[str, dict]:
    return {p["id"]: p for p in people}


def test_count(people):
    assert len(people) >= 550


def test_required_fields(people):
    for p in people:
        missing = REQUIRED - p.keys()
        assert not missing, (p.get("id"), missing)
        assert p["kind"] == "person"
        assert p["id"].startswith("person:") and re.fullmatch(r"person:[a-z0-9-]+", p["id"]), p["id"]
        assert isinstance(p["name"], str) and p["name"]
        assert isinstance(p["aliases"], list) and p["name"] in p["aliases"], p["id"]
        assert all(isinstance(a, str) and a.strip() == a and a for a in p["aliases"]), p["id"]
        assert len(set(p["aliases"])) == len(p["aliases"]), p["id"]
        assert isinstance(p["roles"], list)


def test_ids_unique(people):
    ids = [p["id"] for p in people]
    dupes = {i for i in ids if ids.count(i) > 1}
    assert not dupes


def test_countries_and_sectors(people):
    for p in people:
        assert _valid_country(p["country"]), (p["id"], p["country"])
        assert p["sector"] in SECTORS, (p["id"], p["sector"])
        for r in p["roles"]:
            assert _valid_country(r["country"]), (p["id"], r)
            assert r["sector"] in SECTORS, (p["id"], r)


def test_role_dates(people):
    for p in people:
        died = p.get("died")
        if died is not None:
            assert _valid_date(died), (p["id"], died)
        for r in p["roles"]:
            missing = ROLE_REQUIRED - r.keys()
            assert not missing, (p["id"], missing)
            assert isinstance(r["title"], str) and r["title"], p["id"]
            assert _valid_date(r["start"]), (p["id"], r)
            if r["end"] is not None:
                assert _valid_date(r["end"]), (p["id"], r)
                assert _lo(r["start"]) <= _hi(r["end"]), (p["id"], r)
            if died is not None:
                assert r["end"] is not None, ("dead person with open role", p["id"], r)
                assert _lo(r["end"]) <= _hi(died), ("role ends after death", p["id"], r)
                assert _lo(r["start"]) <= _hi(died), (p["id"], r)
            if "org" in r:
                assert isinstance(r["org"], str) and r["org"]


def _roles_on(p: dict, day: str) -> list[dict]:
    d = date.fromisoformat(day)
    return [r for r in p["roles"]
            if _lo(r["start"]) <= d and (r["end"] is None or d <= _hi(r["end"]))]


def _find(people, alias: str) -> dict:
    hits = [p for p in people if alias in p["aliases"]]
    assert len(hits) == 1, (alias, [p["id"] for p in hits])
    return hits[0]


def test_no_alias_shared_between_people(people):
    seen: dict[str, str] = {}
    for p in people:
        for a in p["aliases"]:
            key = a.casefold()
            assert seen.setdefault(key, p["id"]) == p["id"], (a, seen[key], p["id"])


def test_no_bare_ambiguous_aliases(people):
    banned = {"ali", "khan", "hassan", "abbas", "mohammed", "muhammad", "ahmed", "president", "king", "saleh"}
    for p in people:
        for a in p["aliases"]:
            assert a.casefold() not in banned, (p["id"], a)


def test_spot_raisi(people):
    raisi = _find(people, "Raisi")
    assert raisi["country"] == "IRN"
    assert any(r["sector"] == "GOV" and r["country"] == "IRN" for r in _roles_on(raisi, "2024-01-05"))
    assert not [r for r in _roles_on(raisi, "2024-06-01") if r["sector"] == "GOV"]
    assert raisi.get("died") == "2024-05-19"


def test_spot_sudani(people):
    sudani = _find(people, "Sudani")
    assert any(r["sector"] == "GOV" and r["country"] == "IRQ" for r in _roles_on(sudani, "2024-01-05"))


def test_spot_salami(people):
    salami = _find(people, "Hossein Salami")
    assert any(r["sector"] == "MIL" and r["country"] == "IRN" for r in _roles_on(salami, "2024-01-04"))


def test_spot_sharaa_two_roles(people):
    sharaa = _find(people, "Abu Mohammad al-Julani")
    assert sharaa is _find(people, "Ahmed al-Sharaa")
    assert any(r["sector"] == "REB" for r in _roles_on(sharaa, "2020-06-01"))
    assert any(r["sector"] == "GOV" for r in _roles_on(sharaa, "2025-06-01"))


def test_spot_misc(people):
    nasrallah = _find(people, "Nasrallah")
    assert any(r["country"] == "LBN" and r["sector"] == "REB" for r in _roles_on(nasrallah, "2020-01-01"))
    assert not _roles_on(nasrallah, "2024-10-15")
    zel = _find(people, "Zelenskyy")
    assert any(r["country"] == "UKR" and r["sector"] == "GOV" for r in _roles_on(zel, "2023-03-01"))
    hemedti = _find(people, "Hemedti")
    assert hemedti["country"] == "SDN"
    netanyahu = _find(people, "Netanyahu")
    assert not [r for r in _roles_on(netanyahu, "2022-01-01") if r["sector"] == "GOV"]
    assert any(r["sector"] == "GOV" for r in _roles_on(netanyahu, "2024-01-01"))
    guterres = _find(people, "Guterres")
    assert any(r["country"] == "IGO" and r["code"].startswith("IGOUNO") for r in _roles_on(guterres, "2024-01-01"))


STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "IGO"}
# People whose armed-group post deliberately outranks a concurrent state post.
ARMED_ROLE_PREFERRED = {"person:falih-al-fayyadh", "person:mohamed-hamdan-dagalo"}


def test_state_office_not_shadowed(people):
    """The resolver picks the latest-starting role covering a date: a party or armed-group role
    that starts inside a state office would hide that office, so such overlaps are not allowed."""
    for p in people:
        if p["id"] in ARMED_ROLE_PREFERRED:
            continue
        for s in p["roles"]:
            if s["sector"] not in STATE_SECTORS:
                continue
            s_end = _lo(s["end"]) if s["end"] else date(9999, 1, 1)
            for n in p["roles"]:
                if n["sector"] in STATE_SECTORS:
                    continue
                # a role taken up on the day the office ends is a hand-over, not an overlap
                if _lo(s["start"]) < _lo(n["start"]) < s_end:
                    pytest.fail(f"{p['id']}: {n['title']} starts inside {s['title']}")
