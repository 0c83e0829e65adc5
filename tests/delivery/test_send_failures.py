"""What the bot does when the Bot API answers 500/502: retry, deliver once, and after a
bounded number of tries give up on that one message without blocking the chat.

(502s that clear up, in order, are in test_faults.py; this file covers "exactly once",
the bound, and what happens to the chat's next messages.)"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from sqlalchemy import select, update

from bot.config import Switch
from bot.db.models import OutboxMessage
from bot.delivery.outbox import MAX_TRIES
from bot.sandbox.emulator import CallRecord
from bot.sandbox.harness import CoachHarness, texts_of

ALICE = 9501
HELP_MARK = "/idea"  # in the /help reply
ABOUT_MARK = "Jason Comely"  # in the /about reply


@pytest.fixture
async def coach(database_url: str) -> AsyncIterator[CoachHarness]:
    async with CoachHarness(
        database_url,
        migrate_first=False,
        coach_rate_limit=Switch.OFF,
        coach_outbox_lease_seconds=1,  # the smallest lease allowed
    ) as harness:
        yield harness


def sends_to(coach: CoachHarness, chat_id: int) -> list[CallRecord]:
    return [call for call in coach.emulator.calls("sendMessage") if call.chat_id == chat_id]


def texts_in(coach: CoachHarness, chat_id: int) -> list[str]:
    return [m.text or "" for m in coach.emulator.messages(chat_id)]


async def outbox_ids(coach: CoachHarness) -> list[int]:
    async with coach.runtime.deps.db.sessions() as session:
        return list(await session.scalars(select(OutboxMessage.id)))


async def outbox_drained(coach: CoachHarness) -> None:
    """Wait (5 s at most) until every outbox row is sent and acknowledged (deleted)."""
    async with asyncio.timeout(5):
        while True:
            if not await outbox_ids(coach):
                return
            await asyncio.sleep(0.02)


def drive_retries_by_hand(coach: CoachHarness, backoff_base: float) -> None:
    """Stop the repeating jobs (the once-a-second outbox sweep among them), so the test
    decides when a retry happens, and set the retry back-off."""
    jobs = coach.runtime.application.job_queue
    assert jobs is not None
    jobs.scheduler.pause()
    coach.runtime.outbox.backoff_base = backoff_base


async def test_a_reply_that_gets_a_500_is_retried_and_delivered_once(
    coach: CoachHarness,
) -> None:
    coach.emulator.inject_fault("sendMessage", chat_id=ALICE, status=500, times=1)
    coach.emulator.send_text(ALICE, "/help")
    await coach.emulator.wait_for_messages(ALICE, 1, timeout=10)  # the sweep retried it
    await outbox_drained(coach)

    first, second = sends_to(coach, ALICE)
    assert (first.status, second.status) == (500, 200)
    assert first.params["text"] == second.params["text"]  # the same message, again
    # Delivered once: a further sweep finds nothing more to send.
    assert await coach.runtime.outbox.sweep() == 0
    [delivered] = texts_in(coach, ALICE)
    assert HELP_MARK in delivered
    assert len(sends_to(coach, ALICE)) == 2


async def fail_until_given_up(coach: CoachHarness) -> None:
    """/help's reply gets a 502 on every one of its MAX_TRIES tries while /about's reply
    queues behind it; retried by hand until /help's reply is dropped."""
    drive_retries_by_hand(coach, backoff_base=0.001)
    coach.emulator.inject_fault("sendMessage", chat_id=ALICE, status=502, times=MAX_TRIES)
    await coach.say(ALICE, "/help")  # first try, straight after the turn: 502
    await coach.say(ALICE, "/about")  # its reply queues behind the failing one
    assert len(sends_to(coach, ALICE)) == 1
    assert len(await outbox_ids(coach)) == 2
    for _ in range(300):  # a few seconds at most
        await coach.runtime.outbox.sweep()
        if len(await outbox_ids(coach)) < 2:
            break
        await asyncio.sleep(0.01)
    calls = sends_to(coach, ALICE)
    # The failing reply was tried exactly MAX_TRIES times, never more, then dropped.
    assert [call.status for call in calls] == [502] * MAX_TRIES
    assert all(HELP_MARK in str(call.params["text"]) for call in calls)
    assert len(await outbox_ids(coach)) == 1
    assert texts_in(coach, ALICE) == []


async def test_a_reply_that_keeps_failing_is_given_up_and_the_chat_moves_on(
    coach: CoachHarness,
) -> None:
    await fail_until_given_up(coach)
    # /about's reply is not held up forever: it goes out (once the claim from the failed
    # round runs out, at most a lease later: 1 s here).
    for _ in range(300):
        await coach.runtime.outbox.sweep()
        if texts_in(coach, ALICE):
            break
        await asyncio.sleep(0.01)
    [delivered] = texts_in(coach, ALICE)
    assert ABOUT_MARK in delivered
    assert [call.status for call in sends_to(coach, ALICE)[MAX_TRIES:]] == [200]
    assert await outbox_ids(coach) == []

    # The chat is not stuck: a new message is answered straight away.
    replies = await coach.say(ALICE, "/help")
    assert HELP_MARK in texts_of(replies)


async def test_after_giving_up_the_next_reply_goes_at_the_next_sweep(database_url: str) -> None:
    async with CoachHarness(
        database_url, migrate_first=False, coach_rate_limit=Switch.OFF
    ) as coach:  # the default lease
        await fail_until_given_up(coach)
        await asyncio.sleep(0.3)  # past /about's back-off from the last failed round
        await coach.runtime.outbox.sweep()
        assert any(ABOUT_MARK in text for text in texts_in(coach, ALICE))


async def test_a_later_reply_waits_for_one_being_retried(coach: CoachHarness) -> None:
    drive_retries_by_hand(coach, backoff_base=30)  # the retry is a minute away
    coach.emulator.inject_fault("sendMessage", chat_id=ALICE, status=502, times=1)
    await coach.say(ALICE, "/help")  # 502: /help's reply waits for its retry
    await coach.say(ALICE, "/about")
    await coach.runtime.outbox.sweep()
    assert texts_in(coach, ALICE) == []  # /about's reply must not overtake /help's

    # Make the retry due: both go out, in order.
    async with coach.runtime.deps.db.transaction() as session:
        await session.execute(update(OutboxMessage).values(not_before=None))
    await coach.runtime.outbox.sweep()
    help_text, about_text = texts_in(coach, ALICE)
    assert HELP_MARK in help_text and ABOUT_MARK in about_text
