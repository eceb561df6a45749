"""Local worker processes give the same results, in the same order, as one worker."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = (ROOT / ".." / "shared" / "seed" / "iraq-coalition-2024-01-05.txt").resolve()

TEXTS = [
    "Russian troops shelled the city of Kharkiv on Monday, killing three civilians.",
    "The weather was mild and the markets were calm.",
    "Hungary's prime minister met the Serbian president in Belgrade to discuss energy.",
    "Police arrested 12 protesters in Nairobi.\n\nThe government condemned the violence.",
    "",
]


def _articles():
    from flashpoint.doc import Article
    from flashpoint.ingest import read_inputs
    [seed] = list(read_inputs([str(SEED)], published="2024-01-05"))
    arts = [Article(source=f"t{i}.txt", text=t, published="2024-01-05") for i, t in enumerate(TEXTS * 4)]
    return [seed, *arts, seed]


def test_two_workers_same_as_one():
    from flashpoint.config import Settings
    from flashpoint.scale import run_documents
    settings = Settings().with_(batch_size=3)
    one = list(run_documents(_articles(), settings, workers=1))
    two = list(run_documents(iter(_articles()), settings, workers=2))
    assert len(one) == len(_articles())
    assert two == one
    assert one[0] == one[-1] and len(one[0]) >= 10


def test_documents_mode_pairs():
    from flashpoint.config import Settings
    from flashpoint.scale import run_documents
    out = list(run_documents(_articles()[:3], Settings(), workers=1, documents=True))
    doc, events = out[0]
    assert doc["article_id"] and all(e["article_id"] == doc["article_id"] for e in events)


def test_default_workers_is_cores():
    from flashpoint.scale import default_workers
    assert default_workers() >= 1


def test_a_pipeline_that_cannot_load_in_the_workers_fails_instead_of_waiting():
    import pytest
    from flashpoint.config import Settings
    from flashpoint.scale import run_documents
    settings = Settings().with_(batch_size=2, stages=("clean", "no-such-stage"))
    with pytest.raises(KeyError, match="no-such-stage"):
        list(run_documents(_articles(), settings, workers=2))
