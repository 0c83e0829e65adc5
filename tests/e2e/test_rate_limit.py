"""Telegram allows about 30 messages a second overall. With the rate limiter on (the
default), a fan-out stays under that: the emulator enforces 30/s on a rolling window, like
Telegram, and answers 429 to anything over it. Zero 429s, everyone nudged once."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import insert

from bot.db import migrate
from bot.db.models import User, table
from bot.db.session import Database
from bot.sandbox.emulator import EmulatorConfig, FloodControl
from bot.sandbox.threaded import ThreadedEmulator
from tests.e2e.support import coach_env

pytestmark = pytest.mark.e2e
PEOPLE = 75  # two and a half seconds of Telegram's budget
FIRST_ID = 8300
DUE = datetime(2026, 11, 27, 8, 0, tzinfo=UTC)


async def seed(database_url: str) -> None:
    database = Database(database_url)
    async with database.transaction() as session:
        await session.execute(
            insert(table(User)),
            [
                {
                    "id": user_id,
                    "chat_id": user_id,
                    "first_name": "Kai",
                    "timezone": "UTC",
                    "onboarded_at": DUE - timedelta(days=3),
                    "next_nudge_at": DUE,
                    "weekly_cap": 0,
                    "created_at": DUE - timedelta(days=3),
                    "updated_at": DUE,
                }
                for user_id in range(FIRST_ID, FIRST_ID + PEOPLE)
            ],
        )
    await database.dispose()


def test_a_fan_out_stays_under_telegrams_30_a_second(sqlite_url: str, tmp_path: Path) -> None:
    migrate.upgrade(sqlite_url)
    asyncio.run(seed(sqlite_url))
    flood = FloodControl(max_per_second=30)
    with (
        ThreadedEmulator(EmulatorConfig(flood=flood)) as emulator,
        emulator.client(timeout=30) as control,
    ):
        for user_id in range(FIRST_ID, FIRST_ID + PEOPLE):
            control.add_user(user_id, "Kai")
        env = coach_env(emulator, sqlite_url)  # COACH_RATE_LIMIT is on by default
        result = subprocess.run(
            [sys.executable, "-m", "bot", "tick", "--at", DUE.isoformat()],
            env=env,
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        stats = control.stats()
    assert stats.flood_429s == 0
    assert stats.calls_by_method["sendMessage"] == PEOPLE
    window = stats.last_call_at["sendMessage"] - stats.first_call_at["sendMessage"]
    assert (PEOPLE - 1) / window <= 30  # paced, not merely lucky
