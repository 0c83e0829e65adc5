"""Settings that don't contradict (issue 15 item 9): how often ideas come and the weekly ask
limit have names that can't be confused; onboarding names the quiet hours and the recap day
in one line; a nudge time inside the quiet hours is pointed out; every "Saved ✓" and
"Updated ✓" says to what."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.sandbox.harness import CoachHarness, texts_of
from tests.telegram.helpers import clock_of, onboard, onboard_in_spanish
from tests.telegram.test_typed_spanish import LUCIA
from tests.telegram.test_words_ru import IVAN, onboard_in_russian

ALICE = 6501
MONDAY = datetime(2026, 11, 23, 6, 0, tzinfo=UTC)


async def test_overview_names_how_often_and_the_limit_apart(coach: CoachHarness) -> None:
    clock_of(coach).set(MONDAY)
    await onboard(coach, ALICE)
    [overview] = await coach.say(ALICE, "/settings")
    text = overview.text or ""
    assert "How often ideas come: every day, at 09:00" in text
    assert "Weekly ask limit: Up to 3 asks" in text
    assert "pace" not in text.lower()
    assert {"How often ideas come", "Weekly ask limit"} <= set(overview.button_texts)


async def test_onboarding_names_quiet_hours_and_recap_day_in_one_line(coach: CoachHarness) -> None:
    clock_of(coach).set(MONDAY)
    coach.emulator.add_user(ALICE, "Alice")
    await coach.say(ALICE, "/start")
    await coach.say(ALICE, "Berlin")
    await coach.say(ALICE, "9:00")
    await coach.tap(ALICE, "Every day")
    replies = await coach.tap(ALICE, "1 · gentle")
    lines = texts_of(replies).splitlines()
    [line] = [line for line in lines if "Quiet hours" in line]
    assert "21:30–08:00" in line and "Sun at 18:00" in line
    assert "inside your quiet hours" not in texts_of(replies)  # 09:00 is outside


async def test_a_nudge_time_inside_quiet_hours_is_pointed_out(coach: CoachHarness) -> None:
    clock_of(coach).set(MONDAY)
    await onboard(coach, ALICE)
    await coach.say(ALICE, "/settings")
    await coach.tap(ALICE, "Nudge time")
    replies = await coach.say(ALICE, "7:00")
    text = texts_of(replies)
    assert "Saved ✓ Nudge time: 07:00." in text or "Done, updated ✓ Nudge time: 07:00." in text
    assert "07:00 falls inside your quiet hours (21:30–08:00)" in text
    await coach.say(ALICE, "/settings")
    await coach.tap(ALICE, "Quiet hours")
    replies = await coach.say(ALICE, "23:00 to 6:30")
    assert "Quiet hours: 23:00–06:30." in texts_of(replies)
    assert "inside your quiet hours" not in texts_of(replies)  # 07:00 is outside them now


async def test_every_saved_says_to_what(coach: CoachHarness) -> None:
    clock_of(coach).set(MONDAY)
    await onboard(coach, ALICE)
    for setting, answer, shown in [
        ("How often ideas come", "Weekdays", "How often ideas come: on weekdays."),
        ("Level", "3", "Level: 3."),
        ("Weekly ask limit", "No limit", "Weekly ask limit: No limit."),
    ]:
        await coach.say(ALICE, "/settings")
        await coach.tap(ALICE, setting)
        replies = await coach.tap(ALICE, answer)
        assert shown in texts_of(replies), (setting, texts_of(replies))


async def test_history_fix_says_what_was_updated(coach: CoachHarness) -> None:
    clock_of(coach).set(MONDAY)
    await onboard(coach, ALICE)
    await coach.say(ALICE, "asked my boss for Friday off - no - 8 → 5")
    await coach.say(ALICE, "/history")
    await coach.tap(ALICE, "1")
    await coach.tap(ALICE, "Anxiety after")
    replies = await coach.say(ALICE, "4")
    assert texts_of(replies).startswith("Updated ✓ anxiety after: 4/10.")


async def test_settings_read_clearly_in_spanish_and_russian(coach: CoachHarness) -> None:
    clock_of(coach).set(MONDAY)
    await onboard_in_spanish(coach, LUCIA)
    [overview] = await coach.say(LUCIA, "/settings")
    assert "Límite de peticiones por semana" in (overview.text or "")
    await coach.tap(LUCIA, "Hora del recordatorio")
    replies = await coach.say(LUCIA, "a las 6 de la mañana")
    assert "Hora del recordatorio: 06:00." in texts_of(replies)
    assert "caen dentro de tus horas de descanso" in texts_of(replies)

    await onboard_in_russian(coach)
    [overview] = await coach.say(IVAN, "/settings")
    assert "Предел просьб в неделю" in (overview.text or "")
    await coach.tap(IVAN, "Время напоминаний")
    replies = await coach.say(IVAN, "в 7 утра")
    assert "Время напоминаний: 07:00." in texts_of(replies)
    assert "попадает в твои тихие часы" in texts_of(replies)
