"""Synthetic event records in the EVENTS.md contract (for tests, demos and the query benchmark)."""
from __future__ import annotations

import datetime as _dt
import random
from typing import Any, Iterator

from ..doc import content_hash
from .schema import PLOVER_TYPES

ACTORS = [
    ("Shiite militias", "IRQ", "UAF"), ("US forces", "USA", "MIL"), ("Iraqi government", "IRQ", "GOV"),
    ("Iraqi army", "IRQ", "MIL"), ("Hamas", "PSE", "REB"), ("Israeli army", "ISR", "MIL"),
    ("Houthis", "YEM", "REB"), ("Syrian government", "SYR", "GOV"), ("M23 rebels", "COD", "REB"),
    ("Congolese army", "COD", "MIL"), ("UN", "UNO", None), ("protesters", "IRN", "CVL"),
    ("Iranian police", "IRN", "COP"), ("Kurdish forces", "IRQ", "REB"), ("Turkish army", "TUR", "MIL"),
]
PLACES = [
    ("Baghdad", "IRQ", 33.34, 44.40), ("Erbil", "IRQ", 36.19, 44.01), ("Gaza", "PSE", 31.50, 34.47),
    ("Sanaa", "YEM", 15.35, 44.21), ("Damascus", "SYR", 33.51, 36.29), ("Goma", "COD", -1.68, 29.22),
    ("Tehran", "IRN", 35.69, 51.42), ("Mosul", "IRQ", 36.34, 43.13), ("Aleppo", "SYR", 36.20, 37.16),
    ("Kinshasa", "COD", -4.32, 15.31),
]
VERBS = {"ASSAULT": "attacked", "COERCE": "arrested", "PROTEST": "protested against", "MOBILIZE": "deployed near",
         "ACCUSE": "accused", "REQUEST": "demanded that", "THREATEN": "threatened", "SANCTION": "sanctioned",
         "REJECT": "rejected", "AGREE": "agreed with", "CONSULT": "met", "SUPPORT": "praised",
         "CONCEDE": "conceded to", "COOPERATE": "worked with", "AID": "sent aid to", "RETREAT": "withdrew from"}
INTENSITY = {"AGREE": 2.5, "CONSULT": 2.5, "SUPPORT": 5, "CONCEDE": 4.5, "COOPERATE": 9.5, "AID": 10, "RETREAT": 6.5,
             "REQUEST": 0, "ACCUSE": -3, "REJECT": -2, "THREATEN": -3.5, "PROTEST": -5, "SANCTION": -6,
             "MOBILIZE": -5.5, "COERCE": -7, "ASSAULT": -9}


def actor(name, country, sector) -> dict[str, Any]:
    return {"text": f"the {name}", "name": name, "code": f"{country}{sector or ''}", "country": country, "sector": sector}


def event(article_id: str, i: int, event_type: str, src, tgt, place, date: str, published: str | None = None,
          sentence: str | None = None, negated: bool = False, **extra) -> dict[str, Any]:
    verb = VERBS[event_type]
    s = sentence or f"{src[0]} {verb} {tgt[0] if tgt else 'nobody'} in {place[0] if place else 'an unnamed place'}."
    ts = s.find(verb.split()[0])
    ev = {
        "event_id": content_hash(f"{article_id}|{i}|{event_type}|{src}|{tgt}"),
        "article_id": article_id, "article": f"synthetic/{article_id}.txt", "title": f"Report {article_id}",
        "published": published or date, "sentence_index": i, "sentence": s,
        "trigger": {"text": verb.split()[0], "start": ts, "end": ts + len(verb.split()[0])},
        "event_type": event_type, "mode": None, "cameo": None, "intensity": INTENSITY[event_type],
        "source": actor(*src) if src else None, "target": actor(*tgt) if tgt else None,
        "location": ({"text": place[0], "name": place[0], "country": place[1], "admin1": None, "geonameid": None,
                      "lat": place[2], "lon": place[3], "precision": "city"} if place else None),
        "date": date, "date_text": None, "fatalities": None, "injuries": None, "arrests": None,
        "negated": negated, "hypothetical": False, "said_by": None, "confidence": 0.8, "evidence": "synthetic",
    }
    ev.update(extra)
    return ev


def documents(n_articles: int, events_per_article: int = 3, seed: int = 1,
              start: str = "2023-10-01", days: int = 180) -> Iterator[tuple[dict, list[dict]]]:
    """(document dict, event dicts) pairs of random but well-formed articles."""
    rnd = random.Random(seed)
    d0 = _dt.date.fromisoformat(start)
    for a in range(n_articles):
        aid = f"syn{seed}-{a:07d}"
        pub = d0 + _dt.timedelta(days=rnd.randrange(days))
        evs = []
        for i in range(events_per_article):
            et = rnd.choice(PLOVER_TYPES)
            src, tgt = rnd.sample(ACTORS, 2)
            place = rnd.choice(PLACES) if rnd.random() < 0.9 else None
            day = (pub - _dt.timedelta(days=rnd.randrange(2))).isoformat()
            evs.append(event(aid, i, et, src, tgt, place, day, pub.isoformat(), negated=rnd.random() < 0.03))
        text = " ".join(e["sentence"] for e in evs) + f" (article {aid})"
        doc = {"article_id": aid, "article": f"synthetic/{aid}.txt", "title": f"Report {aid}", "author": None,
               "published": pub.isoformat(), "url": None, "text": text}
        yield doc, evs
