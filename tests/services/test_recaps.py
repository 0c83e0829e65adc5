"""Weekly recaps at scale: exactly once per person and week across concurrent passes, and a
fixed number of SQL statements per batch, whatever its size. SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, time, timedelta
from typing import Any

from sqlalchemy import event, func, select, update

from bot.config import Settings
from bot.db.models import Attempt, Recap, User
from bot.db.session import Database
from bot.sandbox.emulator import EmulatorConfig, TelegramEmulator
from bot.sandbox.harness import SANDBOX_TOKEN
from bot.telegram.app import CoachRuntime

# Sunday 22 Nov 2026, 18:00 UTC; everyone below lives in UTC for simple arithmetic.
RECAP_AT = datetime(2026, 11, 22, 18, 0, tzinfo=UTC)
WEEK = datetime(2026, 11, 16, 9, 0, tzinfo=UTC)


async def seed(
    database_url: str, people: int, first_id: int, *, asks: Any = lambda number: number % 5
) -> list[int]:
    database = Database(database_url)
    ids = list(range(first_id, first_id + people))
    async with database.transaction() as session:
        for user_id in ids:
            session.add(
                User(
                    id=user_id,
                    chat_id=user_id,
                    first_name="Pat",
                    timezone="UTC",
                    nudge_time=time(9, 0),
                    onboarded_at=WEEK - timedelta(days=7),
                    next_recap_at=RECAP_AT,
                    created_at=WEEK - timedelta(days=7),
                    updated_at=WEEK,
                )
            )
        await session.flush()
        for number, user_id in enumerate(ids):
            for day in range(asks(number)):  # weeks with 3+ asks get a chart
                session.add(
                    Attempt(
                        user_id=user_id,
                        status="logged",
                        outcome="no" if day % 2 else "yes",
                        predicted_no_pct=70,
                        anxiety_before=7.0,
                        anxiety_after=3.0,
                        lesson="still here" if day == 0 else None,
                        created_at=WEEK + timedelta(days=day),
                        completed_at=WEEK + timedelta(days=day),
                        updated_at=WEEK,
                    )
                )
    await database.dispose()
    return ids


def runtime(emulator: TelegramEmulator, database_url: str, batch: int) -> CoachRuntime:
    settings = Settings(
        _env_file=None,
        telegram_bot_token=SANDBOX_TOKEN,
        telegram_api_base_url=emulator.base_url,
        database_url=database_url,
    )
    return CoachRuntime(settings, clock=lambda: RECAP_AT, scheduler_batch=batch)


async def recap_rows(database_url: str, ids: list[int]) -> list[tuple[int, int]]:
    database = Database(database_url)
    async with database.sessions() as session:
        rows = await session.execute(
            select(Recap.user_id, func.count())
            .where(Recap.user_id.in_(ids))
            .group_by(Recap.user_id)
        )
        found = [(user_id, count) for user_id, count in rows]
    await database.dispose()
    return found


async def test_exactly_one_recap_per_person_and_week(database_url: str) -> None:
    async with TelegramEmulator(EmulatorConfig(history_limit=10)) as emulator:
        ids = await seed(
            database_url, 60, 20_000, asks=lambda number: number % 5 if number < 10 else 1
        )
        for user_id in ids:
            emulator.add_user(user_id, "Pat")
        passes = [runtime(emulator, database_url, batch=7) for _ in range(2)]
        reports = await asyncio.gather(*(one.tick_once(RECAP_AT) for one in passes))
        assert sum(report.recaps for report in reports) == 60
        texts = {user_id: emulator.message_count(user_id) for user_id in ids}

        # Simulate a lost schedule (a restore from an old backup): the row is due again,
        # but the week already has its recap, so nothing more is sent.
        database = Database(database_url)
        async with database.transaction() as session:
            await session.execute(
                update(User).where(User.id.in_(ids)).values(next_recap_at=RECAP_AT)
            )
        await database.dispose()
        again = await runtime(emulator, database_url, batch=500).tick_once(RECAP_AT)
        assert again.recaps == 0
        assert {user_id: emulator.message_count(user_id) for user_id in ids} == texts

    assert sorted(await recap_rows(database_url, ids)) == [(user_id, 1) for user_id in ids]
    # A chart came with every week that had at least three asks (and only those).
    for number, user_id in enumerate(ids):
        assert texts[user_id] == (2 if number < 10 and number % 5 >= 3 else 1)


def few_charts(number: int) -> int:
    """Mostly one ask, and every 50th person four (drawing charts is the slow part)."""
    return 4 if number % 50 == 0 else 1


async def count_statements(database_url: str, people: int, first_id: int) -> int:
    async with TelegramEmulator(EmulatorConfig(history_limit=0)) as emulator:
        ids = await seed(database_url, people, first_id, asks=few_charts)
        for user_id in ids:
            emulator.add_user(user_id, "Pat")
        coach = runtime(emulator, database_url, batch=500)
        await coach.application.initialize()
        await coach.post_init(coach.application)
        statements: list[str] = []

        def record(*args: Any) -> None:
            statements.append(str(args[2]))

        engine = coach.deps.db.engine.sync_engine
        event.listen(engine, "before_cursor_execute", record)
        try:
            async with coach.deps.db.transaction():
                pass
            statements.clear()
            report = await coach.scheduler.run_pass(RECAP_AT)
        finally:
            event.remove(engine, "before_cursor_execute", record)
            await coach.application.shutdown()
            await coach.post_shutdown(coach.application)
        assert report.recaps == people
    # Composing costs a fixed number of statements. Delivery is left out: acknowledging
    # sent messages (rows deleted as sends finish) and renewing the claim on rows still
    # being sent both depend on how long sending takes, not on how many people there are;
    # a drawn chart is kept on its row (one UPDATE per chart, however many people).
    delivery = (
        "DELETE FROM outbox",
        "UPDATE outbox SET claimed_until",
        "UPDATE outbox SET file",
        "BEGIN",
        "SELECT 1",
    )
    composing = [statement for statement in statements if not statement.startswith(delivery)]
    return len(composing)


async def test_a_batch_costs_the_same_number_of_statements_for_10_or_200_people(
    database_url: str,
) -> None:
    small = await count_statements(database_url, 10, 30_000)
    large = await count_statements(database_url, 200, 40_000)
    assert small == large
    assert small <= 20  # a whole pass: nudges, follow-ups and recaps, each a few statements
