"""Actor resolution on UD-PETRARCH's validation records, with that suite's own dictionaries.

For every record of the ACTOR, AGENT and DATE categories marked ``evaluate="true"`` that
expects events, the check is: are the expected source code and the expected target code (of
every expected event) among the actor codes ``flashpoint actors find`` resolves in the
sentence, on the record's date? The suite's actors and agents files are loaded through the
ordinary ``--actors`` mechanism; its verb dictionary is not used (this tests actors only).

    .venv/bin/python bench/petrarch_actors.py [--suite DIR] [--verbose]

UD-PETRARCH's own rate of correct codings on these categories: ACTOR 100%, AGENT 100%,
DATE 95.5% (baseline_results in the suite's folder). Target here: ≥ 95% in each.
"""
from __future__ import annotations

import argparse
import html
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SUITE = ROOT.parent / "shared" / "peers" / "petrarch2" / "ud_petrarch_validate_2_02"
CATEGORIES = ("ACTOR", "AGENT", "DATE")


def read_records(path: Path, categories=CATEGORIES) -> list[dict]:
    """The suite's <Sentence> records (read line-wise like the original harness, not as XML)."""
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    records = []
    for m in re.finditer(r"<Sentence\s([^>]*)>(.*?)</Sentence>", text, re.S):
        attrs = dict(re.findall(r'(\w+)="([^"]*)"', m.group(1)))
        if attrs.get("category") not in categories or attrs.get("evaluate", "").lower() != "true":
            continue
        body = m.group(2)
        codings = [dict(re.findall(r'(\w+)="([^"]*)"', c)) for c in re.findall(r"<EventCoding\s([^>]*)/?>", body)]
        events = [(html.unescape(c["sourcecode"]), html.unescape(c["targetcode"]))
                  for c in codings if "sourcecode" in c and "targetcode" in c]
        if not events:
            continue  # noevents / error records test the verb side
        sentence = re.search(r"<Text>(.*?)</Text>", body, re.S)
        raw_date = attrs.get("date", "")
        date = f"{raw_date[:4]}-{raw_date[4:6]}-{raw_date[6:8]}" if len(raw_date) == 8 else None
        records.append({"id": attrs.get("id"), "category": attrs["category"], "date": date,
                        "text": re.sub(r"\s+", " ", sentence.group(1)).strip(), "events": events})
    return records


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--suite", type=Path, default=DEFAULT_SUITE, help="the ud_petrarch_validate folder")
    parser.add_argument("--verbose", "-v", action="store_true", help="show every record that fails")
    parser.add_argument("--min-rate", type=float, default=0.95, help="exit 1 when a category is below this")
    args = parser.parse_args(argv)

    from flashpoint.actors.commands import mentions_of
    from flashpoint.config import Settings
    from flashpoint.doc import Article
    from flashpoint.pipeline import Pipeline

    suite = args.suite
    actor_files = (str(next(suite.glob("*actors*.txt"))), str(next(suite.glob("*agents*.txt"))))
    records = read_records(next(suite.glob("*records*.xml")))
    start = time.perf_counter()
    pipeline = Pipeline(Settings(stages=("clean", "nlp", "actors"), actor_files=actor_files,
                                 parse_only_candidates=False))
    articles = [Article(source=r["id"], id=r["id"], text=r["text"], published=r["date"]) for r in records]
    rows: dict[str, list[int]] = {c: [0, 0] for c in CATEGORIES}
    failures = []
    for record, doc in zip(records, pipeline.pipe(articles)):
        found = [m for m in mentions_of(doc)]
        codes = {m["code"] for m in found if m["code"]}
        expected = {code for pair in record["events"] for code in pair}
        ok = expected <= codes
        rows[record["category"]][0] += 1
        rows[record["category"]][1] += ok
        if not ok:
            failures.append((record, expected - codes, found))
    elapsed = time.perf_counter() - start

    print(f"UD-PETRARCH validation records, actors only ({suite.name}; dictionaries via --actors)")
    print(f"{'category':<10}{'records':>9}{'both found':>12}{'rate':>9}")
    total = [0, 0]
    below = False
    for cat in CATEGORIES:
        n, ok = rows[cat]
        total[0] += n
        total[1] += ok
        rate = ok / n if n else 0.0
        below |= rate < args.min_rate
        print(f"{cat:<10}{n:>9}{ok:>12}{rate:>9.1%}")
    print(f"{'overall':<10}{total[0]:>9}{total[1]:>12}{total[1] / max(total[0], 1):>9.1%}")
    print(f"({elapsed:.1f}s, UD-PETRARCH's own correct codings: ACTOR 100%, AGENT 100%, DATE 95.5%)")
    if failures and args.verbose:
        print("\nmissed:")
        for record, missing, found in failures:
            print(f"  {record['id']} {record['date']}: missing {sorted(missing)}: {record['text']}")
            for m in found:
                print(f"      {m['text']!r} → {m['code']}  ({m['reason']})")
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main())
