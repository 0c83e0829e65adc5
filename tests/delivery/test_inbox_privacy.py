"""The inbox is no message log: an update's content is cleared as it is processed (in the
same transaction), and the bare row (id and digest, kept so a redelivery is not run twice)
is deleted once Telegram can no longer redeliver it. Only what the person chose to log
stays."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import select
from telegram import Update
from telegram.ext import CommandHandler

from bot.config import Switch
from bot.db.models import Base, InboxUpdate, OutboxMessage
from bot.delivery.inbox import PROCESSED_RETENTION
from bot.sandbox.harness import CoachHarness, MutableClock, texts_of
from bot.telegram.context import CoachContext
from tests.telegram.helpers import attempts_of, onboard

ALICE, BOB = 7301, 7302
SECRET = "zanzibar-marmalade"  # said in passing, never logged as an ask
LOGGED = "asked the florist for a discount"


async def inbox_rows(coach: CoachHarness) -> list[Any]:
    async with coach.runtime.deps.db.sessions() as session:
        return list(
            (
                await session.execute(
                    select(
                        InboxUpdate.update_id,
                        InboxUpdate.chat_id,
                        InboxUpdate.payload,
                        InboxUpdate.processed_at,
                    ).order_by(InboxUpdate.update_id)
                )
            ).all()
        )


async def everything_stored(coach: CoachHarness) -> str:
    """Every value in every table of the bot's database, as one string to search."""
    found: list[str] = []
    async with coach.runtime.deps.db.sessions() as session:
        for table in Base.metadata.sorted_tables:
            for row in (await session.execute(select(table))).all():
                found.extend(repr(value) for value in row)
    return "\n".join(found)


async def explode(_update: Update, _ctx: CoachContext) -> None:
    raise RuntimeError("a handler bug")


async def test_processed_updates_keep_no_content(database_url: str) -> None:
    async with CoachHarness(
        database_url, migrate_first=False, coach_rate_limit=Switch.OFF
    ) as coach:
        await onboard(coach, ALICE)
        await coach.say(ALICE, f"by the way, my secret word is {SECRET}")
        replies = await coach.say(ALICE, f"{LOGGED}, got a no, 7 -> 3")
        assert "Logged" in texts_of(replies)
        coach.runtime.application.add_handler(CommandHandler("boom", explode), group=-2)
        await coach.say(BOB, f"/boom {SECRET}")  # a turn that fails is cleared too

        rows = await inbox_rows(coach)
        # onboarding (3 messages, 2 taps), the aside, the ask, Bob's /boom
        assert len(rows) == 8
        assert {row.chat_id for row in rows} == {ALICE, BOB}
        assert all(row.processed_at is not None for row in rows)
        assert [row.payload for row in rows] == [None] * len(rows)

        # Nothing anywhere keeps what was said in passing; what Alice logged is kept
        # (which also shows the search below really sees the stored values).
        stored = await everything_stored(coach)
        assert SECRET not in stored
        assert LOGGED in stored
        [attempt] = await attempts_of(coach, ALICE)
        assert attempt.description == LOGGED

        # Sent replies are not kept either.
        async with coach.runtime.deps.db.sessions() as session:
            assert (await session.execute(select(OutboxMessage.id))).all() == []


async def test_processed_rows_are_purged_after_the_redelivery_window(database_url: str) -> None:
    async with CoachHarness(database_url, migrate_first=False) as coach:
        assert isinstance(coach.clock, MutableClock)
        jobs = coach.runtime.application.job_queue
        assert jobs is not None
        assert jobs.get_jobs_by_name("inbox-purge")  # the purge really runs, hourly

        await coach.say(ALICE, "/help")
        await coach.say(ALICE, "/about")
        assert len(await inbox_rows(coach)) == 2

        # Within the window the ids stay (a redelivered update must not run twice) ...
        coach.clock.advance(PROCESSED_RETENTION - timedelta(minutes=1))
        assert await coach.runtime.inbox.purge() == 0
        assert len(await inbox_rows(coach)) == 2
        # ... and once Telegram can no longer redeliver, they are gone.
        coach.clock.advance(timedelta(minutes=2))
        await coach.say(BOB, "/help")  # processed now: not purged with the old ones
        assert await coach.runtime.inbox.purge() == 2
        [left] = await inbox_rows(coach)
        assert left.chat_id == BOB
        assert left.payload is None
