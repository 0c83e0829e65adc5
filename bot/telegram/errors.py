"""The one error handler: log with traceback (the token is redacted by the logging
filter), mark the turn failed so its partial work is rolled back, and let the inbox send a
calm apology. The bot keeps serving everyone else."""

from __future__ import annotations

import contextlib
import logging

from telegram import Update

from bot.telegram.context import CoachContext

logger = logging.getLogger(__name__)


async def on_error(update: object, ctx: CoachContext) -> None:
    error = ctx.error
    kind = type(error).__name__ if error is not None else "unknown"
    update_id = update.update_id if isinstance(update, Update) else None
    # Never the update itself: it holds the person's message.
    logger.error("handler failed on update %s: %s", update_id, kind, exc_info=error)
    if error is None or update_id is None:
        return
    # Outside a turn (a job, say) there is nothing to roll back; the log is all we can do.
    with contextlib.suppress(RuntimeError):
        ctx.turn.error = error
