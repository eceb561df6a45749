"""Event geolocation on the re-labelled gold records of ../shared/peers/event_location (the
figures bench/event_location.py prints): events are found at the marked word in at least 75%
of records, and among those the location text matches the gold span (or both are empty) in
at least 85%."""
from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def load_bench():
    spec = importlib.util.spec_from_file_location("event_location_bench", ROOT / "bench" / "event_location.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_event_location_figures():
    bench = load_bench()
    gold = bench.load_gold(Path(bench.DEFAULT_DATA))
    assert len(gold) == 496
    result = bench.run_pipeline(gold, None)
    assert result["found"] / len(gold) >= 0.75
    assert result["ok"] / result["found"] >= 0.85
