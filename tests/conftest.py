"""Shared fixtures: paths to the shared material and one pipeline per test session."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT / ".." / "shared").resolve()
SEED = SHARED / "seed" / "iraq-coalition-2024-01-05.txt"
SEED_GOLD = SHARED / "seed" / "gold.json"


def code(text, published="2024-03-06"):
    """The events of a short invented text, as the Python API returns them."""
    import flashpoint
    return flashpoint.extract(text, published=published)


def only(events, event_type, **flags):
    """The events of one type, and with the given field values."""
    out = [e for e in events if e["event_type"] == event_type]
    for k, v in flags.items():
        out = [e for e in out if e[k] == v]
    return out


@pytest.fixture(scope="session")
def pipeline():
    import flashpoint
    return flashpoint.load()


@pytest.fixture(scope="session")
def seed_events(pipeline):
    from flashpoint.ingest import read_inputs
    [article] = list(read_inputs([str(SEED)], published="2024-01-05"))
    [doc] = list(pipeline.pipe([article]))
    return doc.event_dicts()
