"""Delivering the outbox: every message the bot sends, in order per chat, at least once.

Rows are written in the transaction that decided to send them (see context.Turn) and
claimed with a lease, so another process never sends the same row while we do. After a
successful call the row is deleted. Failures are sorted by what they mean:

- 403 Forbidden: the person blocked the bot. Mark them inactive, drop their queue.
- 429 RetryAfter: honour retry_after; the row and the rest of that chat's queue wait, and
  nobody else does (see bot.delivery.pacing).
- 5xx, timeouts, network errors: retry with bounded exponential backoff, then give up.
- 400 "message is not modified" / "query is too old": the goal is already met; done.
- Other 400s are our bug: log it (never the text) and drop the row, so one bad message
  cannot block a chat forever.

Each chat is paced (about one message a second to a person, one every 3 s to a group)
*before* its message takes a send slot. A short wait happens in place; a longer one
postpones the chat's remaining rows (`not_before`), so a flooding chat never holds a slot
or a delivery that other chats' messages share. Charts are drawn before the slot too, a
few at a time in worker threads, and the picture is kept on the row: a retry never
draws again.
"""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    and_,
    bindparam,
    delete,
    exists,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased
from telegram import InputFile
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError

from bot.db.models import OutboxMessage, User, table
from bot.db.session import dialect_of, is_transient
from bot.delivery.botapi import BotApi
from bot.delivery.pacing import ChatPacer, NoPacing
from bot.delivery.turn import Outgoing
from bot.deps import Deps, system_clock

logger = logging.getLogger(__name__)

LEASE = timedelta(seconds=20)
# The Core table, for the statements that run once per message sent (no ORM bookkeeping).
_OUTBOX = table(OutboxMessage)
# Those statements, built once (building one costs about as much CPU as running it).
_DELETE_SENT = delete(_OUTBOX).where(_OUTBOX.c.id.in_(bindparam("ids", expanding=True)))
_CHATS_ROWS = (
    select(_OUTBOX.c.id, _OUTBOX.c.chat_id)
    .where(_OUTBOX.c.chat_id.in_(bindparam("chats", expanding=True)))
    .order_by(_OUTBOX.c.id)
)
_CHATS_WAITING = (
    select(_OUTBOX.c.chat_id)
    .where(_OUTBOX.c.chat_id.in_(bindparam("chats", expanding=True)))
    .distinct()
)
_INSERT = insert(_OUTBOX)
_INSERT_RETURNING = insert(_OUTBOX).returning(_OUTBOX.c.id, sort_by_parameter_order=True)
MAX_TRIES = 8
MAX_BACKOFF = timedelta(seconds=60)
_DONE_ALREADY = ("message is not modified", "query is too old", "message to edit not found")
_GONE = ("chat not found", "user is deactivated", "bot was blocked")
# How long one delivery may wait in place for a chat's pace before it postpones the rest
# of that chat's rows to the sweep instead.
PACE_WAIT_BUDGET = 2.0
# Charts drawn at once (each is about half a second of CPU, in a worker thread).
DRAWING_AT_ONCE = 2


@dataclass(frozen=True)
class Pending:
    """An outbox row we hold the claim on, with what to send."""

    id: int
    message: Outgoing
    tries: int = 0


class SendOutcome:
    SENT = "sent"
    RETRY = "retry"
    DROP = "drop"
    GONE = "gone"


@dataclass(frozen=True)
class _Result:
    outcome: str
    delay: timedelta | None = None
    error: str | None = None


# Called after every send attempt with the message, the outcome and the error kind if any.
SendHook = Callable[[Outgoing, str, str | None], None]
# Draws a chart photo from the plain data and labels a message carries (a feature, passed
# in by the composition root, so delivery knows no feature).
ChartDrawer = Callable[[dict[str, Any], dict[str, str]], bytes]
# Told, in a transaction, that the chart whose message carried `keep` has been drawn.
KeepHook = Callable[[AsyncSession, Mapping[str, Any], bytes], Awaitable[None]]


