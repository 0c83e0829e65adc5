"""Replaced lesson and description texts are dropped once /undo can no longer reach them
(seven days), by the scheduler pass; other answers stay. On SQLite and on PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.db.models import AnswerLog, Attempt
from bot.domain.flows.log import Field
from bot.sandbox.harness import CoachHarness
from bot.services import attempts
from bot.services.attempts import UNDO_WINDOW
from tests.telegram.helpers import attempts_of, onboard

pytestmark = pytest.mark.usefixtures("database_url")
NOOR = 18_701


async def _answer_log(coach: CoachHarness) -> list[tuple[str, object]]:
    async with coach.runtime.deps.db.sessions() as session:
        entries = await session.scalars(
            select(AnswerLog).where(AnswerLog.user_id == NOOR).order_by(AnswerLog.id)
        )
        return [(entry.field, entry.previous.get("value")) for entry in entries]


async def _replace(coach: CoachHarness, attempt_id: int, field: Field, value: object) -> None:
    async with coach.runtime.deps.db.transaction() as session:
        attempt = await session.get(Attempt, attempt_id)
        assert attempt is not None
        await attempts.save(session, attempt, field, value, now=coach.clock())


async def test_replaced_texts_are_dropped_after_the_undo_window(coach: CoachHarness) -> None:
    await onboard(coach, NOOR)
    await coach.say(NOOR, "asked for a discount, got a no, 7 -> 3")
    [attempt] = await attempts_of(coach, NOOR)
    # Old texts replaced, and a number changed, eight days ago...
    await _replace(coach, attempt.id, Field.LESSON, "the first lesson")
    await _replace(coach, attempt.id, Field.LESSON, "the second lesson")
    await _replace(coach, attempt.id, Field.DESCRIPTION, "a better description")
    await _replace(coach, attempt.id, Field.ANXIETY_AFTER, 2)
    coach.clock.advance(timedelta(days=8))
    # ...and a lesson replaced yesterday, still within reach of /undo.
    await _replace(coach, attempt.id, Field.LESSON, "the third lesson")
    coach.clock.advance(timedelta(days=1))
    before = await _answer_log(coach)
    assert ("lesson", "the first lesson") in before

    await coach.runtime.scheduler.run_pass(coach.clock())

    after = await _answer_log(coach)
    texts_left = [value for field, value in after if field in ("lesson", "description")]
    assert texts_left == ["the second lesson"]  # replaced yesterday: /undo may want it
    assert ("anxiety_after", 3.0) in after  # a number is not a text: kept for the history
    assert ("created", None) in after
    # The person's current answers are untouched.
    [current] = await attempts_of(coach, NOOR)
    assert (current.lesson, current.description) == ("the third lesson", "a better description")


async def test_undo_reaches_back_seven_days_and_no_further(coach: CoachHarness) -> None:
    await onboard(coach, NOOR)
    await coach.say(NOOR, "asked for a discount, got a no, 7 -> 3")
    [attempt] = await attempts_of(coach, NOOR)
    await _replace(coach, attempt.id, Field.LESSON, "an old lesson")
    coach.clock.advance(UNDO_WINDOW + timedelta(minutes=1))
    replies = await coach.say(NOOR, "/undo")
    assert replies[-1].text == coach.runtime.texts.plain("log.nothing_to_undo")
    [kept] = await attempts_of(coach, NOOR)
    assert kept.lesson == "an old lesson"
