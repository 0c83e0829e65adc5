"""PostgreSQL's pool pings only connections that sat idle: a warm connection costs no extra
round trip per transaction, and a dead one is still replaced without anyone noticing."""

from __future__ import annotations

import asyncio
from typing import Any

import asyncpg  # type: ignore[import-untyped]
import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from bot.db import session as db_session
from bot.db.session import Database, is_transient


async def _backend_pid(database: Database) -> int:
    async with database.transaction() as session:
        return int((await session.execute(text("SELECT pg_backend_pid()"))).scalar_one())


async def _terminate(url: str, pid: int) -> None:
    """What a server restart does to one connection, from another connection."""
    other = Database(url)
    try:
        async with other.transaction() as session:
            await session.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
    finally:
        await other.dispose()
    await asyncio.sleep(0.1)  # the backend exits asynchronously


def _count_pings(database: Database, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    pings: list[int] = []
    dialect = database.engine.dialect
    ping = dialect.do_ping

    def counted(dbapi_connection: Any) -> bool:
        pings.append(1)
        return bool(ping(dbapi_connection))

    monkeypatch.setattr(dialect, "do_ping", counted)
    return pings


async def test_a_connection_in_steady_use_is_not_pinged(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = Database(postgres_url)
    pings = _count_pings(database, monkeypatch)
    try:
        pid = await _backend_pid(database)
        for _ in range(20):
            assert await _backend_pid(database) == pid
    finally:
        await database.dispose()
    assert pings == []


async def test_an_idle_connection_that_died_is_replaced_unnoticed(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db_session, "PING_AFTER_IDLE_SECONDS", 0.2)
    database = Database(postgres_url)
    pings = _count_pings(database, monkeypatch)
    try:
        pid = await _backend_pid(database)
        await _terminate(postgres_url, pid)
        await asyncio.sleep(0.2)
        assert await _backend_pid(database) != pid  # no error: the ping caught it
    finally:
        await database.dispose()
    assert len(pings) == 1


async def test_a_busy_connection_that_died_fails_once_as_transient_then_recovers(
    postgres_url: str,
) -> None:
    database = Database(postgres_url)
    try:
        pid = await _backend_pid(database)
        await _terminate(postgres_url, pid)
        with pytest.raises(DBAPIError) as failure:
            await _backend_pid(database)
        assert is_transient(failure.value)  # the inbox and outbox retry these
        assert await _backend_pid(database) != pid
    finally:
        await database.dispose()


async def test_one_statement_alone_is_one_round_trip_without_begin_or_commit(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Storing a polled batch and deleting sent rows run this way: on PostgreSQL, in
    autocommit, so neither BEGIN nor COMMIT costs a round trip."""
    begun: list[int] = []
    start = asyncpg.transaction.Transaction.start

    async def counted(transaction: asyncpg.transaction.Transaction) -> None:
        begun.append(1)
        await start(transaction)

    monkeypatch.setattr(asyncpg.transaction.Transaction, "start", counted)
    database = Database(postgres_url)
    try:
        async with database.transaction() as session:  # connects (and sets itself up)
            await session.execute(text("CREATE TABLE sent (id integer)"))
        before = len(begun)
        async with database.transaction() as session:
            await session.execute(text("INSERT INTO sent VALUES (1)"))
        assert len(begun) == before + 1
        await database.execute_alone(text("INSERT INTO sent VALUES (2), (3)"))
        assert len(begun) == before + 1
        async with database.sessions() as session:
            stored = (await session.execute(text("SELECT count(*) FROM sent"))).scalar_one()
    finally:
        await database.dispose()
    assert stored == 3
