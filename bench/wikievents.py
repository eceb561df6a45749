"""Event types on real news: flashpoint against the WikiEvents dev annotations.

WikiEvents marks every event mention in 20 news documents with KAIROS types; those with a
PLOVER counterpart (mapping in ../shared/peers/wikievents/README.md) are compared with
flashpoint's events (negated and hypothetical ones left out). A prediction matches a gold
mention of the same PLOVER type in the same sentence (one to one); a stricter figure also
asks for the same trigger word. WikiEvents annotates every mention, references to earlier
events included, so recall here is a floor.

usage: python bench/wikievents.py [path/to/dev.jsonl]
"""
from __future__ import annotations

import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

import flashpoint
from flashpoint.doc import Article

DEV = Path(__file__).resolve().parents[1] / ".." / "shared" / "peers" / "wikievents" / "dev.jsonl"
KAIROS_TO_PLOVER = {
    "Conflict.Attack": "ASSAULT", "Conflict.Demonstrate": "PROTEST", "Contact.ThreatenCoerce": "THREATEN",
    "Contact.RequestCommand": "REQUEST", "Contact.Contact.Meet": "CONSULT", "Justice.ArrestJailDetain": "COERCE",
    "Control.ImpedeInterfereWith": "COERCE", "Justice.ChargeIndict": "ACCUSE", "Justice.InvestigateCrime": "ACCUSE",
    "Justice.TrialHearing": "ACCUSE", "Justice.ReleaseParole": "RETREAT", "Transaction.Donation": "AID",
}


def plover_type(kairos: str) -> str | None:
    for prefix, plover in KAIROS_TO_PLOVER.items():
        if kairos.startswith(prefix):
            return plover
    return None


def squash(text: str) -> str:
    return re.sub(r"\W+", "", text.lower())


def gold_mentions(doc: dict) -> list[tuple[str, str, str]]:
    """(sentence, trigger words, PLOVER type) of each gold trigger with a PLOVER counterpart."""
    out = []
    for ev in doc["event_mentions"]:
        plover = plover_type(ev["event_type"])
        if plover:
            t = ev["trigger"]
            out.append((squash(doc["sentences"][t["sent_idx"]][1]), t["text"].lower(), plover))
    return out


def same_sentence(a: str, b: str) -> bool:
    return bool(a and b) and (a in b or b in a or a[:40] == b[:40])


def same_trigger(gold: str, pred: str) -> bool:
    g, p = gold.split(), pred.lower().split()
    return any(x[:4] == y[:4] for x in g for y in p)


def main(path: Path) -> None:
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    nlp = flashpoint.load()
    started = time.perf_counter()
    tally = {k: Counter() for k in ("sentence", "trigger")}
    by_type = Counter()
    for raw in docs:
        # the document text is given as is: no headline or byline to clean
        [doc] = list(nlp.pipe([Article(source=raw["doc_id"], text=raw["text"], id=raw["doc_id"])]))
        sents = list(doc.spacy_doc.sents)
        preds = [(squash(sents[ev.sentence_index].text), doc.spacy_doc[ev.trigger_start:ev.trigger_end].text,
                  ev.event_type) for ev in doc.events if not (ev.negated or ev.hypothetical)]
        gold = gold_mentions(raw)
        for level in tally:
            used = set()
            for g_sent, g_trig, g_type in gold:
                hit = None
                for j, (p_sent, p_trig, p_type) in enumerate(preds):
                    if j in used or p_type != g_type:
                        continue
                    same = same_sentence(g_sent, p_sent) and (level == "sentence" or same_trigger(g_trig, p_trig))
                    if same:
                        hit = j
                        break
                if hit is None:
                    tally[level]["fn"] += 1
                else:
                    used.add(hit)
                    tally[level]["tp"] += 1
                    if level == "sentence":
                        by_type[g_type] += 1
            tally[level]["fp"] += len(preds) - len(used)
        by_type.update(f"gold {t}" for *_, t in gold)
    seconds = time.perf_counter() - started
    print(f"WikiEvents dev: {len(docs)} documents, {sum(len(gold_mentions(d)) for d in docs)} gold mentions "
          f"with a PLOVER type ({seconds:.1f}s)")
    for level, c in tally.items():
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
        r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"  {level:8s} match: P={p:.3f} R={r:.3f} F1={f:.3f} (tp={c['tp']} fp={c['fp']} fn={c['fn']})")
    types = sorted({k[5:] for k in by_type if k.startswith("gold ")})
    print("  recall by type (sentence match): " + ", ".join(
        f"{t} {by_type[t]}/{by_type['gold ' + t]}" for t in types))


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEV)
