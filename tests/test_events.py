"""The event rules on short sentences, with the real model."""
from __future__ import annotations

import flashpoint


def code(text, published="2024-03-06"):
    return flashpoint.extract(text, published=published)


def only(events, event_type, **flags):
    out = [e for e in events if e["event_type"] == event_type]
    for k, v in flags.items():
        out = [e for e in out if e[k] == v]
    return out


def test_subject_object_and_country_codes():
    [e] = only(code("Israeli troops attacked Hamas fighters in Rafah on Monday."), "ASSAULT")
    assert e["source"]["code"] == "ISRMIL"
    assert e["target"]["country"] == "PSE"
    assert e["date"] == "2024-03-04"
    assert e["location"]["text"] == "Rafah" and e["location"]["country"] == "PSE"


def test_negation_is_flagged():
    [e] = only(code("The army did not attack the protesters."), "ASSAULT")
    assert e["negated"] is True


def test_threat_makes_the_threatened_act_hypothetical():
    events = code("Iran threatened to attack Israel.")
    [threat] = only(events, "THREATEN")
    assert threat["source"]["country"] == "IRN"
    assert all(e["hypothetical"] for e in only(events, "ASSAULT"))


def test_coordinated_targets_give_one_event_each():
    events = only(code("Russia condemned the United States and Britain."), "ACCUSE")
    assert {e["target"]["country"] for e in events} == {"USA", "GBR"}


def test_passive_agent_and_counts():
    [e] = only(code("Five soldiers were killed by Taliban militants in Kandahar."), "ASSAULT")
    assert e["source"]["country"] == "AFG"
    assert e["target"]["sector"] == "MIL"
    assert e["fatalities"] == 5


def test_reported_speech_sets_said_by():
    [e] = only(code("Police arrested twelve protesters in Nairobi, a government spokesman said."), "COERCE")
    assert e["arrests"] == 12 and e["said_by"] == "spokesman"
    assert e["source"]["sector"] == "COP"


def test_dated_roles_follow_the_event_date():
    [before] = only(code("Raisi condemned the strike.", published="2024-01-05"), "ACCUSE")
    assert before["source"]["code"] == "IRNGOV"
    [after] = only(code("Raisi condemned the strike.", published="2024-09-01"), "ACCUSE")
    assert after["source"]["sector"] != "GOV"


def test_every_event_has_the_contract_fields():
    fields = {"event_id", "article_id", "article", "published", "sentence_index", "sentence", "trigger",
              "event_type", "mode", "cameo", "intensity", "source", "target", "location", "date", "date_text",
              "fatalities", "injuries", "arrests", "negated", "hypothetical", "said_by", "confidence", "evidence"}
    events = code("Rebels shelled the airport in Goma. Rwanda denied backing the rebels.")
    assert events
    for e in events:
        assert fields <= set(e)
        assert -10 <= e["intensity"] <= 10 and e["evidence"]
