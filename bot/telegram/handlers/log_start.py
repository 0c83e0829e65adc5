"""/log: continue a pending question, or with an idea still open ask "this one or something
else?" first, so an ask the person did instead is logged as itself, not as the open idea."""

from __future__ import annotations

from telegram import Update

from bot.db import repo
from bot.db.models import Attempt, Conversation, User
from bot.domain.answers import Control, parse_control, parse_quick_log
from bot.domain.answers.which import Which, describes_an_ask, parse_which
from bot.domain.questions import QUESTIONS, Step, read_typed
from bot.services import attempts
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
    conversation = await repo.get_conversation(turn.session, user.id)
    in_flow = conversation is not None and conversation.flow in (log.LOG, log.FIX)
    if in_flow and conversation and await _open_attempt(ctx, user, conversation) is not None:
        say(ctx, "log.in_progress")
        await log.reask(ctx, user, conversation)
        return
    planned = await attempts.open_planned(turn.session, user.id, now=turn.now)
    if planned is not None:
        await repo.set_conversation(
            turn.session, user.id, flow=WHICH, step=WHICH, attempt_id=planned.id, now=turn.now
        )
        await _ask_which(ctx, planned)
        return
    attempt = await attempts.start_free(turn.session, user, now=turn.now)
    await log.ask(ctx, user, attempt, Step.WHAT)


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


async def reask(ctx: CoachContext, user: User, conversation: Conversation) -> None:
    planned = await _open_attempt(ctx, user, conversation)
    if planned is None:
        await repo.clear_conversation(ctx.turn.session, user.id)
        return
    await _ask_which(ctx, planned)


async def on_text(ctx: CoachContext, user: User, conversation: Conversation, message: str) -> None:
    """A typed answer to "this one or something else?"."""
    typed = clip(message)
    language = ctx.turn.language
    if parse_control(typed, language) is Control.CANCEL:
        await repo.clear_conversation(ctx.turn.session, user.id)
        say(ctx, "cancel.left_flow")
        return
    planned = await _open_attempt(ctx, user, conversation)
    which = parse_which(typed, language)
    if planned is None or which is Which.OTHER:
        await _something_else(ctx, user)
        return
    if which is Which.THIS:
        await log.ask(ctx, user, planned, Step.ASKED, resume=True)
        return
    if describes_an_ask(typed, language):
        # "asked my boss for Friday off, she said no": that ask, not the open idea.
        await repo.clear_conversation(ctx.turn.session, user.id)
        await log.log_typed(ctx, user, typed)
        return
    answers_it = read_typed(QUESTIONS[Step.ASKED], typed, language) is not None
    if answers_it or parse_quick_log(typed, language) is not None:
        asked = await log.at_did_you_ask(ctx, user, planned)
        await log.on_text(ctx, user, asked, typed)
        return
    say(ctx, "log.which_reask", _keyboard(ctx, planned))


async def on_button(ctx: CoachContext, user: User, callback: Callback) -> str | None:
    """ "This one" / "Something else" under /log's question."""
    attempt_id, code = callback.int_part(0), callback.part(1)
    conversation = await repo.get_conversation(ctx.turn.session, user.id)
    if conversation is None or conversation.flow != WHICH or conversation.attempt_id != attempt_id:
        return label(ctx, "stale.question")
    planned = await _open_attempt(ctx, user, conversation)
    if planned is None or code not in (Which.THIS.value, Which.OTHER.value):
        return label(ctx, "stale.question")
    clear_pressed(ctx)
    if code == Which.THIS.value:
        await log.ask(ctx, user, planned, Step.ASKED, resume=True)
    else:
        await _something_else(ctx, user)
    return None


async def _something_else(ctx: CoachContext, user: User) -> None:
    attempt = await attempts.start_free(ctx.turn.session, user, now=ctx.turn.now)
    await log.ask(ctx, user, attempt, Step.WHAT)


async def _open_attempt(
    ctx: CoachContext, user: User, conversation: Conversation
) -> Attempt | None:
    if conversation.attempt_id is None:
        return None
    attempt = await attempts.owned(ctx.turn.session, user.id, conversation.attempt_id)
    if conversation.flow == WHICH and (attempt is None or attempt.status != "planned"):
        return None
    return attempt
