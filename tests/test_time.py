import datetime as dt

from flashpoint.time import resolve_expression

FRIDAY = dt.date(2024, 1, 5)


def test_weekdays_resolve_to_the_latest_such_day():
    assert resolve_expression("Thursday", FRIDAY) == dt.date(2024, 1, 4)
    assert resolve_expression("on Wednesday", FRIDAY) == dt.date(2024, 1, 3)
    assert resolve_expression("Thursday's", FRIDAY) == dt.date(2024, 1, 4)
    assert resolve_expression("Friday", FRIDAY) == FRIDAY
    assert resolve_expression("Saturday", FRIDAY) == dt.date(2023, 12, 30)


def test_relative_and_calendar_dates():
    assert resolve_expression("yesterday", FRIDAY) == dt.date(2024, 1, 4)
    assert resolve_expression("Just yesterday", FRIDAY) == dt.date(2024, 1, 4)
    assert resolve_expression("today", FRIDAY) == FRIDAY
    assert resolve_expression("January 3", FRIDAY) == dt.date(2024, 1, 3)
    assert resolve_expression("October 7", FRIDAY) == dt.date(2023, 10, 7)
    assert resolve_expression("7 October 2023", FRIDAY) == dt.date(2023, 10, 7)


def test_vague_periods_have_no_day():
    assert resolve_expression("in recent weeks", FRIDAY) is None
    assert resolve_expression("the last three months", FRIDAY) is None
    assert resolve_expression("2003", FRIDAY) is None


def test_a_day_opening_a_sentence_is_its_own_and_clauses_joined_by_and_share_a_day():
    import flashpoint
    events = flashpoint.extract("Kinshasa asked the force to leave. On Saturday, an army drone struck rebel "
                                "positions near Sake.", published="2024-02-22")
    [strike] = [e for e in events if e["event_type"] == "ASSAULT"]
    assert strike["date"] == "2024-02-17"  # not lost to the verb ending the sentence before
    events = flashpoint.extract("Police fired tear gas at protesters late on Tuesday and detained 63 people, "
                                "the Interior Ministry said on Wednesday.", published="2024-02-22")
    assert {e["date"] for e in events if e["event_type"] == "COERCE"} == {"2024-02-20"}


def test_a_clause_on_an_object_takes_the_day_of_the_verb_carrying_it():
    import flashpoint
    [e] = [e for e in flashpoint.extract("The UN Security Council on Wednesday passed a resolution demanding that "
                                         "the Houthis stop attacks on shipping.", published="2024-01-14")
           if e["event_type"] == "REQUEST"]
    assert e["date"] == "2024-01-10"
    [e] = flashpoint.extract("The ministry issued a statement on Tuesday accusing Israel of war crimes.",
                             published="2024-01-14")
    assert e["event_type"] == "ACCUSE" and e["date"] == "2024-01-09"


def test_an_event_reported_by_a_vaguely_dated_statement_has_no_day():
    import flashpoint
    [e] = flashpoint.extract("The defence minister told parliament last week that Hamas had fired rockets at "
                             "Ashkelon.", published="2024-03-08")
    assert e["event_type"] == "ASSAULT" and e["date"] is None and e["date_text"] == "last week"


def test_a_day_still_to_come_is_the_next_one_and_is_not_shared_with_a_past_deed():
    import flashpoint
    events = flashpoint.extract("Union leaders said they would hold a national strike on Friday and demanded the "
                                "resignation of the labour minister.", published="2025-10-16")  # a Thursday
    [strike] = [e for e in events if e["event_type"] == "PROTEST"]
    assert strike["hypothetical"] and strike["date"] == "2025-10-17"
    [demand] = [e for e in events if e["event_type"] == "REQUEST"]
    assert demand["date"] == "2025-10-15" and demand["source"]["sector"] == "LAB"
    assert resolve_expression("Friday", dt.date(2025, 10, 16), future=True) == dt.date(2025, 10, 17)
    assert resolve_expression("last Friday", dt.date(2025, 10, 16), future=True) == dt.date(2025, 10, 10)


def test_a_headline_in_the_present_takes_the_day_of_the_lead_it_restates():
    import flashpoint
    events = flashpoint.extract("Russian missile kills five in Odesa\n\nKYIV (AP) — A Russian ballistic missile hit a "
                                "residential neighborhood of Odesa late Wednesday, killing five people.",
                                published="2024-04-25", title="Russian missile kills five in Odesa")
    assert {e["date"] for e in events if e["event_type"] == "ASSAULT"} == {"2024-04-24"}


def test_a_participle_continuing_a_verb_takes_the_verb_s_day():
    import flashpoint
    [e] = [e for e in flashpoint.extract("A gunman rammed a van into a bus queue in the port town on Thursday, "
                                         "killing seven people.", published="2025-10-06")
           if e["event_type"] == "ASSAULT"]
    assert e["date"] == "2025-10-02"


def test_an_after_clause_is_that_many_days_before_its_main_clause():
    import flashpoint
    events = flashpoint.extract("Troops sealed off the market on Thursday, two days after gunmen killed four traders "
                                "there.", published="2025-03-14")
    assert {e["date"] for e in events if e["event_type"] == "ASSAULT"} == {"2025-03-11"}
    events = flashpoint.extract("The army retook the village on Monday, hours after rebels attacked it.",
                                published="2025-03-12")
    assert {e["date"] for e in events if e["event_type"] == "ASSAULT"} == {"2025-03-10"}


def test_an_opening_participle_clause_sets_the_day_of_the_clause_it_opens():
    import flashpoint
    [e] = [e for e in flashpoint.extract("Meeting in Lusaka on Saturday, the regional leaders called for an immediate "
                                         "ceasefire.", published="2025-02-10") if e["event_type"] == "REQUEST"]
    assert e["date"] == "2025-02-08"


def test_a_before_clause_and_a_participle_on_a_purpose_clause_share_the_day():
    import flashpoint
    events = flashpoint.extract("Hundreds of people marched through the capital on Tuesday to demand better "
                                "security, blocking roads with burning tires before police dispersed them.",
                                published="2025-04-03")
    assert {e["date"] for e in events} == {"2025-04-01"}
