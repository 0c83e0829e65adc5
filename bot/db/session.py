"""Engine and session factory. Made once in the composition root, disposed on shutdown."""

from __future__ import annotations

import asyncio
import sqlite3
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Executable, event
from sqlalchemy.dialects.sqlite.aiosqlite import AsyncAdapt_aiosqlite_dbapi
from sqlalchemy.engine import make_url
from sqlalchemy.exc import (
    DBAPIError,
    DisconnectionError,
    InterfaceError,
    OperationalError,
    SQLAlchemyError,
)
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from bot.db import inline_sqlite

# How long a writer waits, in all, for another process to release SQLite's write lock.
SQLITE_WRITE_WAIT_SECONDS = 15.0
# Each attempt waits this long inside SQLite. Inline calls block the event loop, so keep it
# short and do the rest of the waiting asynchronously (see Database.transaction).
SQLITE_BUSY_TIMEOUT_MS = 25
# Alembic runs before the bot serves anyone: it may simply wait inside SQLite.
SQLITE_MIGRATION_BUSY_TIMEOUT_MS = 15_000
# Connections marked with this execution option begin with BEGIN IMMEDIATE.
WRITE = "coach_write"
# PostgreSQL: a pooled connection idle for longer than this is pinged before it is used.
# One used more recently is not: a ping on every checkout is a round trip on every
# transaction (three per busy-hour message), and if the server went away in between, the
# statement fails as a disconnect, SQLAlchemy discards the whole pool, and the caller's
# retry (the inbox, the outbox, Telegram's redelivery) runs on fresh connections.
PING_AFTER_IDLE_SECONDS = 5.0


def create_engine(
    url: str,
    *,
    echo: bool = False,
    pool_size: int = 10,
    sqlite_foreign_keys: bool = True,
    sqlite_busy_timeout_ms: int = SQLITE_BUSY_TIMEOUT_MS,
) -> AsyncEngine:
    """An async engine tuned for the backend.

    SQLite: calls run inline on the event loop (bot.db.inline_sqlite), in WAL mode so
    readers never block the writer, with foreign keys on (so /delete cascades). Write
    transactions start with BEGIN IMMEDIATE: they take the write lock up front, because two
    transactions that read and then write can deadlock, and SQLite answers one of them
    "database is locked" at once instead of waiting. Read-only sessions use a plain BEGIN.
    Migrations pass sqlite_foreign_keys=False: Alembic's batch mode recreates tables, and
    with foreign keys on, dropping the old copy would cascade-delete the children.
    PostgreSQL: connections that sat idle are pinged before use, so the pool recovers by
    itself after the server restarts (see PING_AFTER_IDLE_SECONDS).
    Both: `hide_parameters`, so an error (or SQL echo) never prints what people wrote.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_async_engine(
            url,
            echo=echo,
            hide_parameters=True,
            module=AsyncAdapt_aiosqlite_dbapi(inline_sqlite, sqlite3),
        )
        _tune_sqlite(engine, foreign_keys=sqlite_foreign_keys, busy_ms=sqlite_busy_timeout_ms)
        return engine
    engine = create_async_engine(
        url, echo=echo, hide_parameters=True, pool_size=pool_size, max_overflow=pool_size
    )
    _ping_when_idle(engine, PING_AFTER_IDLE_SECONDS)
    return engine


def _ping_when_idle(engine: AsyncEngine, idle_seconds: float) -> None:
    """Pool pre-ping, only for connections that sat idle for `idle_seconds` or more."""
    dialect = engine.dialect

    @event.listens_for(engine.sync_engine, "checkin")
    def _on_checkin(_dbapi_connection: Any, record: Any) -> None:
        record.info["idle_since"] = time.monotonic()

    @event.listens_for(engine.sync_engine, "checkout")
    def _on_checkout(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        idle_since = record.info.get("idle_since")
        if idle_since is None or time.monotonic() - idle_since < idle_seconds:
            return
        try:
            dialect.do_ping(dbapi_connection)
        except Exception as error:
            # The pool drops this connection and checks out (or opens) another one.
            raise DisconnectionError("a pooled connection did not answer a ping") from error


def _tune_sqlite(engine: AsyncEngine, *, foreign_keys: bool, busy_ms: int) -> None:
    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event emit BEGIN itself (pysqlite would defer it).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
        cursor.execute(f"PRAGMA busy_timeout={busy_ms}")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(connection: Any) -> None:
        writing = connection.get_execution_options().get(WRITE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")


def make_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    # expire_on_commit=False: values read in a transaction stay usable after commit,
    # when we render replies; nothing reloads lazily behind our back.
    return async_sessionmaker(engine, expire_on_commit=False)


class Database:
    """The engine, its session factories, and one way to run a unit of work.

    `transaction()` is for anything that writes; `sessions()` is for reading only.

    On SQLite only one transaction can write at a time. Our own writers queue on an asyncio
    lock (in order, without blocking the loop); a writer from another process is waited
    for asynchronously, retrying BEGIN IMMEDIATE with short pauses.
    """

    def __init__(self, url: str, *, echo: bool = False, pool_size: int = 10) -> None:
        self.url = url
        self.engine = create_engine(url, echo=echo, pool_size=pool_size)
        self.sessions = make_sessionmaker(self.engine)
        self._writers = make_sessionmaker(self.engine.execution_options(**{WRITE: True}))
        self._autocommit = self.engine.execution_options(isolation_level="AUTOCOMMIT")
        self.is_sqlite = self.engine.dialect.name == "sqlite"
        self._write_lock = asyncio.Lock() if self.is_sqlite else None

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncSession]:
        """One transaction: committed when the block ends, rolled back if it raises."""
        if self._write_lock is None:
            async with self._writers() as session, session.begin():
                yield session
            return
        async with self._write_lock, self._writers() as session:
            await _begin_when_free(session)
            try:
                yield session
            except BaseException:
                await session.rollback()
                raise
            await session.commit()

    async def execute_alone(self, statement: Executable, parameters: Any = None) -> None:
        """One write statement that is atomic by itself (storing a polled batch, deleting
        sent rows). On PostgreSQL it runs in autocommit: one round trip instead of three
        (BEGIN, the statement, COMMIT), and under load every round trip is a wait for the
        server process to be scheduled. On SQLite it is an ordinary write transaction."""
        if self._write_lock is None:
            async with self._autocommit.connect() as connection:
                await connection.execute(statement, parameters)
            return
        async with self.transaction() as session:
            await session.execute(statement, parameters)

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


async def _begin_when_free(session: AsyncSession) -> None:
    """BEGIN IMMEDIATE, waiting (asynchronously) while another process holds the lock."""
    deadline = time.monotonic() + SQLITE_WRITE_WAIT_SECONDS
    pause = 0.005
    while True:
        try:
            await session.connection()
            return
        except OperationalError as error:
            if not _locked(error) or time.monotonic() >= deadline:
                raise
        await session.rollback()
        await asyncio.sleep(pause)
        pause = min(pause * 2, 0.25)


def _locked(error: OperationalError) -> bool:
    return "locked" in str(error.orig).lower() or "busy" in str(error.orig).lower()


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
