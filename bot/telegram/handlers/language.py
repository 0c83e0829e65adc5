"""/language: the coach's language for this person, chosen by button or typed
("/language es", "/language Русский"). Everything after it, ideas and the command menu
included, comes in that language."""

from __future__ import annotations

from telegram import Update

from bot.db.models import User
from bot.delivery.turn import Outgoing
from bot.telegram.context import CoachContext
from bot.telegram.handlers.common import clear_pressed, current_user, label, say
from bot.telegram.keyboards import Button, Callback, Cb, Keyboard, pack, rows_of
from bot.telegram.views import menu_button, menu_commands

MENU = "menu"


async def on_language(update: Update, ctx: CoachContext) -> None:
    user = await current_user(ctx, update)
    if user is None:
        say(ctx, "fallback.not_onboarded")
        return
    chosen = _language_named(ctx, " ".join(ctx.args or []))
    if chosen is None:
        show_choices(ctx)
        return
    _switch(ctx, user, chosen)


async def on_language_button(ctx: CoachContext, user: User, callback: Callback) -> str | None:
    choice = callback.part(0)
    if choice == MENU:
        show_choices(ctx)
        return None
    if choice is None or choice not in ctx.deps.languages:
        return label(ctx, "stale.button")
    clear_pressed(ctx)
    _switch(ctx, user, choice)
    return None


def show_choices(ctx: CoachContext) -> None:
    say(ctx, "language.choose", _choices(ctx))


def _choices(ctx: CoachContext) -> Keyboard:
    # Each language is offered in its own words: someone who can't read the current one
    # still finds theirs.
    buttons = [
        Button(texts.plain("language.name"), pack(Cb.LANGUAGE, code))
        for code, texts in ctx.deps.languages.items()
    ]
    return rows_of(buttons, 3)


def _language_named(ctx: CoachContext, typed: str) -> str | None:
    wanted = typed.strip().casefold()
    if not wanted:
        return None
    for code, texts in ctx.deps.languages.items():
        if wanted in (code, texts.plain("language.name").casefold()):
            return code
    return None


def _switch(ctx: CoachContext, user: User, language: str) -> None:
    user.language = language
    ctx.turn.language = language
    say(ctx, "language.set")
    # This chat's command menu in the chosen language, whatever Telegram's own is.
    chat_id = ctx.person_chat
    payload = {
        "commands": menu_commands(ctx.deps.texts_for(language)),
        "scope": {"type": "chat", "chat_id": chat_id},
    }
    ctx.turn.outgoing.append(Outgoing(chat_id, "setMyCommands", payload, kind="menu"))
    set_menu_button(ctx, chat_id, language)


def set_menu_button(ctx: CoachContext, chat_id: int, language: str) -> None:
    """This chat's dashboard button labelled in the person's language (the bot-wide one,
    set at start, is English). Nothing when the dashboard is not served."""
    url = ctx.deps.settings.webapp_url
    if url is None:
        return
    payload = {"menu_button": menu_button(ctx.deps.texts_for(language), url)}
    ctx.turn.outgoing.append(Outgoing(chat_id, "setChatMenuButton", payload, kind="menu"))
