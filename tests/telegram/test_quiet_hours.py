"""Quiet hours in /settings over the emulator: buttons and typed ranges are stored, unclear
or empty ranges are re-asked kindly, and follow-up check-ins keep out of the new hours."""

from __future__ import annotations

from datetime import UTC, datetime, time

import pytest

from bot.db.models import User
from bot.domain.tone import check_text
from bot.sandbox.emulator import ChatMessage
from bot.sandbox.harness import CoachHarness, texts_of
from tests.telegram.helpers import attempts_of, clock_of, conversation_of, onboard, tick, user_row

pytestmark = pytest.mark.usefixtures("database_url")

ALICE, BOB = 9501, 9502
# Both onboard in Berlin (UTC+1 in November): nudges at 09:00, every day.
MONDAY_AFTERNOON = datetime(2026, 11, 23, 14, 30, tzinfo=UTC)  # 15:30 in Berlin
PRESET_LABELS = ["21:30–08:00", "22:00–07:00", "23:00–09:00", "20:00–08:00"]


async def onboard_at(coach: CoachHarness, user_id: int, at: datetime, name: str) -> User:
    clock_of(coach).set(at)
    await onboard(coach, user_id, name=name)
    return await user_row(coach, user_id)


async def open_quiet_hours(coach: CoachHarness, user_id: int = ALICE) -> list[ChatMessage]:
    await coach.say(user_id, "/settings")
    return await coach.tap(user_id, "Quiet hours")


async def quiet_hours_of(coach: CoachHarness, user_id: int = ALICE) -> tuple[time, time]:
    user = await user_row(coach, user_id)
    return user.quiet_start, user.quiet_end


def check_ins_to(coach: CoachHarness, user_id: int) -> list[ChatMessage]:
    return [
        m
        for m in coach.emulator.messages(user_id)
        if any(data.startswith("f:") for data in m.callback_data)
    ]


async def accept_an_idea(coach: CoachHarness, user_id: int) -> None:
    await coach.say(user_id, "/idea")
    await coach.tap(user_id, "I'll try it")


async def test_overview_shows_the_quiet_hours_with_a_button(coach: CoachHarness) -> None:
    await onboard_at(coach, ALICE, MONDAY_AFTERNOON, "Alice")
    [overview] = await coach.say(ALICE, "/settings")
    assert "Quiet hours: 21:30–08:00" in (overview.text or "")  # everyone's default
    assert "Quiet hours" in overview.button_texts
    assert overview.button_texts[-1] == "Done"


async def test_a_preset_button_saves_the_quiet_hours(coach: CoachHarness) -> None:
    await onboard_at(coach, ALICE, MONDAY_AFTERNOON, "Alice")
    [question] = await open_quiet_hours(coach)
    assert "quiet hours" in (question.text or "")
    assert question.button_texts == PRESET_LABELS
    assert check_text(question.text or "") == ()

    replies = await coach.tap(ALICE, "23:00–09:00")
    assert "Quiet hours: 23:00–09:00" in texts_of(replies)  # the overview again
    assert await quiet_hours_of(coach) == (time(23), time(9))
    assert await conversation_of(coach, ALICE) is None  # the question is closed
    overview = texts_of(await coach.say(ALICE, "/settings"))
    assert "Quiet hours: 23:00–09:00" in overview


async def test_typed_ranges_are_understood(coach: CoachHarness) -> None:
    await onboard_at(coach, ALICE, MONDAY_AFTERNOON, "Alice")
    for typed, start, end, shown in [
        ("22:00-7:30", time(22), time(7, 30), "22:00–07:30"),
        ("10pm to 7am", time(22), time(7), "22:00–07:00"),
        ("22 - 7", time(22), time(7), "22:00–07:00"),
        ("23:00–06:30", time(23), time(6, 30), "23:00–06:30"),
    ]:
        await open_quiet_hours(coach)
        replies = await coach.say(ALICE, typed)
        assert f"Quiet hours: {shown}" in texts_of(replies), typed
        assert await quiet_hours_of(coach) == (start, end), typed
        assert await conversation_of(coach, ALICE) is None


async def test_an_unclear_answer_is_reasked_kindly_with_the_buttons(
    coach: CoachHarness,
) -> None:
    await onboard_at(coach, ALICE, MONDAY_AFTERNOON, "Alice")
    await open_quiet_hours(coach)
    [reask] = await coach.say(ALICE, "whenever I'm asleep")
    text = reask.text or ""
    assert "couldn't find a start and an end" in text or "slipped past me" in text
    assert reask.button_texts == PRESET_LABELS
    assert check_text(text) == ()
    assert await quiet_hours_of(coach) == (time(21, 30), time(8))  # unchanged
    conversation = await conversation_of(coach, ALICE)
    assert conversation is not None and conversation.step == "quiet"
    assert conversation.retries == 1

    # Still the same question: a second go, typed or tapped, is saved.
    replies = await coach.say(ALICE, "10 at night to 7 in the morning")
    assert "Quiet hours: 22:00–07:00" in texts_of(replies)
    assert await quiet_hours_of(coach) == (time(22), time(7))


