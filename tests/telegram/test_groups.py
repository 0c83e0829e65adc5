"""Groups and channels cost nothing; a person's messages go to their private chat only
(issue 18, item 2)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from bot.db.models import Attempt, GroupNote
from bot.delivery.polling import ALLOWED_UPDATES
from bot.sandbox.harness import CoachHarness
from tests.telegram.helpers import attempts_of, clock_of, conversation_of, onboard, tick, user_row

pytestmark = pytest.mark.usefixtures("database_url")

ALICE = 6201
GROUP = -100_500
CHANNEL = -100_900


async def test_a_group_is_answered_at_most_once_a_day(coach: CoachHarness) -> None:
    coach.emulator.add_to_group(GROUP, ALICE)
    for command in ("/start", "/help", "/idea", "/stats", "/export"):
        coach.emulator.send_text(ALICE, command, chat_id=GROUP, chat_type="group")
    await coach.settle()
    [note] = coach.emulator.messages(GROUP)
    assert "one-to-one" in (note.text or "")
    assert coach.emulator.messages(ALICE) == []  # nothing leaks into her private chat

    clock_of(coach).advance(timedelta(hours=25))
    coach.emulator.send_text(ALICE, "/start", chat_id=GROUP, chat_type="group")
    await coach.settle()
    assert len(coach.emulator.messages(GROUP)) == 2
    async with coach.runtime.deps.db.sessions() as session:
        assert await session.scalar(select(func.count()).select_from(GroupNote)) == 1


async def test_channel_posts_are_not_asked_for_and_cost_nothing(coach: CoachHarness) -> None:
    assert "channel_post" not in ALLOWED_UPDATES
    await coach.say(ALICE, "/help")  # a poll has told the emulator what we take
    receipt = coach.emulator.channel_post(CHANNEL, "/start")
    assert receipt.update_id is None  # filtered by Telegram: never reaches us
    await coach.settle()
    assert coach.emulator.messages(CHANNEL) == []


async def test_a_forged_press_from_a_group_changes_nothing(coach: CoachHarness) -> None:
    clock_of(coach).set(datetime(2026, 11, 23, 7, 0, tzinfo=UTC))
    await onboard(coach, ALICE)
    await tick(coach, datetime(2026, 11, 23, 8, 1, tzinfo=UTC))
    nudge = coach.emulator.last_message(ALICE)
    assert nudge is not None
    try_it = next(data for data in nudge.callback_data if data.startswith("n:try:"))
    coach.emulator.add_to_group(GROUP, ALICE)
    await coach.settle()
    in_group = len(coach.emulator.messages(GROUP))
    in_private = len(coach.emulator.messages(ALICE))
    conversation = await conversation_of(coach, ALICE)

    receipt = coach.emulator.press(ALICE, nudge.message_id, try_it, chat_id=GROUP, forge=True)
    await coach.settle()

    assert len(coach.emulator.messages(GROUP)) == in_group
    assert len(coach.emulator.messages(ALICE)) == in_private
    [record] = coach.emulator.callback_answers(receipt.callback_query_id or "")
    assert not record.answered  # ignored: not even an answer
    assert (await user_row(coach, ALICE)).chat_id == ALICE  # her nudges are not re-pointed
    assert await conversation_of(coach, ALICE) == conversation
    assert await attempts_of(coach, ALICE) == []
    async with coach.runtime.deps.db.sessions() as session:
        assert await session.scalar(select(func.count()).select_from(Attempt)) == 0
    # The next nudge still goes to her private chat, and nothing to the group.
    await tick(coach, datetime(2026, 11, 24, 8, 1, tzinfo=UTC))
    assert len(coach.emulator.messages(ALICE)) == in_private + 1
    assert len(coach.emulator.messages(GROUP)) == in_group


async def test_the_same_press_in_her_private_chat_works(coach: CoachHarness) -> None:
    clock_of(coach).set(datetime(2026, 11, 23, 7, 0, tzinfo=UTC))
    await onboard(coach, ALICE)
    await tick(coach, datetime(2026, 11, 23, 8, 1, tzinfo=UTC))
    replies = await coach.tap(ALICE, "I'll try it")
    assert replies
    assert await conversation_of(coach, ALICE) is not None or await attempts_of(coach, ALICE)
