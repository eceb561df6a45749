"""Validation for flashpoint/actors/data/people_b.jsonl (Americas, Asia, Oceania)."""
import pytest
from people_files import check_records, code_on as _code, find as _find, read_people


@pytest.fixture(scope="module")
def people():
    return read_people("people_b.jsonl")


def test_records(people):
    check_records(people)


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