class OutboxSender:
    def __init__(
        self,
        api: BotApi,
        deps: Deps,
        *,
        concurrency: int = 16,
        on_result: SendHook | None = None,
        lease: timedelta = LEASE,
        backoff_base: float = 0.5,
        clock: Callable[[], datetime] = system_clock,
        draw_chart: ChartDrawer | None = None,
        keep_drawn: KeepHook | None = None,
        pacer: ChatPacer | None = None,
    ) -> None:
        self._api = api
        self._draw_chart = draw_chart
        self._keep_drawn = keep_drawn
        self._pacer = pacer or NoPacing()
        self._deps = deps
        self._limit = asyncio.Semaphore(concurrency)
        self._drawing = asyncio.Semaphore(DRAWING_AT_ONCE)
        self._on_result = on_result
        self._acks = _Acknowledger(deps)
        # Leases and back-offs are about real elapsed time, never the (injectable) clock
        # the coaching runs on: a test's frozen clock or `coach tick --at` must not stop
        # retries from ever becoming due.
        self._clock = clock
        self.lease = lease
        self.backoff_base = backoff_base

    # -- writing ----------------------------------------------------------------------

    async def enqueue(
        self,
        session: AsyncSession,
        messages: Sequence[Outgoing],
        *,
        now: datetime,
    ) -> list[Pending]:
        """Add rows inside the caller's transaction. Returns those we may send right away.

        If older rows for the same chat are still waiting (a retry, a 429), the new ones
        are left unclaimed: the sweep sends them after the older ones, keeping order.
        """
        if not messages:
            return []
        lease_ends = self._clock() + self.lease
        rows = [
            {
                "chat_id": message.chat_id,
                "kind": message.kind,
                "method": message.method,
                "payload": message.payload,
                "file": message.file,
                "created_at": now,
                "claimed_until": lease_ends,
                "tries": 0,
            }
            for message in messages
        ]
        ids, waiting = await _insert_rows(session, rows)
        if waiting:
            queued = [
                row_id
                for row_id, message in zip(ids, messages, strict=True)
                if message.chat_id in waiting
            ]
            await session.execute(
                update(OutboxMessage)
                .where(OutboxMessage.id.in_(queued))
                .values(claimed_until=None)
                .execution_options(synchronize_session=False)
            )
        return [
            Pending(row_id, message)
            for row_id, message in zip(ids, messages, strict=True)
            if message.chat_id not in waiting
        ]

    # -- delivering ---------------------------------------------------------------------

    async def deliver(self, pending: Sequence[Pending]) -> None:
        """Send claimed rows: chats in parallel (bounded), each chat strictly in order.

        Rows are acknowledged (deleted) before their send slot is released, concurrent
        acknowledgements sharing one DELETE. A crash re-sends only what was in flight: for
        a fan-out (one message per chat) at most `concurrency` messages; a chat's few
        replies to one update are acknowledged together after the last of them."""
        by_chat: dict[int, list[Pending]] = defaultdict(list)
        for item in pending:
            by_chat[item.message.chat_id].append(item)
        held = {item.id for item in pending}
        renewing = asyncio.create_task(self._keep_claims(held), name="outbox-lease")
        try:
            await asyncio.gather(*(self._deliver_chat(items, held) for items in by_chat.values()))
        finally:
            renewing.cancel()

    async def _keep_claims(self, held: set[int]) -> None:
        """While a delivery is under way, keep extending the claim on its rows, so a long
        fan-out (30 a second for minutes) is never mistaken for an abandoned one."""
        while True:
            await asyncio.sleep(self.lease.total_seconds() / 3)
            ids = list(held)
            if not ids:
                continue
            now = self._clock()
            async with self._deps.db.transaction() as session:
                await session.execute(
                    update(_OUTBOX)
                    .where(_OUTBOX.c.id.in_(ids), _OUTBOX.c.claimed_until.is_not(None))
                    .values(claimed_until=now + self.lease)
                )

    async def _deliver_chat(self, items: Sequence[Pending], held: set[int]) -> None:
        done: list[int] = []
        waited = 0.0
        for position, item in enumerate(items):
            last = position == len(items) - 1
            if "chart" in item.message.payload and item.message.file is None:
                item = await self._draw(item)
            wait, slept = await self._pace(item.message, PACE_WAIT_BUDGET - waited)
            waited += slept
            if wait is not None:
                if done:
                    await self._acks.ack_all(done)
                    held.difference_update(done)
                held.difference_update(rest.id for rest in items[position:])
                paced = _Result(SendOutcome.RETRY, wait)
                await self._postpone(items[position:], paced, paced=True)
                return
            async with self._limit:
                result = await self._send_one(item.message)
                succeeded = result.outcome in (SendOutcome.SENT, SendOutcome.DROP)
                if succeeded:
                    done.append(item.id)
                if done and (last or not succeeded):
                    await self._acks.ack_all(done)
                    held.difference_update(done)
            if self._on_result is not None:
                self._on_result(item.message, result.outcome, result.error)
            if succeeded:
                continue
            held.difference_update(rest.id for rest in items[position:])
            if result.outcome == SendOutcome.GONE:
                await self._forget_chat(item.message.chat_id)
                return
            await self._postpone(items[position:], result)
            return

    async def _draw(self, item: Pending) -> Pending:
        """Draw a chart (off the event loop, a few at a time, before taking a send slot) and
        keep the picture on its row, so a retry sends it again instead of drawing again."""
        payload = item.message.payload
        if self._draw_chart is None:
            raise ValueError("a chart to send, and nothing to draw it with")
        async with self._drawing:
            picture = await asyncio.to_thread(self._draw_chart, payload["chart"], payload["labels"])
        keep = payload.get("keep")
        try:
            async with self._deps.db.transaction() as session:
                await session.execute(
                    update(_OUTBOX).where(_OUTBOX.c.id == item.id).values(file=picture)
                )
                if isinstance(keep, dict) and self._keep_drawn is not None:
                    await self._keep_drawn(session, keep, picture)
        except Exception as error:
            if not is_transient(error):
                raise
            logger.warning("could not keep a drawn chart (%s)", type(error).__name__)
        return replace(item, message=replace(item.message, file=picture))

    async def _pace(self, message: Outgoing, budget: float) -> tuple[timedelta | None, float]:
        """Wait for the chat's pace if that takes at most `budget` seconds, then count the
        message. Returns how long to postpone instead (None: go ahead), and the seconds
        waited here."""
        if message.method in _NO_CHAT_ID:
            return None, 0.0  # answering a press is not a message in the chat
        chat_id = message.chat_id
        slept = 0.0
        while (wait := self._pacer.wait_for(chat_id)) > 0:
            if slept + wait > budget:
                return timedelta(seconds=wait), slept
            await asyncio.sleep(wait)
            slept += wait
        self._pacer.take(chat_id)
        return None, slept

    async def _send_one(self, message: Outgoing) -> _Result:
        try:
            await _call(self._api, message)
        except RetryAfter as error:
            delay = _as_delta(error.retry_after)
            self._pacer.hold(message.chat_id, delay.total_seconds())
            return _Result(SendOutcome.RETRY, delay, "retry_after")
        except Forbidden:
            return _Result(SendOutcome.GONE, None, "forbidden")
        except BadRequest as error:
            return self._classify_bad_request(message, error)
        except NetworkError as error:  # includes TimedOut and 5xx answers
            return _Result(SendOutcome.RETRY, None, type(error).__name__)
        except TelegramError as error:
            logger.warning("%s failed: %s", message.method, type(error).__name__)
            return _Result(SendOutcome.RETRY, None, type(error).__name__)
        return _Result(SendOutcome.SENT)

    @staticmethod
    def _classify_bad_request(message: Outgoing, error: BadRequest) -> _Result:
        text = str(error).lower()
        if any(marker in text for marker in _DONE_ALREADY):
            return _Result(SendOutcome.SENT)
        if any(marker in text for marker in _GONE):
            return _Result(SendOutcome.GONE, None, "chat_gone")
        # Our bug, not the person's: say which call and why, never the message text.
        logger.error("Telegram rejected %s: %s", message.method, error)
        return _Result(SendOutcome.DROP, None, "bad_request")

    async def _postpone(
        self, items: Sequence[Pending], result: _Result, *, paced: bool = False
    ) -> None:
        """Release the claim on this chat's remaining rows and try again later. Waiting for
        the chat's pace is not a failed try."""
        now = self._clock()
        head = items[0]
        tries = head.tries + (0 if paced else 1)
        if result.delay is None and tries >= MAX_TRIES:
            logger.error("giving up on %s after %d tries", head.message.method, tries)
            async with self._deps.db.transaction() as session:
                await session.execute(delete(OutboxMessage).where(OutboxMessage.id == head.id))
                # The rest of the chat's queue goes at the next sweep, not after its lease.
                await session.execute(
                    update(OutboxMessage)
                    .where(OutboxMessage.id.in_([item.id for item in items[1:]]))
                    .values(claimed_until=None)
                )
            return
        delay = result.delay or min(timedelta(seconds=self.backoff_base * 2**tries), MAX_BACKOFF)
        ids = [item.id for item in items]
        async with self._deps.db.transaction() as session:
            await session.execute(
                update(OutboxMessage)
                .where(OutboxMessage.id.in_(ids))
                .values(claimed_until=None, not_before=now + delay)
            )
            await session.execute(
                update(OutboxMessage).where(OutboxMessage.id == head.id).values(tries=tries)
            )

    async def _forget_chat(self, chat_id: int) -> None:
        """The person blocked us (or is gone): stop every send to them until they return."""
        now = self._deps.clock()  # blocked_at is a fact about the person: domain time
        async with self._deps.db.transaction() as session:
            await session.execute(delete(OutboxMessage).where(OutboxMessage.chat_id == chat_id))
            await session.execute(
                update(User)
                .where(User.chat_id == chat_id, User.is_active.is_(True))
                .values(is_active=False, blocked_at=now)
            )
        logger.info("a user blocked the bot; sends to them are stopped")

    # -- recovery -----------------------------------------------------------------------

    async def sweep(self, limit: int = 500) -> int:
        """Claim and send rows nobody holds: left by a crash, postponed, or queued
        behind older rows. Returns how many rows were claimed."""
        await self._acks.retry()
        now = self._clock()
        older = aliased(OutboxMessage)
        async with self._deps.db.transaction() as session:
            candidates = (
                select(OutboxMessage.id)
                .where(
                    _free(OutboxMessage, now),
                    # A chat's rows go in order: none while an older one waits or is sent.
                    ~exists().where(
                        older.chat_id == OutboxMessage.chat_id,
                        older.id < OutboxMessage.id,
                        ~_free(older, now),
                    ),
                )
                .order_by(OutboxMessage.id)
                .limit(limit)
            )
            claimed = await session.execute(
                update(OutboxMessage)
                .where(
                    OutboxMessage.id.in_(candidates.scalar_subquery()),
                    _free(OutboxMessage, now),
                )
                .values(claimed_until=now + self.lease)
                .returning(
                    OutboxMessage.id,
                    OutboxMessage.chat_id,
                    OutboxMessage.method,
                    OutboxMessage.payload,
                    OutboxMessage.kind,
                    OutboxMessage.file,
                    OutboxMessage.tries,
                )
                .execution_options(synchronize_session=False)
            )
            rows = sorted(claimed.all(), key=lambda row: row.id)
        pending = [
            Pending(
                row.id,
                Outgoing(row.chat_id, row.method, dict(row.payload), row.kind, row.file),
                row.tries,
            )
            for row in rows
        ]
        if pending:
            await self.deliver(pending)
        return len(pending)


