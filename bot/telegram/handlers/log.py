"""Logging an ask: one short question at a time, buttons or free text, each answer saved
the moment it arrives; also fixing one value from /history, /undo, and the one-line quick
log. The conversation itself runs in bot.services.logging_flow (the table is
bot.domain.flows.log); here answers are read and its decisions rendered."""

from __future__ import annotations

from telegram import Update

from bot.db.models import Attempt, User
from bot.domain.answers import QuickLog
from bot.domain.flows import log as table
from bot.domain.flows.log import Step, read_reply
from bot.services import flows, logging_flow
from bot.services.attempts import Completion
from bot.services.logging_flow import Decision
from bot.telegram import views
from bot.telegram.compose import Part
from bot.telegram.context import CoachContext
from bot.telegram.handlers import buddy_notes, checkins
from bot.telegram.handlers import care as care_handlers
from bot.telegram.handlers.common import (
    button,
    clear_pressed,
    clip,
    current_user,
    gentler_keyboard,
    label,
    say,
)
from bot.telegram.keyboards import Callback, Cb, pack
from bot.telegram.views import log as log_views

LOG, FIX = table.LOG.name, table.FIX.name


async def render(ctx: CoachContext, user: User, decision: Decision) -> None:
    """Say what the logging conversation decided."""
    match decision:
        case logging_flow.Ask():
            await show_question(ctx, decision)
        case logging_flow.Reask(attempt=attempt, step=step):
            keyboard = log_views.keyboard_for(ctx, attempt.id, step)
            key = "log.offer_skip" if decision.offer_skip else f"log.reask.{decision.kind.value}"
            say(ctx, key, keyboard, part=Part.QUESTION)
        case logging_flow.Finished(completion=completion):
            await buddy_notes.share_effort(ctx, user)
            summary = "\n\n".join(log_views.summary_paragraphs(ctx, completion))
            ctx.turn.send(ctx.person_chat, summary, part=Part.CREDIT)
            await care_handlers.after_logged(ctx, user, completion.attempt)
        case logging_flow.NotThisTime(completion=completion):
            await buddy_notes.share_effort(ctx, user)  # "not this time" is effort too
            reply = log_views.not_this_time(ctx, completion)
            ctx.turn.send(ctx.person_chat, reply, gentler_keyboard(ctx), part=Part.CREDIT)
        case logging_flow.QuickLogged(completion=completion):
            await _quick_logged(ctx, user, completion)
        case logging_flow.Postponed():
            checkins.postponed(ctx, user, decision)
        case logging_flow.Fixed(field=field, value=value):  # "Updated ✓" always says to what
            what = label(ctx, f"log.fields.{field.value}")
            shown = log_views.shown(ctx, field, value)
            say(ctx, "history.updated", what=what, value=shown or "—")
        case logging_flow.Undone() | logging_flow.NothingToUndo():
            await _undone(ctx, decision)
        case flows.Left():
            say(ctx, "cancel.left_flow")
        case flows.Stale():  # typed at a question whose attempt is gone: it was let go
            say(ctx, "fallback.text")
        case logging_flow.NotOurs():
            pass  # only a press can be forged; on_answer_button notes it


async def show_question(ctx: CoachContext, ask: logging_flow.Ask) -> None:
    question = await log_views.question_text(ctx, ask)
    keyboard = log_views.keyboard_for(ctx, ask.attempt.id, ask.step)
    ctx.turn.send(ctx.person_chat, question, keyboard, part=Part.QUESTION)


# -- starting ---------------------------------------------------------------------------------


async def begin_before_ask(ctx: CoachContext, user: User, attempt: Attempt) -> None:
    """Right after "I'll try it": the optional warm-up questions, then "off you go"."""
    turn = ctx.turn
    await show_question(
        ctx, await logging_flow.begin_before_ask(turn.session, user, attempt, now=turn.now)
    )


async def log_typed(ctx: CoachContext, user: User, typed: str) -> None:
    """`/log asked for a discount, got a no, 7 -> 3`, or `/log asked my boss for Friday off`
    (with "she said no" in it, the outcome is taken too)."""
    turn = ctx.turn
    decision = await logging_flow.log_typed(turn.session, user, typed, turn.language, now=turn.now)
    await render(ctx, user, decision)


async def reask(ctx: CoachContext, user: User, pending: flows.Pending) -> None:
    """Show the pending question again (after a sticker, a command mid-flow, /log)."""
    ask = await logging_flow.reask(ctx.turn.session, user, pending)
    if ask is not None:
        await show_question(ctx, ask)


# -- answering ------------------------------------------------------------------------------


async def on_text(ctx: CoachContext, user: User, pending: flows.Pending, message: str) -> None:
    """A typed answer to the pending question (flows "log" and "fix")."""
    typed = clip(message)
    reply = read_reply(Step(pending.step), typed, ctx.turn.language)
    if pending.step == Step.LESSON and reply.plain_answer and pending.attempt_id is not None:
        await care_handlers.reframe_once(ctx, user, typed)
    decision = await logging_flow.typed(ctx.turn.session, user, pending, reply, now=ctx.turn.now)
    await render(ctx, user, decision)


