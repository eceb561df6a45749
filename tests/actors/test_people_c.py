"""Validation for flashpoint/actors/data/people_c.jsonl (heads of state and government since 2000)."""
import calendar
import datetime as dt
import json
import re
from pathlib import Path

import pycountry
import pytest

DATA_DIR = Path(__file__).resolve().parents[2] / "flashpoint" / "actors" / "data"
DATA = DATA_DIR / "people_c.jsonl"

PLOVER_SECTORS = {
    "GOV", "MIL", "COP", "JUD", "LEG", "SPY", "REB", "UAF", "OPP", "PTY", "CVL",
    "JRN", "REL", "ELI", "BUS", "CRM", "EDU", "MED", "HLH", "LAB", "AGR", "REF",
    "IGO", "NGO", "UNO", "EUR", "SEP", "INS",
}
NON_STATE = {"UNO", "EUR", "IGO", "NGO", "XKX", "PSE"}
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


def _norm(s: str) -> str:
    return " ".join(s.replace("-", " ").replace("'", " ").replace("\u2019", " ").casefold().split())


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
    """Return (country, sector) for a person on a date, like the loader would (latest start wins)."""
    d = dt.date.fromisoformat(date)
    covering = []
    for r in person["roles"]:
        start = _lower(r["start"])
        end = _upper(r["end"]) if r["end"] else dt.date.max
        # an office ending on a date is no longer held on that date
        if r["end"] and len(r["end"]) == 10:
            end = end - dt.timedelta(days=1)
        if start <= d <= end:
            covering.append((start, r))
    if covering:
        r = max(covering, key=lambda x: x[0])[1]
        return r["country"], r["sector"]
    return person["country"], person["sector"]


def test_valid_json_and_required_fields(people):
    for p in people:
        for k in REQUIRED:
            assert k in p, (p.get("id"), k)
        assert p["kind"] == "person"
        assert re.fullmatch(r"person:[a-z0-9-]+", p["id"]), p["id"]
        assert isinstance(p["aliases"], list) and p["aliases"], p["id"]
        assert p["name"] in p["aliases"], p["id"]
        assert all(isinstance(a, str) and a.strip() == a and a for a in p["aliases"]), p["id"]
        assert len(set(p["aliases"])) == len(p["aliases"]), p["id"]
        assert isinstance(p["roles"], list) and p["roles"], p["id"]
        for r in p["roles"]:
            for k in ("title", "country", "sector", "start", "end"):
                assert k in r, (p["id"], k)


def test_ids_unique(people):
    ids = [p["id"] for p in people]
    assert len(ids) == len(set(ids))


