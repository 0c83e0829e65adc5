"""Care: harsh self-talk, vulnerability hangovers and the weekly pace (crisis language is
``handlers/crisis.py``)."""

from __future__ import annotations

from telegram import Update

from bot.db.models import Attempt, Conversation, User
from bot.domain.feelings import detect_exhaustion, detect_self_criticism
from bot.services import care
from bot.telegram.context import CoachContext
from bot.telegram.handlers.common import (
    button,
    clear_pressed,
    label,
    say,
    send_idea,
    text,
)
from bot.telegram.keyboards import Callback, Cb, IdeaAction, Keyboard, pack

SKIP_TOMORROW, KEEP, KEEP_GOING = "skip", "keep", "more"


def reframe_once(ctx: CoachContext, update: Update, conversation: Conversation, typed: str) -> None:
    """Harsh self-talk in a reflection gets one kind reframe per conversation."""
    data = dict(conversation.data or {})
    if data.get("reframed") or not detect_self_criticism(typed, ctx.turn.language):
        return
    data["reframed"] = True
    conversation.data = data
    say(ctx, update, "care.reframe")


async def after_logged(ctx: CoachContext, update: Update, user: User, attempt: Attempt) -> None:
    """After an ask is logged: rest after a draining one, celebrate a full week."""
    pace = await care.pace_of(ctx.turn.session, user, ctx.turn.now)
    drained = detect_exhaustion(attempt.lesson or "")
    if care.hangover_signs(attempt, pace, drained_words=drained):
        say(ctx, update, "care.hangover", rest_keyboard(ctx))
    elif pace.cap > 0 and pace.this_week == pace.cap and not pace.kept_going:
        keyboard = [[button(ctx, "buttons.care.keep_nudging", pack(Cb.CARE, KEEP_GOING))]]
        say(ctx, update, "care.cap_reached", keyboard, count=pace.this_week)


def rest_keyboard(ctx: CoachContext) -> Keyboard:
    return [
        [
            button(ctx, "buttons.care.skip_tomorrow", pack(Cb.CARE, SKIP_TOMORROW)),
            button(ctx, "buttons.care.keep", pack(Cb.CARE, KEEP)),
        ]
    ]


async def cap_holds_idea(ctx: CoachContext, update: Update, user: User) -> bool:
    """/idea past the weekly pace: celebrate and suggest rest, with "one anyway"."""
    pace = await care.pace_of(ctx.turn.session, user, ctx.turn.now)
    if not pace.cap_reached:
        return False
    keyboard = [[button(ctx, "buttons.care.one_anyway", pack(Cb.IDEA, IdeaAction.NEW))]]
    say(ctx, update, "care.cap_idea", keyboard, count=pace.this_week)
    return True


async def on_care_button(
    ctx: CoachContext, update: Update, user: User, callback: Callback
) -> str | None:
    choice = callback.part(0)
    now = ctx.turn.now
    if choice == SKIP_TOMORROW:
        care.skip_tomorrow(user, now)
        key = "care.skip_tomorrow_done"
    elif choice == KEEP:
        key = "care.keep_nudges"
    elif choice == KEEP_GOING:
        care.keep_going_this_week(user, now)
        clear_pressed(ctx, update)
        await send_idea(ctx, update, user, intro=text(ctx, "care.cap_kept_going"))
        return None
    else:
        return label(ctx, "stale.button")
    clear_pressed(ctx, update)
    say(ctx, update, key)
    return None