async def on_answer_button(ctx: CoachContext, user: User, callback: Callback) -> str | None:
    """A tapped answer: `q:<attempt>:<step>:<code>`, checked against this person's rows."""
    turn = ctx.turn
    decision = await logging_flow.pressed(
        turn.session, user, callback.int_part(0), callback.part(1), callback.part(2), now=turn.now
    )
    if isinstance(decision, flows.Stale):
        return label(ctx, "stale.question")
    clear_pressed(ctx)
    if isinstance(decision, logging_flow.NotOurs):
        return label(ctx, "stale.button")
    await render(ctx, user, decision)
    return None


# -- quick log and undo -----------------------------------------------------------------------


async def record_quick_log(ctx: CoachContext, user: User, parsed: QuickLog) -> None:
    """A whole attempt in one line: confirm what we understood, with an Undo button."""
    turn = ctx.turn
    await render(ctx, user, await logging_flow.quick_log(turn.session, user, parsed, now=turn.now))


async def _quick_logged(ctx: CoachContext, user: User, completion: Completion) -> None:
    attempt = completion.attempt
    undo_button = button(ctx, "buttons.undo", pack(Cb.UNDO, attempt.id))
    summary = log_views.quick_summary(ctx, attempt)
    say(ctx, "log.quick_logged", [[undo_button]], summary=summary, part=Part.UNDERSTOOD)
    credit = "\n\n".join(log_views.summary_paragraphs(ctx, completion))
    ctx.turn.send(ctx.person_chat, credit, part=Part.CREDIT)
    await buddy_notes.share_effort(ctx, user)
    await care_handlers.after_logged(ctx, user, attempt)


async def on_undo(update: Update, ctx: CoachContext) -> None:
    user = await current_user(ctx, update)
    if user is None:
        say(ctx, "log.nothing_to_undo")
        return
    await render(ctx, user, await logging_flow.undo(ctx.turn.session, user, now=ctx.turn.now))


async def _undone(
    ctx: CoachContext, undone: logging_flow.Undone | logging_flow.NothingToUndo
) -> None:
    if isinstance(undone, logging_flow.NothingToUndo):
        say(ctx, "log.nothing_to_undo")
        return
    if undone.field is None:
        say(ctx, "log.undone_quick")
        return
    what = label(ctx, f"log.fields.{undone.field.value}")
    value = log_views.shown(ctx, undone.field, undone.value)
    if value is None:
        say(ctx, "log.undone", what=what)
    else:
        say(ctx, "log.undone_to", what=what, value=value)
    if undone.again is not None:
        await show_question(ctx, undone.again)


async def on_undo_button(ctx: CoachContext, user: User, callback: Callback) -> str | None:
    """The Undo button under a quick log."""
    attempt_id = callback.int_part(0)
    if not await logging_flow.undo_quick_log(ctx.turn.session, user, attempt_id):
        return label(ctx, "stale.button")
    clear_pressed(ctx)
    say(ctx, "log.undone_quick")
    return None


# -- check-ins and replies ------------------------------------------------------------------


async def on_followup_button(ctx: CoachContext, user: User, callback: Callback) -> str | None:
    """The check-in's "I asked!" / "Not this time" / "Not yet": continue logging that
    attempt (or, for "Not yet", ask again later)."""
    attempt_id, code = callback.int_part(0), callback.part(1) or ""
    if attempt_id == views.ALL_CHECKINS and code == "l":
        return await checkins.not_yet_for_all(ctx, user)
    turn = ctx.turn
    decision = await logging_flow.followup_pressed(
        turn.session, user, attempt_id, code, now=turn.now
    )
    if isinstance(decision, flows.Stale):
        return label(ctx, "stale.question")
    clear_pressed(ctx)
    await render(ctx, user, decision)
    return None


async def answer_check_in(ctx: CoachContext, user: User, typed: str) -> bool:
    """A typed answer to a recent check-in ("not yet", "yes!", "got a no 6->2") answers it,
    as its buttons would. False when there is none, or the text doesn't answer it."""
    turn = ctx.turn
    decision = await logging_flow.answer_check_in(
        turn.session, user, clip(typed), turn.language, now=turn.now
    )
    if decision is None:
        return False
    await render(ctx, user, decision)
    return True


async def answer_did_you_ask(ctx: CoachContext, user: User, attempt: Attempt, typed: str) -> None:
    """A typed answer to "did you ask?" about `attempt`, as if it had just been asked."""
    turn = ctx.turn
    decision = await logging_flow.answer_did_you_ask(
        turn.session, user, attempt, clip(typed), turn.language, now=turn.now
    )
    await render(ctx, user, decision)


async def log_reply_to_idea(ctx: CoachContext, user: User, challenge_id: int, typed: str) -> bool:
    """A typed reply to a nudge or idea card ("got a no!") logs an ask for that idea.
    Returns False when the idea isn't one we offered this person."""
    turn = ctx.turn
    decision = await logging_flow.reply_to_idea(
        turn.session, user, challenge_id, clip(typed), turn.language, now=turn.now
    )
    if decision is None:
        return False
    await render(ctx, user, decision)
    return True
