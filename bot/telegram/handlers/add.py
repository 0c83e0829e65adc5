"""/add: a personal idea, screened kindly by the same respect rules as the catalog. The flow
is the table in `bot.domain.flows.add`, run by `services.add_flow`; this module only
renders."""

from __future__ import annotations

from telegram import Update

from bot.db.models import User
from bot.domain.flows.add import HIGHEST, LEVEL, LOWEST
from bot.services import add_flow
from bot.services.add_flow import BadLevel, Rejected, Saved, Spoiled, TooMany
from bot.services.flows import Ask, Pending, Reask, Stale
from bot.telegram.context import CoachContext
from bot.telegram.handlers.common import (
    button,
    clear_pressed,
    clip,
    label,
    onboarded_user,
    say,
    text,
)
from bot.telegram.keyboards import Callback, Cb, IdeaAction, Keyboard, pack, rows_of
from bot.texts import Markup


async def on_add(update: Update, ctx: CoachContext) -> None:
    user = await onboarded_user(ctx, update)
    if user is None:
        return
    typed = clip(" ".join(ctx.args or []))
    _render(ctx, await add_flow.command(ctx.turn.session, user, typed, now=ctx.turn.now))


async def on_text(ctx: CoachContext, user: User, pending: Pending, message: str) -> None:
    turn = ctx.turn
    decision = await add_flow.answer_typed(
        turn.session, user, pending, clip(message), turn.language, now=turn.now
    )
    _render(ctx, decision)


async def on_level_button(ctx: CoachContext, user: User, callback: Callback) -> str | None:
    code = callback.part(0) or ""
    decision = await add_flow.tap_level(ctx.turn.session, user, code, now=ctx.turn.now)
    if isinstance(decision, Stale):
        return label(ctx, "stale.question")
    if isinstance(decision, BadLevel):
        return label(ctx, "stale.button")
    clear_pressed(ctx)
    _render(ctx, decision)
    return None


def _render(ctx: CoachContext, decision: add_flow.Decision) -> None:
    if isinstance(decision, TooMany):
        say(ctx, "add.too_many", limit=decision.limit)
    elif isinstance(decision, Ask | Reask):
        _render_question(ctx, decision)
    elif isinstance(decision, Rejected):
        reasons = "\n".join(
            "• " + text(ctx, f"add.problems.{code.value}") for code in decision.problems
        )
        say(ctx, "add.rejected", reasons=Markup(reasons))
    elif isinstance(decision, Spoiled):
        say(ctx, "stale.question")
    elif isinstance(decision, Saved):
        # "Try it now" goes through the idea checks: the idea was offered as it was saved.
        keyboard = [
            [button(ctx, "buttons.add.try_now", pack(Cb.IDEA, IdeaAction.TRY, decision.idea_id))]
        ]
        say(ctx, "add.saved", keyboard, level=decision.level)


def _render_question(ctx: CoachContext, question: Ask | Reask) -> None:
    if isinstance(question, Reask):
        say(ctx, f"add.{question.miss}", _levels(ctx))  # the table's words for a miss
    elif question.step == LEVEL:
        say(ctx, "add.ask_level", _levels(ctx))
    else:
        say(ctx, "add.ask_text")


def _levels(ctx: CoachContext) -> Keyboard:
    levels = range(LOWEST, HIGHEST + 1)
    return rows_of(
        [button(ctx, f"buttons.level.{level}", pack(Cb.ADD, level)) for level in levels], 5
    )
