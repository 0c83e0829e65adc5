"""/export (all your data, JSON and CSV) and /delete (erase all of it, after a yes)."""

from __future__ import annotations

import asyncio

from telegram import Update

from bot.db.models import User
from bot.services import kept_files, privacy
from bot.services.kept_files import Kind, Reuse
from bot.telegram.context import CoachContext
from bot.telegram.handlers.common import (
    button,
    clear_pressed,
    current_user,
    label,
    say,
    text,
)
from bot.telegram.keyboards import Callback, Cb, pack

YES, NO = "yes", "no"


FILES = {
    Kind.EXPORT_JSON: ("rejection-coach-data.json", "export.caption_json"),
    Kind.EXPORT_CSV: ("rejection-coach-asks.csv", "export.caption_csv"),
}


async def on_export(update: Update, ctx: CoachContext) -> None:
    """All the person's data, made at most once an hour (the same files again otherwise),
    and built in a worker thread: a long history must not hold up everyone else."""
    turn = ctx.turn
    user = await current_user(ctx, update)
    if user is None:
        say(ctx, "fallback.not_onboarded")
        return
    made = await _kept_export(ctx, user.id)
    if made is not None:
        say(ctx, "export.again")
    else:
        data = await privacy.export_data(turn.session, user.id)
        if data is None:
            say(ctx, "fallback.not_onboarded")
            return
        columns = {
            column: label(ctx, f"export.columns.{column}") for column in privacy.ATTEMPT_COLUMNS
        }
        made = {
            Kind.EXPORT_JSON: await asyncio.to_thread(privacy.as_json, data),
            Kind.EXPORT_CSV: await asyncio.to_thread(
                privacy.attempts_csv, data, columns.__getitem__
            ),
        }
        for kind, file in made.items():
            await kept_files.keep(turn.session, user.id, kind, basis="", now=turn.now, data=file)
        say(ctx, "export.intro")
    for kind, file in made.items():
        filename, caption = FILES[kind]
        turn.send_file(
            ctx.person_chat, "sendDocument", file, filename=filename, caption=text(ctx, caption)
        )


async def _kept_export(ctx: CoachContext, user_id: int) -> dict[Kind, bytes] | None:
    """The files made within the hour, if there are."""
    found: dict[Kind, bytes] = {}
    for kind in kept_files.EXPORT_KINDS:
        kept = await kept_files.get(ctx.turn.session, user_id, kind)
        decision = kept_files.reuse(kept, kind, None, ctx.turn.now)
        if decision.reuse is not Reuse.AGAIN or decision.data is None:
            return None
        found[kind] = decision.data
    return found


async def on_delete(update: Update, ctx: CoachContext) -> None:
    user = await current_user(ctx, update)
    if user is None:
        say(ctx, "fallback.not_onboarded")
        return
    keyboard = [
        [button(ctx, "buttons.delete.yes", pack(Cb.DELETE, YES))],
        [button(ctx, "buttons.delete.no", pack(Cb.DELETE, NO))],
    ]
    say(ctx, "delete.confirm", keyboard)


async def on_delete_button(ctx: CoachContext, user: User, callback: Callback) -> str | None:
    choice = callback.part(0)
    if choice not in (YES, NO):
        return label(ctx, "stale.button")
    clear_pressed(ctx)
    if choice == NO:
        say(ctx, "delete.kept")
        return None
    await privacy.delete_everything(ctx.turn.session, user.id, ctx.person_chat, now=ctx.turn.now)
    say(ctx, "delete.done")
    return None
