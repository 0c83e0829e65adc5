"""The durable inbox: store each update before Telegram is told it arrived, then process
each chat's updates in order, one turn per update and one transaction per batch of turns.

PTB's own Updater confirms a polled update (by asking for the next offset) before any
handler has run, so a crash can silently drop someone's answer. Here the poller and the
webhook only store updates; this module turns stored updates into turns:

    lock the chat -> its oldest unprocessed updates (up to BATCH) -> handlers, one turn
    each (queue replies on the turn) -> mark them processed + write their replies to the
    outbox -> commit -> deliver the replies

A burst from one person costs one transaction per BATCH updates instead of one per update
(the bookkeeping of a transaction costs about as much CPU as a turn's own queries). A batch
is all or nothing: if one handler fails, the batch is rolled back and its updates run again
one per transaction, so the failing one is given up on alone and another chat is never
touched (a batch holds one chat's updates only).

A crash anywhere before the commit leaves the update unprocessed and it runs again after
restart: every answer is recorded exactly once. On PostgreSQL the chat is locked with a
transaction-scoped advisory lock, so replicas can share the inbox and one person's
updates still run in order; on SQLite the database's single write lock does the same.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import logging
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import BigInteger, bindparam, delete, func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Update
from telegram.ext import Application

from bot.db.models import InboxUpdate, table
from bot.db.session import dialect_of, is_transient
from bot.delivery.outbox import OutboxSender, Pending
from bot.delivery.turn import Turn, bind_turn, unbind_turn
from bot.deps import Deps

logger = logging.getLogger(__name__)

# After this many failures of one update while the database answers pings, the update
# itself is the problem (a bug), and we skip it rather than block the chat.
_GIVE_UP_AFTER = 3
_RETRY_DELAYS = (0.5, 1.0, 2.0, 5.0, 10.0)
# A chat's waiting updates are processed up to this many per transaction (see _drain).
BATCH = 10
_ORPHAN_AGE = timedelta(seconds=10)
# Telegram redelivers unconfirmed updates for at most 24 hours; keep ids a day longer.
PROCESSED_RETENTION = timedelta(hours=48)
_NO_CHAT = 0

# The statements every turn runs, built once (building one costs more than running it).
_INBOX = table(InboxUpdate)
_OLDEST = (
    select(_INBOX.c.update_id, _INBOX.c.payload)
    .where(_INBOX.c.chat_id == bindparam("chat_id"), _INBOX.c.processed_at.is_(None))
    .order_by(_INBOX.c.update_id)
    .limit(bindparam("limit"))
)
_PROCESSED = (
    update(_INBOX)
    .where(_INBOX.c.update_id == bindparam("id"))
    .values(processed_at=bindparam("now"), payload=None)
)
_LOCK_CHAT = select(func.pg_advisory_xact_lock(bindparam("chat_id", type_=BigInteger)))

CoachApplication = Application[Any, Any, Any, Any, Any, Any]
# Tells a person, outside the database, that we are having trouble (rate-limited).
ApologyHook = Callable[[int], Awaitable[None]]
# Renders the calm apology sent after a handler failed.
ApologyText = Callable[[Turn], str]


def chat_of(payload: Mapping[str, Any]) -> int:
    """The chat an update belongs to (its ordering key), or 0 if it has none."""
    for key in ("message", "edited_message", "channel_post", "edited_channel_post"):
        if isinstance(payload.get(key), dict):
            return int(payload[key].get("chat", {}).get("id", _NO_CHAT))
    query = payload.get("callback_query")
    if isinstance(query, dict):
        message = query.get("message")
        if isinstance(message, dict) and "chat" in message:
            return int(message["chat"]["id"])
        return int(query.get("from", {}).get("id", _NO_CHAT))
    for key in ("my_chat_member", "chat_member", "chat_join_request"):
        if isinstance(payload.get(key), dict):
            return int(payload[key].get("chat", {}).get("id", _NO_CHAT))
    return _NO_CHAT


class DatabaseUnavailable(Exception):
    """Raised by `store` when updates could not be saved; the caller must not confirm them."""


class Inbox:
    def __init__(
        self,
        application: CoachApplication,
        deps: Deps,
        outbox: OutboxSender,
        *,
        concurrency: int = 16,
        apologise: ApologyHook | None = None,
        apology_text: ApologyText | None = None,
        on_processed: Callable[[], None] | None = None,
    ) -> None:
        self._application = application
        self._deps = deps
        self._outbox = outbox
        self._limit = asyncio.Semaphore(concurrency)
        self._active: dict[int, asyncio.Task[None]] = {}
        self._dirty: set[int] = set()
        self._apologise = apologise
        self._apology_text = apology_text
        self._on_processed = on_processed
        self._closing = False

    # -- storing ------------------------------------------------------------------------

    async def store(self, payloads: Sequence[Mapping[str, Any]]) -> None:
        """Save updates (duplicates ignored by update_id), then start processing them."""
        if not payloads:
            return
        now = self._deps.clock()
        chat_ids = [chat_of(payload) for payload in payloads]
        rows = [
            {
                "update_id": int(payload["update_id"]),
                "chat_id": chat_id,
                "payload": dict(payload),
                "digest": digest_of(payload),
                "received_at": now,
                "tries": 0,
            }
            for payload, chat_id in zip(payloads, chat_ids, strict=True)
        ]
        database = self._deps.db
        try:
            # One statement: atomic alone, so no transaction around it (see execute_alone).
            await database.execute_alone(_STORE[database.engine.dialect.name], rows)
        except Exception as error:
            if not is_transient(error):
                raise
            raise DatabaseUnavailable(type(error).__name__) from error
        self.notify(chat_ids)

    # -- scheduling chats ---------------------------------------------------------------

    def notify(self, chat_ids: Iterable[int]) -> None:
        """Make sure each chat has a drain task; a running one is told to look again."""
        for chat_id in set(chat_ids):
            if chat_id in self._active:
                self._dirty.add(chat_id)
            elif not self._closing:
                task = asyncio.create_task(self._drain_task(chat_id), name=f"inbox-{chat_id}")
                self._active[chat_id] = task

    async def recover(self, *, older_than: timedelta = timedelta(0)) -> int:
        """Start draining every chat with unprocessed updates (after a restart, or left
        behind by another replica that died). Returns how many chats were found."""
        cutoff = self._deps.clock() - older_than
        async with self._deps.db.sessions() as session:
            chats = list(
                await session.scalars(
                    select(InboxUpdate.chat_id)
                    .where(InboxUpdate.processed_at.is_(None), InboxUpdate.received_at <= cutoff)
                    .distinct()
                )
            )
        self.notify(chats)
        return len(chats)

    async def purge(self, *, older_than: timedelta = PROCESSED_RETENTION) -> int:
        """Forget processed updates once Telegram can no longer redeliver them."""
        cutoff = self._deps.clock() - older_than
        async with self._deps.db.transaction() as session:
            result = await session.execute(
                delete(InboxUpdate).where(
                    InboxUpdate.processed_at.is_not(None), InboxUpdate.processed_at < cutoff
                )
            )
        return int(getattr(result, "rowcount", 0) or 0)

    async def recover_orphans(self) -> int:
        return await self.recover(older_than=_ORPHAN_AGE)

    async def idle(self) -> None:
        """Wait until every drain task has finished (tests and graceful shutdown)."""
        while self._active:
            await asyncio.gather(*list(self._active.values()), return_exceptions=True)

    async def close(self) -> None:
        """Stop taking new chats and let in-flight turns finish."""
        self._closing = True
        await self.idle()

    @property
    def busy_chats(self) -> int:
        return len(self._active)

    async def _drain_task(self, chat_id: int) -> None:
        try:
            while True:
                self._dirty.discard(chat_id)
                await self._drain(chat_id)
                if chat_id not in self._dirty or self._closing:
                    return
        finally:
            self._active.pop(chat_id, None)

    async def _drain(self, chat_id: int) -> None:
        failures = 0
        singles = 0  # after a failure, this many updates go one per transaction
        while not self._closing:
            try:
                async with self._limit:
                    pending = await self._process_next(
                        chat_id, batch=1 if failures or singles else BATCH
                    )
            except _DatabaseTrouble as trouble:
                failures += 1
                pending = await self._after_database_trouble(chat_id, trouble, failures)
                if pending is None:
                    continue
            if pending is None:
                return
            failures = 0
            singles = max(0, singles - pending.processed) + pending.redo
            if self._on_processed is not None:
                for _ in range(pending.processed):
                    self._on_processed()
            await self._outbox.deliver(pending.replies)
            if not pending.more:
                return  # nothing else was waiting (a newcomer sets the dirty flag)

    async def _after_database_trouble(
        self, chat_id: int, trouble: _DatabaseTrouble, failures: int
    ) -> _Turned | None:
        """Wait and retry while the database is away. If it answers but the same update
        keeps failing, the update itself is the problem: give up on it, kindly."""
        cause = type(trouble.__cause__).__name__
        stuck = failures >= _GIVE_UP_AFTER and trouble.update_id is not None
        if stuck and trouble.update_id is not None and await self._deps.db.ping():
            logger.error("update %s keeps failing (%s); skipping it", trouble.update_id, cause)
            with contextlib.suppress(_DatabaseTrouble):
                return await self._give_up_on(chat_id, trouble.update_id, trouble.payload)
        delay = _RETRY_DELAYS[min(failures - 1, len(_RETRY_DELAYS) - 1)]
        logger.warning("database trouble (%s); retrying in %.1fs", cause, delay)
        if self._apologise is not None:
            await self._apologise(chat_id)
        await asyncio.sleep(delay)
        return None

    # -- one turn -----------------------------------------------------------------------

    async def _process_next(self, chat_id: int, *, batch: int = 1) -> _Turned | None:
        """Process the chat's oldest stored updates, up to `batch` of them in one
        transaction (one turn each). None when there is nothing left.

        A batch is all or nothing. If a handler fails in a batch of several, the whole
        transaction is rolled back and those updates are run again one per transaction
        (`redo`), so the failing one is given up on alone and the others are kept."""
        update_id: int | None = None
        payload: Mapping[str, Any] = {}
        rows: Sequence[Any] = ()
        try:
            async with self._deps.db.transaction() as session:
                await _lock_chat(session, chat_id)
                # One more than we take: whether another is waiting after this batch.
                oldest = (
                    await session.execute(_OLDEST, {"chat_id": chat_id, "limit": batch + 1})
                ).all()
                if not oldest:
                    return None
                rows = oldest[:batch]
                turns: list[tuple[int, Turn]] = []
                for row in rows:
                    update_id, payload = row.update_id, row.payload or {}
                    if turns:  # each turn starts from the database, not the last one's objects
                        if session.new or session.dirty or session.deleted:
                            await session.flush()
                        session.expunge_all()
                    turn = Turn(session, self._deps.clock(), self._deps.turn_rng())
                    failure = await self._run_handlers(turn, payload)
                    if failure is not None and is_transient(failure):
                        raise failure  # the database went away mid-turn: retry later
                    if failure is not None:
                        raise _TurnFailed  # roll the handler's partial work back
                    turns.append((update_id, turn))
                return await self._finish(session, turns, more=len(oldest) > len(rows))
        except _TurnFailed:
            if update_id is None:
                raise
            if len(rows) > 1:
                return _Turned([], more=True, processed=0, redo=len(rows))
            return await self._give_up_on(chat_id, update_id, payload)
        except Exception as error:
            if is_transient(error):
                raise _DatabaseTrouble(update_id, payload) from error
            if update_id is None:
                raise
            if len(rows) > 1:
                logger.exception("a batch failed outside the handlers; retrying one by one")
                return _Turned([], more=True, processed=0, redo=len(rows))
            logger.exception("update %s failed outside the handlers", update_id)
            return await self._give_up_on(chat_id, update_id, payload)

    async def _give_up_on(
        self, chat_id: int, update_id: int, payload: Mapping[str, Any]
    ) -> _Turned:
        """A handler raised (already logged by the error handler): apologise and move on,
        so one poisonous update cannot block the person's chat forever. If even that
        fails, the update is marked processed without a reply."""
        try:
            async with self._deps.db.transaction() as session:
                await _lock_chat(session, chat_id)
                turn = Turn(session, self._deps.clock(), self._deps.turn_rng())
                if self._apology_text is not None and chat_id != _NO_CHAT:
                    turn.send(chat_id, self._apology_text(turn))
                return await self._finish(session, [(update_id, turn)], more=True)
        except Exception as error:
            if is_transient(error):
                raise _DatabaseTrouble(update_id, payload) from error
            logger.exception("could not even apologise for update %s", update_id)
        async with self._deps.db.transaction() as session:
            await session.execute(
                update(InboxUpdate)
                .where(InboxUpdate.update_id == update_id)
                .values(processed_at=self._deps.clock(), payload=None)
            )
        return _Turned([], more=True)

    async def _run_handlers(self, turn: Turn, payload: Mapping[str, Any]) -> BaseException | None:
        try:
            update = Update.de_json(dict(payload), self._application.bot)
        except Exception as error:  # a malformed update must not block the chat forever
            logger.warning("could not parse update: %s", type(error).__name__)
            return None
        token = bind_turn(turn)
        try:
            await self._application.process_update(update)
        finally:
            unbind_turn(token)
        return turn.error

    async def _finish(
        self, session: AsyncSession, turns: Sequence[tuple[int, Turn]], *, more: bool
    ) -> _Turned:
        """Mark the updates processed and queue their replies, in the turns' transaction.
        `more` (read when the batch began) spares the drain loop a round trip to learn it
        is done; an update stored meanwhile marks the chat dirty, so it is not missed."""
        await session.execute(
            _PROCESSED, [{"id": update_id, "now": turn.now} for update_id, turn in turns]
        )
        outgoing = [message for _, turn in turns for message in turn.composed()]
        replies = await self._outbox.enqueue(session, outgoing, now=turns[-1][1].now)
        return _Turned(replies, more=more, processed=len(turns))


@dataclass(frozen=True)
class _Turned:
    """One processed update: its replies to deliver, and whether more are waiting."""

    replies: list[Pending]
    more: bool
    processed: int = 1
    # A batch that failed and was rolled back: run this many updates one at a time.
    redo: int = 0


class _TurnFailed(Exception):
    """A handler raised: roll the transaction back, then give up on the update."""


class _DatabaseTrouble(Exception):
    def __init__(self, update_id: int | None, payload: Mapping[str, Any]) -> None:
        super().__init__(update_id)
        self.update_id = update_id
        self.payload = payload


async def _lock_chat(session: AsyncSession, chat_id: int) -> None:
    if dialect_of(session) == "postgresql":
        await session.execute(_LOCK_CHAT, {"chat_id": chat_id})


def _insert_ignoring_duplicates(dialect: str) -> Any:
    """Insert new updates; skip redeliveries; treat a reused id with new content as new.
    Run with a list of rows (one executemany); built once per dialect, see _STORE."""
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    statement = insert(_INBOX)
    excluded = statement.excluded
    return statement.on_conflict_do_update(
        index_elements=[_INBOX.c.update_id],
        set_={
            "chat_id": excluded.chat_id,
            "payload": excluded.payload,
            "digest": excluded.digest,
            "received_at": excluded.received_at,
            "processed_at": None,
            "tries": 0,
        },
        where=_INBOX.c.digest != excluded.digest,
    )


# Built once: a statement built per call cost more CPU than storing the update.
_STORE = {dialect: _insert_ignoring_duplicates(dialect) for dialect in ("postgresql", "sqlite")}


def digest_of(payload: Mapping[str, Any]) -> str:
    canonical = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()
