"""/start, the first-run questions (timezone, nudge time, pace, level) and /settings.

The questions are tables (`bot.domain.flows.onboarding`) run by
`bot.services.onboarding_flow`; this module reads what the person typed or tapped, hands
it over, and renders the decision. The buttons and the overview are in
`bot.telegram.views.settings`. The flow names are re-exported for the router's tables.
"""

from __future__ import annotations

from telegram import Update

from bot.db.models import User
from bot.domain.flows.onboarding import ONBOARDING as ONBOARDING
from bot.domain.flows.onboarding import SETTINGS as SETTINGS
from bot.services import flows, profile
from bot.services import onboarding_flow as setup
from bot.services.flows import Ask, Pending, Reask, Stale
from bot.services.onboarding_flow import (
    Answered,
    NotOurButton,
    Onboarded,
    SaidTwice,
    Saved,
    ZoneSet,
)
from bot.telegram.compose import Part
from bot.telegram.context import CoachContext
from bot.telegram.handlers import buddy
from bot.telegram.handlers.common import (
    button,
    clear_pressed,
    clip,
    label,
    onboarded_user,
    profile_of,
    say,
    text,
)
from bot.telegram.handlers.language import set_menu_button
from bot.telegram.keyboards import Callback, Cb, pack
from bot.telegram.views.settings import (
    hhmm,
    now_set,
    pace_phrase,
    point_out_quiet_nudges,
    question_keyboard,
    quiet_label,
    show_settings,
)

# Which question each kind of button answers.
STEP_OF = {
    Cb.TIMEZONE: "timezone",
    Cb.TIME: "time",
    Cb.PACE: "pace",
    Cb.LEVEL: "level",
    Cb.DAYS: "recap",
    Cb.NUDGE_DAYS: "days",
    Cb.CAP: "cap",
    Cb.QUIET: "quiet",
}


# -- /start and /settings --------------------------------------------------------------------


async def on_start(update: Update, ctx: CoachContext) -> None:
    turn = ctx.turn
    result = await profile.start(
        turn.session,
        profile_of(update),
        now=turn.now,
        default_timezone=ctx.deps.settings.coach_default_timezone,
        languages=ctx.deps.languages.keys(),
    )
    user = result.user
    turn.meet(user)
    token = (ctx.args or [""])[0]
    if user.onboarded_at is not None:
        await flows.end(turn.session, user.id)
        if token:  # a buddy invitation link: that is what they came for
            await buddy.open_link(ctx, user, token)
            return
        say(ctx, "start.welcome_back", name=user.first_name or text(ctx, "nudge.friend"))
        say(ctx, "start.returning_hint")
        return
    if token:  # claimed now; the invitation itself comes after onboarding
        await buddy.open_link(ctx, user, token)
    say(ctx, "start.welcome", name=user.first_name or text(ctx, "nudge.friend"))
    say(ctx, "start.not_therapy")
    # After the long welcome the first question is its own message, so it stays on screen.
    _ask(ctx, await setup.start(turn.session, user, now=turn.now), part=Part.ALONE)


async def on_settings(update: Update, ctx: CoachContext) -> None:
    user = await onboarded_user(ctx, update)
    if user is None:
        return
    await flows.end(ctx.turn.session, user.id)
    show_settings(ctx, user)


async def on_settings_button(ctx: CoachContext, user: User, callback: Callback) -> str | None:
    opened = await setup.open_setting(
        ctx.turn.session, user, callback.part(0) or "", now=ctx.turn.now
    )
    if isinstance(opened, NotOurButton):
        return label(ctx, "stale.button")
    if isinstance(opened, Ask):
        _ask(ctx, opened)
    else:
        say(ctx, "settings.closed")
    return None


async def ask(ctx: CoachContext, user: User, flow: str, step: str) -> None:
    """Ask `step` of `flow` (again, say after a sticker sent in the middle of it)."""
    _ask(ctx, await setup.ask(ctx.turn.session, user, flow, step, now=ctx.turn.now))


