"""The weekly recap as data: what the week held, and what to suggest next.

Pure: the caller gives the week's attempts; rendering into words (prompts.yaml) happens in
the Telegram layer. The recap credits attempts, never only outcomes, so an "ask tried" is
any ask where the person asked, whatever the answer.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from typing import NamedTuple

from bot.domain import forecasts
from bot.domain.forecasts import ASKED, Prediction

ROUGH_AFTER = 8.0
HEAVY_AVERAGE_AFTER = 7.0
EASY_AVERAGE_AFTER = 3.0
LESSONS_QUOTED = 2
LESSON_QUOTE_MAX = 200


class WeekAttempt(NamedTuple):
    """One logged ask, as recaps and charts need it. A named tuple: a recap batch makes
    thousands of these, and tuples are the cheapest immutable record to build."""

    created_at: datetime
    level: int | None
    outcome: str | None
    predicted_no_pct: int | None
    anxiety_before: float | None
    anxiety_after: float | None
    lesson: str | None
    title: str | None
    # The catalog idea asked (None for the person's own words): shown in their language.
    catalog_key: str | None = None


__all__ = ["ASKED", "Prediction", "Suggestion", "WeekAttempt", "WeekSummary", "summarise"]


class Suggestion(StrEnum):
    STEADY = "steady"
    BOLDER = "bolder"
    LIGHTER = "lighter"
    START = "start"  # nothing tried yet: an easy way in


@dataclass(frozen=True)
class WeekSummary:
    asked: int
    noes: int
    yeses: int
    no_answers: int
    partials: int
    not_asked: int
    average_before: float | None
    average_after: float | None
    prediction: Prediction | None
    bravest: WeekAttempt | None
    lessons: tuple[str, ...]
    suggestion: Suggestion

    @property
    def empty(self) -> bool:
        return self.asked == 0 and self.not_asked == 0


def summarise(attempts: Sequence[WeekAttempt], *, level: int) -> WeekSummary:
    asked = [attempt for attempt in attempts if attempt.outcome in ASKED]
    outcomes = [attempt.outcome for attempt in asked]
    summary = WeekSummary(
        asked=len(asked),
        noes=outcomes.count("no"),
        yeses=outcomes.count("yes"),
        no_answers=outcomes.count("no_answer"),
        partials=outcomes.count("partial"),
        not_asked=sum(attempt.outcome == "didnt_ask" for attempt in attempts),
        average_before=_average(attempt.anxiety_before for attempt in asked),
        average_after=_average(attempt.anxiety_after for attempt in asked),
        prediction=forecasts.prediction(asked),
        bravest=_bravest(asked),
        lessons=_lessons(attempts),
        suggestion=Suggestion.STEADY,
    )
    return _with_suggestion(summary, asked, level)


def _average(values: Iterable[float | None]) -> float | None:
    numbers = [value for value in values if value is not None]
    if not numbers:
        return None
    return round(sum(numbers) / len(numbers), 1)


def _bravest(asked: Sequence[WeekAttempt]) -> WeekAttempt | None:
    """The highest level, then the highest anxiety before: the ask that took most."""
    if not asked:
        return None
    return max(
        asked,
        key=lambda attempt: (
            attempt.level or 0,
            attempt.anxiety_before if attempt.anxiety_before is not None else -1,
            attempt.created_at,
        ),
    )


def _lessons(attempts: Sequence[WeekAttempt]) -> tuple[str, ...]:
    """Up to two of the person's own words, the most recent first, trimmed kindly."""
    newest_first = sorted(attempts, key=lambda attempt: attempt.created_at, reverse=True)
    written = [a.lesson.strip() for a in newest_first if a.lesson and a.lesson.strip()]
    return tuple(_trim(lesson) for lesson in written[:LESSONS_QUOTED])


def _trim(lesson: str) -> str:
    if len(lesson) <= LESSON_QUOTE_MAX:
        return lesson
    return lesson[:LESSON_QUOTE_MAX].rsplit(" ", 1)[0] + "…"


def _with_suggestion(summary: WeekSummary, asked: Sequence[WeekAttempt], level: int) -> WeekSummary:
    return replace(summary, suggestion=_suggest(summary, asked, level))


def _suggest(summary: WeekSummary, asked: Sequence[WeekAttempt], level: int) -> Suggestion:
    """Lighter after a heavy week, bolder after an easy one, otherwise steady."""
    if summary.asked == 0:
        return Suggestion.START
    rough = any(a.anxiety_after is not None and a.anxiety_after >= ROUGH_AFTER for a in asked)
    heavy = summary.average_after is not None and summary.average_after >= HEAVY_AVERAGE_AFTER
    if rough or heavy or summary.not_asked > summary.asked:
        return Suggestion.LIGHTER
    easy = summary.average_after is not None and summary.average_after <= EASY_AVERAGE_AFTER
    mostly_yes = summary.yeses * 2 > summary.asked
    if level < 5 and summary.asked >= 2 and (easy or mostly_yes):
        return Suggestion.BOLDER
    return Suggestion.STEADY
