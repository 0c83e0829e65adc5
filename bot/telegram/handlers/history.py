"""/history: the last ten asks at a glance, and fixing a detail of one of them."""

from __future__ import annotations

from telegram import Update

from bot.db.models import User
from bot.domain import dates, schedule
from bot.domain.flows.log import FIX_STEPS, Field
from bot.services import attempts, logging_flow
from bot.services.attempts import HistoryEntry
from bot.telegram import views
from bot.telegram.context import CoachContext
from bot.telegram.handlers import log
from bot.telegram.handlers.common import (
    button,
    clear_pressed,
    current_user,
    label,
    say,
    text,
    texts_of,
)
from bot.telegram.keyboards import Button, Callback, Cb, pack, rows_of
from bot.telegram.views.log import score


async def on_history(update: Update, ctx: CoachContext) -> None:
    user = await current_user(ctx, update)
    if user is None:
        say(ctx, "history.empty")
        return
    entries = await attempts.recent(ctx.turn.session, user.id)
    if not entries:
        say(ctx, "history.empty")
        return
    lines = [text(ctx, "history.title")]
    lines += [_line(ctx, user, number, entry) for number, entry in enumerate(entries, 1)]
    body = "\n".join(lines) + "\n\n" + text(ctx, "history.fix_hint")
    numbers = [
        Button(str(number), pack(Cb.HISTORY, entry.attempt.id))
        for number, entry in enumerate(entries, 1)
    ]
    ctx.turn.send(ctx.person_chat, body, rows_of(numbers, 5))


def _line(ctx: CoachContext, user: User, number: int, entry: HistoryEntry) -> str:
    attempt = entry.attempt
    day = dates.day_month(schedule.local_date(attempt.created_at, user.timezone), user.language)
    outcome = label(ctx, f"log.outcomes.{attempt.outcome}") if attempt.outcome else "…"
    change = ""
    if attempt.anxiety_before is not None and attempt.anxiety_after is not None:
        change = text(
            ctx,
            "history.change",
            before=score(attempt.anxiety_before),
            after=score(attempt.anxiety_after),
        )
    return text(
        ctx,
        "history.line",
        number=number,
        date=day,
        idea=views.short_title(
            attempt.description
            or _catalog_text(ctx, entry.catalog_key)
            or entry.idea_text
            or label(ctx, "history.untitled")
        ),
        outcome=outcome,
        change=change,
    )


def _catalog_text(ctx: CoachContext, catalog_key: str | None) -> str | None:
    """A catalog idea in the person's language (the database keeps the English source)."""
    spec = texts_of(ctx).ideas_by_id.get(catalog_key or "")
    return spec.text if spec is not None else None


async def on_history_button(ctx: CoachContext, user: User, callback: Callback) -> str | None:
    """`h:<attempt>` shows what can be fixed; `h:<attempt>:<field>` asks that question."""
    attempt_id = callback.int_part(0)
    attempt = (
        await attempts.owned(ctx.turn.session, user.id, attempt_id)
        if attempt_id is not None
        else None
    )
    if attempt is None:
        return label(ctx, "stale.button")
    field_name = callback.part(1)
    if field_name is None:
        idea = await attempts.idea_text(
            ctx.turn.session, attempt, texts_of(ctx).ideas_by_id
        ) or label(ctx, "history.untitled")
        fields = [
            button(ctx, f"buttons.fix.{field.value}", pack(Cb.HISTORY, attempt.id, field.value))
            for field in FIX_STEPS
        ]
        say(ctx, "history.pick_field", rows_of(fields, 2), idea=views.short_title(idea))
        return None
    try:
        field = Field(field_name)
    except ValueError:
        return label(ctx, "stale.button")
    if field not in FIX_STEPS:
        return label(ctx, "stale.button")
    clear_pressed(ctx)
    ask = await logging_flow.fix(ctx.turn.session, user, attempt, field, now=ctx.turn.now)
    await log.show_question(ctx, ask)
    return None
