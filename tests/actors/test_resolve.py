"""Actor resolution of noun phrases in short invented sentences, with the real model."""
from __future__ import annotations

import flashpoint


def code(text, published="2024-03-06"):
    return flashpoint.extract(text, published=published)


def only(events, event_type):
    return [e for e in events if e["event_type"] == event_type]


def test_militants_are_rebels_opponents_opposition_and_kidnappers_criminals():
    [e] = only(code("Militants ambushed a police convoy in Kenya on Monday."), "ASSAULT")
    assert e["source"]["code"] == "KENREB"
    [e] = only(code("The junta in Chad detained dozens of its opponents on Friday."), "COERCE")
    assert e["target"]["sector"] == "OPP"
    [e] = only(code("Soldiers in Mali arrested four kidnappers on Sunday."), "COERCE")
    assert e["target"]["code"] == "MLICRM"
