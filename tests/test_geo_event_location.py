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


def test_a_dateline_filed_from_abroad_is_no_scene_and_a_base_is_no_scene():
    import flashpoint
    text = ("Iran bars inspectors\n\nNAIROBI, May 4 (Wire) — Iran refused on Monday to let inspectors from the UN "
            "atomic agency into a site in central Iran, officials in Tehran said.")
    events = [e for e in flashpoint.extract(text, published="2026-05-05") if e["event_type"] == "REJECT"]
    assert events and all((e["location"] or {}).get("country") != "KEN" for e in events)
    [e] = [e for e in flashpoint.extract("Britain on Tuesday imposed sanctions on two shipping firms based in Singapore.",
                                          published="2026-05-05") if e["event_type"] == "SANCTION"]
    assert (e["location"] or {}).get("country") != "SGP"


def test_a_known_person_s_name_after_near_is_a_town_of_the_story_s_country():
    import flashpoint
    # (Salou Djibo is a known person; near Djibo in Burkina Faso is the town)
    [e] = [e for e in flashpoint.extract("Gunmen stormed an army post near Djibo in northern Burkina Faso on Tuesday.",
                                          published="2026-04-08") if e["event_type"] == "ASSAULT"]
    assert e["location"]["name"] == "Djibo"
