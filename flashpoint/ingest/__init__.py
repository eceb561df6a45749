"""Ingest: turn files, folders, corpora, feeds and stdin into Articles (see readers.py)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class InputFailure:
    """An input that could not be read; ``reason`` is a sentence a user can act on."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


from .readers import read_inputs  # noqa: E402

__all__ = ["InputFailure", "read_inputs"]
