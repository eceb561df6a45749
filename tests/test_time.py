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
