"""The `flashpoint` command as a user runs it (subprocess, real model)."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

from conftest import SEED

FLASHPOINT = [str(Path(sys.executable).with_name("flashpoint"))]


def run(*args, stdin=None):
    return subprocess.run([*FLASHPOINT, *args], capture_output=True, text=True, input=stdin, timeout=600)


def test_extract_seed_jsonl():
    res = run("extract", str(SEED), "--published", "2024-01-05", "--workers", "1")
    assert res.returncode == 0, res.stderr
    events = [json.loads(line) for line in res.stdout.splitlines()]
    assert len(events) >= 14
    assert all(e["article"] == str(SEED) and e["published"] == "2024-01-05" for e in events)


def test_jsonl_ids_csv_output_and_stdin(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "art-7", "text": "Rebels attacked a convoy near Goma on Monday.",
                                  "published": "2024-03-06"}) + "\n", encoding="utf-8")
    res = run("extract", str(corpus), "--format", "csv", "--workers", "1")
    assert res.returncode == 0, res.stderr
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert rows and rows[0]["article_id"] == "art-7" and rows[0]["event_type"] == "ASSAULT"
    res = run("extract", "-", "--published", "2024-03-06", "--workers", "1",
              stdin="Police arrested nine people in Tehran on Tuesday.")
    [event] = [json.loads(line) for line in res.stdout.splitlines()]
    assert event["arrests"] == 9 and event["date"] == "2024-03-05"


def test_bad_inputs_are_named_and_the_rest_goes_on(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"\x00\x00binary")
    (tmp_path / "good.txt").write_text("Troops shelled the village of Kafr Nabl on Monday.", encoding="utf-8")
    res = run("extract", str(tmp_path / "bad.txt"), str(tmp_path / "good.txt"), "--workers", "1")
    assert res.returncode == 1
    assert f"{tmp_path / 'bad.txt'}: the input is binary" in res.stderr
    assert "Traceback" not in res.stderr
    assert [json.loads(line)["article"] for line in res.stdout.splitlines()] == [str(tmp_path / "good.txt")]


def test_bad_date_is_a_usage_error():
    res = run("extract", str(SEED), "--published", "5 Jan")
    assert res.returncode == 2 and "YYYY-MM-DD" in res.stderr and "Traceback" not in res.stderr


def test_evaluate_command(tmp_path):
    pred = tmp_path / "p.jsonl"
    pred.write_text(run("extract", str(SEED), "--published", "2024-01-05", "--workers", "1").stdout)
    res = run("evaluate", str(SEED.parent / "gold.json"), str(pred))
    assert res.returncode == 0 and "actor-level F1" in res.stdout
