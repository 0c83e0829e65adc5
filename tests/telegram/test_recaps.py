"""Weekly recaps, /recap and /stats over the emulator, on an injected clock."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from bot.db.models import Recap
from bot.sandbox.emulator import ChatMessage
from bot.sandbox.harness import CoachHarness, texts_of
from bot.services.charts import png_size
from tests.telegram.conftest import DASHBOARD_URL
from tests.telegram.helpers import clock_of, onboard, tick, user_row

ALICE = 7001
# Berlin, winter: Sunday 22 Nov 2026 18:00 local is 17:00 UTC.
MONDAY = datetime(2026, 11, 16, 7, 0, tzinfo=UTC)
SUNDAY_EVENING = datetime(2026, 11, 22, 17, 0, tzinfo=UTC)


async def stored_recaps(coach: CoachHarness) -> list[Recap]:
    async with coach.runtime.deps.db.sessions() as session:
        return list(await session.scalars(select(Recap).where(Recap.user_id == ALICE)))


async def log_week(coach: CoachHarness) -> None:
    clock_of(coach).set(datetime(2026, 11, 17, 12, 0, tzinfo=UTC))
    await coach.say(ALICE, "asked a stranger for directions, got a yes, 6 -> 2")
    clock_of(coach).set(datetime(2026, 11, 18, 12, 0, tzinfo=UTC))
    await coach.say(ALICE, "asked for a discount at the market, got a no, 8 -> 4")
    clock_of(coach).set(datetime(2026, 11, 19, 12, 0, tzinfo=UTC))
    await coach.say(ALICE, "/log asked my neighbour to lend me a ladder")
    await coach.tap(ALICE, "No")
    await coach.tap(ALICE, "90%")
    await coach.tap(ALICE, "7")
    await coach.tap(ALICE, "3")
    await coach.say(ALICE, "A no was just a word. I'm fine.")


async def test_weekly_recap_once_with_numbers_lessons_and_chart(coach: CoachHarness) -> None:
    clock_of(coach).set(MONDAY)
    await onboard(coach, ALICE)
    await log_week(coach)
    before = len(coach.emulator.messages(ALICE))
    await tick(coach, SUNDAY_EVENING)
    new = coach.emulator.messages(ALICE)[before:]
    recap = new[0].text or ""
    lines = recap.split("\n\n")
    assert len(lines) <= 8  # short: one headline number, the forecast, their words, an ending
    assert "3 asks this week" in lines[1] or "made 3 asks" in lines[1]
    # One ask had a guess: told as one ask, not as "100% of the time".
    assert "one ask you made a guess for" in lines[2] and "and heard one." in lines[2]
    assert "A no was just a word" in recap
    assert "For next week" in lines[-2]
    # The week's nerves went from 7 to 3 on average: the ending says what was true.
    assert lines[-1] in coach.runtime.deps.texts.variants("recap.ending.settled")
    photo = new[1]
    assert photo.kind == "photo"
    assert "before" in (photo.caption or "")
    assert photo.file is not None
    data = coach.emulator.file_bytes(photo.file.file_id)
    assert data is not None and png_size(data)[0] <= 1280

    await tick(coach, SUNDAY_EVENING.replace(minute=5))
    assert len(coach.emulator.messages(ALICE)) == before + 2  # never twice
    [stored] = await stored_recaps(coach)
    assert stored.week_start.isoformat() == "2026-11-16"
    again = await coach.say(ALICE, "/recap last")
    assert "A no was just a word" in texts_of(again)


async def test_a_quiet_week_gets_a_warm_note(coach: CoachHarness) -> None:
    clock_of(coach).set(MONDAY)
    await onboard(coach, ALICE)
    await tick(coach, SUNDAY_EVENING)
    note = coach.emulator.last_message(ALICE)
    assert note is not None
    assert "okay" in (note.text or "") or "No guilt" in (note.text or "")
    assert len(await stored_recaps(coach)) == 1


async def test_a_quiet_week_during_a_pause_gets_nothing(coach: CoachHarness) -> None:
    clock_of(coach).set(MONDAY)
    await onboard(coach, ALICE)
    await coach.say(ALICE, "/pause 14")
    before = len(coach.emulator.messages(ALICE))
    await tick(coach, SUNDAY_EVENING)
    assert len(coach.emulator.messages(ALICE)) == before
    user = await user_row(coach, ALICE)
    assert user.next_recap_at == datetime(2026, 11, 29, 17, 0, tzinfo=UTC)


async def test_recap_command_shows_this_week_so_far(coach: CoachHarness) -> None:
    clock_of(coach).set(MONDAY)
    await onboard(coach, ALICE)
    clock_of(coach).set(datetime(2026, 11, 17, 12, 0, tzinfo=UTC))
    await coach.say(ALICE, "asked a barista for a recommendation, got a yes, 4 -> 1")
    replies = await coach.say(ALICE, "/recap")
    text = texts_of(replies)
    assert "Your week so far" in text
    assert "One ask this week" in text
    assert "Last weekly recap" in replies[-1].button_texts
    none_yet = await coach.tap(ALICE, "Last weekly recap")
    assert "first one arrives on Sun" in texts_of(none_yet)


async def test_stats_sends_a_phone_sized_chart_with_a_caption(coach: CoachHarness) -> None:
    clock_of(coach).set(MONDAY)
    await onboard(coach, ALICE)
    assert "Nothing to chart yet" in texts_of(await coach.say(ALICE, "/stats"))
    await log_week(coach)
    replies = await coach.say(ALICE, "/stats")
    [photo] = [m for m in replies if m.kind == "photo"]
    caption = photo.caption or ""
    assert "4 points lower after asking" in caption or "lower after" in caption
    assert photo.file is not None
    data = coach.emulator.file_bytes(photo.file.file_id)
    assert data is not None
    width, height = png_size(data)
    assert width <= 1280
    assert height > 0


def web_app_urls(message: ChatMessage) -> list[str]:
    return [str(button["web_app"]["url"]) for button in message.buttons if "web_app" in button]


async def test_stats_and_recap_open_the_dashboard_when_it_is_served(
    coach_with_dashboard: CoachHarness,
) -> None:
    coach = coach_with_dashboard
    menu = coach.emulator.world.settings[("menu_button", "")]
    assert menu == {"type": "web_app", "text": "Dashboard", "web_app": {"url": DASHBOARD_URL}}
    clock_of(coach).set(MONDAY)
    await onboard(coach, ALICE)
    await log_week(coach)
    [photo] = [m for m in await coach.say(ALICE, "/stats") if m.kind == "photo"]
    assert web_app_urls(photo) == [DASHBOARD_URL]
    assert photo.button_texts == ["📊 Open dashboard"]
    before = len(coach.emulator.messages(ALICE))
    await tick(coach, SUNDAY_EVENING)
    recap = coach.emulator.messages(ALICE)[before]
    assert "one ask you made a guess for" in (recap.text or "")
    assert web_app_urls(recap) == [DASHBOARD_URL]


async def test_without_a_dashboard_there_are_no_dashboard_buttons(coach: CoachHarness) -> None:
    assert ("menu_button", "") not in coach.emulator.world.settings
    clock_of(coach).set(MONDAY)
    await onboard(coach, ALICE)
    await log_week(coach)
    [photo] = [m for m in await coach.say(ALICE, "/stats") if m.kind == "photo"]
    assert photo.buttons == []
    before = len(coach.emulator.messages(ALICE))
    await tick(coach, SUNDAY_EVENING)
    assert coach.emulator.messages(ALICE)[before].buttons == []
