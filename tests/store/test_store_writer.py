"""The store with hand-built event records: idempotence, near-duplicates, incidents, queries."""

import pytest

import flashpoint
from flashpoint.store import FilterError, Store
from flashpoint.store.db import Writer
from flashpoint.store import writer as W
from flashpoint.store.synthetic import ACTORS, PLACES, event

MIL = ACTORS[0]  # Shiite militias IRQUAF
US = ACTORS[1]   # US forces USAMIL
ERBIL = PLACES[1]
NEAR_ERBIL = ("Al Harir base", "IRQ", 36.55, 44.36)  # ~45 km from Erbil
BAGHDAD = PLACES[0]

STORY = ("Shiite militias attacked the Al Harir base used by US forces on Thursday with a drone, "
         "the coalition said. Nobody was hurt in the attack, officials said, but the base was damaged. "
         "The Iraqi government condemned the attack and called for calm. ")


def doc(aid, text, published="2024-01-05", source=None):
    return {"article_id": aid, "article": source or f"{aid}.txt", "title": f"T {aid}", "author": None,
            "published": published, "url": None, "text": text}


def write(db, d, evs):
    with Writer(db).connection() as con:
        return W.write_document(con, d, evs)


def test_idempotent_near_duplicate_and_incidents(tmp_path):
    db = str(tmp_path / "s.duckdb")
    e1 = event("a1", 0, "ASSAULT", MIL, US, ERBIL, "2024-01-04", "2024-01-05", sentence=STORY.split(". ")[0] + ".")
    r1 = write(db, doc("a1", STORY * 3), [e1])
    assert r1.status == "stored" and r1.events == 1
    # same article again: nothing added
    assert write(db, doc("a1", STORY * 3), [e1]).status == "exists"
    # another outlet, nearly the same text, same incident a day later 10 km away
    e2 = event("a2", 0, "ASSAULT", MIL, US, ("Erbil outskirts", "IRQ", 36.25, 44.07), "2024-01-05", "2024-01-05")
    r2 = write(db, doc("a2", STORY * 3 + "Reporting by another outlet."), [e2])
    assert r2.duplicate_of == "a1" and r2.similarity >= 0.7
    # a different place far away: a new incident; an unrelated article: no duplicate
    e3 = event("a3", 0, "ASSAULT", MIL, US, BAGHDAD, "2024-01-04", "2024-01-05")
    e4 = event("a3", 1, "ASSAULT", MIL, US, ERBIL, "2024-01-07", "2024-01-07")  # 3 days later
    e5 = event("a3", 2, "ASSAULT", MIL, US, ERBIL, "2024-01-04", "2024-01-05", negated=True)
    r3 = write(db, doc("a3", "A quite different story about Baghdad and many other things entirely."), [e3, e4, e5])
    assert r3.duplicate_of is None and r3.events == 3

    s = flashpoint.open(db)
    assert s.stats()["articles"] == 3
    assert s.stats()["events"] == 5
    ev = s.events()
    assert len(ev) == 4  # negated left out by default
    assert len(s.events(include_negated=True)) == 5
    inc = dict(zip(ev.event_id, ev.incident_id))
    assert inc[e2["event_id"]] == e1["event_id"]  # merged into the first report's incident
    assert inc[e3["event_id"]] == e3["event_id"] and inc[e4["event_id"]] == e4["event_id"]
    incidents = s.incidents()
    first = incidents[incidents.incident_id == e1["event_id"]].iloc[0]
    assert first.n_reports == 2 and first.n_articles == 2
    assert len(s.events(one_per_incident=True)) == 3
    # near-duplicate linked
    arts = s.articles().set_index("article_id")
    assert arts.loc["a2", "duplicate_of"] == "a1"
    assert s.article("a1")["near_duplicates"][0]["article_id"] == "a2"
    # timeline counts incidents by default, events on request
    tl = s.timeline()
    assert tl["count"].sum() == 3
    assert s.timeline(unit="events")["count"].sum() == 4
    edges = s.edges()
    assert list(edges.source) == ["Shiite militias"] and edges["count"].iloc[0] == 3


