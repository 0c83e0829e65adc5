"""Long polling that confirms an update to Telegram only after it is stored.

Telegram treats an update as delivered once we ask for a higher offset. So: fetch, store
in the inbox (committed), and only then move the offset. If the database is down we keep
the offset where it is; Telegram hands the same updates over again once we retry.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from telegram.error import Conflict, InvalidToken, NetworkError, RetryAfter, TimedOut
from telegram.ext import ExtBot

from bot.delivery.inbox import DatabaseUnavailable, Inbox

logger = logging.getLogger(__name__)

LONG_POLL_SECONDS = 25
# No channel_post: channels are not people, and every update we take costs a row and a turn.
ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "my_chat_member"]
_BACKOFF = (1.0, 2.0, 4.0, 8.0, 15.0, 30.0)


class Poller:
    def __init__(
        self,
        bot: ExtBot[None],
        inbox: Inbox,
        *,
        on_store_failure: Callable[[list[dict[str, Any]]], Awaitable[None]] | None = None,
        long_poll_seconds: int = LONG_POLL_SECONDS,
    ) -> None:
        self._bot = bot
        self._inbox = inbox
        self._on_store_failure = on_store_failure
        self._long_poll = long_poll_seconds
        self._offset: int | None = None
        self.first_poll = asyncio.Event()

    async def run(self) -> None:
        """Poll until cancelled. The first call has no offset: Telegram then hands over
        everything not yet confirmed, including updates stored just before a crash (the
        inbox ignores those repeats)."""
        failures = 0
        while True:
            try:
                await self._poll_once()
                failures = 0
            except (DatabaseUnavailable, NetworkError, TimedOut, Conflict, RetryAfter) as error:
                delay = _delay_for(error, failures)
                failures += 1
                logger.warning("polling paused %.0fs: %s", delay, type(error).__name__)
                await asyncio.sleep(delay)
            except InvalidToken:
                logger.critical("Telegram rejected the bot token; stopping polling")
                raise
            except Exception:
                # Polling must outlive any bug; the traceback says what to fix.
                delay = _BACKOFF[min(failures, len(_BACKOFF) - 1)]
                failures += 1
                logger.exception("polling failed; retrying in %.0fs", delay)
                await asyncio.sleep(delay)

    async def _poll_once(self) -> None:
        self.first_poll.set()
        params: dict[str, Any] = {"timeout": self._long_poll, "allowed_updates": ALLOWED_UPDATES}
        if self._offset is not None:
            params["offset"] = self._offset
        # Raw JSON: it is stored as is and parsed once, when processed.
        updates = await self._bot.do_api_request(
            "getUpdates", api_kwargs=params, read_timeout=self._long_poll + 10
        )
        if not isinstance(updates, list) or not updates:
            return
        try:
            await self._inbox.store(updates)
        except DatabaseUnavailable:
            if self._on_store_failure is not None:
                await self._on_store_failure(updates)
            raise
        self._offset = max(int(update["update_id"]) for update in updates) + 1


def _delay_for(error: Exception, failures: int) -> float:
    if isinstance(error, RetryAfter):
        retry_after = error.retry_after
        return float(retry_after if isinstance(retry_after, int) else retry_after.total_seconds())
    return _BACKOFF[min(failures, len(_BACKOFF) - 1)]
