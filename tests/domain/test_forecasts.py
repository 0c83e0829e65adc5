"""Forecasts against reality: the figures behind the recap's and the dashboard's sentence."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from bot.domain.forecasts import Prediction, kinder_than_feared, prediction, weekly
from bot.domain.recap import WeekAttempt, summarise

MONDAY = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def ask(at: datetime, outcome: str | None, predicted: int | None) -> WeekAttempt:
    return WeekAttempt(at, 2, outcome, predicted, None, None, None, None)


def test_only_asks_that_happened_with_a_guess_count() -> None:
    asks = [
        ask(MONDAY, "no", 80),
        ask(MONDAY, "yes", 70),
        ask(MONDAY, "partial", 60),
        ask(MONDAY, "yes", None),  # no guess: not a guess of 0%
        ask(MONDAY, "didnt_ask", 90),  # no answer to compare with
    ]
    assert prediction(asks) == Prediction(expected_no_pct=70, heard_no_pct=33, asks=3)
    assert prediction([ask(MONDAY, "yes", None)]) is None


def test_the_recap_reads_the_same_figures() -> None:
    asks = [ask(MONDAY, "no", 90), ask(MONDAY, "yes", 50)]
    assert summarise(asks, level=2).prediction == prediction(asks)


def test_weeks_are_local_and_quiet_weeks_stay_empty() -> None:
    sunday_late_utc = datetime(2026, 11, 22, 23, 30, tzinfo=UTC)  # Monday already in Berlin
    asks = [
        ask(sunday_late_utc, "no", 60),
        ask(MONDAY - timedelta(weeks=2), "yes", 80),
    ]
    weeks = weekly(asks, tz_name="Europe/Berlin", now=MONDAY, weeks=3)
    assert [week.week_start for week in weeks] == [
        date(2026, 11, 9),
        date(2026, 11, 16),
        date(2026, 11, 23),
    ]
    assert weeks[0].prediction == Prediction(80, 0, 1)
    assert weeks[1].prediction is None
    assert weeks[2].prediction == Prediction(60, 100, 1)


def test_kinder_than_feared() -> None:
    assert kinder_than_feared(Prediction(72, 38, 5))
    assert not kinder_than_feared(Prediction(30, 30, 5))
