"""How long a break from nudges (bot.domain.answers.pauses): typed after /pause."""

from __future__ import annotations

import pytest

from bot.domain.answers.pauses import parse_pause_days

WEDNESDAY = 2


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("3", 3),
        ("3 days", 3),
        ("for 3 days please", 3),
        ("1 day", 1),
        ("2w", 14),
        ("2 weeks", 14),
        ("a week", 7),
        ("one week", 7),
        ("a fortnight", 14),
        ("a month", 30),
        ("until monday", 5),
        ("till Friday", 2),
        ("until wednesday", 7),  # today is Wednesday: next week's
        ("500", 500),  # read as typed; the handler says what the limit is
        ("a day", 1),
        ("2 wks", 14),
        ("ten days", 10),
        ("till Fri", 2),
        ("until next wednesday", 7),
        ("until sunday", 4),
    ],
)
def test_pause_days(text: str, days: int) -> None:
    assert parse_pause_days(text, WEDNESDAY) == days


@pytest.mark.parametrize(
    "text",
    [
        "",
        "a while",
        "for a while",
        "3 or 4 days",
        "3 days or 2 weeks",
        "3 days or a week",
        "until someday",
        "later",
        "1234",
        "banana",
        "🙂",
    ],
)
def test_unclear_pause_gives_none(text: str) -> None:
    assert parse_pause_days(text, WEDNESDAY) is None


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
def test_spans_said_in_words(text: str, days: int) -> None:
    assert parse_pause_days(text, WEDNESDAY) == days


@pytest.mark.parametrize("text", ["", "banana", "a while", "the weekend", "mon and fri", "soon"])
def test_vague_spans_are_unclear(text: str) -> None:
    assert parse_pause_days(text, WEDNESDAY) is None
