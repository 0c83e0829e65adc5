"""Logging asks: start an attempt, save each answer the moment it arrives, finish, undo."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import IDEA_TEXT_MAX, LESSON_MAX, AnswerLog, Attempt, Challenge, User, table
from bot.domain import ladder
from bot.domain.answers import Outcome, QuickLog
from bot.domain.flows.log import Field, Progress
from bot.services import ideas, nudges
from bot.services.ideas import Idea
from bot.texts import IdeaSpec

# "I'll try it" stays open this long; /log picks it up within that window.
PLANNED_WINDOW = timedelta(days=7)
# /undo reaches answers this recent; after it, replaced texts are dropped (retention.py).
UNDO_WINDOW = timedelta(days=7)
HISTORY_SIZE = 10
CREATED = "created"  # answer_log field meaning "this answer created the whole attempt"


@dataclass(frozen=True)
class Completion:
    attempt: Attempt
    level_change: ladder.LevelChange


def progress_of(attempt: Attempt, skipped: set[str] | frozenset[str] = frozenset()) -> Progress:
    return Progress(
        outcome=attempt.outcome,
        predicted=attempt.predicted_no_pct,
        anxiety_before=attempt.anxiety_before,
        anxiety_after=attempt.anxiety_after,
        lesson=attempt.lesson,
        skipped=frozenset(skipped),
    )


async def start_planned(
    session: AsyncSession, user: User, idea: Idea, *, source: str, now: datetime
) -> Attempt:
    """ "I'll try it": a planned attempt for this idea."""
    attempt = Attempt(
        user_id=user.id,
        challenge_id=idea.id,
        level=idea.level,
        source=source,
        status="planned",
        created_at=now,
        updated_at=now,
        followup_due_at=nudges.followup_due(
            user, now, category=idea.category, setting=idea.setting
        ),
    )
    session.add(attempt)
    await session.flush()
    return attempt


async def start_free(
    session: AsyncSession, user: User, *, now: datetime, description: str | None = None
) -> Attempt:
    """/log for an ask that didn't come from an idea: the person says what they asked."""
    attempt = Attempt(
        user_id=user.id,
        description=_bounded(description, IDEA_TEXT_MAX),
        level=user.level,
        source="log",
        status="planned",
        created_at=now,
        updated_at=now,
    )
    session.add(attempt)
    await session.flush()
    return attempt


async def open_planned(session: AsyncSession, user_id: int, *, now: datetime) -> Attempt | None:
    """The newest "I'll try it" not logged yet (within a week), if any."""
    return await session.scalar(
        select(Attempt)
        .where(
            Attempt.user_id == user_id,
            Attempt.status == "planned",
            Attempt.created_at >= now - PLANNED_WINDOW,
        )
        .order_by(Attempt.created_at.desc(), Attempt.id.desc())
        .limit(1)
    )


async def owned(session: AsyncSession, user_id: int, attempt_id: int) -> Attempt | None:
    """The attempt, only if it belongs to this person (guards forged button data)."""
    attempt = await session.get(Attempt, attempt_id)
    return attempt if attempt is not None and attempt.user_id == user_id else None


async def correct(
    session: AsyncSession,
    user_id: int,
    attempt_id: int,
    field: Field,
    value: object,
    *,
    now: datetime,
) -> Attempt | None:
    """Fix one value of a logged ask (from the dashboard; the chat's /history fix asks the
    question again and saves the same way). None if the ask isn't this person's."""
    attempt = await owned(session, user_id, attempt_id)
    if attempt is None or attempt.status != "logged":
        return None
    await save(session, attempt, field, value, now=now)
    return attempt


async def save(
    session: AsyncSession, attempt: Attempt, field: Field, value: object, *, now: datetime
) -> None:
    """Store one answer right away, remembering what it replaced (for /undo)."""
    column = field.value
    previous = getattr(attempt, column)
    stored = _stored(field, value)
    session.add(
        AnswerLog(
            user_id=attempt.user_id,
            attempt_id=attempt.id,
            field=column,
            previous={"value": previous},
            created_at=now,
        )
    )
    setattr(attempt, column, stored)
    if field is Field.OUTCOME:
        attempt.status = "logged"
        attempt.asked_at = None if stored == Outcome.DIDNT_ASK else (attempt.asked_at or now)
    attempt.updated_at = now
    await session.flush()


def _stored(field: Field, value: object) -> Any:
    if field is Field.LESSON:
        return _bounded(str(value), LESSON_MAX)
    if field is Field.DESCRIPTION:
        return _bounded(str(value), IDEA_TEXT_MAX)
    if isinstance(value, Outcome):
        return value.value
    return value


def _bounded(text: str | None, limit: int) -> str | None:
    if text is None:
        return None
    cleaned = " ".join(text.split())
    return cleaned[:limit] if cleaned else None


