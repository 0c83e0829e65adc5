"""Handler tests: the real runtime in-process, talking HTTP to the emulator."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.sandbox.harness import CoachHarness


@pytest.fixture
async def coach(migrated_sqlite_url: str) -> AsyncIterator[CoachHarness]:
    async with CoachHarness(migrated_sqlite_url, migrate_first=False) as harness:
        yield harness
