"""Check-ins answered "not yet": the ask stays planned and the check-in comes once more at a
sensible local time (this evening, or tomorrow's for "tomorrow"); a second "not yet" leaves
it open without further reminders. Never recorded as "didn't ask"."""

from __future__ import annotations

from bot.db import repo
from bot.db.models import Attempt, User
from bot.domain.answers import NotYet
from bot.services import nudges
from bot.telegram.context import CoachContext
from bot.telegram.handlers.common import clear_pressed, say
from bot.telegram.handlers.pause import when as local_when


async def not_yet(ctx: CoachContext, user: User, attempts: list[Attempt], answer: NotYet) -> None:
    """Postpone these planned asks' check-ins and say when the next one comes."""
    turn = ctx.turn
    await repo.clear_conversation(turn.session, user.id)
    coming = [
        await nudges.postpone_followup(turn.session, user, attempt, answer, now=turn.now)
        for attempt in attempts
    ]
    upcoming = sorted(instant for instant in coming if instant is not None)
    if upcoming:
        say(ctx, "log.not_yet_again", when=local_when(ctx, user, upcoming[0]))
    else:
        say(ctx, "log.not_yet_open")


async def unanswered(ctx: CoachContext, user: User) -> list[Attempt]:
    """Planned asks whose recent check-in got no answer, oldest first."""
    turn = ctx.turn
    return await nudges.unanswered_checkins(turn.session, user.id, now=turn.now)


async def not_yet_for_all(ctx: CoachContext, user: User) -> str | None:
    """ "Not yet" under several folded check-ins: every ask those check-ins were about."""
    clear_pressed(ctx)
    await not_yet(ctx, user, await unanswered(ctx, user), NotYet.LATER)
    return None