async def complete(
    session: AsyncSession, user: User, attempt: Attempt, *, now: datetime
) -> Completion:
    """The attempt is done: close it and let the ladder react."""
    attempt.status = "logged"
    attempt.completed_at = attempt.completed_at or now
    attempt.updated_at = now
    await session.flush()
    change = await ideas.apply_ladder(session, user, now)
    return Completion(attempt, change)


# Core, built once: nothing reads this row back in the turn.
_NEW_ANSWER_LOG = insert(table(AnswerLog))


async def quick_log(
    session: AsyncSession, user: User, parsed: QuickLog, *, now: datetime
) -> Completion:
    """A whole attempt from one line ("asked for a discount, got a no, 7 -> 3")."""
    attempt = Attempt(
        user_id=user.id,
        description=_bounded(parsed.description, IDEA_TEXT_MAX),
        level=user.level,
        source="quick",
        status="logged",
        outcome=parsed.outcome.value,
        anxiety_before=parsed.anxiety_before,
        anxiety_after=parsed.anxiety_after,
        asked_at=None if parsed.outcome is Outcome.DIDNT_ASK else now,
        completed_at=now,
        created_at=now,
        updated_at=now,
    )
    # Born complete, so one INSERT and no UPDATE (the hot path: see bench/conversation.py).
    session.add(attempt)
    await session.flush()
    await session.execute(
        _NEW_ANSWER_LOG,
        {
            "user_id": user.id,
            "attempt_id": attempt.id,
            "field": CREATED,
            "previous": {},
            "created_at": now,
        },
    )
    change = await ideas.apply_ladder(session, user, now)
    return Completion(attempt, change)


@dataclass(frozen=True)
class Undone:
    attempt_id: int
    field: str  # a Field value, or CREATED when a whole quick log was removed
    attempt: Attempt | None  # None when the attempt itself was removed


async def undo_last(session: AsyncSession, user_id: int, *, now: datetime) -> Undone | None:
    """Take back the person's most recent answer, if it was given within UNDO_WINDOW."""
    entry = await session.scalar(
        select(AnswerLog).where(AnswerLog.user_id == user_id).order_by(AnswerLog.id.desc()).limit(1)
    )
    if entry is not None and entry.created_at < now - UNDO_WINDOW:
        return None  # too old to take back (replaced texts are gone by now: retention.py)
    if entry is None:
        return None
    attempt = await session.get(Attempt, entry.attempt_id)
    await session.delete(entry)
    if attempt is None:
        return Undone(entry.attempt_id, entry.field, None)
    if entry.field == CREATED:
        await session.execute(delete(Attempt).where(Attempt.id == attempt.id))
        return Undone(entry.attempt_id, CREATED, None)
    setattr(attempt, entry.field, entry.previous.get("value"))
    if entry.field == Field.OUTCOME.value and attempt.outcome is None:
        # Back to before the ask was logged; any other undo (a /history fix, a lesson)
        # puts back one value and leaves the logged ask as it was.
        attempt.status = "planned"
        attempt.asked_at = None
        attempt.completed_at = None
    await session.flush()
    return Undone(attempt.id, entry.field, attempt)


async def undo_quick_log(session: AsyncSession, user_id: int, attempt_id: int) -> bool:
    """The Undo button under a quick log: remove that attempt, if it is theirs."""
    attempt = await owned(session, user_id, attempt_id)
    if attempt is None or attempt.source != "quick":
        return False
    await session.execute(delete(Attempt).where(Attempt.id == attempt.id))
    return True


@dataclass(frozen=True)
class HistoryEntry:
    attempt: Attempt
    idea_text: str | None
    catalog_key: str | None = None


async def recent(
    session: AsyncSession, user_id: int, limit: int = HISTORY_SIZE
) -> list[HistoryEntry]:
    """The last asks, newest first, with the idea text when they came from an idea."""
    rows = await session.execute(
        select(Attempt, Challenge.text, Challenge.catalog_key)
        .outerjoin(Challenge, Challenge.id == Attempt.challenge_id)
        .where(Attempt.user_id == user_id, Attempt.status == "logged")
        .order_by(Attempt.created_at.desc(), Attempt.id.desc())
        .limit(limit)
    )
    return [HistoryEntry(attempt, text, key) for attempt, text, key in rows]


async def idea_text(
    session: AsyncSession, attempt: Attempt, catalog: Mapping[str, IdeaSpec]
) -> str | None:
    """What was asked: the person's own words, else the idea in the language of `catalog`
    (the database keeps a catalog idea in English)."""
    if attempt.description:
        return attempt.description
    if attempt.challenge_id is None:
        return None
    challenge = await session.get(Challenge, attempt.challenge_id)
    if challenge is None:
        return None
    spec = catalog.get(challenge.catalog_key or "")
    return spec.text if spec is not None else challenge.text
