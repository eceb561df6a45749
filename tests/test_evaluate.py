"""Our scorer agrees with the reference scorer on the PLOVER gold-standard records."""
from __future__ import annotations

import json
import subprocess
import sys

from conftest import SHARED
from flashpoint.evaluate import evaluate
from flashpoint.ingest import read_inputs


def test_agrees_with_reference_on_plover_records(tmp_path, pipeline):
    subprocess.run([sys.executable, str(SHARED / "tools" / "gsr_to_gold.py"), str(tmp_path)], check=True,
                   capture_output=True)
    articles = list(read_inputs([str(tmp_path / "input.jsonl")]))
    pred = tmp_path / "pred.jsonl"
    with pred.open("w", encoding="utf-8") as out:
        for doc in pipeline.pipe(articles):
            for event in doc.event_dicts():
                out.write(json.dumps(event) + "\n")
    ours = evaluate(tmp_path / "gold", pred)
    ref = subprocess.run([sys.executable, str(SHARED / "tools" / "score_events.py"), str(tmp_path / "gold"),
                          str(pred)], capture_output=True, text=True, check=True).stdout
    for level in ("type", "actor", "full"):
        line = next(ln for ln in ref.splitlines() if ln.startswith(level))
        r = ours[level]
        assert f"(tp={r.tp} fp={r.fp} fn={r.fn})" in line
    assert ours["type"].f1 > 0.5
