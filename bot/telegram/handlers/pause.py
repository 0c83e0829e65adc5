"""/pause [how long] and /resume: a break from nudges, and a soft return. How long may be
typed ("3 days", "a week", "till Monday") as well as tapped."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from telegram import Update

from bot.db import repo
from bot.db.models import Conversation, User
from bot.domain import dates, schedule
from bot.domain.answers import Control, parse_control, parse_quick_log
from bot.domain.answers.pauses import parse_pause_days
from bot.services import profile
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

PAUSE = "pause"
PAUSE_CHOICES = (1, 3, 7, 14)
MAX_REASKS = 2  # then the question is let go, so a pause question never traps the chat
QUESTION_LIFETIME = timedelta(hours=1)


def when(ctx: CoachContext, user: User, instant: datetime | None) -> str:
    """A friendly local date for the next nudge, like "Thursday 27 Nov"."""
    if instant is None:
        return label(ctx, "pause.no_nudges")
    local = schedule.local_now(instant, user.timezone)
    weekday = label(ctx, f"weekdays.{local.weekday()}")
    return f"{weekday} {dates.day_month_time(local, ctx.turn.language)}"


def _days_from(ctx: CoachContext, user: User, typed: str) -> int | None:
    today = schedule.local_now(ctx.turn.now, user.timezone).weekday()
    return parse_pause_days(typed, today, ctx.turn.language)


def _choices(ctx: CoachContext) -> Keyboard:
    return [[button(ctx, f"buttons.pause.{days}", pack(Cb.PAUSE, days)) for days in PAUSE_CHOICES]]


async def on_pause(update: Update, ctx: CoachContext) -> None:
    user = await onboarded_user(ctx, update)
    if user is None:
        return
    typed = clip(" ".join(ctx.args or []))
    if typed:
        days = _days_from(ctx, user, typed)
        if days is None:
            say(ctx, "pause.unknown", _choices(ctx), answer=typed[:60])
        else:
            _pause(ctx, user, days)
        return
    await _ask_how_long(ctx, user)


async def on_typed_wish(ctx: CoachContext, user: User, typed: str) -> None:
    """ "pause for 2 days" typed outside any question: the break at once, or "how long?"."""
    days = _days_from(ctx, user, typed)
    if days is None:
        await _ask_how_long(ctx, user)
    else:
        _pause(ctx, user, days)


async def _ask_how_long(ctx: CoachContext, user: User) -> None:
    # The answer may be typed as well as tapped; an open question (a log in progress) keeps
    # the typed answers, and the buttons still work there.
    if await repo.get_conversation(ctx.turn.session, user.id) is None:
        await repo.set_conversation(
            ctx.turn.session, user.id, flow=PAUSE, step="days", now=ctx.turn.now
        )
    say(ctx, "pause.how_long", _choices(ctx))


def _asked_long_ago(ctx: CoachContext, conversation: Conversation) -> bool:
    """A message hours after "how long a break?" is about something else."""
    asked = conversation.updated_at
    if asked.tzinfo is None:  # SQLite gives naive UTC back
        asked = asked.replace(tzinfo=UTC)
    return ctx.turn.now - asked > QUESTION_LIFETIME


async def on_text(ctx: CoachContext, user: User, conversation: Conversation, message: str) -> bool:
    """A typed answer to "how long a break?". False when the message is about something
    else (a quick log, say): the question is let go and the message read as usual."""
    typed = clip(message)
    if _asked_long_ago(ctx, conversation):
        await repo.clear_conversation(ctx.turn.session, user.id)
        return False
    if parse_control(typed, ctx.turn.language) is Control.CANCEL:
        await repo.clear_conversation(ctx.turn.session, user.id)
        say(ctx, "cancel.left_flow")
        return True
    days = _days_from(ctx, user, typed)
    if days is not None:
        await repo.clear_conversation(ctx.turn.session, user.id)
        _pause(ctx, user, days)
        return True
    if parse_quick_log(typed, ctx.turn.language) is not None or conversation.retries >= MAX_REASKS:
        await repo.clear_conversation(ctx.turn.session, user.id)
        return False
    conversation.retries += 1
    say(ctx, "pause.unknown", _choices(ctx), answer=typed[:60])
    return True


def _pause(ctx: CoachContext, user: User, days: int) -> None:
    if not 1 <= days <= profile.MAX_PAUSE_DAYS:
        say(ctx, "pause.out_of_range", most=profile.MAX_PAUSE_DAYS)
        return
    profile.pause(user, days, ctx.turn.now)
    say(ctx, "pause.paused", back=when(ctx, user, user.next_nudge_at))


async def on_pause_button(ctx: CoachContext, user: User, callback: Callback) -> str | None:
    days = callback.int_part(0)
    if days not in PAUSE_CHOICES:
        return label(ctx, "stale.button")
    clear_pressed(ctx)
    conversation = await repo.get_conversation(ctx.turn.session, user.id)
    if conversation is not None and conversation.flow == PAUSE:
        await repo.clear_conversation(ctx.turn.session, user.id)
    _pause(ctx, user, days)
    return None


async def on_resume(update: Update, ctx: CoachContext) -> None:
    user = await onboarded_user(ctx, update)
    if user is None:
        return
    was_paused = profile.resume(user, ctx.turn.now)
    key = "pause.resumed" if was_paused else "pause.not_paused"
    say(ctx, key, next=when(ctx, user, user.next_nudge_at))
