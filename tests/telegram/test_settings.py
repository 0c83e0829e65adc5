"""/settings over the emulator (issue 2.6): changing the time zone, the nudge time and the
pace is stored, moves next_nudge_at to the right instant, and the scheduler follows it."""

from __future__ import annotations

from datetime import UTC, datetime, time

import pytest

from bot.db.models import User
from bot.sandbox.harness import CoachHarness, texts_of
from tests.telegram.helpers import clock_of, onboard, tick, user_row

pytestmark = pytest.mark.usefixtures("database_url")

ALICE = 9401
# Alice onboards in Berlin (UTC+1 in November), nudges at 09:00, every day.
MONDAY_EARLY = datetime(2026, 11, 23, 6, 0, tzinfo=UTC)  # 07:00 in Berlin
FRIDAY_LATE_MORNING = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)  # 11:00 in Berlin


async def onboard_at(coach: CoachHarness, at: datetime) -> User:
    clock_of(coach).set(at)
    await onboard(coach, ALICE)
    return await user_row(coach, ALICE)


async def change(coach: CoachHarness, setting: str) -> None:
    await coach.say(ALICE, "/settings")
    await coach.tap(ALICE, setting)


def nudges_to(coach: CoachHarness) -> int:
    return sum("Not today" in m.button_texts for m in coach.emulator.messages(ALICE))


async def test_typed_time_zone_is_stored_and_moves_the_next_nudge(coach: CoachHarness) -> None:
    user = await onboard_at(coach, MONDAY_EARLY)
    assert user.next_nudge_at == datetime(2026, 11, 23, 8, 0, tzinfo=UTC)  # 09:00 Berlin

    await change(coach, "Time zone")
    replies = await coach.say(ALICE, "New York")
    assert "America/New_York" in texts_of(replies)
    assert "Time zone: America/New_York" in texts_of(replies)  # the overview again
    user = await user_row(coach, ALICE)
    assert user.timezone == "America/New_York"
    assert user.nudge_time == time(9, 0)  # the local time stays, the instant moves
    assert user.next_nudge_at == datetime(2026, 11, 23, 14, 0, tzinfo=UTC)  # 09:00 EST

    # The scheduler follows the stored instant: nothing at Berlin's 09:00, one at New York's.
    await tick(coach, datetime(2026, 11, 23, 8, 1, tzinfo=UTC))
    assert nudges_to(coach) == 0
    await tick(coach, datetime(2026, 11, 23, 14, 1, tzinfo=UTC))
    assert nudges_to(coach) == 1


async def test_time_zone_button_past_todays_nudge_moves_it_to_tomorrow(
    coach: CoachHarness,
) -> None:
    await onboard_at(coach, MONDAY_EARLY)
    await change(coach, "Time zone")
    await coach.tap(ALICE, "Tokyo")  # 15:00 in Tokyo: today's 09:00 there has passed
    user = await user_row(coach, ALICE)
    assert user.timezone == "Asia/Tokyo"
    assert user.next_nudge_at == datetime(2026, 11, 24, 0, 0, tzinfo=UTC)  # Tue 09:00 JST


async def test_nudge_time_is_stored_and_moves_the_next_nudge(coach: CoachHarness) -> None:
    await onboard_at(coach, MONDAY_EARLY)

    await change(coach, "Nudge time")
    replies = await coach.say(ALICE, "7:30pm")
    assert "ideas come: every day, at 19:30" in texts_of(replies)
    user = await user_row(coach, ALICE)
    assert user.nudge_time == time(19, 30)
    assert user.next_nudge_at == datetime(2026, 11, 23, 18, 30, tzinfo=UTC)

    await change(coach, "Nudge time")
    await coach.say(ALICE, "6am")  # already past in Berlin (07:00): tomorrow, then
    user = await user_row(coach, ALICE)
    assert user.nudge_time == time(6, 0)
    assert user.next_nudge_at == datetime(2026, 11, 24, 5, 0, tzinfo=UTC)

    await change(coach, "Nudge time")
    await coach.tap(ALICE, "18:00")
    user = await user_row(coach, ALICE)
    assert user.nudge_time == time(18, 0)
    assert user.next_nudge_at == datetime(2026, 11, 23, 17, 0, tzinfo=UTC)


