"""Two scheduling passes at once (two processes, or the tick and `coach tick`) never send the
same nudge: each due person gets exactly one. On SQLite and on PostgreSQL."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, time, timedelta

from sqlalchemy import select

from bot.config import Settings
from bot.db.models import User
from bot.db.session import Database
from bot.sandbox.emulator import EmulatorConfig, TelegramEmulator
from bot.sandbox.harness import SANDBOX_TOKEN
from bot.services import profile
from bot.telegram.app import CoachRuntime

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
ZONES = ["Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Sydney", "UTC"]
PEOPLE = 120


async def seed_due_people(database_url: str) -> list[int]:
    """People whose nudge fell due in the last hour, in several zones."""
    database = Database(database_url)
    ids = list(range(10_000, 10_000 + PEOPLE))
    async with database.transaction() as session:
        for number, user_id in enumerate(ids):
            user = User(
                id=user_id,
                chat_id=user_id,
                first_name=f"P{number}",
                timezone=ZONES[number % len(ZONES)],
                nudge_time=time(9, 0),
                onboarded_at=NOW - timedelta(days=3),
                created_at=NOW - timedelta(days=3),
                updated_at=NOW,
            )
            user.next_nudge_at = NOW - timedelta(minutes=number % 50)
            session.add(user)
    await database.dispose()
    return ids


def runtime(emulator: TelegramEmulator, database_url: str, batch: int = 10) -> CoachRuntime:
    settings = Settings(
        _env_file=None,
        telegram_bot_token=SANDBOX_TOKEN,
        telegram_api_base_url=emulator.base_url,
        database_url=database_url,
    )
    # Small batches, so two passes really interleave and compete for the same rows.
    return CoachRuntime(settings, clock=lambda: NOW, scheduler_batch=batch)


async def test_two_concurrent_passes_send_each_nudge_once(database_url: str) -> None:
    async with TelegramEmulator(EmulatorConfig(history_limit=10)) as emulator:
        ids = await seed_due_people(database_url)
        for user_id in ids:
            emulator.add_user(user_id, "P")
        first, second = runtime(emulator, database_url), runtime(emulator, database_url)
        reports = await asyncio.gather(first.tick_once(NOW), second.tick_once(NOW))
        counts = {user_id: emulator.message_count(user_id) for user_id in ids}
    assert set(counts.values()) == {1}, {k: v for k, v in counts.items() if v != 1}
    assert sum(report.nudges for report in reports) == PEOPLE
    print("nudges per pass:", [report.nudges for report in reports])
    assert all(report.nudges > 0 for report in reports)  # both passes did real work

    database = Database(database_url)
    async with database.sessions() as session:
        users = list(await session.scalars(select(User).where(User.id.in_(ids))))
    await database.dispose()
    for user in users:
        assert user.last_nudge_at == NOW
        assert user.next_nudge_at is not None and user.next_nudge_at > NOW
        # The next one is exactly the person's next local 09:00 after today.
        expected = profile.next_nudge_for(user, NOW)
        assert user.next_nudge_at == expected


async def test_a_second_pass_at_the_same_instant_sends_nothing(database_url: str) -> None:
    async with TelegramEmulator(EmulatorConfig(history_limit=10)) as emulator:
        ids = await seed_due_people(database_url)
        for user_id in ids:
            emulator.add_user(user_id, "P")
        await runtime(emulator, database_url).tick_once(NOW)
        again = await runtime(emulator, database_url).tick_once(NOW + timedelta(minutes=1))
        assert again.nudges == 0
        assert {emulator.message_count(user_id) for user_id in ids} == {1}
