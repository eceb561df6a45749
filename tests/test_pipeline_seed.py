"""End to end on the founding article with the real spaCy model and knowledge base."""
from __future__ import annotations

import json
import subprocess
import sys

from conftest import SEED_GOLD, SHARED
from flashpoint.evaluate import evaluate


def find(events, event_type, sentence_part, **checks):
    hits = [e for e in events if e["event_type"] == event_type and sentence_part in e["sentence"]
            and not e["negated"] and not e["hypothetical"]]
    for key, want in checks.items():
        hits = [e for e in hits if _get(e, key) == want]
    return hits


def _get(event, dotted):
    value = event
    for part in dotted.split("__"):
        value = (value or {}).get(part)
    return value


def test_kerman_attack(seed_events):
    [kerman] = find(seed_events, "ASSAULT", "Kerman that cost the lives")
    assert kerman["fatalities"] == 89
    assert kerman["date"] == "2024-01-03"
    assert kerman["location"]["name"] == "Kerman" and kerman["location"]["country"] == "IRN"
    assert kerman["trigger"]["text"] == "attack"
    assert kerman["sentence"][kerman["trigger"]["start"]:kerman["trigger"]["end"]] == "attack"


def test_revolutionary_guard_accuses_the_us_and_israel(seed_events):
    accusations = find(seed_events, "ACCUSE", "accused the United States and Israel")
    targets = {e["target"]["country"] for e in accusations}
    assert targets == {"USA", "ISR"}
    for e in accusations:
        assert e["source"]["country"] == "IRN" and e["source"]["sector"] == "MIL"
        assert e["date"] == "2024-01-04"


def test_nine_people_detained(seed_events):
    [arrest] = find(seed_events, "COERCE", "nine people")
    assert arrest["mode"] == "arrest" and arrest["arrests"] == 9
    assert arrest["source"]["country"] == "IRN"
    assert arrest["said_by"] and "Ministry" in arrest["said_by"]


def test_headline_demand_and_drone_attack(seed_events):
    [demand] = find(seed_events, "REQUEST", "demands that the multinational force")
    assert demand["source"]["code"] == "IRQGOV"
    [harir] = find(seed_events, "ASSAULT", "Al Harir base")
    assert harir["mode"] == "aerial" and harir["date"] == "2024-01-04"
    assert harir["source"]["country"] == "IRQ" and harir["location"]["country"] == "IRQ"


def test_hypotheticals_are_flagged_not_dropped(seed_events):
    # "a cruise missile that would be intended to attack US troops"
    flagged = [e for e in seed_events if "intended to attack" in e["sentence"] and e["event_type"] == "ASSAULT"]
    assert flagged and all(e["hypothetical"] for e in flagged)


def test_seed_scores_meet_the_bar(seed_events, tmp_path):
    pred = tmp_path / "pred.jsonl"
    pred.write_text("".join(json.dumps(e) + "\n" for e in seed_events), encoding="utf-8")
    ours = evaluate(SEED_GOLD, pred)
    assert ours["type"].f1 >= 0.85 and ours["actor"].f1 >= 0.70 and ours["full"].f1 >= 0.50
    # our scorer and the reference scorer agree
    out = subprocess.run([sys.executable, str(SHARED / "tools" / "score_events.py"), str(SEED_GOLD), str(pred)],
                         capture_output=True, text=True, check=True).stdout
    for level in ("type", "actor", "full"):
        line = next(ln for ln in out.splitlines() if ln.startswith(level))
        assert f"F1={ours[level].f1:.3f}" in line
