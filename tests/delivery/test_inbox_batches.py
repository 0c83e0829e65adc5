"""A chat's waiting updates run as one transaction per batch: each recorded once, replies
in order, and a failing update given up on alone (the rest of its batch is kept)."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import event, func, select
from telegram import Update
from telegram.ext import CommandHandler

from bot.db.models import InboxUpdate
from bot.sandbox.harness import CoachHarness
from bot.telegram.context import CoachContext
from tests.telegram.helpers import attempts_of, onboard

pytestmark = pytest.mark.usefixtures("database_url")

ALICE, BOB = 2101, 2102


async def explode(_update: Update, _ctx: CoachContext) -> None:
    raise RuntimeError("boom")


def _count_commits(coach: CoachHarness) -> list[int]:
    commits = [0]

    def counted(_connection: Any) -> None:
        commits[0] += 1

    event.listen(coach.runtime.deps.db.engine.sync_engine, "commit", counted)
    return commits


async def _unprocessed(coach: CoachHarness) -> int:
    async with coach.runtime.deps.db.sessions() as session:
        count = await session.scalar(
            select(func.count()).select_from(InboxUpdate).where(InboxUpdate.processed_at.is_(None))
        )
    return int(count or 0)


async def test_a_burst_is_recorded_once_in_few_transactions(coach: CoachHarness) -> None:
    await onboard(coach, ALICE)
    commits = _count_commits(coach)
    for score in range(10):
        coach.emulator.send_text(ALICE, f"asked for a discount, got a no, 7 -> {score}")
    await coach.settle()

    recorded = await attempts_of(coach, ALICE)
    # Each exactly once, in the order sent.
    assert [attempt.anxiety_after for attempt in recorded] == list(range(10))
    assert await _unprocessed(coach) == 0
    # One per update would be 10 turns plus their acknowledgements.
    assert commits[0] < 10


async def test_a_failing_update_in_a_batch_is_given_up_on_alone(coach: CoachHarness) -> None:
    coach.runtime.application.add_handler(CommandHandler("boom", explode), group=-2)
    await onboard(coach, ALICE)
    await onboard(coach, BOB)
    coach.emulator.send_text(ALICE, "asked for a discount, got a no, 7 -> 1")
    coach.emulator.send_text(BOB, "asked for a raise, got a no, 8 -> 4")
    coach.emulator.send_text(ALICE, "/boom")
    coach.emulator.send_text(ALICE, "asked for a refund, got a no, 6 -> 2")
    await coach.settle()

    assert [a.anxiety_after for a in await attempts_of(coach, ALICE)] == [1, 2]
    assert [a.anxiety_after for a in await attempts_of(coach, BOB)] == [4]
    assert await _unprocessed(coach) == 0
    texts = [message.text or "" for message in coach.emulator.messages(ALICE)]
    apology = next(i for i, text in enumerate(texts) if "Sorry" in text or "Oops" in text)
    first = next(i for i, text in enumerate(texts) if "discount" in text)
    last = next(i for i, text in enumerate(texts) if "refund" in text)
    assert first < apology < last  # the replies keep the order of the messages
