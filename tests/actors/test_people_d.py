"""Validation for flashpoint/actors/data/people_d.jsonl (heads of state and government of the 1970s-1990s)."""
import pytest
from people_files import check_records, code_on as _code, find as _find, read_people


@pytest.fixture(scope="module")
def people():
    return read_people("people_d.jsonl")


def test_records(people):
    check_records(people)
    for p in people:
        assert p["roles"] and p["aliases"][0] == p["name"], p["id"]


def test_no_id_or_name_shared_with_other_people_files(people):
    other = [q for name in ("people_a.jsonl", "people_b.jsonl", "people_c.jsonl") for q in read_people(name)]
    assert not {p["id"] for p in people} & {q["id"] for q in other}
    assert _code(_find(people, "Helmut Kohl"), "1990-06-01") == ("DEU", "GOV")
    assert _code(_find(people, "Helmut Kohl"), "2005-06-01") == ("DEU", "ELI")
    assert _code(_find(people, "Muhammad Zia-ul-Haq"), "1977-06-01") == ("PAK", "MIL")
    assert _code(_find(people, "Muhammad Zia-ul-Haq"), "1985-06-01") == ("PAK", "GOV")


def test_loaded_by_the_knowledge_base_and_a_misspelt_surname_after_a_title_finds_them():
    from conftest import code, only
    from flashpoint.actors.kb import BUILTIN_FILES
    assert "people_d.jsonl" in BUILTIN_FILES
    [e] = only(code("President Francois Mitterand met Chancellor Helmut Kohl in Paris.", published="1990-05-02"),
               "CONSULT")
    assert e["source"]["code"] == "FRAGOV" and e["target"]["code"] == "DEUGOV"
