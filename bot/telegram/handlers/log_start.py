"""/log: continue a pending question, or with an idea still open ask "this one or something
else?" first, so an ask the person did instead is logged as itself, not as the open idea."""

from __future__ import annotations

from telegram import Update

from bot.db.models import Attempt, User
from bot.domain.answers import Control, parse_control, parse_quick_log
from bot.domain.answers.which import Which, describes_an_ask, parse_which
from bot.domain.flows.log import Step, read_typed
from bot.services import attempts, flows, logging_flow
from bot.services.flows import Pending
from bot.telegram.context import CoachContext
from bot.telegram.handlers import log
from bot.telegram.handlers.common import (
    button,
    clear_pressed,
    clip,
    idea_of,
    label,
    onboarded_user,
    say,
    text,
)
from bot.telegram.keyboards import Callback, Cb, Keyboard, pack

WHICH = "which"


async def on_log(update: Update, ctx: CoachContext) -> None:
    """/log: continue the pending question, ask about an open "I'll try it", or log a new ask."""
    user = await onboarded_user(ctx, update)
    if user is None:
        return
    turn = ctx.turn
    typed = clip(" ".join(ctx.args or []))
    if typed:
        await log.log_typed(ctx, user, typed)
        return
    pending = await flows.pending(turn.session, user.id)
    in_flow = pending is not None and pending.flow in (log.LOG, log.FIX)
    if in_flow and pending and await _open_attempt(ctx, user, pending) is not None:
        say(ctx, "log.in_progress")
        await log.reask(ctx, user, pending)
        return
    planned = await attempts.open_planned(turn.session, user.id, now=turn.now)
    if planned is not None:
        await flows.ask(turn.session, user.id, WHICH, WHICH, attempt_id=planned.id, now=turn.now)
        await _ask_which(ctx, planned)
        return
    await _something_else(ctx, user)


async def _ask_which(ctx: CoachContext, planned: Attempt) -> None:
    idea = await idea_of(ctx, planned)
    ctx.turn.send(ctx.person_chat, text(ctx, "log.which", idea=idea), _keyboard(ctx, planned))


def _keyboard(ctx: CoachContext, planned: Attempt) -> Keyboard:
    return [
        [
            button(ctx, "buttons.log.this_one", pack(Cb.WHICH, planned.id, Which.THIS.value)),
            button(ctx, "buttons.log.something_else", pack(Cb.WHICH, planned.id, Which.OTHER)),
        ]
    ]


async def reask(ctx: CoachContext, user: User, pending: Pending) -> None:
    planned = await _open_attempt(ctx, user, pending)
    if planned is None:
        await flows.end(ctx.turn.session, user.id)
        return
    await _ask_which(ctx, planned)


async def on_text(ctx: CoachContext, user: User, pending: Pending, message: str) -> None:
    """A typed answer to "this one or something else?"."""
    typed = clip(message)
    language = ctx.turn.language
    if parse_control(typed, language) is Control.CANCEL:
        await flows.end(ctx.turn.session, user.id)
        say(ctx, "cancel.left_flow")
        return
    planned = await _open_attempt(ctx, user, pending)
    which = parse_which(typed, language)
    if planned is None or which is Which.OTHER:
        await _something_else(ctx, user)
        return
    if which is Which.THIS:
        await _this_one(ctx, user, planned)
        return
    if describes_an_ask(typed, language):
        # "asked my boss for Friday off, she said no": that ask, not the open idea.
        await flows.end(ctx.turn.session, user.id)
        await log.log_typed(ctx, user, typed)
        return
    answers_it = read_typed(Step.ASKED, typed, language) is not None
    if answers_it or parse_quick_log(typed, language) is not None:
        await log.answer_did_you_ask(ctx, user, planned, typed)
        return
    say(ctx, "log.which_reask", _keyboard(ctx, planned))


async def on_button(ctx: CoachContext, user: User, callback: Callback) -> str | None:
    """ "This one" / "Something else" under /log's question."""
    attempt_id, code = callback.int_part(0), callback.part(1)
    pending = await flows.pending(ctx.turn.session, user.id)
    if pending is None or pending.flow != WHICH or pending.attempt_id != attempt_id:
        return label(ctx, "stale.question")
    planned = await _open_attempt(ctx, user, pending)
    if planned is None or code not in (Which.THIS.value, Which.OTHER.value):
        return label(ctx, "stale.question")
    clear_pressed(ctx)
    if code == Which.THIS.value:
        await _this_one(ctx, user, planned)
    else:
        await _something_else(ctx, user)
    return None


async def _this_one(ctx: CoachContext, user: User, planned: Attempt) -> None:
    turn = ctx.turn
    await log.show_question(
        ctx, await logging_flow.resume(turn.session, user, planned, now=turn.now)
    )


async def _something_else(ctx: CoachContext, user: User) -> None:
    turn = ctx.turn
    await log.show_question(ctx, await logging_flow.start_free(turn.session, user, now=turn.now))


async def _open_attempt(ctx: CoachContext, user: User, pending: Pending) -> Attempt | None:
    if pending.attempt_id is None:
        return None
    attempt = await attempts.owned(ctx.turn.session, user.id, pending.attempt_id)
    if pending.flow == WHICH and (attempt is None or attempt.status != "planned"):
        return None
    return attempt
