"""/export (all your data, JSON and CSV) and /delete (erase all of it, after a yes)."""

from __future__ import annotations

from telegram import Update

from bot.db.models import User
from bot.services import privacy
from bot.telegram.context import CoachContext
from bot.telegram.handlers.common import (
    button,
    chat_id_of,
    clear_pressed,
    current_user,
    label,
    say,
    text,
)
from bot.telegram.keyboards import Callback, Cb, pack

YES, NO = "yes", "no"


async def on_export(update: Update, ctx: CoachContext) -> None:
    user = await current_user(ctx, update)
    data = await privacy.export_data(ctx.turn.session, user.id) if user is not None else None
    if data is None:
        say(ctx, update, "fallback.not_onboarded")
        return
    chat_id = chat_id_of(update)
    say(ctx, update, "export.intro")
    ctx.turn.send_file(
        chat_id,
        "sendDocument",
        privacy.as_json(data),
        filename="rejection-coach-data.json",
        caption=text(ctx, "export.caption_json"),
    )
    ctx.turn.send_file(
        chat_id,
        "sendDocument",
        privacy.attempts_csv(data, lambda column: label(ctx, f"export.columns.{column}")),
        filename="rejection-coach-asks.csv",
        caption=text(ctx, "export.caption_csv"),
    )


async def on_delete(update: Update, ctx: CoachContext) -> None:
    user = await current_user(ctx, update)
    if user is None:
        say(ctx, update, "fallback.not_onboarded")
        return
    keyboard = [
        [button(ctx, "buttons.delete.yes", pack(Cb.DELETE, YES))],
        [button(ctx, "buttons.delete.no", pack(Cb.DELETE, NO))],
    ]
    say(ctx, update, "delete.confirm", keyboard)


async def on_delete_button(
    ctx: CoachContext, update: Update, user: User, callback: Callback
) -> str | None:
    choice = callback.part(0)
    if choice not in (YES, NO):
        return label(ctx, "stale.button")
    clear_pressed(ctx, update)
    if choice == NO:
        say(ctx, update, "delete.kept")
        return None
    await privacy.delete_everything(ctx.turn.session, user.id, chat_id_of(update), now=ctx.turn.now)
    say(ctx, update, "delete.done")
    return None