def _ask(ctx: CoachContext, question: Ask, *, part: Part = Part.QUESTION) -> None:
    say(ctx, f"onboarding.ask_{question.step}", question_keyboard(ctx, question.step), part=part)


# -- answers ---------------------------------------------------------------------------------


async def on_text(ctx: CoachContext, user: User, pending: Pending, message: str) -> None:
    """A typed answer to the pending onboarding/settings question."""
    answer = clip(message)
    turn = ctx.turn
    decision = await setup.answer_typed(turn.session, user, pending, answer, now=turn.now)
    if isinstance(decision, Answered):
        await _go_on(ctx, user, decision)
    elif isinstance(decision, SaidTwice):  # all quiet or never quiet?
        keyboard = question_keyboard(ctx, pending.step)
        say(ctx, "onboarding.quiet_same", keyboard, time=hhmm(decision.at))
    elif isinstance(decision, Reask):
        keyboard = question_keyboard(ctx, pending.step)
        say(ctx, f"onboarding.{decision.miss}", keyboard, answer=answer[:60])


async def on_location(
    ctx: CoachContext, user: User, pending: Pending, location: tuple[float, float] | None
) -> bool:
    """A location shared at the time-zone question sets the zone; False when this is not
    that question (or no zone is near), so the caller points back instead."""
    if location is None:
        return False
    turn = ctx.turn
    answered = await setup.answer_location(turn.session, user, pending, location, now=turn.now)
    if answered is None:
        return False
    await _go_on(ctx, user, answered)
    return True


async def on_button(ctx: CoachContext, user: User, callback: Callback) -> str | None:
    """A tapped answer to an onboarding or settings question."""
    turn = ctx.turn
    code = ":".join(callback.parts)
    step = STEP_OF[callback.kind]
    decision = await setup.answer_pressed(turn.session, user, step, code, now=turn.now)
    if isinstance(decision, Stale):
        return label(ctx, "stale.question")
    if not isinstance(decision, Answered):  # a code we never offered
        return label(ctx, "stale.button")
    await _go_on(ctx, user, decision, pressed=True)
    return None


# -- rendering what comes next ---------------------------------------------------------------


async def _go_on(
    ctx: CoachContext, user: User, answered: Answered, *, pressed: bool = False
) -> None:
    if answered.zone_set is not None:
        _confirm_zone(ctx, answered.zone_set)
    if pressed:
        clear_pressed(ctx)
    then = answered.then
    if isinstance(then, Ask):
        _ask(ctx, then)
    elif isinstance(then, Saved):
        _saved(ctx, user, then)
    else:
        await _onboarded(ctx, user, then)


def _confirm_zone(ctx: CoachContext, zone_set: ZoneSet) -> None:
    say(ctx, "onboarding.timezone_set", zone=zone_set.zone, local_time=hhmm(zone_set.local_time))


def _saved(ctx: CoachContext, user: User, saved: Saved) -> None:
    what = label(ctx, f"buttons.settings.{saved.step}")
    say(ctx, "settings.saved", what=what, value=now_set(ctx, user, saved.step))
    if saved.nudge_in_quiet:
        point_out_quiet_nudges(ctx, user)
    show_settings(ctx, user)


async def _onboarded(ctx: CoachContext, user: User, onboarded: Onboarded) -> None:
    say(
        ctx,
        "onboarding.done",
        time=hhmm(user.nudge_time),
        zone=user.timezone,
        pace=pace_phrase(ctx, user),
        quiet=quiet_label(ctx, user.quiet_start, user.quiet_end),
        recap_day=label(ctx, f"weekdays.{user.recap_weekday}"),
        recap_time=hhmm(user.recap_time),
    )
    if onboarded.nudge_in_quiet:
        point_out_quiet_nudges(ctx, user)
    first_idea = [
        [
            button(ctx, "buttons.yes_first_idea", pack(Cb.IDEA, "new")),
            button(ctx, "buttons.later", pack(Cb.MENU, "later")),
        ]
    ]
    say(ctx, "onboarding.first_idea_offer", first_idea)
    set_menu_button(ctx, ctx.person_chat, user.language)
    await buddy.invite_after_onboarding(ctx, user)
