"""Care: harsh self-talk, vulnerability hangovers and the weekly pace (crisis language is
``handlers/crisis.py``).

Offers are made once and remembered: the rest offer at most once per local day (a "no"
is final for that day), in words that fit why it is made; "No, keep them coming" and any
plain wish for more lift the weekly pace for that week, so the promise is kept."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.db.models import Attempt, User
from bot.domain.feelings import detect_exhaustion, detect_rumination, detect_self_criticism
from bot.services import care, flows
from bot.telegram.compose import Part
from bot.telegram.context import CoachContext
from bot.telegram.handlers.common import (
    button,
    clear_pressed,
    label,
    say,
    send_idea,
    text,
)
from bot.telegram.keyboards import Callback, Cb, IdeaAction, Keyboard, pack
from bot.telegram.views import CARE_KEEP_GOING

SKIP_TOMORROW, KEEP, KEEP_GOING = "skip", "keep", CARE_KEEP_GOING
REFRAMED = "reframed"  # the open question's flag: its one reframe was said

#: After a crisis reply, how long a message outside any question is answered gently
#: rather than with the usual pointer to /idea.
AFTER_CRISIS = timedelta(hours=24)


def heard_outside_a_question(ctx: CoachContext, user: User, typed: str) -> bool:
    """Feelings outside a question get a kind, specific answer, never "tap /idea": harsh
    self-talk a self-compassion reframe, a long unhappy message a gentle word, and anything
    in the day after a crisis reply a quiet check-in."""
    language = ctx.turn.language
    if detect_self_criticism(typed, language):
        say(ctx, "care.self_talk", part=Part.CARE)
    elif detect_rumination(typed):
        say(ctx, "care.rumination", part=Part.CARE)
    elif (
        user.crisis_at is not None
        and _as_utc(ctx.turn.now) - _as_utc(user.crisis_at) < AFTER_CRISIS
    ):
        say(ctx, "crisis.still_here", part=Part.CARE)
    else:
        return False
    return True


def _as_utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


async def reframe_once(ctx: CoachContext, user: User, typed: str) -> None:
    """Harsh self-talk in a reflection gets one kind reframe per open question."""
    if not detect_self_criticism(typed, ctx.turn.language):
        return
    if await flows.first_time(ctx.turn.session, user.id, REFRAMED):
        say(ctx, "care.reframe", part=Part.CARE)


async def after_logged(ctx: CoachContext, user: User, attempt: Attempt) -> None:
    """After an ask is logged, at most one offer: rest after a draining one (once a day),
    or the weekly pace met (said once; the scheduler says it otherwise)."""
    now = ctx.turn.now
    pace = await care.pace_of(ctx.turn.session, user, now)
    drained = detect_exhaustion(attempt.lesson or "")
    reason = care.rest_reason(attempt, pace, drained_words=drained)
    if reason is not None and care.may_offer_rest(user, now):
        offer_rest(ctx, user, reason, count=pace.today)
    elif pace.cap_reached and care.cap_needs_note(user, now):
        care.cap_explained(user, now)
        keyboard = [[button(ctx, "buttons.care.keep_nudging", pack(Cb.CARE, KEEP_GOING))]]
        say(ctx, "care.cap_reached", keyboard, count=pace.this_week, part=Part.OFFER)


def offer_rest(ctx: CoachContext, user: User, reason: care.RestReason, *, count: int = 0) -> None:
    care.rest_offered(user, ctx.turn.now)
    key = f"care.rest_offer.{reason.value}"
    say(ctx, key, rest_keyboard(ctx), count=count, part=Part.OFFER)


def on_tired_words(ctx: CoachContext, user: User) -> None:
    """ "I'm so drained": the rest offer, or (offered already today) just a kind word."""
    if care.may_offer_rest(user, ctx.turn.now):
        offer_rest(ctx, user, care.RestReason.DRAINED)
    else:
        say(ctx, "care.rest_heard", part=Part.CARE)


def on_wish_for_more(ctx: CoachContext, user: User) -> None:
    """ "Keep them coming": nudges keep coming this week, past the weekly pace."""
    care.keep_going_this_week(user, ctx.turn.now)
    say(ctx, "care.more_coming")


def rest_keyboard(ctx: CoachContext) -> Keyboard:
    return [
        [
            button(ctx, "buttons.care.skip_tomorrow", pack(Cb.CARE, SKIP_TOMORROW)),
            button(ctx, "buttons.care.keep", pack(Cb.CARE, KEEP)),
        ]
    ]


async def cap_holds_idea(ctx: CoachContext, user: User) -> bool:
    """/idea past the weekly pace: celebrate and suggest rest, with "one anyway"."""
    pace = await care.pace_of(ctx.turn.session, user, ctx.turn.now)
    if not pace.cap_reached:
        return False
    care.cap_explained(user, ctx.turn.now)
    keyboard = [[button(ctx, "buttons.care.one_anyway", pack(Cb.IDEA, IdeaAction.NEW))]]
    say(ctx, "care.cap_idea", keyboard, count=pace.this_week, part=Part.OFFER)
    return True


async def on_care_button(ctx: CoachContext, user: User, callback: Callback) -> str | None:
    choice = callback.part(0)
    now = ctx.turn.now
    if choice == SKIP_TOMORROW:
        care.skip_tomorrow(user, now)
        key = "care.skip_tomorrow_done"
    elif choice == KEEP:
        # "No, keep them coming" is a promise: the weekly pace doesn't hold them either.
        care.rest_offered(user, now)
        care.keep_going_this_week(user, now)
        key = "care.keep_nudges"
    elif choice == KEEP_GOING:
        care.keep_going_this_week(user, now)
        clear_pressed(ctx)
        await send_idea(ctx, user, intro=text(ctx, "care.cap_kept_going"))
        return None
    else:
        return label(ctx, "stale.button")
    clear_pressed(ctx)
    say(ctx, key)
    return None
