"""PETRARCH/TABARI dictionaries as user files: parsing, dated codes, agents combined with actors.

Every dictionary here is made up (fictional places and people), written for these tests.
"""
from __future__ import annotations

import pytest

from flashpoint.actors.kb import KnowledgeBase, KnowledgeBaseError
from flashpoint.actors.petrarch import combine, is_agents_file, plural, read_petrarch, split_code

ACTORS = """\
<!-- Test dictionary for the Velorian coast -->
<!--
# a block comment over
# several lines [NOTACODE]
-->
# a plain comment
VELORIA  [VLR]  # the country
+VELORIAN
+PORT_ANSELM

GRAND_DUKE_OTTMAR_
+OTTMAR
\t[VLR < 990101]
\t[VLRGOV 19990101 - 20051231]   # in office
#\t[VLRXXX 20000101 - 20000202]  commented out
\t[VLRREB >20051231]

THE_PALE_FRONT [VLRREBPLF] {PALE_FRONTS}
KESTRA [KST]
+KESTRAN
HARBOUR_GUILD
\t[KSTBUS]
I.K.F. [IGOKST]
NOBODY_IN_PARTICULAR [---]
"""

AGENTS = """\
<!-- Test agents -->
!OFFICER! = OFFICER, OFFICERS
CUSTOMS_!OFFICER! [~COP]  # substitution
TROOPS {} [~MIL]
HARBOUR_MASTER {HARBOUR_MASTERS} [~GOVHBR]
FERRYMAN [~BUS]
RELIEF_AGENCY [NGO~]
COUNTY_DEPUTY [ ~LEG]
"""


@pytest.fixture
def files(tmp_path):
    actors = tmp_path / "coast.actors"
    actors.write_text(ACTORS, encoding="utf-8")
    agents = tmp_path / "coast.agents"
    agents.write_text(AGENTS, encoding="utf-8")
    return actors, agents


def by_name(entries):
    return {e.name: e for e in entries}


def test_actor_entries_synonyms_codes_and_comments(files):
    actors, _ = files
    entries = by_name(read_petrarch(actors))
    assert set(entries) == {"Veloria", "Grand Duke Ottmar", "The Pale Front", "Kestra", "Harbour Guild",
                            "I.K.F.", "Nobody In Particular"}
    veloria = entries["Veloria"]
    assert veloria.kind == "country" and veloria.country == "VLR" and veloria.code == "VLR"
    assert veloria.aliases == ["Velorian", "Port Anselm"]
    assert veloria.origin.endswith("coast.actors:7")
    front = entries["The Pale Front"]
    # a long PETRARCH code is kept whole; country and PLOVER sector are read from it
    assert (front.code, front.country, front.sector) == ("VLRREBPLF", "VLR", "REB")
    assert "Pale Fronts" in front.aliases
    assert entries["Harbour Guild"].code == "KSTBUS"  # code on the line after the name
    assert entries["Nobody In Particular"].code is None  # [---]: no code


def test_dated_codes_are_chosen_by_date(files):
    actors, _ = files
    ottmar = by_name(read_petrarch(actors))["Grand Duke Ottmar"]
    assert [r.code for r in ottmar.roles] == ["VLR", "VLRGOV", "VLRREB"]
    assert ottmar.full_code_on("1998-05-01") == "VLR"
    assert ottmar.full_code_on("1999-01-01") == "VLRGOV"
    assert ottmar.full_code_on("2005-12-31") == "VLRGOV"
    assert ottmar.full_code_on("2006-01-01") == "VLRREB"
    country, sector, reason = ottmar.code_on("2001-03-04")
    assert (country, sector) == ("VLR", "GOV") and "19990101" in reason


def test_six_digit_dates_and_later_start_wins(tmp_path):
    path = tmp_path / "people.actors"
    path.write_text("MARGRAVE_ILSE [ILS]\n  [ILSCVL <080120]\n  [ILSMIL 20080120-20121109]\n"
                    "  [ILSOPP 20100109-20100112]\n  [ILSGOV 20121109-20130119]\n", encoding="utf-8")
    [ilse] = read_petrarch(path)
    assert ilse.full_code_on("2008-01-19") == "ILSCVL"  # 080120 is 2008-01-20
    assert ilse.full_code_on("2010-01-10") == "ILSOPP"  # the narrower, later-starting range
    assert ilse.full_code_on("2012-11-09") == "ILSGOV"
    assert ilse.full_code_on("2014-01-01") == "ILS"  # outside every range: the default code


def test_agent_entries_plurals_and_substitutions(files):
    _, agents = files
    entries = by_name(read_petrarch(agents))
    assert all(e.kind == "agent" for e in entries.values())
    customs = entries["customs officer"]
    assert "customs officers" in customs.aliases and customs.code == "~COP" and customs.sector == "COP"
    assert entries["troops"].aliases == []  # {} means no plural
    assert entries["harbour master"].aliases == ["harbour masters"]
    assert entries["harbour master"].code == "~GOVHBR" and entries["harbour master"].sector == "GOV"
    assert "ferrymen" in entries["ferryman"].aliases
    assert entries["relief agency"].code == "NGO~"
    assert entries["county deputy"].code == "~LEG"  # spaces inside the brackets are fine
    assert plural("POLICY") == "POLICIES" and plural("TAX") == "TAXES" and plural("CHAIRMAN") == "CHAIRMEN"


