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
from bot.db.session import dialect_of
from bot.deps import Deps
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


SendHook = Callable[[Outgoing, str], None]


class OutboxSender:
    def __init__(
        self,
        bot: ExtBot[None],
        deps: Deps,
        *,
        concurrency: int = 16,
        on_result: SendHook | None = None,
    ) -> None:
        self._bot = bot
        self._deps = deps
        self._limit = asyncio.Semaphore(concurrency)
        self._on_result = on_result

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
                "claimed_until": None if message.chat_id in blocked_chats else now + LEASE,
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
        """Send claimed rows: chats in parallel (bounded), each chat strictly in order."""
        by_chat: dict[int, list[Pending]] = defaultdict(list)
        for item in pending:
            by_chat[item.message.chat_id].append(item)
        sent: list[int] = []
        await asyncio.gather(*(self._deliver_chat(items, sent) for items in by_chat.values()))
        if sent:
            async with self._deps.db.transaction() as session:
                await session.execute(delete(OutboxMessage).where(OutboxMessage.id.in_(sent)))

    async def _deliver_chat(self, items: Sequence[Pending], sent: list[int]) -> None:
        for position, item in enumerate(items):
            async with self._limit:
                result = await self._send_one(item.message)
            if self._on_result is not None:
                self._on_result(item.message, result.outcome)
            if result.outcome in (SendOutcome.SENT, SendOutcome.DROP):
                sent.append(item.id)
                continue
            if result.outcome == SendOutcome.GONE:
                await self._forget_chat(item.message.chat_id)
                return
            await self._postpone(items[position:], result)
            return

    async def _send_one(self, message: Outgoing) -> _Result:
        try:
            await _CALLS[message.method](self._bot, message)
        except RetryAfter as error:
            return _Result(SendOutcome.RETRY, _as_delta(error.retry_after), "429")
        except Forbidden:
            return _Result(SendOutcome.GONE)
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
            return _Result(SendOutcome.GONE)
        # Our bug, not the person's: say which call and why, never the message text.
        logger.error("Telegram rejected %s: %s", message.method, error)
        return _Result(SendOutcome.DROP)

    async def _postpone(self, items: Sequence[Pending], result: _Result) -> None:
        """Release the claim on this chat's remaining rows and try again later."""
        now = self._deps.clock()
        head = items[0]
        tries = head.tries + 1
        if result.delay is None and tries >= MAX_TRIES:
            logger.error("giving up on %s after %d tries", head.message.method, tries)
            async with self._deps.db.transaction() as session:
                await session.execute(delete(OutboxMessage).where(OutboxMessage.id == head.id))
            return
        delay = result.delay or min(timedelta(seconds=2**tries), MAX_BACKOFF)
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
        now = self._deps.clock()
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
        now = self._deps.clock()
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
                .values(claimed_until=now + LEASE)
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
