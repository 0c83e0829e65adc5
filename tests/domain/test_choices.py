"""Typed answers to the settings questions and to /idea (bot.domain.answers.choices)."""

from __future__ import annotations

import pytest

from bot.domain.answers.choices import (
    IdeaRequest,
    parse_idea_request,
    parse_level,
    parse_pace,
    parse_pause_days,
    parse_weekday,
    parse_weekdays,
    parse_weekly_limit,
)
from bot.domain.schedule import Pace

CAP_CHOICES = (2, 3, 5, 7, 0)


@pytest.mark.parametrize(
    ("typed", "pace"),
    [
        ("daily", Pace.DAILY),
        ("Every day please", Pace.DAILY),
        ("7 days a week", Pace.DAILY),
        ("weekdays", Pace.WEEKDAYS),
        ("Week days only", Pace.WEEKDAYS),
        ("every weekday", Pace.WEEKDAYS),
        ("Mon-Fri", Pace.WEEKDAYS),
        ("3 a week", Pace.THREE_A_WEEK),
        ("three times a week", Pace.THREE_A_WEEK),
        ("THREE", Pace.THREE_A_WEEK),
        ("hmm", None),
        ("", None),
    ],
)
def test_pace(typed: str, pace: Pace | None) -> None:
    assert parse_pace(typed) == pace


@pytest.mark.parametrize(
    ("typed", "days"),
    [
        ("mon, wed and fri", {0, 2, 4}),
        ("Tuesday Thursday Saturday", {1, 3, 5}),
        ("sun", {6}),
        ("this month", set()),  # "mon" inside a word is not Monday
        ("", set()),
    ],
)
def test_weekdays(typed: str, days: set[int]) -> None:
    assert parse_weekdays(typed) == frozenset(days)


def test_one_weekday_only() -> None:
    assert parse_weekday("Sunday evening") == 6
    assert parse_weekday("sat or sun") is None
    assert parse_weekday("whenever") is None


@pytest.mark.parametrize(
    ("typed", "limit"),
    [
        ("3", 3),
        ("5 a week", 5),
        ("no limit", 0),
        ("Unlimited!", 0),
        ("4", None),  # not one of the choices
        ("2 or 3", None),
        ("100", None),
        ("lots", None),
    ],
)
def test_weekly_limit(typed: str, limit: int | None) -> None:
    assert parse_weekly_limit(typed, CAP_CHOICES) == limit


def test_no_limit_only_when_offered() -> None:
    assert parse_weekly_limit("no limit", (2, 3)) is None


@pytest.mark.parametrize(
    ("typed", "level"), [("1", 1), ("level 5", 5), ("6", None), ("2 or 3", None), ("", None)]
)
def test_level(typed: str, level: int | None) -> None:
    assert parse_level(typed) == level


@pytest.mark.parametrize(
    ("args", "request_"),
    [
        (["easier"], IdeaRequest(-1, None, None)),
        (["Gentle"], IdeaRequest(-1, None, None)),
        (["bolder"], IdeaRequest(+1, None, None)),
        (["food"], IdeaRequest(0, "food_and_drink", None)),
        (["Neighbours"], IdeaRequest(0, "neighbours_and_community", None)),
        (["knitting"], IdeaRequest(0, None, "knitting")),
        ([], IdeaRequest(0, None, None)),
    ],
)
def test_idea_request(args: list[str], request_: IdeaRequest) -> None:
    assert parse_idea_request(args) == request_


@pytest.mark.parametrize("typed", ["", "🙂" * 50, "x" * 5000, "\u200f\u202e3"])
def test_total_on_odd_input(typed: str) -> None:
    parse_pace(typed)
    parse_weekdays(typed)
    parse_weekly_limit(typed, CAP_CHOICES)
    parse_level(typed)
    assert isinstance(parse_idea_request([typed]), IdeaRequest)


WEDNESDAY = 2


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("3", 3),
        ("3 days", 3),
        ("three days", 3),
        ("for 3 days please", 3),
        ("a week", 7),
        ("1 week", 7),
        ("2w", 14),
        ("two weeks", 14),
        ("a fortnight", 14),
        ("tomorrow", 1),
        ("a couple of days", 2),
        ("a few days", 3),
        ("till Monday", 5),
        ("until next monday", 5),
        ("Friday", 2),
        ("till Wednesday", 7),  # today is Wednesday: the next one
        ("a month", 30),
    ],
)
def test_pause_length_typed(text: str, days: int) -> None:
    assert parse_pause_days(text, WEDNESDAY) == days


@pytest.mark.parametrize("text", ["", "banana", "a while", "the weekend", "mon and fri", "soon"])
def test_unclear_pause_length_is_none(text: str) -> None:
    assert parse_pause_days(text, WEDNESDAY) is None
