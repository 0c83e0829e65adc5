"""/help and /cancel: always available, whatever flow the person is in."""

from __future__ import annotations

from telegram import Update

from bot.db import repo
from bot.telegram.context import CoachContext
from bot.telegram.handlers.common import profile_of, say


async def on_help(update: Update, ctx: CoachContext) -> None:
    say(ctx, update, "help.text")


async def on_cancel(update: Update, ctx: CoachContext) -> None:
    left = await repo.clear_conversation(ctx.turn.session, profile_of(update).user_id)
    say(ctx, update, "cancel.left_flow" if left else "cancel.nothing")