async def test_the_same_start_and_end_is_refused_kindly(coach: CoachHarness) -> None:
    await onboard_at(coach, ALICE, MONDAY_AFTERNOON, "Alice")
    await open_quiet_hours(coach)
    [refusal] = await coach.say(ALICE, "7am to 7am")
    text = refusal.text or ""
    assert "Quiet from 07:00 to 07:00" in text
    assert "two different times" in text
    assert refusal.button_texts == PRESET_LABELS
    assert check_text(text) == ()
    assert await quiet_hours_of(coach) == (time(21, 30), time(8))  # unchanged

    replies = await coach.tap(ALICE, "22:00–07:00")
    assert "Quiet hours: 22:00–07:00" in texts_of(replies)
    assert await quiet_hours_of(coach) == (time(22), time(7))


async def test_an_old_quiet_hours_button_changes_nothing(coach: CoachHarness) -> None:
    await onboard_at(coach, ALICE, MONDAY_AFTERNOON, "Alice")
    [question] = await open_quiet_hours(coach)
    await coach.say(ALICE, "23-9")
    data = question.callback_data[0]  # 21:30-08:00, after the question was answered
    replies, answer = await coach.press_data(ALICE, question.message_id, data)
    assert replies == []
    assert answer is not None and "moved past" in answer
    assert await quiet_hours_of(coach) == (time(23), time(9))

    [question] = await open_quiet_hours(coach)
    replies, answer = await coach.press_data(
        ALICE, question.message_id, "qh:0300:0400", forge=True
    )  # not a button we offered
    assert replies == []
    assert answer is not None and "expired" in answer
    assert await quiet_hours_of(coach) == (time(23), time(9))


async def test_follow_up_keeps_out_of_the_new_quiet_hours(coach: CoachHarness) -> None:
    await onboard_at(coach, ALICE, MONDAY_AFTERNOON, "Alice")
    await onboard_at(coach, BOB, MONDAY_AFTERNOON, "Bob")  # keeps 21:30-08:00
    await open_quiet_hours(coach, ALICE)
    await coach.say(ALICE, "20:00-09:00")
    assert await quiet_hours_of(coach, ALICE) == (time(20), time(9))

    # Both say "I'll try it" at 15:30 in Berlin; five hours later is 20:30 there.
    await accept_an_idea(coach, ALICE)
    await accept_an_idea(coach, BOB)
    [bobs] = await attempts_of(coach, BOB)
    assert bobs.followup_due_at == datetime(2026, 11, 23, 19, 30, tzinfo=UTC)  # 20:30 Berlin
    [alices] = await attempts_of(coach, ALICE)
    assert alices.followup_due_at == datetime(2026, 11, 24, 8, 0, tzinfo=UTC)  # 09:00 Berlin

    await tick(coach, datetime(2026, 11, 23, 19, 31, tzinfo=UTC))
    assert len(check_ins_to(coach, BOB)) == 1
    assert check_ins_to(coach, ALICE) == []
    await tick(coach, datetime(2026, 11, 24, 7, 1, tzinfo=UTC))  # 08:00 Berlin: still quiet
    assert check_ins_to(coach, ALICE) == []
    await tick(coach, datetime(2026, 11, 24, 8, 1, tzinfo=UTC))
    [check_in] = check_ins_to(coach, ALICE)
    assert "Did you" in (check_in.text or "")
    await tick(coach, datetime(2026, 11, 24, 9, 0, tzinfo=UTC))
    assert len(check_ins_to(coach, ALICE)) == 1  # one check-in, once


async def test_new_quiet_hours_move_a_check_in_already_waiting(coach: CoachHarness) -> None:
    await onboard_at(coach, ALICE, MONDAY_AFTERNOON, "Alice")
    await accept_an_idea(coach, ALICE)
    [attempt] = await attempts_of(coach, ALICE)
    assert attempt.followup_due_at == datetime(2026, 11, 23, 19, 30, tzinfo=UTC)  # 20:30 Berlin

    clock_of(coach).set(datetime(2026, 11, 23, 16, 0, tzinfo=UTC))  # 17:00 in Berlin
    await open_quiet_hours(coach)
    await coach.tap(ALICE, "20:00–08:00")
    [attempt] = await attempts_of(coach, ALICE)
    assert attempt.followup_due_at == datetime(2026, 11, 24, 7, 0, tzinfo=UTC)  # 08:00 Berlin

    await tick(coach, datetime(2026, 11, 23, 19, 31, tzinfo=UTC))
    assert check_ins_to(coach, ALICE) == []
    await tick(coach, datetime(2026, 11, 24, 7, 1, tzinfo=UTC))
    assert len(check_ins_to(coach, ALICE)) == 1
