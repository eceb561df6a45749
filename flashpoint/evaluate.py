"""Scoring events against gold files, with the rules of docs/EVENTS.md.

Predictions are matched one to one with gold events of the same article: type level (same
PLOVER type and sentence), actor level (and source/target country and sector), full level
(and location and date). Optional gold events count neither way; negated and hypothetical
predictions are left out.
"""
from __future__ import annotations

import json
import math
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

LEVELS = ("type", "actor", "full")
PLACE_PREFIX = re.compile(r"^(near|outside|in|at|around|north of|south of|east of|west of)\s+")
PLACE_SUFFIX = re.compile(r"\s+(base|city|province|governorate|district|region)$")


def normalise(text: str | None) -> str:
    text = unicodedata.normalize("NFKC", text or "")
    text = re.sub(r"[“”„\"«»]", '"', text)
    text = re.sub(r"[‘’`´]", "'", text)
    text = re.sub(r"[–—−]", "-", text)
    return re.sub(r"\s+", " ", text).strip().lower()


def alternatives(value: Any) -> list:
    return value if isinstance(value, list) else [value]


def same_sentence(gold: str, pred: str | None) -> bool:
    g, p = (re.sub(r"\s+", "", normalise(x)) for x in (gold, pred))
    return bool(g and p) and (g == p or g in p or p in g)


def _matches_any(gold: Any, pred: dict | None, fits) -> bool:
    """Gold fields list acceptable alternatives; None accepts only a missing prediction, "*" anything."""
    if gold == "*":
        return True
    for alt in alternatives(gold):
        if alt is None:
            if not pred:
                return True
        elif alt == "*" or (pred and fits(alt, pred)):
            return True
    return False


def actor_matches(gold: Any, pred: dict | None) -> bool:
    def fits(alt, pred):
        country_ok = alt.get("country") == "*" or pred.get("country") in alternatives(alt.get("country"))
        sector_ok = alt.get("sector") == "*" or pred.get("sector") in alternatives(alt.get("sector"))
        return country_ok and sector_ok
    return _matches_any(gold, pred, fits)


def place_names(loc: dict) -> set[str]:
    names = set()
    for key in ("name", "text"):
        if loc.get(key):
            v = normalise(loc[key])
            names.add(v)
            v = PLACE_PREFIX.sub("", v)
            names |= {v, re.sub(r"^(al|el|the)[ -]", "", v), PLACE_SUFFIX.sub("", v)}
    return names


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 12742 * math.asin(math.sqrt(min(1, h)))


def location_matches(gold: Any, pred: dict | None) -> bool:
    def fits(alt, pred):
        if pred.get("country") not in alternatives(alt.get("country")):
            return False
        if place_names(alt) & place_names(pred):
            return True
        return alt.get("lat") is not None and pred.get("lat") is not None and \
            distance_km((alt["lat"], alt["lon"]), (pred["lat"], pred["lon"])) <= 25
    return _matches_any(gold, pred, fits)


def matches(level: str, gold: dict, pred: dict) -> bool:
    types = alternatives(gold["event_type"]) + list(gold.get("alt_event_types") or [])
    sentences = [gold["sentence"], *(gold.get("alt_sentences") or [])]
    if pred.get("event_type") not in types or not any(same_sentence(s, pred.get("sentence")) for s in sentences):
        return False
    if level == "type":
        return True
    src, tgt = pred.get("source"), pred.get("target")
    ok = actor_matches(gold.get("source"), src) and actor_matches(gold.get("target"), tgt)
    if not ok and gold.get("symmetric"):
        ok = actor_matches(gold.get("source"), tgt) and actor_matches(gold.get("target"), src)
    if not ok or level == "actor":
        return ok
    date_ok = gold.get("date") == "*" or pred.get("date") in alternatives(gold.get("date"))
    return date_ok and location_matches(gold.get("location"), pred.get("location"))


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    numbers: dict = field(default_factory=lambda: {"fatalities": [0, 0], "arrests": [0, 0]})

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score(golds: dict[str, list[dict]], preds: dict[str, list[dict]], level: str) -> Score:
    result = Score()
    for article, gold_events in golds.items():
        candidates = [p for p in preds.get(article, []) if not p.get("negated") and not p.get("hypothetical")]
        used: set[int] = set()
        # required gold events first, so an optional one never takes a prediction from them
        for g in sorted(gold_events, key=lambda g: bool(g.get("optional"))):
            hit = next((j for j, p in enumerate(candidates) if j not in used and matches(level, g, p)), None)
            if hit is None:
                result.fn += 0 if g.get("optional") else 1
                continue
            used.add(hit)
            if g.get("optional"):
                continue
            result.tp += 1
            for key, tally in result.numbers.items():
                if g.get(key) is not None:
                    tally[1] += 1
                    tally[0] += int(candidates[hit].get(key) == g[key])
        repeats = sum(1 for j, p in enumerate(candidates) if j not in used
                      and any(g.get("alt_sentences") and matches(level, g, p) for g in gold_events))
        result.fp += len(candidates) - len(used) - repeats
    return result


def load_gold(path: str | Path) -> dict[str, list[dict]]:
    path = Path(path)
    files = sorted(path.glob("*.json")) if path.is_dir() else [path]
    golds = {}
    for f in files:
        data = json.loads(f.read_text(encoding="utf-8"))
        golds[Path(data.get("article") or f.stem).stem] = data["events"]
    return golds


def load_predictions(path: str | Path, golds: dict) -> dict[str, list[dict]]:
    preds: dict[str, list[dict]] = defaultdict(list)
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        event = json.loads(line)
        for ref in (event.get("article_id"), event.get("article")):
            key = Path(str(ref or "")).stem
            if key in golds:
                preds[key].append(event)
                break
    return preds


def evaluate(gold_path: str | Path, pred_path: str | Path) -> dict[str, Score]:
    golds = load_gold(gold_path)
    preds = load_predictions(pred_path, golds)
    return {level: score(golds, preds, level) for level in LEVELS}


def report(results: dict[str, Score], articles: int, level: str = "actor") -> str:
    lines = []
    for lv, r in results.items():
        line = f"{lv:5s} P={r.precision:.3f} R={r.recall:.3f} F1={r.f1:.3f} (tp={r.tp} fp={r.fp} fn={r.fn})"
        if lv == "type":
            n = r.numbers
            line += f" fatalities {n['fatalities'][0]}/{n['fatalities'][1]} arrests {n['arrests'][0]}/{n['arrests'][1]}"
        lines.append(line)
    lines.append(f"{level}-level F1 {results[level].f1:.3f} over {articles} articles")
    return "\n".join(lines)
