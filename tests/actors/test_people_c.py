"""Validation for flashpoint/actors/data/people_c.jsonl (heads of state and government since 2000)."""
import re

import pytest
from people_files import check_records, code_on as _code, find as _find, first_day, last_day, read_people


def _norm(s: str) -> str:
    return " ".join(s.replace("-", " ").replace("'", " ").replace("\u2019", " ").casefold().split())


@pytest.fixture(scope="module")
def people():
    return read_people("people_c.jsonl")


def test_records(people):
    check_records(people)
    for p in people:  # (this file's own stricter forms)
        assert re.fullmatch(r"person:[a-z0-9-]+", p["id"]), p["id"]
        assert all(a.strip() == a for a in p["aliases"]) and len(set(p["aliases"])) == len(p["aliases"]), p["id"]
        assert p["roles"], p["id"]


OTHERS = ("people_a.jsonl", "people_b.jsonl")


def test_no_id_shared_with_other_people_files(people):
    other = {q["id"] for name in OTHERS for q in read_people(name)}
    assert not {p["id"] for p in people} & other


def test_no_alias_shared_between_people(people):
    seen = {}
    for p in people:
        for a in {_norm(a) for a in p["aliases"]}:
            assert seen.setdefault(a, p["id"]) == p["id"], (a, seen[a], p["id"])


def test_no_alias_shared_with_other_people_files(people):
    other = {_norm(a): q["id"] for name in OTHERS for q in read_people(name) for a in q["aliases"] + [q["name"]]}
    for p in people:
        for a in p["aliases"]:
            assert _norm(a) not in other, (p["id"], a, other.get(_norm(a)))


def test_no_bare_ambiguous_aliases(people):
    banned = {"ali", "khan", "hassan", "abbas", "mohammed", "muhammad", "ahmed", "president", "king",
              "saleh", "juan carlos", "meta", "rama"}
    for p in people:
        for a in p["aliases"]:
            assert a.casefold() not in banned, (p["id"], a)


def test_no_open_office_after_death(people):
    for p in people:
        died = p.get("died")
        for r in p["roles"] if died is not None else ():
            assert r["end"] is not None, ("dead person with open role", p["id"], r)
            assert first_day(r["end"]) <= last_day(died), ("role ends after death", p["id"], r)


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
