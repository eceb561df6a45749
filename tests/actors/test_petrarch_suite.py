"""UD-PETRARCH's validation records, with that suite's own dictionaries loaded as user files:
both expected actor codes are found in at least 95% of each category (bench/petrarch_actors.py)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_suite_codes_are_found():
    res = subprocess.run([sys.executable, str(ROOT / "bench" / "petrarch_actors.py"), "--min-rate", "0.95"],
                         capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stdout + res.stderr
    assert "ACTOR" in res.stdout and "DATE" in res.stdout
