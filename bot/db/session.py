"""Engine and session factory. Made once in the composition root, disposed on shutdown."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError, SQLAlchemyError
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

SQLITE_BUSY_TIMEOUT_MS = 15_000


def create_engine(
    url: str, *, echo: bool = False, pool_size: int = 10, sqlite_foreign_keys: bool = True
) -> AsyncEngine:
    """An async engine tuned for the backend.

    SQLite: WAL so readers never block the writer, foreign keys on (so /delete cascades),
    a busy timeout so a second process waits instead of failing, and BEGIN IMMEDIATE so a
    transaction takes the write lock up front. Without that, two transactions that read
    and then write can deadlock, and SQLite answers one of them "database is locked" at
    once instead of waiting.
    Migrations pass sqlite_foreign_keys=False: Alembic's batch mode recreates tables, and
    with foreign keys on, dropping the old copy would cascade-delete the children.
    PostgreSQL: pre-ping, so the pool recovers by itself after the server restarts.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_async_engine(url, echo=echo)
        _tune_sqlite(engine, foreign_keys=sqlite_foreign_keys)
        return engine
    return create_async_engine(
        url, echo=echo, pool_pre_ping=True, pool_size=pool_size, max_overflow=pool_size
    )


def _tune_sqlite(engine: AsyncEngine, *, foreign_keys: bool) -> None:
    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event emit BEGIN itself (pysqlite would defer it).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def make_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    # expire_on_commit=False: values read in a transaction stay usable after commit,
    # when we render replies; nothing reloads lazily behind our back.
    return async_sessionmaker(engine, expire_on_commit=False)


class Database:
    """The engine, its session factory, and one way to run a unit of work.

    On SQLite only one transaction can write at a time. Queuing our own transactions on
    an asyncio lock keeps them in order inside the process, instead of letting them spin
    in SQLite's busy handler (which sleeps in growing steps and wrecks latency). Other
    processes (`coach tick`) still wait on the busy timeout.
    """

    def __init__(self, url: str, *, echo: bool = False, pool_size: int = 10) -> None:
        self.url = url
        self.engine = create_engine(url, echo=echo, pool_size=pool_size)
        self.sessions = make_sessionmaker(self.engine)
        self.is_sqlite = self.engine.dialect.name == "sqlite"
        self._write_lock = asyncio.Lock() if self.is_sqlite else None

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncSession]:
        """One transaction: committed when the block ends, rolled back if it raises."""
        async with self._serialised(), self.sessions() as session, session.begin():
            yield session

    @asynccontextmanager
    async def _serialised(self) -> AsyncIterator[None]:
        if self._write_lock is None:
            yield
            return
        async with self._write_lock:
            yield

    async def ping(self) -> bool:
        """True when the database answers (for /healthz and recovery checks)."""
        try:
            async with self.engine.connect() as connection:
                await connection.exec_driver_sql("SELECT 1")
        except (OSError, SQLAlchemyError):
            return False
        return True

    async def dispose(self) -> None:
        await self.engine.dispose()


def dialect_of(session: AsyncSession) -> str:
    """ "sqlite" or "postgresql": for the few queries that must differ."""
    return session.get_bind().dialect.name


def is_transient(error: BaseException) -> bool:
    """True for "the database is away or busy" (worth retrying later), False for bugs
    such as a constraint violation or a missing column, which no retry will fix."""
    if isinstance(error, OSError | TimeoutError | ConnectionError):
        return True
    if isinstance(error, DBAPIError) and error.connection_invalidated:
        return True
    if isinstance(error, InterfaceError):
        return True
    if isinstance(error, OperationalError):
        message = str(error.orig).lower() if error.orig is not None else ""
        return not any(marker in message for marker in _PERMANENT_MARKERS)
    return False


# OperationalErrors that are really programming errors (SQLite reports these as such).
_PERMANENT_MARKERS = ("no such table", "no such column", "syntax error", "has no column")
