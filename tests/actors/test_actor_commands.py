"""`flashpoint actors lookup` and `flashpoint actors find`, run as a user runs them."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SEED_ARTICLE = REPO / ".." / "shared" / "seed" / "iraq-coalition-2024-01-05.txt"
FLASHPOINT = str(Path(sys.executable).with_name("flashpoint"))


def flashpoint(*args):
    return subprocess.run([FLASHPOINT, *args], capture_output=True, text=True, timeout=600)


def test_lookup_reads_dated_offices():
    res = flashpoint("actors", "lookup", "Raisi", "--date", "2024-01-05", "--json")
    assert res.returncode == 0, res.stderr
    first = json.loads(res.stdout.splitlines()[0])
    assert first["code"] == "IRNGOV" and first["id"] == "person:ebrahim-raisi"
    assert "President" in first["reason"]
    res = flashpoint("actors", "lookup", "Raisi", "--date", "2024-06-01", "--json")
    first = json.loads(res.stdout.splitlines()[0])
    assert first["sector"] != "GOV" and first["code"] != "IRNGOV"
    text = flashpoint("actors", "lookup", "Raisi", "--date", "2024-01-05")
    assert "code on 2024-01-05: IRNGOV" in text.stdout and "why:" in text.stdout


def test_lookup_unknown_name_and_bad_date():
    res = flashpoint("actors", "lookup", "Zzyzx Qwerty")
    assert res.returncode != 0 and "no actor" in res.stderr and "Traceback" not in res.stderr
    res = flashpoint("actors", "lookup", "Raisi", "--date", "5 Jan")
    assert res.returncode != 0 and "YYYY-MM-DD" in res.stderr


def test_find_on_the_seed_article():
    res = flashpoint("actors", "find", str(SEED_ARTICLE), "--published", "2024-01-05")
    assert res.returncode == 0, res.stderr
    mentions = [json.loads(line) for line in res.stdout.splitlines()]
    keys = {"article_id", "sentence_index", "text", "start", "end", "name", "code", "country", "sector",
            "actor_id", "reason"}
    assert all(set(m) == keys for m in mentions)
    assert any(m["name"] == "Popular Mobilization Forces" for m in mentions)
    sudani = [m for m in mentions if m["text"] == "Al Sudani"]
    assert sudani and all(m["code"] == "IRQGOV" for m in sudani)
    # character offsets point into the article text
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    assert any(text[m["start"]:m["end"]] == m["text"] for m in mentions)
    # mentions come in document order
    assert [m["start"] for m in mentions] == sorted(m["start"] for m in mentions)


def test_find_date_overrides_the_published_date(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Raisi met the emir in Doha on Monday.\n", encoding="utf-8")
    before = flashpoint("actors", "find", str(article), "--date", "2024-01-05")
    after = flashpoint("actors", "find", str(article), "--published", "2024-01-05", "--date", "2024-06-01")
    code = lambda res: next(json.loads(l)["code"] for l in res.stdout.splitlines() if "Raisi" in l)  # noqa: E731
    assert code(before) == "IRNGOV"
    assert code(after) != "IRNGOV"


def test_find_with_a_petrarch_dictionary(tmp_path):
    actors = tmp_path / "isles.actors"
    actors.write_text("MARROWAY [MRW]\n+MARROWAN\nHARL_VESSEN\n  [MRWGOV 20100101 - 20151231]\n  [MRWOPP >20151231]\n",
                      encoding="utf-8")
    agents = tmp_path / "isles.agents"
    agents.write_text("COASTGUARD {} [~MILCGD]\n", encoding="utf-8")
    article = tmp_path / "b.txt"
    article.write_text("Harl Vessen praised the Marrowan coastguard.\n", encoding="utf-8")
    res = flashpoint("actors", "find", str(article), "--date", "2012-03-03", "--actors", str(actors),
                     "--actors", str(agents))
    assert res.returncode == 0, res.stderr
    codes = {json.loads(l)["text"]: json.loads(l)["code"] for l in res.stdout.splitlines()}
    assert codes["Harl Vessen"] == "MRWGOV"
    assert codes["the Marrowan coastguard"] == "MRWMILCGD"
    res = flashpoint("actors", "lookup", "Harl Vessen", "--date", "2016-01-01", "--actors", str(actors), "--json")
    assert json.loads(res.stdout.splitlines()[0])["code"] == "MRWOPP"


def test_malformed_user_file_names_file_and_line(tmp_path):
    bad = tmp_path / "bad.actors"
    bad.write_text("# mine\nMARROWAY [MRW]\n  [MRWGOV 2010 - 2015]\n", encoding="utf-8")
    for args in (("actors", "lookup", "Marroway"), ("actors", "find", str(SEED_ARTICLE))):
        res = flashpoint(*args, "--actors", str(bad))
        assert res.returncode != 0
        assert f"{bad}:3" in res.stderr
        assert "Traceback" not in res.stderr
    bad_json = tmp_path / "bad.jsonl"
    bad_json.write_text('{"id": "org:x", "name": "X"}\n{"id": "org:y", "kind": "spaceship", "name": "Y"}\n',
                        encoding="utf-8")
    res = flashpoint("actors", "lookup", "X", "--actors", str(bad_json))
    assert res.returncode != 0 and f"{bad_json}:2" in res.stderr and "Traceback" not in res.stderr
