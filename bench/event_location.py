"""Event geolocation bench on the 496 re-labelled gold records of Halterman's event_location data.

Each gold record is one sentence with one marked event word (VERB span) and zero or more
LOCATION spans (where that event happened). For every record we run the real pipeline on the
sentence as an article and look for an event whose trigger covers the marked word; among the
records where one is found, the event's location text must match a gold span (or both be empty).

    python bench/event_location.py [--data PATH] [--limit N] [--stub-only] [--errors FILE]

Matching: the location's ``text`` (the words in the sentence) against each gold span, after
lower-casing, dropping a leading "the", possessive "'s", quote/dash differences and a trailing
generic place noun ("Aziziyah district" = "Aziziyah", "Al Harir base" = "Al Harir"). "exact" is
plain string equality after stripping. A location with no text (a dateline/focus fallback) counts
as empty in the headline figure; the "strict-null" figure counts it as a wrong location.

The stub figure (clearly labelled) skips the events stage: it makes an event at the gold word
and measures the geo stage's location chooser alone.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_DATA = ROOT.parent / "shared" / "peers" / "event_location" / "labeled_text.jsonl.zip"

GENERIC = {"district", "province", "governorate", "region", "area", "neighbourhood", "neighborhood",
           "town", "city", "village", "base", "camp", "air", "airbase", "airport", "countryside",
           "state", "county", "municipality", "suburb", "quarter", "complex", "compound", "headquarters",
           "crossing", "outpost", "airfield", "garrison", "checkpoint", "school", "plant", "field"}


def load_gold(path: Path) -> list[dict]:
    with zipfile.ZipFile(path) as z:
        data = json.loads(z.read(z.namelist()[0]))
    out = []
    for r in data:
        if r.get("source") != "RELABEL":
            continue
        toks = r["tokens"]
        verb, locs = None, []
        for s in r.get("spans") or []:
            t = toks[s["token_start"]:s["token_end"] + 1]
            if not t:
                continue
            span = (t[0]["start"], t[-1]["end"])
            if s["label"] == "VERB" and verb is None:
                verb = span
            elif s["label"] == "LOCATION":
                locs.append(r["text"][span[0]:span[1]])
        if True:  # a record without a VERB span still counts (no event can be found there)
            out.append({"id": r.get("_id"), "text": r["text"], "verb": verb, "locs": locs})
    return out


def norm(s: str | None) -> str:
    if not s:
        return ""
    s = s.lower().replace("’", "'").replace("‘", "'").replace("`", "'")
    s = re.sub(r"[\u2010-\u2015]", "-", s)
    s = re.sub(r"'s\b", "", s)
    s = re.sub(r"[^\w\s/-]", " ", s)
    words = s.split()
    while words and words[0] in {"the", "a"}:
        words = words[1:]
    while len(words) > 1 and words[-1] in GENERIC:
        words = words[:-1]
    return " ".join(words)


def exact(s: str | None) -> str:
    s = (s or "").strip()
    return s[4:] if s.lower().startswith("the ") else s


def score_location(loc: dict | None, golds: list[str]) -> tuple[bool, bool, bool]:
    """(lenient match, exact match, strict-null match)."""
    text = (loc or {}).get("text") or ""
    if not golds:
        return (not text, not text, loc is None)
    lenient = bool(text) and any(norm(text) == norm(g) for g in golds)
    ex = bool(text) and any(exact(text) == exact(g) for g in golds)
    return lenient, ex, lenient


def pct(a: int, b: int) -> str:
    return f"{a}/{b} = {100.0 * a / b:.1f}%" if b else "n/a"


def load_spacy():
    from flashpoint.nlp import spacy_model
    return spacy_model()


def run_stub(gold: list[dict], errors: list | None) -> dict:
    """Events stubbed at the gold word: measures the geo stage alone."""
    from flashpoint.doc import Document, Event
    from flashpoint.geo import make_geo

    nlp = load_spacy()
    geo = make_geo(None)
    n = ok = ok_exact = ok_strict = 0
    for rec, sdoc in zip(gold, nlp.pipe([g["text"] for g in gold], batch_size=64)):
        if rec["verb"] is None:
            continue
        span = sdoc.char_span(rec["verb"][0], rec["verb"][1], alignment_mode="expand")
        if span is None:
            continue
        sents = list(sdoc.sents)
        si = next(k for k, s in enumerate(sents) if s.start <= span.start < s.end)
        doc = Document(article_id=rec["id"], source="bench", raw_text=rec["text"], text=rec["text"], spacy_doc=sdoc)
        doc.events = [Event("ASSAULT", None, span.start, span.end, si)]
        geo(doc)
        loc = doc.events[0].location
        lenient, ex, strict = score_location(loc.to_dict() if loc else None, rec["locs"])
        n += 1
        ok += lenient
        ok_exact += ex
        ok_strict += strict
        if errors is not None and not lenient:
            errors.append({"mode": "stub", "id": rec["id"], "text": rec["text"], "verb": rec["text"][rec["verb"][0]:rec["verb"][1]],
                           "gold": rec["locs"], "pred": loc.text if loc else None,
                           "pred_place": loc.to_dict() if loc else None})
    return {"n": n, "ok": ok, "exact": ok_exact, "strict": ok_strict}


def run_pipeline(gold: list[dict], errors: list | None) -> dict:
    import flashpoint
    from flashpoint.doc import Article

    nlp = flashpoint.load()
    articles = [Article(source="event_location", text=g["text"], id=str(g["id"])) for g in gold]
    found = ok = ok_exact = ok_strict = 0
    for rec, doc in zip(gold, nlp.pipe(articles)):
        text = doc.text or ""
        shift = 0
        if text != rec["text"]:
            probe = rec["text"].strip()[:40]
            pos = text.find(probe)
            shift = pos - rec["text"].find(probe) if pos >= 0 else 0
        if rec["verb"] is None:
            continue
        vs, ve = rec["verb"][0] + shift, rec["verb"][1] + shift
        hit = None
        for ev in doc.events:
            trig = doc.spacy_doc[ev.trigger_start:max(ev.trigger_end, ev.trigger_start + 1)]
            if trig.start_char < ve and vs < trig.end_char:
                if hit is None or (not ev.negated and hit.negated):
                    hit = ev
        if hit is None:
            continue
        found += 1
        loc = hit.location
        lenient, ex, strict = score_location(loc.to_dict() if loc else None, rec["locs"])
        ok += lenient
        ok_exact += ex
        ok_strict += strict
        if errors is not None and not lenient:
            errors.append({"mode": "pipeline", "id": rec["id"], "text": rec["text"], "verb": rec["text"][rec["verb"][0]:rec["verb"][1]],
                           "gold": rec["locs"], "pred": loc.text if loc else None,
                           "pred_place": loc.to_dict() if loc else None})
    return {"found": found, "ok": ok, "exact": ok_exact, "strict": ok_strict}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=str(DEFAULT_DATA))
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--stub-only", action="store_true", help="only the geo stage with events stubbed at the gold word")
    ap.add_argument("--no-stub", action="store_true")
    ap.add_argument("--errors", help="write mismatches as JSON Lines to this file")
    args = ap.parse_args(argv)

    gold = load_gold(Path(args.data))
    if args.limit:
        gold = gold[:args.limit]
    errors: list | None = [] if args.errors else None
    n = len(gold)
    print(f"records (RELABEL gold): {n}")
    print(f"  with a gold location: {sum(1 for g in gold if g['locs'])}, without: {sum(1 for g in gold if not g['locs'])}")

    if not args.stub_only:
        t = time.time()
        try:
            r = run_pipeline(gold, errors)
        except Exception as exc:  # the events stage may not exist yet
            print(f"real pipeline: not available ({type(exc).__name__}: {exc})")
        else:
            print(f"real pipeline ({time.time() - t:.1f}s):")
            print(f"  event found at the marked word:            {pct(r['found'], n)}")
            print(f"  location text matches gold (or both empty): {pct(r['ok'], r['found'])}")
            print(f"    exact string match:                       {pct(r['exact'], r['found'])}")
            print(f"    strict-null (text-less fallback = wrong):  {pct(r['strict'], r['found'])}")
    if not args.no_stub:
        t = time.time()
        r = run_stub(gold, errors)
        print(f"STUB (events stubbed at the gold word; geo stage alone) ({time.time() - t:.1f}s):")
        print(f"  location text matches gold (or both empty): {pct(r['ok'], r['n'])}")
        print(f"    exact string match:                       {pct(r['exact'], r['n'])}")
        print(f"    strict-null (text-less fallback = wrong):  {pct(r['strict'], r['n'])}")
    if errors is not None:
        with open(args.errors, "w", encoding="utf-8") as fh:
            for e in errors:
                fh.write(json.dumps(e, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