def _free(row: type[OutboxMessage], now: datetime) -> ColumnElement[bool]:
    """The row may be claimed now: nobody holds it and its back-off is over."""
    return and_(
        or_(row.claimed_until.is_(None), row.claimed_until < now),
        or_(row.not_before.is_(None), row.not_before <= now),
    )


async def _insert_rows(
    session: AsyncSession, rows: list[dict[str, Any]]
) -> tuple[Sequence[int], set[int]]:
    """Insert outbox rows; return their ids in row order, and the chats that already had
    rows waiting (theirs must go first).

    PostgreSQL batches INSERT ... RETURNING in order. SQLite cannot promise RETURNING order
    for a batch, but inside our write transaction (BEGIN IMMEDIATE: nobody else can insert)
    an executemany hands out increasing rowids in row order, so reading the chats' rows back
    in id order gives ours last, and anything before them is an older row still waiting.
    """
    chats = list({row["chat_id"] for row in rows})
    if dialect_of(session) == "postgresql":
        waiting = set(await session.scalars(_CHATS_WAITING, {"chats": chats}))
        return list(await session.scalars(_INSERT_RETURNING, rows)), waiting
    await session.execute(_INSERT, rows)
    found = (await session.execute(_CHATS_ROWS, {"chats": chats})).all()
    ours = found[-len(rows) :]
    if len(ours) != len(rows):
        raise RuntimeError("outbox rows vanished inside their own transaction")
    return [row.id for row in ours], {row.chat_id for row in found[: -len(rows)]}


