"""A Spanish-speaking person sets up and logs by typing, in their own words: the answers
are read through bot/domain/words/es.yaml and stored as values, not as text."""

from __future__ import annotations

from datetime import time, timedelta

from bot.domain import schedule
from bot.sandbox.harness import CoachHarness, texts_of
from tests.telegram.helpers import attempts_of, conversation_of, onboard_in_spanish, user_row

LUCIA = 4101


async def test_setup_typed_in_spanish(coach: CoachHarness) -> None:
    await onboard_in_spanish(coach, LUCIA)
    user = await user_row(coach, LUCIA)
    assert (user.language, user.timezone) == ("es", "America/Mexico_City")
    assert user.nudge_time == time(19, 30)
    assert user.onboarded_at is not None


async def test_a_log_typed_in_spanish_from_idea_to_lesson(coach: CoachHarness) -> None:
    await onboard_in_spanish(coach, LUCIA)
    await coach.say(LUCIA, "/idea")
    await coach.tap(LUCIA, "Lo intento")
    await coach.say(LUCIA, "unos 60 o 70 %")  # the chance of a no
    await coach.say(LUCIA, "como un 7")  # anxiety before
    await coach.say(LUCIA, "sí, lo pregunté")
    await coach.say(LUCIA, "me dijeron que no, pero con amabilidad")
    await coach.say(LUCIA, "tres")  # anxiety after
    await coach.say(LUCIA, "Sigo aquí, y no pasó nada malo.")
    [attempt] = await attempts_of(coach, LUCIA)
    assert attempt.predicted_no_pct == 65
    assert (attempt.outcome, attempt.anxiety_before, attempt.anxiety_after) == ("no", 7.0, 3.0)
    assert attempt.lesson == "Sigo aquí, y no pasó nada malo."
    assert attempt.completed_at is not None
    assert await conversation_of(coach, LUCIA) is None


async def test_a_spanish_quick_log(coach: CoachHarness) -> None:
    await onboard_in_spanish(coach, LUCIA)
    replies = await coach.say(LUCIA, "pedí un descuento, me dijeron que no, 7 -> 3")
    assert "pedí un descuento" in texts_of(replies)
    [attempt] = await attempts_of(coach, LUCIA)
    assert (attempt.outcome, attempt.anxiety_before, attempt.anxiety_after) == ("no", 7.0, 3.0)
    assert attempt.description == "pedí un descuento"


async def test_a_pause_typed_in_spanish(coach: CoachHarness) -> None:
    await onboard_in_spanish(coach, LUCIA)
    await coach.say(LUCIA, "/pause 2 semanas")  # two weeks, not two days
    user = await user_row(coach, LUCIA)
    assert user.paused_until is not None
    local_today = schedule.local_date(coach.clock(), user.timezone)
    assert schedule.local_date(user.paused_until, user.timezone) == local_today + timedelta(14)
    await coach.say(LUCIA, "/resume")
    await coach.say(LUCIA, "/pause hasta el lunes")
    user = await user_row(coach, LUCIA)
    assert user.paused_until is not None
    back = schedule.local_date(user.paused_until, user.timezone)
    assert back.weekday() == 0 and 1 <= (back - local_today).days <= 7
