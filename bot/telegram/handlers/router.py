"""Where free text, button presses, media and membership changes go.

Text and buttons are routed by the person's pending conversation (kept in the database),
so whichever process receives the next message can continue the flow.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

from telegram import ChatMemberUpdated, Update

from bot.db.models import User
from bot.domain.answers import parse_quick_log
from bot.domain.feelings import detect_exhaustion
from bot.domain.flows.add import ADD
from bot.domain.flows.pause import PAUSE
from bot.domain.wishes import wants_a_pause, wants_more
from bot.services import buddies, flows, group_notes, profile
from bot.services.flows import Pending
from bot.telegram.context import CoachContext
from bot.telegram.handlers import (
    add,
    buddy,
    care,
    checkins,
    crisis,
    history,
    ideas,
    language,
    log,
    log_start,
    onboarding,
    pause,
    privacy,
    recap_and_stats,
)
from bot.telegram.handlers.common import (
    ButtonFlow,
    TextFlow,
    clip,
    current_user,
    in_private_chat,
    label,
    say,
    text,
)
from bot.telegram.keyboards import Cb, IdeaAction, unpack

Reask = Callable[[CoachContext, User, Pending], Awaitable[None]]

TEXT_FLOWS: dict[str, TextFlow] = {
    onboarding.ONBOARDING: onboarding.on_text,
    onboarding.SETTINGS: onboarding.on_text,
    log.LOG: log.on_text,
    log.FIX: log.on_text,
    log_start.WHICH: log_start.on_text,
    ADD: add.on_text,
}


async def _reask_onboarding(ctx: CoachContext, user: User, pending: Pending) -> None:
    await onboarding.ask(ctx, user, pending.flow, pending.step)


REASK: dict[str, Reask] = {
    onboarding.ONBOARDING: _reask_onboarding,
    onboarding.SETTINGS: _reask_onboarding,
    log.LOG: log.reask,
    log.FIX: log.reask,
    log_start.WHICH: log_start.reask,
}

BUTTONS: dict[Cb, ButtonFlow] = {
    Cb.TIMEZONE: onboarding.on_button,
    Cb.TIME: onboarding.on_button,
    Cb.PACE: onboarding.on_button,
    Cb.LEVEL: onboarding.on_button,
    Cb.DAYS: onboarding.on_button,
    Cb.NUDGE_DAYS: onboarding.on_button,
    Cb.CAP: onboarding.on_button,
    Cb.QUIET: onboarding.on_button,
    Cb.SETTINGS: onboarding.on_settings_button,
    Cb.IDEA: ideas.on_idea_button,
    Cb.NUDGE: ideas.on_idea_button,
    Cb.ANSWER: log.on_answer_button,
    Cb.UNDO: log.on_undo_button,
    Cb.HISTORY: history.on_history_button,
    Cb.ADD: add.on_level_button,
    Cb.FOLLOWUP: log.on_followup_button,
    Cb.PAUSE: pause.on_pause_button,
    Cb.RECAP: recap_and_stats.on_recap_button,
    Cb.CARE: care.on_care_button,
    Cb.CRISIS: crisis.on_crisis_button,
    Cb.DELETE: privacy.on_delete_button,
    Cb.LANGUAGE: language.on_language_button,
    Cb.BUDDY: buddy.on_buddy_button,
    Cb.WHICH: log_start.on_button,
}


async def on_text(update: Update, ctx: CoachContext) -> None:
    message = update.effective_message
    if message is None or message.text is None:
        return
    user = await current_user(ctx, update)
    if user is None:
        say(ctx, "fallback.not_onboarded")
        return
    pending = await flows.pending(ctx.turn.session, user.id)
    if pending is not None and pending.flow == PAUSE:
        if await pause.on_text(ctx, user, pending, message.text):
            return
        pending = None
    if pending is not None and await answers_a_newer_check_in(ctx, user, pending, message.text):
        return
    if pending is not None and pending.flow in TEXT_FLOWS:
        await TEXT_FLOWS[pending.flow](ctx, user, pending, message.text)
        return
    if user.onboarded_at is None:
        say(ctx, "fallback.not_onboarded")
        return
    replied_idea = idea_replied_to(update)
    if replied_idea is not None and await log.log_reply_to_idea(
        ctx, user, replied_idea, message.text
    ):
        return
    if await log.answer_check_in(ctx, user, message.text):
        return
    quick = parse_quick_log(clip(message.text), ctx.turn.language)
    if quick is not None:
        await log.record_quick_log(ctx, user, quick)
        return
    if wants_a_pause(clip(message.text), ctx.turn.language):
        await pause.on_typed_wish(ctx, user, clip(message.text))
        return
    if detect_exhaustion(clip(message.text)):
        care.on_tired_words(ctx, user)
        return
    if wants_more(clip(message.text), ctx.turn.language):
        care.on_wish_for_more(ctx, user)
        return
    if care.heard_outside_a_question(ctx, user, clip(message.text)):
        return
    say(ctx, "fallback.text")


async def answers_a_newer_check_in(
    ctx: CoachContext, user: User, pending: Pending, typed: str
) -> bool:
    """A check-in sent after the log question in progress is the question on screen: "not
    yet" answers the check-in, not the warm-up question left open hours earlier."""
    if pending.flow != log.LOG:
        return False
    sent = [a.followup_sent_at for a in await checkins.unanswered(ctx, user) if a.followup_sent_at]
    if not any(_aware(instant) > pending.asked_at for instant in sent):
        return False
    return await log.answer_check_in(ctx, user, typed)


