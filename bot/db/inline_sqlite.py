"""An aiosqlite-compatible facade that runs SQLite calls inline, on the event loop thread.

aiosqlite sends every call (cursor, execute, fetch, close: about four per statement) to a
worker thread and back. SQLite answers our indexed queries in microseconds, so those
hand-offs cost far more than the queries: profiling a busy bot showed the event loop idle,
waiting on them, while it held the database's single write lock. Running the calls inline
removes the hand-offs. SQLAlchemy's aiosqlite dialect keeps working unchanged: we give it
this module in place of aiosqlite (see bot.db.session).

The one thing inline calls must never do is wait: a blocked call would freeze the loop.
So connections use a short busy timeout, writers in this process queue on an asyncio lock
first, and `Database.transaction` retries BEGIN IMMEDIATE asynchronously while another
process (say `coach tick`) holds the write lock. Readers never wait in WAL mode.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Generator, Iterable, Sequence
from sqlite3 import (  # noqa: F401 - re-exported: SQLAlchemy reads them off the module
    DatabaseError,
    Error,
    IntegrityError,
    NotSupportedError,
    OperationalError,
    ProgrammingError,
    sqlite_version,
    sqlite_version_info,
)
from types import SimpleNamespace, TracebackType
from typing import Any


class Cursor:
    def __init__(self, cursor: sqlite3.Cursor) -> None:
        self._cursor = cursor

    async def __aenter__(self) -> Cursor:
        return self

    async def __aexit__(
        self,
        _type: type[BaseException] | None,
        _error: BaseException | None,
        _traceback: TracebackType | None,
    ) -> None:
        self._cursor.close()

    async def execute(self, sql: str, parameters: Sequence[Any] | None = None) -> Cursor:
        if parameters is None:
            self._cursor.execute(sql)
        else:
            self._cursor.execute(sql, parameters)
        return self

    async def executemany(self, sql: str, parameters: Iterable[Sequence[Any]]) -> Cursor:
        self._cursor.executemany(sql, parameters)
        return self

    async def fetchall(self) -> list[Any]:
        return self._cursor.fetchall()

    async def fetchone(self) -> Any:
        return self._cursor.fetchone()

    async def fetchmany(self, size: int | None = None) -> list[Any]:
        return self._cursor.fetchmany(size if size is not None else self._cursor.arraysize)

    async def close(self) -> None:
        self._cursor.close()

    @property
    def description(self) -> Any:
        return self._cursor.description

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount

    @property
    def lastrowid(self) -> int | None:
        return self._cursor.lastrowid

    @property
    def arraysize(self) -> int:
        return self._cursor.arraysize

    @arraysize.setter
    def arraysize(self, value: int) -> None:
        self._cursor.arraysize = value


class _RunNow:
    """Stands in for aiosqlite's queue to its worker thread: runs the call at once."""

    def put_nowait(self, item: tuple[Any, Callable[[], Any]]) -> None:
        future, function = item
        try:
            result = function()
        except BaseException as error:  # handed to the awaiting caller, as aiosqlite does
            if future is not None:
                future.set_exception(error)
            return
        if future is not None:
            future.set_result(result)


class Connection:
    def __init__(self, connection: sqlite3.Connection) -> None:
        self._conn = connection
        self._connection: sqlite3.Connection | None = connection
        self._tx = _RunNow()

    @property
    def isolation_level(self) -> str | None:
        return self._conn.isolation_level

    def cursor(self) -> Cursor:
        return Cursor(self._conn.cursor())

    async def commit(self) -> None:
        self._conn.commit()

    async def rollback(self) -> None:
        self._conn.rollback()

    async def close(self) -> None:
        if self._connection is not None:
            self._connection = None
            self._conn.close()

    def stop(self) -> None:
        if self._connection is not None:
            self._connection = None
            self._conn.close()

    async def create_function(self, *args: Any, **kwargs: Any) -> None:
        self._conn.create_function(*args, **kwargs)


class _Connecting:
    """What `connect()` returns: awaitable like aiosqlite's, with the `_thread` attribute
    SQLAlchemy marks as a daemon (there is no thread here, so it marks a stand-in)."""

    def __init__(self, database: str, kwargs: dict[str, Any]) -> None:
        self._database = database
        self._kwargs = kwargs
        self._thread = SimpleNamespace(daemon=True)

    def __await__(self) -> Generator[Any, None, Connection]:
        async def opened() -> Connection:
            # Everything runs on the event loop's thread; SQLAlchemy also asks for
            # check_same_thread=False itself, as it does for aiosqlite.
            options = {"check_same_thread": False, **self._kwargs}
            return Connection(sqlite3.connect(self._database, **options))

        return opened().__await__()


def connect(database: str, **kwargs: Any) -> _Connecting:
    return _Connecting(database, kwargs)
