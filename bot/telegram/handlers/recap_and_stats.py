"""/recap (this week so far, or the last weekly recap) and /stats (a chart)."""

from __future__ import annotations

from datetime import timedelta

from telegram import Update

from bot.db.models import User
from bot.delivery.turn import CHART_FILENAME
from bot.domain.recap import ASKED, summarise
from bot.services import buddies, chart_data, kept_files, recaps
from bot.services.kept_files import Kind, Reuse
from bot.telegram import views
from bot.telegram.context import CoachContext
from bot.telegram.handlers.common import (
    button,
    clear_pressed,
    label,
    onboarded_user,
    say,
    text,
    texts_of,
)
from bot.telegram.keyboards import Callback, Cb, pack

LAST = "last"


async def on_recap(update: Update, ctx: CoachContext) -> None:
    user = await onboarded_user(ctx, update)
    if user is None:
        return
    if any(word.lower() == LAST for word in ctx.args or []):
        await _last_recap(ctx, user.id, user.recap_weekday)
        return
    turn = ctx.turn
    week = recaps.Week.containing(turn.now, user.timezone)
    found = await recaps.week_attempts(turn.session, {user.id: week})
    summary = summarise(found.get(user.id, []), level=user.level)
    together = await buddies.practised_too(turn.session, {user.id: (week.begins, week.ends)})
    text = views.recap_text(
        texts_of(ctx),
        turn.rng,
        summary,
        name=user.first_name,
        dates=views.week_dates(week.start, ctx.turn.language),
        level=user.level,
        so_far=True,
        buddy=together.get(user.id),
    )
    keyboard = [[button(ctx, "buttons.recap.last_week", pack(Cb.RECAP, LAST))]]
    turn.send(ctx.person_chat, text, keyboard)


async def on_recap_button(ctx: CoachContext, user: User, callback: Callback) -> str | None:
    if callback.part(0) != LAST:
        return label(ctx, "stale.button")
    clear_pressed(ctx)
    await _last_recap(ctx, user.id, user.recap_weekday)
    return None


async def _last_recap(ctx: CoachContext, user_id: int, weekday: int) -> None:
    stored = await recaps.latest(ctx.turn.session, user_id)
    if stored is None:
        say(ctx, "recap.none_stored", day=label(ctx, f"weekdays.{weekday}"))
        return
    ctx.turn.send(ctx.person_chat, stored.text)


async def on_stats(update: Update, ctx: CoachContext) -> None:
    user = await onboarded_user(ctx, update)
    if user is None:
        return
    turn = ctx.turn
    since = turn.now - timedelta(weeks=chart_data.CHART_WEEKS)
    history = await recaps.logged_attempts(turn.session, [user.id], since=since)
    attempts = history.get(user.id, [])
    if not any(attempt.outcome in ASKED for attempt in attempts):
        say(ctx, "stats.nothing_yet")
        return
    texts = texts_of(ctx)
    data = chart_data.chart_data(attempts, tz_name=user.timezone, now=turn.now)
    labels = views.chart_labels(texts, turn.rng)
    # The same asks in the same words draw the same chart: send the kept one. And at most
    # one drawing a minute, whatever changed.
    basis = kept_files.basis_of(data, labels)
    kept = await kept_files.get(turn.session, user.id, Kind.STATS)
    decision = kept_files.reuse(kept, Kind.STATS, basis, turn.now)
    if decision.reuse is Reuse.ON_ITS_WAY:
        say(ctx, "stats.on_its_way")
        return
    caption = views.chart_caption(
        texts, turn.rng, weeks=chart_data.CHART_WEEKS, change=chart_data.average_change(attempts)
    )
    keyboard = views.dashboard_keyboard(texts, turn.rng, ctx.deps.settings.webapp_url)
    chat_id = ctx.person_chat
    if decision.data is not None:
        if decision.reuse is Reuse.AGAIN:
            caption = text(ctx, "stats.again") + "\n\n" + caption
        turn.send_file(
            chat_id,
            "sendPhoto",
            decision.data,
            filename=CHART_FILENAME,
            caption=caption,
            keyboard=keyboard,
        )
        return
    await kept_files.keep(turn.session, user.id, Kind.STATS, basis=basis, now=turn.now)
    keep = kept_files.keep_marker(user.id, Kind.STATS)
    turn.send_chart(chat_id, data, labels, caption, keyboard, keep=keep)
