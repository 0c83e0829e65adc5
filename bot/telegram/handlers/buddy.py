"""/buddy, invitation links, consent, cheers, suggested ideas, pause and end.

Button data is `bd:<action>[:<id>]`; every id is checked against the presser's own rows
(an invitation they opened, their own pair, a suggestion addressed to them).
"""

from __future__ import annotations

from telegram import Update
from telegram.helpers import create_deep_linked_url

from bot.db.models import BuddyInvite, Challenge, User
from bot.services import attempts, buddies, ideas
from bot.services.buddies import Buddy, CheerResult, InviteProblem
from bot.services.ideas import Idea, Reaction
from bot.telegram import views
from bot.telegram.context import CoachContext
from bot.telegram.handlers import buddy_notes, log
from bot.telegram.handlers.common import (
    button,
    clear_pressed,
    label,
    onboarded_user,
    say,
    text,
)
from bot.telegram.keyboards import Button, Callback, Cb, Keyboard, pack

ACCEPT, DECLINE = "ok", "no"
PAUSE, RESUME, END, SUGGEST = "ps", "rs", "end", "sg"
TAKE, LEAVE = "tk", "dc"


# -- /buddy ---------------------------------------------------------------------------------


async def on_buddy(update: Update, ctx: CoachContext) -> None:
    user = await onboarded_user(ctx, update)
    if user is None:
        return
    await _say_if_ended(ctx, user)
    buddy = await buddies.active_buddy(ctx.turn.session, user.id)
    if buddy is not None:
        show_card(ctx, buddy)
        return
    token = await buddies.create_invite(ctx.turn.session, user, now=ctx.turn.now)
    link = create_deep_linked_url(ctx.bot.username, token)
    say(ctx, "buddy.intro", link=link)


def show_card(ctx: CoachContext, buddy: Buddy) -> None:
    name = buddy.other_user.first_name or label(ctx, "nudge.friend")
    sharing_key = "buddy.sharing_on" if buddy.me.sharing else "buddy.sharing_off"
    toggle = (
        button(ctx, "buttons.buddy.pause", pack(Cb.BUDDY, PAUSE))
        if buddy.me.sharing
        else button(ctx, "buttons.buddy.resume", pack(Cb.BUDDY, RESUME))
    )
    keyboard = [
        [button(ctx, "buttons.buddy.suggest", pack(Cb.BUDDY, SUGGEST))],
        [toggle, button(ctx, "buttons.buddy.end", pack(Cb.BUDDY, END))],
    ]
    say(ctx, "buddy.card", keyboard, name=name, sharing=text(ctx, sharing_key, name=name))


async def _say_if_ended(ctx: CoachContext, user: User) -> bool:
    if await buddies.take_end_notice(ctx.turn.session, user.id):
        say(ctx, "buddy.ended")
        return True
    return False


# -- opening a link -------------------------------------------------------------------------


async def open_link(ctx: CoachContext, user: User, token: str) -> None:
    """/start <token>: show who invited them and ask for consent, or say kindly why not.
    A person not yet set up sees only the explanation of problems here; the invitation
    itself comes after onboarding (see `invite_after_onboarding`)."""
    opened = await buddies.open_invite(ctx.turn.session, user, token, now=ctx.turn.now)
    if opened.problem is not None:
        say(ctx, f"buddy.problems.{opened.problem.value}")
        return
    if opened.invite is None:
        return
    if user.onboarded_at is not None:
        _ask_consent(ctx, opened.invite, opened.inviter)
        return
    name = (opened.inviter.first_name if opened.inviter else "") or label(ctx, "nudge.friend")
    say(ctx, "buddy.after_setup", name=name)


async def invite_after_onboarding(ctx: CoachContext, user: User) -> None:
    invite = await buddies.pending_invite_for(ctx.turn.session, user.id, now=ctx.turn.now)
    if invite is not None:
        inviter = await ctx.turn.session.get(User, invite.inviter_id)
        _ask_consent(ctx, invite, inviter)


def _ask_consent(ctx: CoachContext, invite: BuddyInvite, inviter: User | None) -> None:
    name = (inviter.first_name if inviter else "") or label(ctx, "nudge.friend")
    keyboard = [
        [
            button(ctx, "buttons.buddy.yes", pack(Cb.BUDDY, ACCEPT, invite.id)),
            button(ctx, "buttons.buddy.no", pack(Cb.BUDDY, DECLINE, invite.id)),
        ]
    ]
    say(ctx, "buddy.invitation", keyboard, name=name)


# -- buttons --------------------------------------------------------------------------------


