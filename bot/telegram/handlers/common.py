"""Small helpers every handler uses: who is talking, and saying things from prompts.yaml."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from telegram import Update

from bot.db.models import NAME_MAX, Attempt, User
from bot.services import attempts, ideas
from bot.services.flows import Pending
from bot.services.ideas import Idea
from bot.services.profile import Profile, get_user
from bot.telegram import views
from bot.telegram.compose import Part
from bot.telegram.context import CoachContext
from bot.telegram.keyboards import Button, Callback, Cb, IdeaAction, Keyboard, pack
from bot.texts import Texts

# Free text longer than this is cut before we look at it or store it (a 5,000-character
# message should get the same kind answer as a short one, without bloating anything).
TEXT_INPUT_MAX = 2000

TextFlow = Callable[[CoachContext, User, Pending, str], Awaitable[None]]
ButtonFlow = Callable[[CoachContext, User, Callback], Awaitable[str | None]]


def in_private_chat(update: Update) -> bool:
    """The update comes from the person's own private chat with the bot."""
    chat, user = update.effective_chat, update.effective_user
    return chat is not None and user is not None and chat.type == "private" and chat.id == user.id


def profile_of(update: Update) -> Profile:
    user = update.effective_user
    if user is None:
        raise ValueError("update without a user")
    return Profile(
        user_id=user.id,
        chat_id=user.id,
        first_name=user.first_name or "",
        language_code=user.language_code,
    )


def say(
    ctx: CoachContext,
    key: str,
    keyboard: Keyboard | None = None,
    *,
    part: Part | None = None,
    **params: object,
) -> None:
    """Queue the text `key` (from prompts.yaml) as a part of the reply in this chat."""
    ctx.turn.send(ctx.person_chat, text(ctx, key, **params), keyboard, part=part)


def texts_of(ctx: CoachContext) -> Texts:
    """The texts in the language of the person this turn is for."""
    return ctx.deps.texts_for(ctx.turn.language)


def text(ctx: CoachContext, key: str, **params: object) -> str:
    """The text `key`, its variants rotated so the person doesn't hear one twice lately."""
    return ctx.turn.line(texts_of(ctx), key, params)


def fresh_text(ctx: CoachContext, key: str, **params: object) -> str | None:
    """An optional line: None when every variant was said in the person's last replies."""
    if not ctx.turn.fresh(texts_of(ctx), key, params):
        return None
    return text(ctx, key, **params)


def label(ctx: CoachContext, key: str, **params: object) -> str:
    """A button label: plain text, no markup."""
    return texts_of(ctx).plain(key, ctx.turn.rng, **params)


def button(ctx: CoachContext, key: str, data: str, **params: object) -> Button:
    return Button(label(ctx, key, **params), data)


async def current_user(ctx: CoachContext, update: Update) -> User | None:
    """The person's row, refreshed with what Telegram says about them, if they exist."""
    profile = profile_of(update)
    user = await get_user(ctx.turn.session, profile.user_id)
    if user is not None:
        # Assigned only when they changed: an assignment marks the row dirty even with the
        # same value, and every flush (and commit) then checks it for changes.
        first_name = profile.first_name[:NAME_MAX]
        if user.first_name != first_name:
            user.first_name = first_name
        if user.chat_id != profile.chat_id:
            user.chat_id = profile.chat_id
        ctx.turn.meet(user)
    return user


async def onboarded_user(ctx: CoachContext, update: Update) -> User | None:
    """The person's row once they finished onboarding; else None, after pointing them to /start."""
    user = await current_user(ctx, update)
    if user is None or user.onboarded_at is None:
        say(ctx, "fallback.not_onboarded")
        return None
    return user


async def idea_of(ctx: CoachContext, attempt: Attempt) -> str:
    """What was asked, in the person's language (their own words, else the catalog idea)."""
    found = await attempts.idea_text(ctx.turn.session, attempt, texts_of(ctx).ideas_by_id)
    return found or label(ctx, "history.untitled")


def clip(value: str) -> str:
    return value[:TEXT_INPUT_MAX].strip()


def gentler_keyboard(ctx: CoachContext) -> Keyboard:
    """One button: a smaller idea than the person's current level."""
    return [[button(ctx, "buttons.log.something_easier", pack(Cb.IDEA, IdeaAction.GENTLER))]]


def clear_pressed(ctx: CoachContext) -> None:
    """Take the buttons off the message whose button was just pressed."""
    if ctx.pressed_message_id is not None:
        ctx.turn.clear_buttons(ctx.person_chat, ctx.pressed_message_id)


async def send_idea(
    ctx: CoachContext,
    user: User,
    *,
    intro: str | None = None,
    category: str | None = None,
    exclude: tuple[int, ...] = (),
    level: int | None = None,
) -> Idea | None:
    """Offer the next idea on the ladder (or at `level`, just to look), with its buttons."""
    turn = ctx.turn
    idea = await ideas.offer_idea(
        turn.session,
        user,
        now=turn.now,
        rng=turn.rng,
        category=category,
        exclude=exclude,
        level=level,
    )
    if idea is None:
        say(ctx, "ideas.none_left")
        return None
    texts = texts_of(ctx)
    body = views.idea_card(texts, turn.rng, idea)
    keyboard = views.idea_keyboard(texts, turn.rng, idea)
    text = f"{intro}\n\n{body}" if intro else body
    turn.send(ctx.person_chat, text, keyboard, part=Part.OFFER)
    return idea
