"""`flashpoint graph`: the actor network of a real store as an SVG picture."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import SEED

FLASHPOINT = str(Path(sys.executable).with_name("flashpoint"))


def test_graph_of_the_seed(tmp_path):
    db, svg = tmp_path / "seed.duckdb", tmp_path / "graph.svg"
    subprocess.run([FLASHPOINT, "ingest", str(SEED), "--db", str(db), "--workers", "1", "--no-progress"],
                   check=True, capture_output=True, timeout=600)
    res = subprocess.run([FLASHPOINT, "graph", "--db", str(db), "-o", str(svg)], capture_output=True, text=True,
                         timeout=600)
    assert res.returncode == 0, res.stderr
    picture = svg.read_text(encoding="utf-8")
    assert picture.startswith("<svg") and "Hossein Salami" in picture and "Israel" in picture
    assert ">unknown<" not in picture


def test_graph_without_a_store_is_a_sentence(tmp_path):
    res = subprocess.run([FLASHPOINT, "graph", "--db", str(tmp_path / "none.duckdb"), "-o", str(tmp_path / "g.svg")],
                         capture_output=True, text=True, timeout=600)
    assert res.returncode != 0 and "no store at" in res.stderr and "Traceback" not in res.stderr