class _Acknowledger:
    """Deletes sent rows, batching whatever finished at the same time into one DELETE.

    `ack` returns once the row is gone. One flusher runs at a time: while it writes, new
    acknowledgements queue up for the next statement.
    """

    def __init__(self, deps: Deps) -> None:
        self._deps = deps
        self._waiting: list[tuple[int, asyncio.Future[None]]] = []
        self._flusher: asyncio.Task[None] | None = None
        # Sent, but the database was away when we tried to delete them: retried by each
        # sweep, so the chat's next messages need not wait for the lease to run out.
        self._unacknowledged: set[int] = set()

    async def retry(self) -> None:
        """Delete the rows whose acknowledgement failed earlier, if the database is back."""
        if self._unacknowledged:
            ids, self._unacknowledged = list(self._unacknowledged), set()
            await self.ack_all(ids)

    async def ack_all(self, row_ids: Sequence[int]) -> None:
        """Return once these rows are deleted."""
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiting += [(row_id, done) for row_id in row_ids]
        if self._flusher is None or self._flusher.done():
            self._flusher = asyncio.create_task(self._flush_loop(), name="outbox-acks")
        await done

    async def _flush_loop(self) -> None:
        while self._waiting:
            batch, self._waiting = self._waiting, []
            try:
                await self._deps.db.execute_alone(_DELETE_SENT, {"ids": [i for i, _ in batch]})
            except Exception as error:
                if not is_transient(error):
                    for _, done in batch:
                        if not done.done():
                            done.set_exception(error)
                    continue
                # The database is away. We retry at each sweep; if the lease runs out first
                # (or we crash), the rows may be sent again. Better twice than never.
                self._unacknowledged.update(row_id for row_id, _ in batch)
                logger.warning("could not acknowledge %d sent messages", len(batch))
            for _, done in batch:  # several ids may share one future: resolve it once
                if not done.done():
                    done.set_result(None)


