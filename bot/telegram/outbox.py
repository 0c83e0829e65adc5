"""Delivering the outbox: every message the bot sends, in order per chat, at least once.

Rows are written in the transaction that decided to send them (see context.Turn) and
claimed with a lease, so another process never sends the same row while we do. After a
successful call the row is deleted. Failures are sorted by what they mean:

- 403 Forbidden: the person blocked the bot. Mark them inactive, drop their queue.
- 429 RetryAfter: honour retry_after; the row and the rest of that chat's queue wait.
- 5xx, timeouts, network errors: retry with bounded exponential backoff, then give up.
- 400 "message is not modified" / "query is too old": the goal is already met; done.
- Other 400s are our bug: log it (never the text) and drop the row, so one bad message
  cannot block a chat forever.
"""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from telegram import InlineKeyboardMarkup, InputFile, LinkPreviewOptions
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError
from telegram.ext import ExtBot

from bot.db.models import OutboxMessage, User
from bot.db.session import dialect_of, is_transient
from bot.deps import Deps, system_clock
from bot.services import progress
from bot.telegram.context import Outgoing

logger = logging.getLogger(__name__)

LEASE = timedelta(seconds=20)
MAX_TRIES = 8
MAX_BACKOFF = timedelta(seconds=60)
_DONE_ALREADY = ("message is not modified", "query is too old", "message to edit not found")
_GONE = ("chat not found", "user is deactivated", "bot was blocked")


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


