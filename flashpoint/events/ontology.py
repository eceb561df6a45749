"""PLOVER types: quad class, intensity and nearest CAMEO root (data in data/plover.tsv)."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ..config import data_path


@dataclass(frozen=True)
class EventType:
    name: str
    quad: int
    intensity: float
    cameo: str
    mode_intensity: dict = field(default_factory=dict)

    def score(self, mode: str | None) -> float:
        return self.mode_intensity.get(mode, self.intensity)


@lru_cache(maxsize=1)
def event_types() -> dict[str, EventType]:
    out = {}
    for line in data_path("events", "data", "plover.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, quad, intensity, cameo, *rest = line.split("\t")
        modes = dict(item.split("=") for item in (rest[0].split() if rest else []))
        out[name] = EventType(name, int(quad), float(intensity), cameo, {k: float(v) for k, v in modes.items()})
    return out


def quad_class(event_type: str) -> int | None:
    t = event_types().get(event_type)
    return t.quad if t else None
