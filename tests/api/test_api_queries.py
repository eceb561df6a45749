"""The API on a real DuckDB file: filters, formats, pagination, errors, security."""
import csv
import io
import json

import pytest
from fastapi.testclient import TestClient

from flashpoint.api.app import create_app
from flashpoint.store import Store
from flashpoint.store import writer as W
from flashpoint.store.db import Writer
from flashpoint.store.synthetic import documents
from flashpoint.store.queries import FILTER_HELP


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("api") / "api.duckdb")
    with Writer(path).connection() as con:
        for d, evs in documents(60, 3, seed=3):
            W.write_document(con, d, evs)
    return path


@pytest.fixture(scope="module")
def client(db):
    return TestClient(create_app(db))


def test_events_filters_and_pages(client, db):
    store = Store(db)
    r = client.get("/events", params={"event_type": "ASSAULT", "limit": 5})
    assert r.status_code == 200
    body = r.json()
    assert body["total"] == store.count(event_type="ASSAULT") and len(body["events"]) == min(5, body["total"])
    assert all(e["event_type"] == "ASSAULT" for e in body["events"])
    page2 = client.get("/events", params={"event_type": "ASSAULT", "limit": 5, "offset": 5}).json()
    assert not {e["event_id"] for e in body["events"]} & {e["event_id"] for e in page2["events"]}
    r = client.get("/events", params={"source_country": "IRQ", "quad_class": "4", "start": "2023-11-01",
                                      "end": "2024-01-31", "bbox": "30,25,50,40", "limit": 1000})
    for e in r.json()["events"]:
        assert e["source"]["country"] == "IRQ" and e["quad_class"] == 4
        assert "2023-11-01" <= (e["date"] or e["published"]) <= "2024-01-31"
        assert 30 <= e["location"]["lon"] <= 50
    assert client.get("/events", params={"actor": "militia", "limit": 1000}).json()["total"] == store.count(actor="militia")
    assert client.get("/events", params={"q": "attacked"}).json()["total"] == store.count(q="attacked") > 0


def test_formats(client):
    r = client.get("/events", params={"format": "csv", "limit": 10})
    assert r.headers["content-type"].startswith("text/csv")
    assert len(list(csv.DictReader(io.StringIO(r.text)))) == 10
    r = client.get("/events", params={"format": "jsonl", "limit": 10})
    assert len([json.loads(x) for x in r.text.splitlines()]) == 10
    r = client.get("/events", params={"format": "geojson", "limit": 50})
    assert r.json()["type"] == "FeatureCollection" and r.json()["features"]


def test_actors_graph_timeline_article(client):
    a = client.get("/actors", params={"limit": 5}).json()["actors"]
    assert len(a) == 5 and a[0]["events"] >= a[-1]["events"]
    g = client.get("/graph", params={"layout": 1, "event_type": "ASSAULT"}).json()
    assert g["edges"] and all("x" in n and "y" in n for n in g["nodes"])
    assert {"source", "target", "count", "mean_intensity"} <= set(g["edges"][0])
    t = client.get("/timeline", params={"interval": "week", "by": "quad_class"}).json()
    assert t["series"] and {s["category"] for s in t["series"]} <= {"1", "2", "3", "4"}
    ev = client.get("/events", params={"limit": 1}).json()["events"][0]
    art = client.get(f"/articles/{ev['article_id']}").json()
    assert any(ev["event_id"] in m["event_ids"] for m in art["marks"])
    html = client.get(f"/articles/{ev['article_id']}", params={"format": "html"}).text
    assert "<mark" in html
    assert client.get("/articles/nope").status_code == 404
    assert client.get("/events/nope").status_code == 404
    assert client.get("/stats").json()["articles"] == 60
    spec = client.get("/openapi.json").json()
    assert "/events" in spec["paths"] and "/graph" in spec["paths"]
    assert client.get("/docs").status_code == 200


@pytest.mark.parametrize("params", [
    {"event_type": "BOMB"}, {"start": "last week"}, {"quad_class": "9"}, {"bbox": "1,2"}, {"bbox": "0,0,500,1"},
    {"limit": "-1"}, {"limit": "100000"}, {"limit": "ten"}, {"format": "xml"}, {"order": "random"},
    {"min_confidence": "2"}, {"evnt_type": "ASSAULT"}, {"country": "IRQ;DROP"}, {"include_negated": "maybe"},
])
def test_bad_parameters_are_4xx_with_a_message(client, params):
    r = client.get("/events", params=params)
    assert 400 <= r.status_code < 500, r.text
    assert r.json()["detail"] and "Traceback" not in r.text


def test_bad_parameters_other_endpoints(client):
    assert client.get("/timeline", params={"interval": "hour"}).status_code == 400
    assert client.get("/timeline", params={"by": "sentence"}).status_code == 400
    assert client.get("/graph", params={"by": "x"}).status_code == 400
    assert client.get("/graph", params={"unit": "x"}).status_code == 400
    assert client.get("/actors", params={"limit": "x"}).status_code == 422


INJECTIONS = ["' OR 1=1 --", "x'); DROP TABLE events; --", "%' UNION SELECT * FROM articles --", "\"; DELETE FROM events"]


def test_sql_injection_is_data(client, db):
    before = Store(db).stats()
    free_text = ["actor", "source_actor", "target_actor", "q", "article_id", "incident_id"]
    for name in FILTER_HELP:
        for s in INJECTIONS:
            r = client.get("/events", params={name: s})
            assert r.status_code in (200, 400, 422), (name, s, r.text)
            if name in free_text:
                assert r.status_code == 200 and r.json()["total"] == 0, (name, s)
    for s in INJECTIONS:
        assert client.get("/actors", params={"actor": s}).json()["actors"] == []
        assert client.get("/graph", params={"q": s}).json()["edges"] == []
        assert client.get("/timeline", params={"q": s}).json()["series"] == []
        assert client.get(f"/articles/{s}").status_code == 404
    assert Store(db).stats() == before


def test_write_refused_without_token(client, db):
    r = client.post("/articles", json={"text": "Rebels attacked an army base in Goma on Monday."})
    assert r.status_code == 403 and "read-only" in r.json()["detail"]
    app = TestClient(create_app(db, token="s3cret"))
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"X-Flashpoint-Token": "nope"}, {"Authorization": "s3cret"}):
        r = app.post("/articles", json={"text": "Rebels attacked an army base in Goma."}, headers=headers)
        assert r.status_code == 401, headers
    assert Store(db).stats()["articles"] == 60


def test_oversized_requests_refused(db):
    app = TestClient(create_app(db, token="s3cret", max_body=10_000))
    r = app.post("/articles", content=b"x" * 20_000, headers={"Authorization": "Bearer s3cret",
                                                               "Content-Type": "application/json"})
    assert r.status_code == 413
    def chunks():
        for _ in range(30):
            yield b"x" * 1000
    r = app.post("/articles", content=chunks(), headers={"Authorization": "Bearer s3cret", "Content-Type": "application/json"})
    assert r.status_code == 413
    r = app.get("/events", params={"q": "a" * 5000})
    assert r.status_code == 414
    r = app.get("/events", params={"q": "a" * 1000})
    assert r.status_code in (400, 422)
