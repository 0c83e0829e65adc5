"""Forecasts against reality: how often a person expected a no, and how often one came.

This is the expectancy violation exposure practice works through: the brain predicts
rejection far more often than it happens, and seeing the two numbers side by side, week
after week, is the update. Pure: the caller passes logged asks (oldest or newest first,
either way); the weekly recap and the Mini App dashboard both read their figures here, so
the sentence "You expected a no about 72% of the time; you heard one 38% of the time" means
the same thing in both places.

Only asks that happened count (an ask the person didn't make has no answer to compare
with), and only those with a forecast: a missing guess is not a guess of 0%.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Protocol

from bot.domain import schedule

ASKED = frozenset({"no", "yes", "no_answer", "partial"})


class Forecasted(Protocol):
    """What a logged ask must tell us (bot.domain.recap.WeekAttempt has these fields)."""

    @property
    def created_at(self) -> datetime: ...

    @property
    def outcome(self) -> str | None: ...

    @property
    def predicted_no_pct(self) -> int | None: ...


@dataclass(frozen=True)
class Prediction:
    expected_no_pct: int  # what the person expected, on average
    heard_no_pct: int  # how often a no actually came
    asks: int  # asks with a forecast behind these two numbers


@dataclass(frozen=True)
class WeekForecast:
    week_start: date  # the local Monday
    prediction: Prediction | None  # None for a week without forecasted asks


def prediction(asks: Iterable[Forecasted]) -> Prediction | None:
    """Average forecast against the share of no's, over asks that had both."""
    with_guess = [ask for ask in asks if ask.outcome in ASKED and ask.predicted_no_pct is not None]
    if not with_guess:
        return None
    expected = sum(ask.predicted_no_pct or 0 for ask in with_guess) / len(with_guess)
    heard = 100 * sum(ask.outcome == "no" for ask in with_guess) / len(with_guess)
    return Prediction(round(expected), round(heard), len(with_guess))


def weekly(
    asks: Sequence[Forecasted], *, tz_name: str, now: datetime, weeks: int
) -> list[WeekForecast]:
    """One entry per local week, the last `weeks` weeks up to this one, oldest first.
    Weeks without a forecast are kept (as None), so a chart shows gaps, never zeros."""
    this_week = schedule.local_week_of(now, tz_name)
    mondays = [this_week - timedelta(weeks=back) for back in range(weeks - 1, -1, -1)]
    by_week: dict[date, list[Forecasted]] = {monday: [] for monday in mondays}
    for ask in asks:
        monday = schedule.local_week_of(ask.created_at, tz_name)
        if monday in by_week:
            by_week[monday].append(ask)
    return [WeekForecast(monday, prediction(by_week[monday])) for monday in mondays]


def kinder_than_feared(found: Prediction) -> bool:
    """The world said no less often than the forecast: the usual, hopeful case."""
    return found.heard_no_pct < found.expected_no_pct
