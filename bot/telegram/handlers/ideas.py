"""/idea and the idea buttons: I'll try it, Another one, Easier, Bolder, Not for me.

Nudges carry the same buttons (plus "Not today"), so both go through here.
"""

from __future__ import annotations

from telegram import Update

from bot.db.models import User
from bot.domain import ladder
from bot.domain.answers.choices import parse_idea_request
from bot.services import attempts, ideas
from bot.services.ideas import Idea, Reaction
from bot.telegram.compose import Part
from bot.telegram.context import CoachContext
from bot.telegram.handlers import care as care_handlers
from bot.telegram.handlers import log
from bot.telegram.handlers.common import (
    clear_pressed,
    gentler_keyboard,
    label,
    onboarded_user,
    say,
    send_idea,
    text,
)
from bot.telegram.keyboards import Callback, Cb, IdeaAction
from bot.telegram.views import log as log_views

TRY, ANOTHER, EASIER, BOLDER = (
    IdeaAction.TRY,
    IdeaAction.ANOTHER,
    IdeaAction.EASIER,
    IdeaAction.BOLDER,
)
NOPE, NOT_TODAY, NEW, GENTLER = (
    IdeaAction.NOT_FOR_ME,
    IdeaAction.NOT_TODAY,
    IdeaAction.NEW,
    IdeaAction.GENTLER,
)


async def on_idea(update: Update, ctx: CoachContext) -> None:
    user = await onboarded_user(ctx, update)
    if user is None:
        return
    request = parse_idea_request(ctx.args or [], ctx.turn.language)
    if request.step:
        await _shift(ctx, user, request.step, user.level)
        return
    if await care_handlers.cap_holds_idea(ctx, user):
        return
    if request.unknown_word is not None:
        intro = text(ctx, "ideas.unknown_filter", word=request.unknown_word)
        await send_idea(ctx, user, intro=intro)
        return
    await send_idea(ctx, user, category=request.category)


async def on_idea_button(ctx: CoachContext, user: User, callback: Callback) -> str | None:
    action = callback.part(0)
    if action in (NEW.value, GENTLER.value):
        clear_pressed(ctx)
        if action == NEW.value:
            await send_idea(ctx, user)
        else:
            await _shift(ctx, user, -1, user.level)
        return None
    challenge_id = callback.int_part(1)
    if challenge_id is None:
        return label(ctx, "stale.button")
    turn = ctx.turn
    idea = await ideas.offered_idea(turn.session, user.id, challenge_id, now=turn.now)
    handler = _ACTIONS.get(action or "")
    if idea is None or handler is None:
        return label(ctx, "stale.button")
    clear_pressed(ctx)
    await handler(ctx, user, idea, callback.kind)
    return None


async def _try(ctx: CoachContext, user: User, idea: Idea, kind: Cb) -> None:
    turn = ctx.turn
    await ideas.record(turn.session, user.id, idea.id, Reaction.ACCEPTED, turn.now)
    source = "nudge" if kind is Cb.NUDGE else "idea"
    attempt = await attempts.start_planned(turn.session, user, idea, source=source, now=turn.now)
    say(ctx, "ideas.accepted")
    await log.begin_before_ask(ctx, user, attempt)


async def _another(ctx: CoachContext, user: User, idea: Idea, kind: Cb) -> None:
    turn = ctx.turn
    await ideas.record(turn.session, user.id, idea.id, Reaction.ANOTHER, turn.now)
    await send_idea(ctx, user, exclude=(idea.id,))


async def _not_for_me(ctx: CoachContext, user: User, idea: Idea, kind: Cb) -> None:
    turn = ctx.turn
    await ideas.record(turn.session, user.id, idea.id, Reaction.NOT_FOR_ME, turn.now)
    await send_idea(ctx, user, intro=text(ctx, "ideas.not_for_me"), exclude=(idea.id,))


async def _easier(ctx: CoachContext, user: User, idea: Idea, kind: Cb) -> None:
    await ideas.record(ctx.turn.session, user.id, idea.id, Reaction.EASIER, ctx.turn.now)
    await _shift(ctx, user, -1, idea.level, exclude=(idea.id,))


async def _bolder(ctx: CoachContext, user: User, idea: Idea, kind: Cb) -> None:
    await ideas.record(ctx.turn.session, user.id, idea.id, Reaction.BOLDER, ctx.turn.now)
    await _shift(ctx, user, +1, idea.level, exclude=(idea.id,))


async def _not_today(ctx: CoachContext, user: User, idea: Idea, kind: Cb) -> None:
    turn = ctx.turn
    await ideas.record(turn.session, user.id, idea.id, Reaction.NOT_TODAY, turn.now)
    change = await ideas.apply_ladder(turn.session, user, turn.now)
    paragraphs = [text(ctx, "nudge.not_today")]
    moved = log_views.level_line(ctx, change, None)
    if moved is not None:  # a second skip in a row makes the next ideas smaller: say so
        paragraphs.append(moved)
    reply = "\n\n".join(paragraphs)
    ctx.turn.send(ctx.person_chat, reply, gentler_keyboard(ctx), part=Part.CREDIT)


async def _shift(
    ctx: CoachContext,
    user: User,
    step: int,
    from_level: int,
    *,
    exclude: tuple[int, ...] = (),
) -> None:
    """Easier or Bolder: a look at an idea one step from `from_level`. Looking is not
    choosing: the person's level stays (it moves by the ladder's rules or in /settings)."""
    target = ladder.clamp(from_level + step)
    if target == from_level:
        key = "ideas.easiest_already" if step < 0 else "ideas.boldest_already"
    else:
        key = "ideas.easier" if step < 0 else "ideas.bolder"
    await send_idea(ctx, user, intro=text(ctx, key), exclude=exclude, level=target)


_ACTIONS = {
    TRY.value: _try,
    ANOTHER.value: _another,
    NOPE.value: _not_for_me,
    EASIER.value: _easier,
    BOLDER.value: _bolder,
    NOT_TODAY.value: _not_today,
}
