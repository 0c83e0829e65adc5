"""How long a break lasts, typed after /pause (bot.domain.answers.durations)."""

from __future__ import annotations

import pytest

from bot.domain.answers.durations import parse_pause_days

WEDNESDAY = 2

PAUSE_DAYS = [
    ("3", 3), ("3 days", 3), ("for 3 days please", 3), ("1 day", 1), ("a day", 1),
    ("a week", 7), ("one week", 7), ("2 weeks", 14), ("2w", 14), ("2 wks", 14),
    ("a fortnight", 14), ("a month", 30), ("ten days", 10), ("until monday", 5),
    ("till Fri", 2), ("until next wednesday", 7), ("until sunday", 4),
]  # fmt: skip
NOT_PAUSE_DAYS = ["", "banana", "3 days or a week", "until someday", "for a while", "🙂"]


@pytest.mark.parametrize(("text", "days"), PAUSE_DAYS)
def test_pause_days(text: str, days: int) -> None:
    assert parse_pause_days(text, WEDNESDAY) == days


@pytest.mark.parametrize("text", NOT_PAUSE_DAYS)
def test_unclear_pause_gives_none(text: str) -> None:
    assert parse_pause_days(text, WEDNESDAY) is None
