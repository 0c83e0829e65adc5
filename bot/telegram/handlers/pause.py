"""/pause [how long] and /resume: a break from nudges, and a soft return. How long may be
typed ("3 days", "a week", "till Monday") as well as tapped. The flow is the table in
`bot.domain.flows.pause`, run by `services.pause_flow`; this module only renders."""

from __future__ import annotations

from datetime import datetime

from telegram import Update

from bot.db.models import User
from bot.domain import dates, schedule
from bot.domain.flows.pause import CHOICES
from bot.services import pause_flow, profile
from bot.services.flows import Ask, Left, NotForThisFlow, Pending, Reask, Stale
from bot.services.pause_flow import OutOfRange, Paused
from bot.telegram.context import CoachContext
from bot.telegram.handlers.common import (
    button,
    clear_pressed,
    clip,
    label,
    onboarded_user,
    say,
)
from bot.telegram.keyboards import Callback, Cb, Keyboard, pack


def when(ctx: CoachContext, user: User, instant: datetime | None) -> str:
    """A friendly local date for the next nudge, like "Thursday 27 Nov"."""
    if instant is None:
        return label(ctx, "pause.no_nudges")
    local = schedule.local_now(instant, user.timezone)
    weekday = label(ctx, f"weekdays.{local.weekday()}")
    return f"{weekday} {dates.day_month_time(local, ctx.turn.language)}"


def _choices(ctx: CoachContext) -> Keyboard:
    return [[button(ctx, f"buttons.pause.{days}", pack(Cb.PAUSE, days)) for days in CHOICES]]


def _render(ctx: CoachContext, user: User, decision: pause_flow.Decision, typed: str) -> None:
    if isinstance(decision, Paused):
        say(ctx, "pause.paused", back=when(ctx, user, decision.back))
    elif isinstance(decision, OutOfRange):
        say(ctx, "pause.out_of_range", most=decision.most)
    elif isinstance(decision, Ask):
        say(ctx, "pause.how_long", _choices(ctx))
    elif isinstance(decision, Reask):
        say(ctx, f"pause.{decision.miss}", _choices(ctx), answer=typed[:60])
    elif isinstance(decision, Left):
        say(ctx, "cancel.left_flow")


async def on_pause(update: Update, ctx: CoachContext) -> None:
    user = await onboarded_user(ctx, update)
    if user is None:
        return
    typed = clip(" ".join(ctx.args or []))
    turn = ctx.turn
    decision = await pause_flow.command(turn.session, user, typed, turn.language, now=turn.now)
    _render(ctx, user, decision, typed)


async def on_typed_wish(ctx: CoachContext, user: User, typed: str) -> None:
    """ "pause for 2 days" typed outside any question: the break at once, or "how long?"."""
    turn = ctx.turn
    decision = await pause_flow.wish(turn.session, user, typed, turn.language, now=turn.now)
    _render(ctx, user, decision, typed)


async def on_text(ctx: CoachContext, user: User, pending: Pending, message: str) -> bool:
    """A typed answer to "how long a break?". False when the message is about something
    else (a quick log, say): the question is let go and the message read as usual."""
    typed, turn = clip(message), ctx.turn
    decision = await pause_flow.answer_typed(
        turn.session, user, pending, typed, turn.language, now=turn.now
    )
    if isinstance(decision, NotForThisFlow):
        return False
    _render(ctx, user, decision, typed)
    return True


async def on_pause_button(ctx: CoachContext, user: User, callback: Callback) -> str | None:
    code = callback.part(0) or ""
    decision = await pause_flow.tap(ctx.turn.session, user, code, now=ctx.turn.now)
    if isinstance(decision, Stale):
        return label(ctx, "stale.button")
    clear_pressed(ctx)
    _render(ctx, user, decision, code)
    return None


async def on_resume(update: Update, ctx: CoachContext) -> None:
    user = await onboarded_user(ctx, update)
    if user is None:
        return
    was_paused = profile.resume(user, ctx.turn.now)
    key = "pause.resumed" if was_paused else "pause.not_paused"
    say(ctx, key, next=when(ctx, user, user.next_nudge_at))
