"""Answers read the way a person means them (issue 15, item 4), over the emulator: percent
questions answered on a 0-10 scale, "no idea", an outcome word next to a stray hedge, typed
/pause lengths, clock times that do not exist, and a location shared for the time zone."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from bot.domain import schedule
from bot.sandbox.harness import CoachHarness, texts_of
from tests.telegram.helpers import (
    attempts_of,
    conversation_of,
    idea_message,
    onboard,
    user_row,
)

ALICE = 4101


async def accept_an_idea(coach: CoachHarness) -> None:
    await onboard(coach, ALICE)
    idea_message(await coach.say(ALICE, "/idea"))
    await coach.tap(ALICE, "I'll try it")


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("about 6 or 7", 65), ("maybe 8", 80), ("half", 50), ("50/50", 50), ("30%", 30)],
)
async def test_chance_of_a_no_typed_on_a_0_to_10_scale_reads_as_tens(
    coach: CoachHarness, typed: str, stored: int
) -> None:
    await accept_an_idea(coach)
    await coach.say(ALICE, typed)
    [attempt] = await attempts_of(coach, ALICE)
    assert attempt.predicted_no_pct == stored
    conversation = await conversation_of(coach, ALICE)
    assert conversation is not None and conversation.step == "anxiety_now"


async def test_no_idea_passes_over_the_question_instead_of_reasking(coach: CoachHarness) -> None:
    await accept_an_idea(coach)
    replies = await coach.say(ALICE, "no idea")
    [attempt] = await attempts_of(coach, ALICE)
    assert attempt.predicted_no_pct is None
    conversation = await conversation_of(coach, ALICE)
    assert conversation is not None and conversation.step == "anxiety_now"
    assert conversation.retries == 0
    assert "couldn't read" not in texts_of(replies)


async def test_explicit_no_beats_a_hedge_about_a_number(coach: CoachHarness) -> None:
    await accept_an_idea(coach)
    await coach.tap(ALICE, "Skip")
    await coach.tap(ALICE, "Skip")
    await coach.say(ALICE, "she said no … maybe 4 after")
    [attempt] = await attempts_of(coach, ALICE)
    assert attempt.outcome == "no"


def _first_day_back(paused_until: datetime | None, zone: str) -> date:
    assert paused_until is not None
    instant = paused_until if paused_until.tzinfo else paused_until.replace(tzinfo=UTC)
    return schedule.local_date(instant, zone)


# The harness clock starts on Monday 23 Nov 2026, 09:00 in Berlin.
@pytest.mark.parametrize(
    ("typed", "back"),
    [
        ("3 days", date(2026, 11, 26)),
        ("three days", date(2026, 11, 26)),
        ("a week", date(2026, 11, 30)),
        ("2 weeks", date(2026, 12, 7)),
        ("till Thursday", date(2026, 11, 26)),
        ("until Monday", date(2026, 11, 30)),
        ("tomorrow", date(2026, 11, 24)),
    ],
)
async def test_pause_length_typed_after_the_question(
    coach: CoachHarness, typed: str, back: date
) -> None:
    await onboard(coach, ALICE)
    await coach.say(ALICE, "/pause")
    await coach.say(ALICE, typed)
    user = await user_row(coach, ALICE)
    assert _first_day_back(user.paused_until, user.timezone) == back
    assert await conversation_of(coach, ALICE) is None


async def test_pause_length_typed_with_the_command(coach: CoachHarness) -> None:
    await onboard(coach, ALICE)
    await coach.say(ALICE, "/pause a week")
    user = await user_row(coach, ALICE)
    assert _first_day_back(user.paused_until, user.timezone) == date(2026, 11, 30)


async def test_unclear_pause_length_is_asked_again_and_the_buttons_still_work(
    coach: CoachHarness,
) -> None:
    await onboard(coach, ALICE)
    await coach.say(ALICE, "/pause")
    replies = await coach.say(ALICE, "hmm, a while?")
    assert "how long" in texts_of(replies)
    assert replies[-1].buttons
    assert (await user_row(coach, ALICE)).paused_until is None
    await coach.tap(ALICE, "3")
    user = await user_row(coach, ALICE)
    assert _first_day_back(user.paused_until, user.timezone) == date(2026, 11, 26)
    assert await conversation_of(coach, ALICE) is None


async def test_a_quick_log_typed_at_the_pause_question_is_logged(coach: CoachHarness) -> None:
    await onboard(coach, ALICE)
    await coach.say(ALICE, "/pause")
    await coach.say(ALICE, "asked for a discount, got a no, 7 -> 3")
    [attempt] = await attempts_of(coach, ALICE)
    assert (attempt.outcome, attempt.anxiety_before, attempt.anxiety_after) == ("no", 7.0, 3.0)
    assert (await user_row(coach, ALICE)).paused_until is None


@pytest.mark.parametrize("typed", ["25:00", "7:75", "24:30", "13pm", "at 19:60 please"])
async def test_a_time_no_clock_shows_gets_a_specific_reply(coach: CoachHarness, typed: str) -> None:
    coach.emulator.add_user(ALICE, "Alice")
    await coach.say(ALICE, "/start")
    await coach.say(ALICE, "Berlin")
    replies = await coach.say(ALICE, typed)
    assert "isn't a time on the clock" in texts_of(replies)
    assert "didn't catch" not in texts_of(replies)
    await coach.say(ALICE, "9:00")
    assert (await user_row(coach, ALICE)).nudge_time.strftime("%H:%M") == "09:00"


@pytest.mark.parametrize(
    ("latitude", "longitude", "zone"),
    [
        (35.68, 139.69, "Asia/Tokyo"),
        (51.51, -0.13, "Europe/London"),
        (40.42, -3.70, "Europe/Madrid"),
        (-33.87, 151.21, "Australia/Sydney"),
        (55.76, 37.62, "Europe/Moscow"),
        (41.88, -87.63, "America/Chicago"),
    ],
)
async def test_a_location_shared_at_the_time_zone_question_sets_the_zone(
    coach: CoachHarness, latitude: float, longitude: float, zone: str
) -> None:
    coach.emulator.add_user(ALICE, "Alice")
    await coach.say(ALICE, "/start")
    receipt = coach.emulator.send_location(ALICE, latitude, longitude)
    await coach.settle()
    replies = coach.bot_messages_after(ALICE, receipt.message.message_id if receipt.message else 0)
    assert (await user_row(coach, ALICE)).timezone == zone
    assert zone in texts_of(replies)
    conversation = await conversation_of(coach, ALICE)
    assert conversation is not None and conversation.step == "time"


async def test_a_location_elsewhere_still_points_back_to_the_question(
    coach: CoachHarness,
) -> None:
    await onboard(coach, ALICE)
    await coach.say(ALICE, "/settings")
    await coach.tap(ALICE, "Nudge time")
    receipt = coach.emulator.send_location(ALICE, 35.68, 139.69)
    await coach.settle()
    replies = coach.bot_messages_after(ALICE, receipt.message.message_id if receipt.message else 0)
    assert (await user_row(coach, ALICE)).timezone == "Europe/Berlin"
    assert replies and replies[-1].buttons  # the nudge-time question, asked again


async def test_an_old_pause_question_does_not_catch_a_later_message(coach: CoachHarness) -> None:
    await onboard(coach, ALICE)
    await coach.say(ALICE, "/pause")
    coach.clock.advance(timedelta(hours=3))
    await coach.say(ALICE, "3 days")
    assert (await user_row(coach, ALICE)).paused_until is None
    assert await conversation_of(coach, ALICE) is None
