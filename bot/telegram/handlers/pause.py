"""/pause [days] and /resume: a break from nudges, and a soft return."""

from __future__ import annotations

from datetime import datetime

from telegram import Update

from bot.db.models import User
from bot.domain import dates, schedule
from bot.domain.answers.pauses import parse_pause_days
from bot.services import profile
from bot.telegram.context import CoachContext
from bot.telegram.handlers.common import (
    button,
    clear_pressed,
    current_user,
    label,
    say,
)
from bot.telegram.keyboards import Callback, Cb, pack

PAUSE_CHOICES = (1, 3, 7, 14)


def when(ctx: CoachContext, user: User, instant: datetime | None) -> str:
    """A friendly local date for the next nudge, like "Thursday 27 Nov"."""
    if instant is None:
        return label(ctx, "pause.no_nudges")
    local = schedule.local_now(instant, user.timezone)
    weekday = label(ctx, f"weekdays.{local.weekday()}")
    return f"{weekday} {dates.day_month_time(local, ctx.turn.language)}"


async def on_pause(update: Update, ctx: CoachContext) -> None:
    user = await current_user(ctx, update)
    if user is None or user.onboarded_at is None:
        say(ctx, update, "fallback.not_onboarded")
        return
    today = schedule.local_now(ctx.turn.now, user.timezone).weekday()
    days = parse_pause_days(" ".join(ctx.args or []), today, ctx.turn.language)
    if days is None:
        choices = [
            button(ctx, f"buttons.pause.{days}", pack(Cb.PAUSE, days)) for days in PAUSE_CHOICES
        ]
        say(ctx, update, "pause.how_long", [choices])
        return
    _pause(ctx, update, user, days)


def _pause(ctx: CoachContext, update: Update, user: User, days: int) -> None:
    if not 1 <= days <= profile.MAX_PAUSE_DAYS:
        say(ctx, update, "pause.out_of_range", most=profile.MAX_PAUSE_DAYS)
        return
    profile.pause(user, days, ctx.turn.now)
    say(ctx, update, "pause.paused", back=when(ctx, user, user.next_nudge_at))


async def on_pause_button(
    ctx: CoachContext, update: Update, user: User, callback: Callback
) -> str | None:
    days = callback.int_part(0)
    if days not in PAUSE_CHOICES:
        return label(ctx, "stale.button")
    clear_pressed(ctx, update)
    _pause(ctx, update, user, days)
    return None


async def on_resume(update: Update, ctx: CoachContext) -> None:
    user = await current_user(ctx, update)
    if user is None or user.onboarded_at is None:
        say(ctx, update, "fallback.not_onboarded")
        return
    was_paused = profile.resume(user, ctx.turn.now)
    key = "pause.resumed" if was_paused else "pause.not_paused"
    say(ctx, update, key, next=when(ctx, user, user.next_nudge_at))