def _aware(moment: datetime) -> datetime:
    """SQLite hands datetimes back naive; they are UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


async def on_button(update: Update, ctx: CoachContext) -> None:
    query = update.callback_query
    if query is None or not in_private_chat(update):
        # Our buttons live only in private chats: a press from a group (or an inline
        # message) is forged or misplaced. Ignored: no answer, nothing read or changed.
        return
    note: str | None = None
    if query.message is not None:
        ctx.pressed_message_id = query.message.message_id
    callback = unpack(query.data)
    user = await current_user(ctx, update)
    if callback is None or callback.kind not in BUTTONS or user is None:
        note = label(ctx, "stale.button")
    else:
        note = await BUTTONS[callback.kind](ctx, user, callback)
    # Answer the press first: it stops the spinner on the button while the rest is sent.
    ctx.turn.answer_button(ctx.person_chat, query.id, note, first=True)


async def on_not_text(update: Update, ctx: CoachContext) -> None:
    """Stickers, photos, voice notes, edits: a kind pointer back to where we were."""
    user = await current_user(ctx, update)
    pending = None
    if user is not None:
        pending = await flows.pending(ctx.turn.session, user.id)
    if (
        user is not None
        and pending is not None
        and await onboarding.on_location(ctx, user, pending, shared_location(update))
    ):
        return
    if user is None or pending is None or pending.flow not in REASK:
        if update.edited_message is None:  # an edit outside a question needs no answer
            say(ctx, "fallback.media")
        return
    key = "fallback.edited_in_flow" if update.edited_message else "fallback.media_in_flow"
    say(ctx, key)
    await REASK[pending.flow](ctx, user, pending)


async def on_unknown_command(update: Update, ctx: CoachContext) -> None:
    say(ctx, "fallback.unknown_command")


async def on_group(update: Update, ctx: CoachContext) -> None:
    """We coach one-to-one; in groups we say so at most once a day, and nothing else."""
    await _note_group(ctx, update)


async def _note_group(ctx: CoachContext, update: Update) -> None:
    chat = update.effective_chat
    if chat is None or chat.type == "private":
        return
    if await group_notes.may_note(ctx.turn.session, chat.id, now=ctx.turn.now):
        ctx.turn.send(chat.id, text(ctx, "errors.not_private"))


async def on_my_chat_member(update: Update, ctx: CoachContext) -> None:
    """Telegram tells us when someone blocks or unblocks the bot, or adds it to a group."""
    change = update.my_chat_member
    if change is None:
        return
    if change.chat.type != "private":
        if _joined(change):
            await _note_group(ctx, update)
        return
    user = await profile.get_user(ctx.turn.session, change.from_user.id)
    if user is None:
        return
    if change.new_chat_member.status == "kicked":
        profile.deactivate(user, ctx.turn.now)
        # Blocking the bot ends the pairing: no more notes either way.
        await buddies.end(ctx.turn.session, user.id, now=ctx.turn.now)
    elif change.new_chat_member.status == "member" and not user.is_active:
        profile.reactivate(user, ctx.turn.now)


def _joined(change: ChatMemberUpdated) -> bool:
    return change.new_chat_member.status in ("member", "administrator") and (
        change.old_chat_member.status in ("left", "kicked")
    )


def shared_location(update: Update) -> tuple[float, float] | None:
    """The (latitude, longitude) a message shares, if it shares one."""
    message = update.effective_message
    location = message.location if message is not None else None
    return None if location is None else (location.latitude, location.longitude)


def idea_replied_to(update: Update) -> int | None:
    """The idea behind the nudge or idea card this message replies to, if any."""
    message = update.effective_message
    original = message.reply_to_message if message is not None else None
    markup = original.reply_markup if original is not None else None
    if markup is None:
        return None
    for row in markup.inline_keyboard:
        for button in row:
            data = button.callback_data if isinstance(button.callback_data, str) else None
            callback = unpack(data)
            is_try = callback is not None and callback.part(0) == IdeaAction.TRY.value
            if callback is not None and is_try and callback.kind in (Cb.IDEA, Cb.NUDGE):
                return callback.int_part(1)
    return None