async def test_a_later_nudge_time_never_brings_a_second_nudge_the_same_day(
    coach: CoachHarness,
) -> None:
    await onboard_at(coach, MONDAY_EARLY)
    await tick(coach, datetime(2026, 11, 23, 8, 1, tzinfo=UTC))  # this morning's nudge
    assert nudges_to(coach) == 1
    await change(coach, "Nudge time")
    await coach.tap(ALICE, "18:00")
    user = await user_row(coach, ALICE)
    assert user.next_nudge_at == datetime(2026, 11, 24, 17, 0, tzinfo=UTC)  # tomorrow
    await tick(coach, datetime(2026, 11, 23, 17, 1, tzinfo=UTC))
    assert nudges_to(coach) == 1
    await tick(coach, datetime(2026, 11, 24, 17, 1, tzinfo=UTC))
    assert nudges_to(coach) == 2


async def test_pace_is_stored_and_moves_the_next_nudge(coach: CoachHarness) -> None:
    user = await onboard_at(coach, FRIDAY_LATE_MORNING)
    assert user.pace == "daily"
    assert user.next_nudge_at == datetime(2026, 11, 28, 8, 0, tzinfo=UTC)  # Saturday

    await change(coach, "How often ideas come")
    replies = await coach.tap(ALICE, "Weekdays")
    assert "on weekdays" in texts_of(replies)
    user = await user_row(coach, ALICE)
    assert user.pace == "weekdays"
    assert user.next_nudge_at == datetime(2026, 11, 30, 8, 0, tzinfo=UTC)  # Monday

    await change(coach, "How often ideas come")
    await coach.tap(ALICE, "3 a week")
    replies = await coach.tap(ALICE, "Tue · Thu · Sat")
    assert "three times a week (Tue, Thu, Sat)" in texts_of(replies)
    user = await user_row(coach, ALICE)
    assert (user.pace, user.nudge_days) == ("three_a_week", "1,3,5")
    assert user.next_nudge_at == datetime(2026, 11, 28, 8, 0, tzinfo=UTC)  # Saturday

    await change(coach, "How often ideas come")
    await coach.tap(ALICE, "3 a week")
    await coach.say(ALICE, "mon, wed and fri")
    user = await user_row(coach, ALICE)
    assert (user.pace, user.nudge_days) == ("three_a_week", "0,2,4")
    assert user.next_nudge_at == datetime(2026, 11, 30, 8, 0, tzinfo=UTC)  # Monday

    await change(coach, "How often ideas come")
    await coach.say(ALICE, "every day please")
    user = await user_row(coach, ALICE)
    assert user.pace == "daily"
    assert user.next_nudge_at == datetime(2026, 11, 28, 8, 0, tzinfo=UTC)

    # And the scheduler agrees: a weekday pace sends nothing on Saturday, then Monday.
    await change(coach, "How often ideas come")
    await coach.tap(ALICE, "Weekdays")
    await tick(coach, datetime(2026, 11, 28, 8, 1, tzinfo=UTC))
    await tick(coach, datetime(2026, 11, 29, 8, 1, tzinfo=UTC))
    assert nudges_to(coach) == 0
    await tick(coach, datetime(2026, 11, 30, 8, 1, tzinfo=UTC))
    assert nudges_to(coach) == 1


async def test_all_three_changes_together_survive_and_show_in_settings(
    coach: CoachHarness,
) -> None:
    await onboard_at(coach, MONDAY_EARLY)
    await change(coach, "Time zone")
    await coach.say(ALICE, "London")
    await change(coach, "Nudge time")
    await coach.say(ALICE, "20:00")
    await change(coach, "How often ideas come")
    await coach.tap(ALICE, "Weekdays")
    user = await user_row(coach, ALICE)
    assert (user.timezone, user.nudge_time, user.pace) == ("Europe/London", time(20), "weekdays")
    assert user.next_nudge_at == datetime(2026, 11, 23, 20, 0, tzinfo=UTC)  # GMT in November
    overview = texts_of(await coach.say(ALICE, "/settings"))
    assert "Time zone: Europe/London" in overview
    assert "How often ideas come: on weekdays, at 20:00" in overview
