"""A Russian-speaking person logs an attempt by typing, in Russian, and what they meant is
stored (the words themselves: bot/domain/words/ru.yaml, tests/domain/test_words_ru.py)."""

from __future__ import annotations

from datetime import UTC, datetime, time

from bot.sandbox.harness import CoachHarness, MutableClock
from tests.telegram.helpers import attempts_of, conversation_of, user_row

IVAN = 4901


async def onboard_in_russian(coach: CoachHarness) -> None:
    """Onboarding typed in Russian: a city in the locative case and a clock time in words."""
    coach.emulator.add_user(IVAN, "Иван", language_code="ru")
    await coach.say(IVAN, "/start")
    await coach.say(IVAN, "я живу в Санкт-Петербурге")
    await coach.say(IVAN, "в полвосьмого вечера")
    await coach.say(IVAN, "по будням")
    await coach.tap(IVAN, "1 · мягко")


async def test_a_russian_person_onboards_and_completes_a_log_by_typing(
    coach: CoachHarness,
) -> None:
    await onboard_in_russian(coach)
    user = await user_row(coach, IVAN)
    assert (user.language, user.timezone) == ("ru", "Europe/Moscow")
    assert (user.nudge_time, user.pace) == (time(19, 30), "weekdays")
    card = (await coach.say(IVAN, "/idea"))[-1]
    assert "Попробую" in card.button_texts
    await coach.tap(IVAN, "Попробую")
    await coach.say(IVAN, "процентов семьдесят")
    await coach.say(IVAN, "где-то 6-7")
    await coach.say(IVAN, "да, спросил")
    await coach.say(IVAN, "вежливо отказали")
    await coach.say(IVAN, "на три")
    await coach.say(IVAN, "Мир не рухнул.")
    [attempt] = await attempts_of(coach, IVAN)
    assert attempt.predicted_no_pct == 70
    assert (attempt.anxiety_before, attempt.anxiety_after) == (6.5, 3.0)
    assert attempt.outcome == "no"
    assert attempt.lesson == "Мир не рухнул."
    assert attempt.completed_at is not None
    assert await conversation_of(coach, IVAN) is None


async def test_a_russian_quick_log_is_stored_as_meant(coach: CoachHarness) -> None:
    await onboard_in_russian(coach)
    replies = await coach.say(IVAN, "попросил скидку и мне отказали, 7 -> 3")
    assert "попросил скидку" in (replies[0].text or "")
    [attempt] = await attempts_of(coach, IVAN)
    assert (attempt.description, attempt.outcome) == ("попросил скидку", "no")
    assert (attempt.anxiety_before, attempt.anxiety_after) == (7.0, 3.0)


async def test_a_russian_pause_until_monday(coach: CoachHarness) -> None:
    assert isinstance(coach.clock, MutableClock)
    coach.clock.set(datetime(2026, 11, 25, 7, 0, tzinfo=UTC))  # Wednesday, 10:00 in Moscow
    await onboard_in_russian(coach)
    await coach.say(IVAN, "/pause до понедельника")
    user = await user_row(coach, IVAN)
    assert user.paused_until == datetime(2026, 11, 29, 21, 0, tzinfo=UTC)  # Monday 00:00 in Moscow
    await coach.say(IVAN, "/pause на неделю")
    user = await user_row(coach, IVAN)
    assert user.paused_until == datetime(2026, 12, 1, 21, 0, tzinfo=UTC)