def test_no_id_shared_with_other_people_files(people):
    other = set()
    for name in ("people_a.jsonl", "people_b.jsonl"):
        for line in (DATA_DIR / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                other.add(json.loads(line)["id"])
    assert not {p["id"] for p in people} & other


def test_no_alias_shared_between_people(people):
    seen = {}
    for p in people:
        for a in {_norm(a) for a in p["aliases"]}:
            assert seen.setdefault(a, p["id"]) == p["id"], (a, seen[a], p["id"])


def test_no_alias_shared_with_other_people_files(people):
    other = {}
    for name in ("people_a.jsonl", "people_b.jsonl"):
        for line in (DATA_DIR / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                q = json.loads(line)
                for a in q.get("aliases", []) + [q["name"]]:
                    other[_norm(a)] = q["id"]
    for p in people:
        for a in p["aliases"]:
            assert _norm(a) not in other, (p["id"], a, other.get(_norm(a)))


def test_no_bare_ambiguous_aliases(people):
    banned = {"ali", "khan", "hassan", "abbas", "mohammed", "muhammad", "ahmed", "president", "king",
              "saleh", "juan carlos", "meta", "rama"}
    for p in people:
        for a in p["aliases"]:
            assert a.casefold() not in banned, (p["id"], a)


def test_dates(people):
    for p in people:
        died = p.get("died")
        if died is not None:
            assert DATE_RE.match(died), p["id"]
            _lower(died)
        for r in p["roles"]:
            assert DATE_RE.match(r["start"]), (p["id"], r)
            if r["end"] is not None:
                assert DATE_RE.match(r["end"]), (p["id"], r)
                assert _lower(r["start"]) <= _upper(r["end"]), (p["id"], r)
            if died is not None:
                assert r["end"] is not None, ("dead person with open role", p["id"], r)
                assert _lower(r["end"]) <= _upper(died), ("role ends after death", p["id"], r)


def test_countries_and_sectors(people):
    for p in people:
        assert _valid_country(p["country"]), p["id"]
        assert p["sector"] in PLOVER_SECTORS, p["id"]
        for r in p["roles"]:
            assert _valid_country(r["country"]), (p["id"], r)
            assert r["sector"] in PLOVER_SECTORS, (p["id"], r)


def test_base_sector_matches_open_office(people):
    """Someone still in office is GOV by default (ELI after a spell out of office); a former office holder is not GOV."""
    for p in people:
        open_gov = [r for r in p["roles"] if r["end"] is None and r["sector"] == "GOV"
                    and r["country"] == p["country"]]
        if open_gov:
            assert p["sector"] in ("GOV", "ELI"), p["id"]
        elif not any(r["end"] is None for r in p["roles"]):
            assert p["sector"] != "GOV", p["id"]


def test_count(people):
    assert len(people) >= 900


def test_spot_checks(people):
    assert _code(_find(people, "Alassane Ouattara"), "2020-01-01") == ("CIV", "GOV")
    assert _code(_find(people, "Laurent Gbagbo"), "2005-01-01") == ("CIV", "GOV")
    assert _code(_find(people, "Laurent Gbagbo"), "2015-01-01")[1] != "GOV"
    assert _code(_find(people, "Samia Suluhu Hassan"), "2024-01-01") == ("TZA", "GOV")
    assert _code(_find(people, "Évariste Ndayishimiye"), "2022-01-01") == ("BDI", "GOV")
    assert _code(_find(people, "João Lourenço"), "2023-01-01") == ("AGO", "GOV")
    assert _code(_find(people, "Denis Sassou Nguesso"), "2010-01-01") == ("COG", "GOV")
    assert _code(_find(people, "Brice Oligui Nguema"), "2024-01-01") == ("GAB", "GOV")
    assert _code(_find(people, "Brice Oligui Nguema"), "2022-01-01") == ("GAB", "MIL")
    assert _code(_find(people, "Macky Sall"), "2015-01-01") == ("SEN", "GOV")
    assert _code(_find(people, "Macky Sall"), "2025-01-01")[1] != "GOV"
    assert _code(_find(people, "Bassirou Diomaye Faye"), "2024-06-01") == ("SEN", "GOV")
    assert _code(_find(people, "John Mahama"), "2014-01-01") == ("GHA", "GOV")
    assert _code(_find(people, "John Mahama"), "2020-01-01")[1] != "GOV"
    assert _code(_find(people, "John Mahama"), "2025-06-01") == ("GHA", "GOV")
    assert _code(_find(people, "George Weah"), "2020-01-01") == ("LBR", "GOV")
    assert _code(_find(people, "Joseph Boakai"), "2024-06-01") == ("LBR", "GOV")
    assert _code(_find(people, "Ismail Omar Guelleh"), "2010-01-01") == ("DJI", "GOV")
    assert _code(_find(people, "Mohamed Ould Ghazouani"), "2015-01-01") == ("MRT", "MIL")
    assert _code(_find(people, "Mohamed Ould Ghazouani"), "2021-01-01") == ("MRT", "GOV")
    assert _code(_find(people, "Julius Maada Bio"), "2020-01-01") == ("SLE", "GOV")
    assert _code(_find(people, "Faure Gnassingbé"), "2010-01-01") == ("TGO", "GOV")
    assert _code(_find(people, "Agim Çeku"), "2007-01-01") == ("XKX", "GOV")


def test_loaded_by_the_knowledge_base():
    from flashpoint.actors.kb import BUILTIN_FILES, knowledge_base
    assert "people_c.jsonl" in BUILTIN_FILES
    kb = knowledge_base()
    hits = [e for e, _ in kb.lookup("Ouattara") if e.kind == "person"]
    assert hits and hits[0].id == "person:alassane-ouattara"
    assert hits[0].code_on("2020-01-01")[:2] == ("CIV", "GOV")