async def on_buddy_button(ctx: CoachContext, user: User, callback: Callback) -> str | None:
    action, number = callback.part(0), callback.int_part(1)
    if action in (ACCEPT, DECLINE) and number is not None:
        return await _answer_invite(ctx, user, number, accept=action == ACCEPT)
    if action in (TAKE, LEAVE) and number is not None:
        return await _answer_suggestion(ctx, user, number, accept=action == TAKE)
    if await _say_if_ended(ctx, user):
        clear_pressed(ctx)
        return None
    if action == buddy_notes.CHEER and number is not None:
        return await _cheer(ctx, user, number)
    buddy = await buddies.active_buddy(ctx.turn.session, user.id)
    if buddy is None or action not in (PAUSE, RESUME, END, SUGGEST):
        return label(ctx, "stale.button")
    clear_pressed(ctx)
    if action == END:
        await buddies.end(ctx.turn.session, user.id, now=ctx.turn.now)
        say(ctx, "buddy.you_ended")
    elif action == SUGGEST:
        await _suggest(ctx, user)
    else:
        buddies.set_sharing(buddy, action == RESUME)
        name = buddy.other_user.first_name
        say(ctx, "buddy.resumed" if action == RESUME else "buddy.paused", name=name)
    return None


async def _answer_invite(
    ctx: CoachContext, user: User, invite_id: int, *, accept: bool
) -> str | None:
    turn = ctx.turn
    opened, pair = await buddies.answer_invite(
        turn.session, user, invite_id, accept=accept, now=turn.now
    )
    if opened.problem is not None:
        if opened.problem is InviteProblem.UNKNOWN:
            return label(ctx, "stale.button")
        clear_pressed(ctx)
        say(ctx, f"buddy.problems.{opened.problem.value}")
        return None
    clear_pressed(ctx)
    if pair is None or opened.inviter is None:
        say(ctx, "buddy.declined")
        return None
    say(ctx, "buddy.accepted", name=opened.inviter.first_name)
    buddy_notes.tell(ctx, opened.inviter, "buddy.accepted_inviter", name=user.first_name)
    return None


async def _cheer(ctx: CoachContext, user: User, pair_id: int) -> str | None:
    result, buddy = await buddies.cheer(ctx.turn.session, user, pair_id, now=ctx.turn.now)
    if result is CheerResult.NO_BUDDY or buddy is None:
        return label(ctx, "stale.button")
    if result is CheerResult.ENOUGH_TODAY:
        return label(ctx, "buddy.cheers_enough")
    if buddy.other_user.is_active:
        buddy_notes.tell(ctx, buddy.other_user, "buddy.cheer", name=user.first_name)
    return label(ctx, "buddy.cheer_sent")


async def _suggest(ctx: CoachContext, user: User) -> None:
    turn = ctx.turn
    challenge = await buddies.random_catalog_idea(turn.session, turn.rng.randrange(10_000))
    if challenge is None:
        say(ctx, "ideas.none_left")
        return
    buddy, suggestion = await buddies.suggest(turn.session, user, challenge, now=turn.now)
    if buddy is None:
        say(ctx, "buddy.no_buddy")
        return
    if suggestion is None:
        say(ctx, "buddy.suggest_once")
        return
    receiver = buddy.other_user
    say(ctx, "buddy.suggestion_sent", name=receiver.first_name)
    if receiver.is_active:
        _send_suggestion(ctx, receiver, user, challenge, suggestion.id)


def _send_suggestion(
    ctx: CoachContext, receiver: User, sender: User, challenge: Challenge, suggestion_id: int
) -> None:
    texts, rng = ctx.deps.texts_for(receiver.language), ctx.turn.rng
    card = views.idea_card(texts, rng, Idea.of(challenge))
    keyboard: Keyboard = [
        [
            Button(texts.plain("buttons.buddy.take", rng), pack(Cb.BUDDY, TAKE, suggestion_id)),
            Button(texts.plain("buttons.buddy.leave", rng), pack(Cb.BUDDY, LEAVE, suggestion_id)),
        ]
    ]
    intro = texts("buddy.suggestion", rng, name=sender.first_name)
    ctx.turn.send(receiver.chat_id, f"{intro}\n\n{card}", keyboard, kind=buddy_notes.NOTE_KIND)


async def _answer_suggestion(
    ctx: CoachContext, user: User, suggestion_id: int, *, accept: bool
) -> str | None:
    turn = ctx.turn
    suggestion = await buddies.answer_suggestion(
        turn.session, user, suggestion_id, accept=accept, now=turn.now
    )
    challenge = await turn.session.get(Challenge, suggestion.challenge_id) if suggestion else None
    if suggestion is None or challenge is None:
        return label(ctx, "stale.button")
    clear_pressed(ctx)
    sender = (
        await turn.session.get(User, suggestion.from_user_id) if suggestion.from_user_id else None
    )
    if sender is not None and sender.is_active:
        key = "buddy.suggestion_taken" if accept else "buddy.not_this_time"
        buddy_notes.tell(ctx, sender, key, name=user.first_name)
    if not accept:
        say(ctx, "buddy.suggestion_left")
        return None
    # Into their own flow, exactly as "I'll try it" on any idea.
    idea = Idea.of(challenge)
    await ideas.record(turn.session, user.id, idea.id, Reaction.ACCEPTED, turn.now)
    attempt = await attempts.start_planned(turn.session, user, idea, source="buddy", now=turn.now)
    say(ctx, "ideas.accepted")
    await log.begin_before_ask(ctx, user, attempt)
    return None
