"""Knowledge-base loading: validation names file and line; dated roles; user overrides."""
from __future__ import annotations

import json

import pytest

from flashpoint.actors.kb import KnowledgeBase, KnowledgeBaseError, knowledge_base, normalise


def test_builtin_kb_resolves_names_and_dated_roles():
    kb = knowledge_base()
    raisi = next(e for e, _ in kb.lookup("Ibrahim Raisi") if e.kind == "person")
    assert raisi.code_on("2024-01-05")[:2] == ("IRN", "GOV")
    assert raisi.code_on("2024-06-01")[1] != "GOV"
    assert any(e.id == "org:pmf" for e, _ in kb.lookup("Hashid al Shabi"))
    assert [e.country for e, _ in kb.lookup("US")][0] == "USA"
    assert kb.lookup("us") == []  # short capitalised aliases match only as written


def test_normalisation_folds_case_accents_and_hyphens():
    assert normalise("al-Hashd al-Sha'abi") == normalise("Al Hashd al Sha abi")
    assert normalise("Côte d'Ivoire") == "cote d ivoire"


def test_user_file_overrides_and_errors_name_file_and_line(tmp_path):
    good = tmp_path / "mine.jsonl"
    good.write_text(json.dumps({"id": "org:lions", "kind": "armed_group", "name": "Lions of the Valley",
                                "aliases": ["Valley Lions"], "country": "SYR", "sector": "UAF"}) + "\n")
    kb = KnowledgeBase.load([good])
    assert kb.lookup("valley lions")[0][0].country == "SYR"
    bad = tmp_path / "bad.jsonl"
    bad.write_text(good.read_text() + '{"id": "x", "name": "Y", "country": "Syria"}\n')
    with pytest.raises(KnowledgeBaseError, match=r"bad.jsonl:2: country 'Syria'"):
        KnowledgeBase.load([bad])


def test_one_edit_apart():
    from flashpoint.actors.kb import _one_edit
    assert _one_edit("mitterrand", "mitterand") and _one_edit("macron", "makron")
    assert not _one_edit("santos", "sontas") and not _one_edit("macron", "macron")