def _as_delta(retry_after: int | timedelta) -> timedelta:
    if isinstance(retry_after, timedelta):
        return retry_after
    return timedelta(seconds=retry_after)


# -- the Bot API calls we make ------------------------------------------------------------------

# Payload keys that are ours, not the Bot API's.
_PRIVATE_KEYS = frozenset({"chart", "labels", "filename", "keep"})
_FILE_FIELD = {"sendPhoto": "photo", "sendDocument": "document"}
_NO_CHAT_ID = frozenset({"answerCallbackQuery", "setMyCommands"})
_LINK_PREVIEWS = frozenset({"sendMessage", "editMessageText"})


async def _call(api: BotApi, message: Outgoing) -> object:
    """One raw Bot API call. We never use what Telegram sends back (see BotApi)."""
    payload = message.payload
    params: dict[str, Any] = {
        key: value for key, value in payload.items() if key not in _PRIVATE_KEYS
    }
    if message.method not in _NO_CHAT_ID:
        params["chat_id"] = message.chat_id
    if message.method in _LINK_PREVIEWS:
        params["link_preview_options"] = {"is_disabled": True}
    field = _FILE_FIELD.get(message.method)
    if field is not None:
        params[field] = InputFile(_file_of(message), filename=payload.get("filename"))
    return await api.call(message.method, params)


def _file_of(message: Outgoing) -> bytes:
    # Charts are drawn before this (OutboxSender._draw), so no transaction waits on them.
    if message.file is not None:
        return message.file
    raise ValueError(f"{message.method} without a file")