class OutboxSender:
    def __init__(
        self,
        bot: ExtBot[None],
        deps: Deps,
        *,
        concurrency: int = 16,
        on_result: SendHook | None = None,
        lease: timedelta = LEASE,
        backoff_base: float = 1.0,
        clock: Callable[[], datetime] = system_clock,
    ) -> None:
        self._bot = bot
        self._deps = deps
        self._limit = asyncio.Semaphore(concurrency)
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
        chats = {message.chat_id for message in messages}
        waiting = await session.scalars(
            select(OutboxMessage.chat_id).where(OutboxMessage.chat_id.in_(chats)).distinct()
        )
        blocked_chats = set(waiting)
        rows = [
            {
                "chat_id": message.chat_id,
                "kind": message.kind,
                "method": message.method,
                "payload": message.payload,
                "file": message.file,
                "created_at": now,
                "claimed_until": None if message.chat_id in blocked_chats else lease_ends,
                "tries": 0,
            }
            for message in messages
        ]
        ids = await _insert_rows(session, rows)
        return [
            Pending(row_id, message)
            for row_id, row, message in zip(ids, rows, messages, strict=True)
            if row["claimed_until"] is not None
        ]

    # -- delivering ---------------------------------------------------------------------

    async def deliver(self, pending: Sequence[Pending]) -> None:
        """Send claimed rows: chats in parallel (bounded), each chat strictly in order.

        A send slot is released only once its row is acknowledged (deleted; concurrent
        acknowledgements share one DELETE), so a crash can re-send at most the messages
        holding a slot at that moment: at most `concurrency` duplicates."""
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
                    update(OutboxMessage)
                    .where(OutboxMessage.id.in_(ids), OutboxMessage.claimed_until.is_not(None))
                    .values(claimed_until=now + self.lease)
                )

    async def _deliver_chat(self, items: Sequence[Pending], held: set[int]) -> None:
        for position, item in enumerate(items):
            async with self._limit:
                result = await self._send_one(item.message)
                if result.outcome in (SendOutcome.SENT, SendOutcome.DROP):
                    await self._acks.ack(item.id)
                    held.discard(item.id)
            if self._on_result is not None:
                self._on_result(item.message, result.outcome, result.error)
            if result.outcome in (SendOutcome.SENT, SendOutcome.DROP):
                continue
            for rest in items[position:]:
                held.discard(rest.id)
            if result.outcome == SendOutcome.GONE:
                await self._forget_chat(item.message.chat_id)
                return
            await self._postpone(items[position:], result)
            return

    async def _send_one(self, message: Outgoing) -> _Result:
        try:
            await _CALLS[message.method](self._bot, message)
        except RetryAfter as error:
            return _Result(SendOutcome.RETRY, _as_delta(error.retry_after), "retry_after")
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

    async def _postpone(self, items: Sequence[Pending], result: _Result) -> None:
        """Release the claim on this chat's remaining rows and try again later."""
        now = self._clock()
        head = items[0]
        tries = head.tries + 1
        if result.delay is None and tries >= MAX_TRIES:
            logger.error("giving up on %s after %d tries", head.message.method, tries)
            async with self._deps.db.transaction() as session:
                await session.execute(delete(OutboxMessage).where(OutboxMessage.id == head.id))
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
        now = self._clock()
        async with self._deps.db.transaction() as session:
            candidates = (
                select(OutboxMessage.id)
                .where(
                    or_(OutboxMessage.claimed_until.is_(None), OutboxMessage.claimed_until < now),
                    or_(OutboxMessage.not_before.is_(None), OutboxMessage.not_before <= now),
                )
                .order_by(OutboxMessage.id)
                .limit(limit)
            )
            claimed = await session.execute(
                update(OutboxMessage)
                .where(
                    OutboxMessage.id.in_(candidates.scalar_subquery()),
                    or_(OutboxMessage.claimed_until.is_(None), OutboxMessage.claimed_until < now),
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


async def _insert_rows(session: AsyncSession, rows: list[dict[str, Any]]) -> Sequence[int]:
    """Insert many outbox rows in one statement and return their ids in row order.

    PostgreSQL batches INSERT ... RETURNING in order. SQLite cannot promise RETURNING
    order for a batch, but inside our write transaction (BEGIN IMMEDIATE: nobody else can
    insert) an executemany hands out consecutive rowids in row order, so the ids are the
    last `len(rows)` ones.
    """
    if dialect_of(session) == "postgresql":
        statement = insert(OutboxMessage).returning(OutboxMessage.id, sort_by_parameter_order=True)
        return list(await session.scalars(statement, rows))
    await session.execute(insert(OutboxMessage), rows)
    last = await session.scalar(select(func.max(OutboxMessage.id)))
    if last is None:
        raise RuntimeError("outbox rows vanished inside their own transaction")
    return range(last - len(rows) + 1, last + 1)


class _Acknowledger:
    """Deletes sent rows, batching whatever finished at the same time into one DELETE.

    `ack` returns once the row is gone. One flusher runs at a time: while it writes, new
    acknowledgements queue up for the next statement.
    """

    def __init__(self, deps: Deps) -> None:
        self._deps = deps
        self._waiting: list[tuple[int, asyncio.Future[None]]] = []
        self._flusher: asyncio.Task[None] | None = None

    async def ack(self, row_id: int) -> None:
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiting.append((row_id, done))
        if self._flusher is None or self._flusher.done():
            self._flusher = asyncio.create_task(self._flush_loop(), name="outbox-acks")
        await done

    async def _flush_loop(self) -> None:
        while self._waiting:
            batch, self._waiting = self._waiting, []
            try:
                async with self._deps.db.transaction() as session:
                    await session.execute(
                        delete(OutboxMessage).where(OutboxMessage.id.in_([i for i, _ in batch]))
                    )
            except Exception as error:
                if not is_transient(error):
                    for _, done in batch:
                        done.set_exception(error)
                    continue
                # The database is away: the rows stay claimed until their lease runs out
                # and may be sent again. Better twice than never.
                logger.warning("could not acknowledge %d sent messages", len(batch))
            for _, done in batch:
                if not done.done():
                    done.set_result(None)


def _as_delta(retry_after: int | timedelta) -> timedelta:
    if isinstance(retry_after, timedelta):
        return retry_after
    return timedelta(seconds=retry_after)


# -- the Bot API calls we make ------------------------------------------------------------

_NO_PREVIEW = LinkPreviewOptions(is_disabled=True)


def _keyboard(payload: dict[str, Any], bot: ExtBot[None]) -> InlineKeyboardMarkup | None:
    raw = payload.get("reply_markup")
    return InlineKeyboardMarkup.de_json(raw, bot) if raw else None


async def _send_message(bot: ExtBot[None], message: Outgoing) -> object:
    payload = message.payload
    return await bot.send_message(
        chat_id=message.chat_id,
        text=payload["text"],
        parse_mode=payload.get("parse_mode"),
        reply_markup=_keyboard(payload, bot),
        link_preview_options=_NO_PREVIEW,
    )


async def _edit_text(bot: ExtBot[None], message: Outgoing) -> object:
    payload = message.payload
    return await bot.edit_message_text(
        chat_id=message.chat_id,
        message_id=payload["message_id"],
        text=payload["text"],
        parse_mode=payload.get("parse_mode"),
        reply_markup=_keyboard(payload, bot),
        link_preview_options=_NO_PREVIEW,
    )


async def _edit_markup(bot: ExtBot[None], message: Outgoing) -> object:
    payload = message.payload
    return await bot.edit_message_reply_markup(
        chat_id=message.chat_id,
        message_id=payload["message_id"],
        reply_markup=_keyboard(payload, bot),
    )


async def _answer_button(bot: ExtBot[None], message: Outgoing) -> object:
    payload = message.payload
    return await bot.answer_callback_query(
        callback_query_id=payload["callback_query_id"], text=payload.get("text")
    )


async def _send_photo(bot: ExtBot[None], message: Outgoing) -> object:
    payload = message.payload
    picture = message.file
    if picture is None and "chart" in payload:
        # Charts are drawn here, at send time, so no transaction ever waits on matplotlib.
        picture = await asyncio.to_thread(progress.render, payload["chart"], payload["labels"])
    return await bot.send_photo(
        chat_id=message.chat_id,
        photo=InputFile(picture or b"", filename=payload.get("filename")),
        caption=payload.get("caption"),
        parse_mode=payload.get("parse_mode"),
    )


async def _send_document(bot: ExtBot[None], message: Outgoing) -> object:
    payload = message.payload
    return await bot.send_document(
        chat_id=message.chat_id,
        document=InputFile(message.file or b"", filename=payload.get("filename")),
        caption=payload.get("caption"),
        parse_mode=payload.get("parse_mode"),
    )


async def _send_chat_action(bot: ExtBot[None], message: Outgoing) -> object:
    return await bot.send_chat_action(chat_id=message.chat_id, action=message.payload["action"])


_CALLS: dict[str, Callable[[ExtBot[None], Outgoing], Awaitable[object]]] = {
    "sendMessage": _send_message,
    "editMessageText": _edit_text,
    "editMessageReplyMarkup": _edit_markup,
    "answerCallbackQuery": _answer_button,
    "sendPhoto": _send_photo,
    "sendDocument": _send_document,
    "sendChatAction": _send_chat_action,
}
