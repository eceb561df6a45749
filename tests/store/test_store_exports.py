"""Every export format from a real DuckDB file, through the CLI commands."""
import csv
import io
import json

import click
import networkx as nx
import pyarrow.dataset as ds
import pytest
from click.testing import CliRunner

from flashpoint.store import commands
from flashpoint.store import writer as W
from flashpoint.store.db import Writer
from flashpoint.store.synthetic import documents


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("exp") / "e.duckdb")
    with Writer(path).connection() as con:
        for d, evs in documents(40, 3, seed=7):
            W.write_document(con, d, evs)
    return path


@pytest.fixture(scope="module")
def cli():
    @click.group()
    def group():
        pass
    commands.register(group)
    return group


def run(cli, *args):
    r = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return r


def test_plover_jsonl_and_filters(cli, db):
    r = run(cli, "export", "--format", "plover-jsonl", "--db", db, "--type", "ASSAULT,COERCE", "--since", "2023-11-01")
    assert r.exit_code == 0, r.output
    recs = [json.loads(line) for line in r.stdout.splitlines()]
    assert recs and all(x["event_type"] in ("ASSAULT", "COERCE") for x in recs)
    assert all(x["date"] is None or x["date"] >= "2023-10-31" for x in recs)
    assert {"event_id", "article_id", "sentence", "trigger", "source", "target", "location", "negated"} <= set(recs[0])
    assert recs[0]["source"]["code"] and recs[0]["quad_class"] == 4


def test_csv_acled_cameo(cli, db, tmp_path):
    r = run(cli, "export", "-f", "csv", "--db", db)
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert len(rows) > 100 and "source_country" in rows[0] and "location_lat" in rows[0]
    out = tmp_path / "acled.csv"
    r = run(cli, "export", "-f", "acled-csv", "--db", db, "-o", str(out), "--location-country", "IRQ")
    assert r.exit_code == 0
    acled = list(csv.DictReader(out.open()))
    assert list(acled[0]) == ["event_date", "event_type", "sub_event_type", "actor1", "actor2", "country", "location",
                              "latitude", "longitude", "fatalities", "notes", "source"]
    assert {a["country"] for a in acled} == {"IRQ"}
    r = run(cli, "export", "-f", "cameo-tsv", "--db", db)
    line = r.stdout.splitlines()[0].split("\t")
    assert len(line) == 10 and len(line[0]) == 8 and line[0].isdigit()


def test_geojson_graphml_parquet(cli, db, tmp_path):
    r = run(cli, "export", "-f", "geojson", "--db", db)
    fc = json.loads(r.stdout)
    assert fc["type"] == "FeatureCollection" and fc["features"]
    f = fc["features"][0]
    assert f["geometry"]["type"] == "Point" and -180 <= f["geometry"]["coordinates"][0] <= 180
    gfile = tmp_path / "g.graphml"
    assert run(cli, "export", "-f", "graphml", "--db", db, "-o", str(gfile)).exit_code == 0
    g = nx.read_graphml(gfile)
    assert g.number_of_edges() > 5 and "count" in next(iter(g.edges(data=True)))[2]
    pq = tmp_path / "pq"
    assert run(cli, "export", "-f", "parquet", "--db", db, "-o", str(pq)).exit_code == 0
    parts = sorted(p.name for p in pq.iterdir())
    assert parts and all(p.startswith("day=") for p in parts)
    table = ds.dataset(str(pq), format="parquet", partitioning="hive").to_table()
    r = run(cli, "export", "-f", "csv", "--db", db)
    assert table.num_rows == len(list(csv.DictReader(io.StringIO(r.stdout))))


def test_bad_filter_is_a_sentence(cli, db):
    r = CliRunner().invoke(cli, ["export", "-f", "csv", "--db", db, "--type", "BOMBING"])
    assert r.exit_code == 2 and "unknown event type" in r.output and "Traceback" not in r.output
    r = CliRunner().invoke(cli, ["export", "-f", "parquet", "--db", db])
    assert r.exit_code == 2 and "folder" in r.output
