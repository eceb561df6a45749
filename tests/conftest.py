"""Shared fixtures: paths to the shared material and one pipeline per test session."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT / ".." / "shared").resolve()
SEED = SHARED / "seed" / "iraq-coalition-2024-01-05.txt"
SEED_GOLD = SHARED / "seed" / "gold.json"


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
