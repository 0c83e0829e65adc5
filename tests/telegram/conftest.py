"""Handler tests: the real runtime in-process, talking HTTP to the emulator."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.sandbox.harness import CoachHarness


@pytest.fixture
def coach_database_url(request: pytest.FixtureRequest) -> str:
    """SQLite; every backend (SQLite, and PostgreSQL when TEST_DATABASE_URL is set) in a module
    that marks itself `pytestmark = pytest.mark.usefixtures("database_url")`. A plain
    fixture, so the databases are prepared before the harness's event loop runs."""
    if "database_url" in request.fixturenames:
        return str(request.getfixturevalue("database_url"))
    return str(request.getfixturevalue("migrated_sqlite_url"))


@pytest.fixture
async def coach(coach_database_url: str) -> AsyncIterator[CoachHarness]:
    async with CoachHarness(coach_database_url, migrate_first=False) as harness:
        yield harness


DASHBOARD_URL = "https://coach.example.org/app/"


@pytest.fixture
async def coach_with_dashboard(coach_database_url: str) -> AsyncIterator[CoachHarness]:
    """The coach with its Mini App served (a public https address, as in production)."""
    async with CoachHarness(
        coach_database_url,
        migrate_first=False,
        webapp_url=DASHBOARD_URL,
        webapp_listen="127.0.0.1",
        webapp_port=0,
    ) as harness:
        yield harness