def test_format_detection_and_code_helpers(files, tmp_path):
    actors, agents = files
    assert not is_agents_file(actors) and is_agents_file(agents)
    txt = tmp_path / "mine.txt"
    txt.write_text(AGENTS, encoding="utf-8")
    assert is_agents_file(txt)
    assert split_code("IMGMOSXYZ") == ("IMG", None)
    assert split_code("ABCGOVXYZ") == ("ABC", "GOV")
    assert combine("VLR", ["~MIL"]) == "VLRMIL"
    assert combine("VLR", ["NGO~", "~GOV"]) == "NGOVLRGOV"
    assert combine("VLRGOV", ["~GOV"]) == "VLRGOV"  # no repeated parts
    assert combine("KSTGOVMED", ["~GOVMED"]) == "KSTGOVMED"
    assert combine(None, ["~COP"]) == "---COP"


@pytest.mark.parametrize("text, message", [
    ("+ORPHAN_SYNONYM\n", "comes before any actor"),
    ("VELORIA [VLR\n", "without a closing"),
    ("VELORIA\n+VELORIAN\n", "has no [CODE]"),
    ("OTTMAR [VLR]\n  [VLRGOV 19991399 - 20000101]\n", "is not a date"),
    ("OTTMAR [VLR]\n  [VLRGOV sometime]\n", "date restriction"),
    ("OTTMAR [VL R!]\n", "is not an actor code"),
])
def test_actor_file_errors_name_file_and_line(tmp_path, text, message):
    path = tmp_path / "bad.actors"
    path.write_text("# header\n" + text, encoding="utf-8")
    with pytest.raises(KnowledgeBaseError) as err:
        KnowledgeBase.load([path])
    assert f"{path}:" in str(err.value) and message in str(err.value)
    assert f"{path}:2" in str(err.value) or f"{path}:3" in str(err.value)


@pytest.mark.parametrize("text, message", [
    ("JUST_A_NOUN\n", "expected `NOUN"),
    ("SOLDIER [MIL]\n", "must be ~CODE"),
    ("!X!_OFFICER [~COP]\n", "used before it is defined"),
])
def test_agent_file_errors_name_file_and_line(tmp_path, text, message):
    path = tmp_path / "bad.agents"
    path.write_text("# header\n" + text, encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=message) as err:
        KnowledgeBase.load([path])
    assert f"{path}:2" in str(err.value)


def test_user_names_shadow_builtin_entries(tmp_path):
    path = tmp_path / "over.actors"
    path.write_text("IRAQ [XIQ]\nMSF_LOOKALIKE [ABC]\n", encoding="utf-8")
    agents = tmp_path / "over.agents"
    agents.write_text("HEZBOLLAH {} [~XXX]\n", encoding="utf-8")
    kb = KnowledgeBase.load([path, agents])
    [(entry, how)] = kb.lookup("Iraq")
    assert entry.id == "petrarch:iraq" and entry.user and entry.code == "XIQ"
    assert kb.lookup("Hezbollah") == []  # now an agent noun of the user's
    assert kb.lookup("Iraqi")[0][0].id == "country:IRQ"  # names the file does not give stay built in
    # without user files nothing changes
    assert KnowledgeBase.load().lookup("Iraq")[0][0].id == "country:IRQ"


def test_jsonl_entries_may_carry_a_full_code(tmp_path):
    path = tmp_path / "mine.jsonl"
    path.write_text('{"id": "org:tidewatch", "kind": "armed_group", "name": "Tidewatch", "country": "VLR", '
                    '"sector": "REB", "code": "VLRREBTDW"}\n{"id": "x", "name": "Y", "code": "bad code"}\n',
                    encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=r"mine.jsonl:2: code"):
        KnowledgeBase.load([path])
    path.write_text(path.read_text().splitlines()[0] + "\n", encoding="utf-8")
    [(entry, _)] = KnowledgeBase.load([path]).lookup("Tidewatch")
    assert entry.full_code_on("2020-01-01") == "VLRREBTDW"


@pytest.fixture(scope="module")
def coast_pipeline(tmp_path_factory):
    from flashpoint.config import Settings
    from flashpoint.pipeline import Pipeline
    folder = tmp_path_factory.mktemp("coast")
    (folder / "coast.actors").write_text(ACTORS, encoding="utf-8")
    (folder / "coast.agents").write_text(AGENTS, encoding="utf-8")
    settings = Settings(stages=("clean", "nlp", "actors"), parse_only_candidates=False,
                        actor_files=(str(folder / "coast.actors"), str(folder / "coast.agents")))
    return Pipeline(settings)


def codes_in(pipeline, text, date):
    from flashpoint.actors.commands import mentions_of
    doc = pipeline(text, published=date)
    return {m["text"]: m["code"] for m in mentions_of(doc)}


def test_agents_combine_with_the_actor_in_the_phrase(coast_pipeline):
    codes = codes_in(coast_pipeline, "Velorian troops crossed into Kestra on Monday.", "2001-05-01")
    assert codes["Velorian troops"] == "VLRMIL"
    assert codes["Kestra"] == "KST"
    codes = codes_in(coast_pipeline, "A Kestran harbour master met customs officers of Veloria.", "2001-05-01")
    assert codes["A Kestran harbour master"] == "KSTGOVHBR"
    assert "VLRCOP" in codes.values()


def test_dated_codes_in_text_follow_the_date(coast_pipeline):
    text = "Ottmar criticised the Pale Front in Port Anselm."
    assert codes_in(coast_pipeline, text, "1997-02-02")["Ottmar"] == "VLR"
    assert codes_in(coast_pipeline, text, "2003-02-02")["Ottmar"] == "VLRGOV"
    later = codes_in(coast_pipeline, text, "2009-02-02")
    assert later["Ottmar"] == "VLRREB" and "VLRREBPLF" in later.values()
    assert later["Port Anselm"] == "VLR"  # a synonym of the country
