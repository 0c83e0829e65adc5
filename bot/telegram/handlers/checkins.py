"""Check-ins answered "not yet": the ask stays planned and the check-in comes once more at a
sensible local time (this evening, or tomorrow's for "tomorrow"); a second "not yet" leaves
it open without further reminders. Never recorded as "didn't ask"."""

from __future__ import annotations

from bot.db.models import Attempt, User
from bot.services import logging_flow, nudges
from bot.services.logging_flow import Postponed
from bot.telegram.context import CoachContext
from bot.telegram.handlers.common import clear_pressed, say
from bot.telegram.handlers.pause import when as local_when


def postponed(ctx: CoachContext, user: User, decision: Postponed) -> None:
    """Say when the next check-in comes (if one does)."""
    if decision.next_checkin is not None:
        say(ctx, "log.not_yet_again", when=local_when(ctx, user, decision.next_checkin))
    else:
        say(ctx, "log.not_yet_open")


async def unanswered(ctx: CoachContext, user: User) -> list[Attempt]:
    """Planned asks whose recent check-in got no answer, oldest first."""
    turn = ctx.turn
    return await nudges.unanswered_checkins(turn.session, user.id, now=turn.now)


async def not_yet_for_all(ctx: CoachContext, user: User) -> str | None:
    """ "Not yet" under several folded check-ins: every ask those check-ins were about."""
    clear_pressed(ctx)
    turn = ctx.turn
    postponed(ctx, user, await logging_flow.postpone_all(turn.session, user, now=turn.now))
    return None
