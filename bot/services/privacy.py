"""The person owns their data: /export gives all of it, /delete erases all of it."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import delete, inspect, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db import repo
from bot.db.models import (
    AnswerLog,
    Attempt,
    Challenge,
    Conversation,
    IdeaEvent,
    InboxUpdate,
    KeptFile,
    OutboxMessage,
    Recap,
    User,
)
from bot.services import buddies

ATTEMPT_COLUMNS = (
    "id",
    "created_at",
    "idea",
    "level",
    "status",
    "outcome",
    "predicted_no_pct",
    "anxiety_before",
    "anxiety_after",
    "lesson",
    "asked_at",
    "completed_at",
)


def _plain(value: object) -> object:
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return value


def _row(obj: object, skip: tuple[str, ...] = ()) -> dict[str, object]:
    mapper = inspect(type(obj))
    return {
        column.key: _plain(getattr(obj, column.key))
        for column in mapper.column_attrs
        if column.key not in skip
    }


async def export_data(session: AsyncSession, user_id: int) -> dict[str, Any] | None:
    """Everything we hold about one person, as plain JSON-ready data."""
    user = await session.get(User, user_id)
    if user is None:
        return None
    attempts = await _attempts_with_ideas(session, user_id)
    conversation = await session.get(Conversation, user_id)
    return {
        "profile": _row(user),
        "attempts": [{**_row(attempt), "idea": idea} for attempt, idea in attempts],
        "personal_ideas": [
            _row(idea)
            for idea in await session.scalars(
                select(Challenge).where(Challenge.owner_id == user_id)
            )
        ],
        "idea_history": [
            _row(event, skip=("user_id",))
            for event in await session.scalars(
                select(IdeaEvent).where(IdeaEvent.user_id == user_id).order_by(IdeaEvent.id)
            )
        ],
        "weekly_recaps": [
            _row(recap, skip=("user_id",))
            for recap in await session.scalars(
                select(Recap).where(Recap.user_id == user_id).order_by(Recap.week_start)
            )
        ],
        "buddy": await buddies.export_rows(session, user_id),
        # The question we are waiting on, and what was typed so far (an idea for /add).
        "pending_conversation": (
            _row(conversation, skip=("user_id",)) if conversation is not None else None
        ),
        "answer_history": [
            _row(entry, skip=("user_id",))
            for entry in await session.scalars(
                select(AnswerLog).where(AnswerLog.user_id == user_id).order_by(AnswerLog.id)
            )
        ],
    }


async def _attempts_with_ideas(
    session: AsyncSession, user_id: int
) -> list[tuple[Attempt, str | None]]:
    rows = await session.execute(
        select(Attempt, Challenge.text)
        .outerjoin(Challenge, Challenge.id == Attempt.challenge_id)
        .where(Attempt.user_id == user_id)
        .order_by(Attempt.created_at, Attempt.id)
    )
    return [(attempt, attempt.description or text) for attempt, text in rows]


def as_json(data: dict[str, Any]) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8")


def attempts_csv(data: dict[str, Any], header: Callable[[str], str]) -> bytes:
    """The asks as a spreadsheet. `header` names each column in the person's language (the
    JSON keeps the English field names, which scripts rely on)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([header(column) for column in ATTEMPT_COLUMNS])
    for attempt in data["attempts"]:
        writer.writerow([attempt.get(column) for column in ATTEMPT_COLUMNS])
    # A BOM so spreadsheet apps open accents and emoji correctly.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


async def delete_everything(
    session: AsyncSession, user_id: int, chat_id: int, *, now: datetime
) -> None:
    """Erase every row about the person, table by table (the foreign keys would cascade
    from the user row too; being explicit keeps this true if a key ever changes).
    Stored updates and unsent messages are keyed by chat, so they go by chat id."""
    await buddies.erase(session, user_id, now=now)
    for model in (AnswerLog, Conversation, IdeaEvent, KeptFile, Recap, Attempt):
        await session.execute(delete(model).where(model.user_id == user_id))
    await session.execute(delete(Challenge).where(Challenge.owner_id == user_id))
    await session.execute(delete(User).where(User.id == user_id))
    await session.execute(delete(InboxUpdate).where(InboxUpdate.chat_id.in_([chat_id, user_id])))
    await session.execute(
        delete(OutboxMessage).where(OutboxMessage.chat_id.in_([chat_id, user_id]))
    )


async def forget_message(session: AsyncSession, update_id: int) -> None:
    """Drop what a person wrote from the inbox row of this update (a crisis message is never
    kept; the row itself stays, so the update is still processed once)."""
    await repo.forget_update_payload(session, update_id)