def test_filters_and_article_marks(tmp_path):
    db = str(tmp_path / "f.duckdb")
    evs = [event("b1", 0, "ASSAULT", MIL, US, ERBIL, "2023-11-02"),
           event("b1", 1, "PROTEST", ACTORS[11], ACTORS[12], PLACES[6], "2023-09-02"),
           event("b1", 2, "CONSULT", ACTORS[2], ACTORS[1], None, "2024-02-01")]
    text = " ".join(e["sentence"] for e in evs)
    write(db, doc("b1", text, "2024-02-01"), evs)
    s = Store(db)
    assert list(s.events(event_type="ASSAULT").event_id) == [evs[0]["event_id"]]
    assert len(s.events(start="2023-10-01")) == 2
    assert len(s.events(start="2023-10-01", end="2023-12-31", source_sector="UAF", target_country="USA")) == 1
    assert len(s.events(quad_class="1,4")) == 3
    assert len(s.events(quad_class=[4])) == 2
    assert len(s.events(actor="militia")) == 1
    assert len(s.events(location_country="IRN")) == 1
    assert len(s.events(bbox="40,30,50,40")) == 1  # Erbil only (Tehran is at 51.4)
    assert len(s.events(q="PROTESTED")) == 1
    assert len(s.events(code="USAMIL")) == 2
    assert s.count(country="IRN") == 1
    for bad in ({"event_type": "ATTACK"}, {"start": "yesterday"}, {"bbox": "1,2,3"}, {"quad_class": 5},
                {"nonsense": 1}, {"start": "2024-02-01", "end": "2024-01-01"}):
        with pytest.raises(FilterError):
            s.events(**bad)
    art = s.article("b1")
    assert [m["event_types"] for m in art["marks"]] == [["ASSAULT"], ["PROTEST"], ["CONSULT"]]
    m = art["marks"][0]
    assert art["text"][m["start"]:m["end"]] == evs[0]["sentence"]
    t = m["triggers"][0]
    assert art["text"][t["start"]:t["end"]] == "attacked"
    g = s.graph()
    assert g.number_of_edges() == 3
    assert s.actors().iloc[0]["events"] >= 1
    assert s.event(evs[0]["event_id"])["source"]["code"] == "IRQUAF"


def test_failures_and_missing_store(tmp_path):
    db = str(tmp_path / "x.duckdb")
    from flashpoint.store import StoreError
    with pytest.raises(StoreError, match="no store"):
        Store(db).events()
    with Writer(db).connection() as con:
        W.record_failure(con, "bad.bin", "binary file")
        W.record_failure(con, "bad.bin", "binary file")
    assert Store(db).failures().to_dict("records")[0]["reason"] == "binary file"


def test_a_batch_stores_what_the_same_articles_store_one_by_one(tmp_path):
    e1 = event("a1", 0, "ASSAULT", MIL, US, ERBIL, "2024-01-04", "2024-01-05")
    e2 = event("a2", 0, "ASSAULT", MIL, US, ("Erbil outskirts", "IRQ", 36.25, 44.07), "2024-01-05", "2024-01-05")
    e3 = event("a3", 0, "ASSAULT", MIL, US, None, "2024-01-05", "2024-01-06")
    items = [(doc("a1", STORY * 3), [e1], None), (doc("a2", STORY * 3 + " More."), [e2], None),
             (doc("a1", STORY * 3), [e1], None),  # the same article twice in one batch: stored once
             (doc("a3", "Another story entirely about something else."), [e3], None)]
    one, batch = str(tmp_path / "one.duckdb"), str(tmp_path / "batch.duckdb")
    with Writer(one).connection() as con:
        singles = [W.write_document(con, d, evs, raw) for d, evs, raw in items]
    with Writer(batch).connection() as con:
        together = W.write_documents(con, items)
    assert [(r.status, r.events, r.duplicate_of) for r in singles] == \
        [(r.status, r.events, r.duplicate_of) for r in together] == \
        [("stored", 1, None), ("stored", 1, "a1"), ("exists", 0, None), ("stored", 1, None)]
    tables = {"events": "event_id", "incidents": "incident_id", "articles": "article_id"}
    for table, key in tables.items():
        a, b = Store(one).sql(f"SELECT * FROM {table} ORDER BY {key}"), Store(batch).sql(f"SELECT * FROM {table} ORDER BY {key}")
        skip = [c for c in a.columns if c.endswith("_at")]
        assert a.drop(columns=skip).equals(b.drop(columns=skip)), table
