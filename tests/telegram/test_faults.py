"""Faults through the emulator: 429, 5xx, timeouts, "not modified", slow chats, and a
database that goes away for a while. The bot keeps running and nothing is lost."""

from __future__ import annotations

import asyncio
import sqlite3
import time
from pathlib import Path

from bot.sandbox.harness import CoachHarness, texts_of
from tests.telegram.helpers import attempts_of, idea_message, onboard

ALICE, BOB = 9001, 9002


async def test_retry_after_on_a_reply_is_honoured(coach: CoachHarness) -> None:
    coach.emulator.inject_fault("sendMessage", chat_id=ALICE, status=429, retry_after=1)
    started = time.monotonic()
    receipt = coach.emulator.send_text(ALICE, "/help")
    await coach.emulator.wait_for_messages(ALICE, 1, timeout=15)
    assert time.monotonic() - started >= 0.9
    assert receipt.message is not None
    assert "/idea" in texts_of(coach.bot_messages_after(ALICE, receipt.message.message_id))


async def test_bad_gateway_twice_then_delivered_in_order(coach: CoachHarness) -> None:
    coach.emulator.inject_fault("sendMessage", chat_id=ALICE, status=502, times=2)
    coach.emulator.send_text(ALICE, "/help")
    coach.emulator.send_text(ALICE, "/about")
    await coach.emulator.wait_until(lambda: len(coach.emulator.messages(ALICE)) >= 2, timeout=20)
    help_text, about_text = coach.emulator.messages(ALICE)[:2]
    assert "/idea" in (help_text.text or "")
    assert "Jason Comely" in (about_text.text or "")  # order kept across the retries


async def test_a_timeout_is_retried(sqlite_url: str) -> None:
    async with CoachHarness(sqlite_url, coach_send_timeout=1.0) as coach:
        coach.emulator.inject_fault("sendMessage", chat_id=ALICE, delay=3.0, deliver=False)
        coach.emulator.send_text(ALICE, "/help")
        await coach.emulator.wait_for_messages(ALICE, 1, timeout=20)
        assert "/idea" in (coach.emulator.messages(ALICE)[0].text or "")


async def test_message_not_modified_is_ignored(coach: CoachHarness) -> None:
    await onboard(coach, ALICE)
    idea_message(await coach.say(ALICE, "/idea"))
    coach.emulator.inject_fault(
        "editMessageReplyMarkup",
        chat_id=ALICE,
        status=400,
        description="Bad Request: message is not modified: specified new message content and "
        "reply markup are exactly the same as a current content and reply markup of the message",
    )
    replies = await coach.tap(ALICE, "I'll try it")
    assert "how likely" in texts_of(replies)
    assert "Sorry" not in texts_of(replies)
    await coach.tap(ALICE, "50%")
    [attempt] = await attempts_of(coach, ALICE)
    assert attempt.predicted_no_pct == 50


async def test_one_slow_chat_does_not_hold_up_others(coach: CoachHarness) -> None:
    coach.emulator.set_latency(ALICE, 2.0)
    for command in ("/help", "/about", "/help"):
        coach.emulator.send_text(ALICE, command)
    started = time.monotonic()
    coach.emulator.send_text(BOB, "/help")
    await coach.emulator.wait_for_messages(BOB, 1, timeout=10)
    assert time.monotonic() - started < 1.5  # Bob is not stuck behind Alice
    await coach.emulator.wait_for_messages(ALICE, 3, timeout=20)
    texts = [m.text or "" for m in coach.emulator.messages(ALICE)]
    assert "/idea" in texts[0] and "Jason Comely" in texts[1] and "/idea" in texts[2]


async def test_a_locked_sqlite_database_delays_but_loses_nothing(
    coach: CoachHarness, migrated_sqlite_url: str
) -> None:
    await onboard(coach, ALICE)
    path = Path(migrated_sqlite_url.split(":///", 1)[1])
    locker = sqlite3.connect(path, timeout=1, isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")
    try:
        coach.emulator.send_text(ALICE, "asked for a discount, got a no, 7 -> 3")
        await asyncio.sleep(2.5)  # the bot waits on the lock meanwhile
    finally:
        locker.execute("COMMIT")
        locker.close()
    await coach.emulator.wait_until(
        lambda: any("Logged" in (m.text or "") for m in coach.emulator.messages(ALICE)),
        timeout=30,
    )
    [attempt] = await attempts_of(coach, ALICE)
    assert attempt.outcome == "no"
