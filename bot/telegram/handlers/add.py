"""/add: a personal idea, screened kindly by the same respect rules as the catalog."""

from __future__ import annotations

from telegram import Update

from bot.db import repo
from bot.db.models import Conversation, User
from bot.services import ideas, own_ideas
from bot.services.ideas import Reaction
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

ADD = "add"


async def on_add(update: Update, ctx: CoachContext) -> None:
    user = await onboarded_user(ctx, update)
    if user is None:
        return
    if await own_ideas.count_own(ctx.turn.session, user.id) >= own_ideas.MAX_OWN_IDEAS:
        say(ctx, "add.too_many", limit=own_ideas.MAX_OWN_IDEAS)
        return
    typed = clip(" ".join(ctx.args or []))
    if not typed:
        await repo.set_conversation(
            ctx.turn.session, user.id, flow=ADD, step="text", now=ctx.turn.now
        )
        say(ctx, "add.ask_text")
        return
    await _take_text(ctx, user, typed)


async def on_text(ctx: CoachContext, user: User, conversation: Conversation, message: str) -> None:
    if conversation.step == "text":
        await _take_text(ctx, user, clip(message))
        return
    digits = [char for char in message if char.isdigit()]
    if len(digits) == 1 and 1 <= int(digits[0]) <= 5:
        await _save(ctx, user, conversation, int(digits[0]))
        return
    say(ctx, "add.level_unknown", _levels(ctx))


async def _take_text(ctx: CoachContext, user: User, typed: str) -> None:
    screening = own_ideas.screen(typed)
    if not screening.ok:
        await repo.clear_conversation(ctx.turn.session, user.id)
        reasons = "\n".join(
            "• " + text(ctx, f"add.problems.{code.value}") for code in screening.problems[:3]
        )
        say(ctx, "add.rejected", reasons=Markup(reasons))
        return
    await repo.set_conversation(
        ctx.turn.session,
        user.id,
        flow=ADD,
        step="level",
        data={"text": " ".join(typed.split())},
        now=ctx.turn.now,
    )
    say(ctx, "add.ask_level", _levels(ctx))


def _levels(ctx: CoachContext) -> Keyboard:
    return rows_of(
        [button(ctx, f"buttons.level.{level}", pack(Cb.ADD, level)) for level in range(1, 6)], 5
    )


async def on_level_button(ctx: CoachContext, user: User, callback: Callback) -> str | None:
    level = callback.int_part(0)
    conversation = await repo.get_conversation(ctx.turn.session, user.id)
    if conversation is None or conversation.flow != ADD or conversation.step != "level":
        return label(ctx, "stale.question")
    if level is None or not 1 <= level <= 5:
        return label(ctx, "stale.button")
    clear_pressed(ctx)
    await _save(ctx, user, conversation, level)
    return None


async def _save(ctx: CoachContext, user: User, conversation: Conversation, level: int) -> None:
    turn = ctx.turn
    idea_text = str(conversation.data.get("text", ""))
    await repo.clear_conversation(turn.session, user.id)
    if not own_ideas.screen(idea_text).ok:  # data from an older version, or tampered with
        say(ctx, "stale.question")
        return
    try:
        idea = await own_ideas.add_idea(turn.session, user, idea_text, level, now=turn.now)
    except own_ideas.TooManyIdeas:
        say(ctx, "add.too_many", limit=own_ideas.MAX_OWN_IDEAS)
        return
    # Offering it right away lets the "Try it now" button go through the idea checks.
    await ideas.record(turn.session, user.id, idea.id, Reaction.OFFERED, turn.now)
    keyboard = [[button(ctx, "buttons.add.try_now", pack(Cb.IDEA, IdeaAction.TRY, idea.id))]]
    ctx.turn.send(ctx.person_chat, text(ctx, "add.saved", level=level), keyboard)
