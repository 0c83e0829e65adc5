"""/help and /cancel: always available, whatever flow the person is in."""

from __future__ import annotations

from telegram import Update

from bot.services import flows
from bot.services.operator import operator_counts
from bot.telegram.context import CoachContext
from bot.telegram.handlers.common import profile_of, say, text


async def on_help(update: Update, ctx: CoachContext) -> None:
    say(ctx, "help.text")


async def on_cancel(update: Update, ctx: CoachContext) -> None:
    left = await flows.end(ctx.turn.session, profile_of(update).user_id)
    say(ctx, "cancel.left_flow" if left else "cancel.nothing")


async def on_about(update: Update, ctx: CoachContext) -> None:
    say(ctx, "about.text")


async def on_admin(update: Update, ctx: CoachContext) -> None:
    """Counts for operators (ADMIN_IDS only); never any message content. To everyone else
    it looks like any unknown command."""
    person = update.effective_user
    if person is None or person.id not in ctx.deps.settings.admin_ids:
        say(ctx, "fallback.unknown_command")
        return
    counts = await operator_counts(ctx.turn.session, ctx.turn.now)
    ctx.turn.send(ctx.person_chat, text(ctx, "admin.stats", **counts))
