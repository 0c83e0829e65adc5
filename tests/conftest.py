"""Shared fixtures: fresh databases (SQLite always, PostgreSQL when TEST_DATABASE_URL is set)."""

from __future__ import annotations

import asyncio
import logging
import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine

from bot.config import normalise_database_url, sqlite_url_for
from bot.db import migrate

# Opt in to PTB 23's behaviour now (RetryAfter.retry_after as a timedelta), as `coach` does.
os.environ.setdefault("PTB_TIMEDELTA", "1")

POSTGRES_URL = os.environ.get("TEST_DATABASE_URL", "").strip()
BACKENDS = ["sqlite", "postgres"] if POSTGRES_URL else ["sqlite"]


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return sqlite_url_for(tmp_path / "coach.sqlite3")


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A brand-new, empty PostgreSQL database for one test, dropped afterwards."""
    if not POSTGRES_URL:
        pytest.skip("TEST_DATABASE_URL is not set")
    yield from _fresh_postgres()


def _fresh_postgres(template: str | None = None) -> Iterator[str]:
    """A new database on the PostgreSQL server, copied from `template` when given (a copy
    of a migrated database takes a fraction of the time migrating does)."""
    base = make_url(normalise_database_url(POSTGRES_URL))
    name = f"coach_test_{uuid.uuid4().hex[:12]}"
    copy = f' TEMPLATE "{template}"' if template else ""
    _postgres_admin(f'CREATE DATABASE "{name}"{copy}')
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        _postgres_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _postgres_admin(statement: str) -> None:
    async def run() -> None:
        base = make_url(normalise_database_url(POSTGRES_URL))
        engine = create_async_engine(base, isolation_level="AUTOCOMMIT")
        try:
            async with engine.connect() as connection:
                await connection.execute(text(statement))
        finally:
            await engine.dispose()

    asyncio.run(run())


@pytest.fixture(scope="session")
def postgres_template() -> Iterator[str]:
    """One PostgreSQL database migrated to head per test session, for fast copies."""
    for url in _fresh_postgres():
        migrate.upgrade(url)
        name = make_url(url).database
        assert name is not None
        yield name


@pytest.fixture(params=BACKENDS)
def empty_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database on each available backend (no tables)."""
    if request.param == "sqlite":
        yield sqlite_url_for(tmp_path / "coach.sqlite3")
    else:
        yield from _fresh_postgres()


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A migrated database on each available backend."""
    if request.param == "sqlite":
        path = tmp_path / "coach.sqlite3"
        shutil.copyfile(request.getfixturevalue("migrated_template"), path)
        yield sqlite_url_for(path)
    else:
        yield from _fresh_postgres(template=request.getfixturevalue("postgres_template"))


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One SQLite file migrated to head, copied for each test (migrating takes longer)."""
    path = tmp_path_factory.mktemp("template") / "coach.sqlite3"
    migrate.upgrade(sqlite_url_for(path))
    return path


@pytest.fixture
def migrated_sqlite_url(migrated_template: Path, tmp_path: Path) -> str:
    """A fresh, migrated SQLite database for one test."""
    path = tmp_path / "coach.sqlite3"
    shutil.copyfile(migrated_template, path)
    return sqlite_url_for(path)


@pytest.fixture(scope="session")
def coach_texts_keys() -> set[str]:
    from bot.texts import load_texts

    return set(load_texts().keys())


class Errors(logging.Handler):
    """Every ERROR (or worse) line, from any logger."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.name}: {record.getMessage()}")


@pytest.fixture
def errors() -> Iterator[Errors]:
    handler = Errors()
    logging.getLogger().addHandler(handler)
    try:
        yield handler
    finally:
        logging.getLogger().removeHandler(handler)
