"""The flow runner: the one owner of a person's pending question.

The `conversations` row (which flow, which step, for which attempt, retries, skipped
fields, one-off flags) is read and written here and nowhere else. Handlers get a
`Pending` snapshot, hand the runner an answer, and render the `Decision` it returns;
they never touch the row. Kept in the database, so a restart or another replica carries
on exactly where the person left off.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.db import repo
from bot.db.models import Conversation, User
from bot.domain.flows import MAX_REASKS, Flow

# Stores an answer: (session, person, value, now).
Writer = Callable[[AsyncSession, User, Any, datetime], Awaitable[None]]

_SKIPPED = "skipped"


@dataclass(frozen=True)
class Pending:
    """The question a person has open, as handlers may read it."""

    flow: str
    step: str
    attempt_id: int | None
    retries: int
    skipped: tuple[str, ...]
    data: Mapping[str, object]
    asked_at: datetime


# -- decisions: what the handler renders ------------------------------------------------------


@dataclass(frozen=True)
class Ask:
    """Ask `step` of `flow` (the question is now pending)."""

    flow: str
    step: str
    attempt_id: int | None = None


@dataclass(frozen=True)
class Reask:
    """The answer wasn't understood: ask again, kindly (`retries` misses so far)."""

    flow: str
    step: str
    retries: int
    miss: str = "unknown"
    offer_skip: bool = False


@dataclass(frozen=True)
class Done:
    """`step` was answered with `value` and the flow is over."""

    flow: str
    step: str
    value: object = None


@dataclass(frozen=True)
class Left:
    """The person left the flow ("cancel")."""


@dataclass(frozen=True)
class Stale:
    """A press or answer for a question that is no longer open."""


@dataclass(frozen=True)
class NotForThisFlow:
    """The message is about something else: the question was let go, read it as usual."""


Decision = Ask | Reask | Done | Left | Stale | NotForThisFlow


# -- the row ----------------------------------------------------------------------------------


def _snapshot(row: Conversation) -> Pending:
    data = row.data if isinstance(row.data, dict) else {}
    raw = data.get(_SKIPPED, [])
    skipped = tuple(str(item) for item in raw) if isinstance(raw, list) else ()
    asked = row.updated_at
    return Pending(
        flow=row.flow,
        step=row.step,
        attempt_id=row.attempt_id,
        retries=row.retries,
        skipped=skipped,
        data={key: value for key, value in data.items() if key != _SKIPPED},
        # SQLite hands datetimes back naive; they are UTC.
        asked_at=asked if asked.tzinfo is not None else asked.replace(tzinfo=UTC),
    )


async def pending(session: AsyncSession, user_id: int) -> Pending | None:
    """The person's open question, if any."""
    row = await repo.get_conversation(session, user_id)
    return None if row is None else _snapshot(row)


async def ask(
    session: AsyncSession,
    user_id: int,
    flow: str,
    step: str,
    *,
    now: datetime,
    attempt_id: int | None = None,
    skipped: tuple[str, ...] = (),
    data: Mapping[str, object] | None = None,
) -> Ask:
    """Make `step` of `flow` the open question (retries start again)."""
    stored: dict[str, Any] = dict(data or {})
    if skipped:
        stored[_SKIPPED] = list(skipped)
    await repo.set_conversation(
        session, user_id, flow=flow, step=step, attempt_id=attempt_id, data=stored, now=now
    )
    return Ask(flow, step, attempt_id)


async def end(session: AsyncSession, user_id: int) -> bool:
    """Close the open question, if any. Returns whether there was one."""
    return await repo.clear_conversation(session, user_id)


async def missed(session: AsyncSession, user_id: int) -> int:
    """Count one answer that wasn't understood; returns the misses so far."""
    row = await repo.get_conversation(session, user_id)
    if row is None:
        return 0
    row.retries += 1
    return row.retries


async def skip(session: AsyncSession, user_id: int, field: str) -> tuple[str, ...]:
    """Note that the person chose to skip `field`: it isn't asked again in this flow."""
    row = await repo.get_conversation(session, user_id)
    if row is None:
        return ()
    skipped = (*_snapshot(row).skipped, field)
    row.data = {**(row.data or {}), _SKIPPED: list(skipped)}
    return skipped


async def first_time(session: AsyncSession, user_id: int, flag: str) -> bool:
    """True once per open question for `flag` (a reframe offered, say), then False."""
    row = await repo.get_conversation(session, user_id)
    if row is None or (row.data or {}).get(flag):
        return False
    row.data = {**(row.data or {}), flag: True}
    return True


# -- running a table --------------------------------------------------------------------------


async def start(session: AsyncSession, user: User, table: Flow, *, now: datetime) -> Ask:
    """Open `table` at its first step."""
    return await ask(session, user.id, table.name, table.first, now=now)


async def answer(
    session: AsyncSession,
    user: User,
    table: Flow,
    step: str,
    value: object,
    *,
    writers: Mapping[str, Writer],
    now: datetime,
) -> Decision:
    """Apply an answer to `step` of `table` (`value` None: not understood) and move on."""
    rule = table.steps[step]
    if value is None:
        retries = await missed(session, user.id)
        return Reask(table.name, step, retries, rule.miss, offer_skip=retries > MAX_REASKS)
    if rule.writes is not None:
        await writers[rule.writes](session, user, value, now)
    following = table.after(step, value)
    if following is None:
        await end(session, user.id)
        return Done(table.name, step, value)
    return await ask(session, user.id, table.name, following, now=now)


def read_typed(table: Flow, step: str, typed: str, language: str) -> object:
    """What typed text means as an answer to `step` (None: not understood)."""
    return table.steps[step].read(typed, language)


def read_pressed(table: Flow, step: str, code: str) -> object:
    """What a button code means as an answer to `step` (None: not one of ours)."""
    press = table.steps[step].press
    return press(code) if press is not None else None
