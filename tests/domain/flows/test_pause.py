"""The /pause table: one question, read typed or tapped, and done once answered."""

from __future__ import annotations

import pytest

from bot.domain.answers.pauses import BreakLength, parse_pause_days, parse_pause_length
from bot.domain.flows.pause import CHOICES, DAYS, PAUSE, TABLE, tapped

MONDAY, WEDNESDAY = 0, 2


def test_the_table_has_one_question_that_writes_the_pause() -> None:
    assert (TABLE.name, TABLE.first, list(TABLE.steps)) == (PAUSE, DAYS, [DAYS])
    assert TABLE.steps[DAYS].writes == "paused_until"
    assert TABLE.after(DAYS, 3) is None  # answered: the flow is done


@pytest.mark.parametrize(
    ("typed", "length"),
    [
        ("3 days", BreakLength(3)),
        ("a week", BreakLength(7)),
        ("2w", BreakLength(14)),
        ("tomorrow", BreakLength(1)),
        ("till Monday", BreakLength(until_weekday=MONDAY)),
        ("friday", BreakLength(until_weekday=4)),
        ("hmm, a while?", None),
        ("3 or 4 days", None),
    ],
)
def test_typed_answers_are_read_before_any_clock(typed: str, length: BreakLength | None) -> None:
    assert TABLE.steps[DAYS].read(typed, "en") == length


@pytest.mark.parametrize(
    ("length", "today", "days"),
    [
        (BreakLength(3), WEDNESDAY, 3),
        (BreakLength(until_weekday=MONDAY), WEDNESDAY, 5),
        (BreakLength(until_weekday=MONDAY), MONDAY, 7),  # "until Monday" on a Monday: a week
        (BreakLength(until_weekday=WEDNESDAY), MONDAY, 2),
    ],
)
def test_a_length_counts_its_days_from_today(length: BreakLength, today: int, days: int) -> None:
    assert length.days_from(today) == days


@pytest.mark.parametrize("typed", ["3 days", "until monday", "a fortnight", "5", "what"])
def test_the_two_stage_reading_agrees_with_the_one_step_reader(typed: str) -> None:
    length = parse_pause_length(typed)
    expected = None if length is None else length.days_from(WEDNESDAY)
    assert parse_pause_days(typed, WEDNESDAY) == expected


def test_only_the_offered_buttons_are_read() -> None:
    assert [tapped(str(days)) for days in CHOICES] == [BreakLength(days) for days in CHOICES]
    assert [tapped(code) for code in ("0", "2", "30", "x", "", "-1")] == [None] * 6
    assert TABLE.steps[DAYS].press is tapped
