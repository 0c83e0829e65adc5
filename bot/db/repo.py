"""Queries. Functions take the caller's session and flush when they must; they never commit
(the inbox commits, at the edge, once per batch of a chat's updates)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, delete, inspect, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.util import identity_key

from bot.db.models import NAME_MAX, Conversation, GroupNote, InboxUpdate, User

GROUP_NOTE_EVERY = timedelta(days=1)


@dataclass(frozen=True)
class Profile:
    """What Telegram tells us about a person; the only personal data we keep."""

    user_id: int
    chat_id: int
    first_name: str
    language_code: str | None


_WITH_CONVERSATION = (joinedload(User.conversation).joinedload(Conversation.attempt),)


# Built once: every update reads it, and building a statement (and its cache key) costs
# more CPU than running it. Session.get would build a new one each time.
_USER_WITH_CONVERSATION = (
    select(User).options(*_WITH_CONVERSATION).where(User.id == bindparam("user_id"))
)


async def get_user(session: AsyncSession, user_id: int) -> User | None:
    """The person, with their pending question and its attempt, in one query (none when
    the session already holds them, like Session.get)."""
    known = session.sync_session.identity_map.get(identity_key(User, user_id))
    if isinstance(known, User):
        return known
    result = await session.execute(_USER_WITH_CONVERSATION, {"user_id": user_id})
    return result.scalars().first()


async def ensure_user(
    session: AsyncSession, profile: Profile, *, now: datetime, timezone: str, language: str
) -> tuple[User, bool]:
    """The user row for this person, created on first contact. Returns (user, created)."""
    user = await session.get(User, profile.user_id)
    if user is not None:
        user.first_name = profile.first_name[:NAME_MAX]
        user.language_code = profile.language_code
        user.chat_id = profile.chat_id
        return user, False
    user = User(
        id=profile.user_id,
        chat_id=profile.chat_id,
        first_name=profile.first_name[:NAME_MAX],
        language_code=profile.language_code,
        language=language,
        timezone=timezone,
        created_at=now,
        updated_at=now,
    )
    session.add(user)
    await session.flush()
    return user, True


async def get_conversation(session: AsyncSession, user_id: int) -> Conversation | None:
    """The pending question. No query when get_user already loaded it (or its absence)."""
    identities = session.sync_session.identity_map
    known = identities.get(identity_key(Conversation, user_id))
    if known is not None:
        return known
    user = identities.get(identity_key(User, user_id))
    if isinstance(user, User) and "conversation" not in inspect(user).unloaded:
        loaded = user.conversation
        if loaded is None:
            return None
    return await session.get(Conversation, user_id)


async def set_conversation(
    session: AsyncSession,
    user_id: int,
    *,
    flow: str,
    step: str,
    attempt_id: int | None = None,
    data: dict[str, Any] | None = None,
    now: datetime,
) -> Conversation:
    """Point the person's conversation at a new pending question (retries reset)."""
    conversation = await session.get(Conversation, user_id)
    if conversation is None:
        conversation = Conversation(user_id=user_id, flow=flow, step=step, updated_at=now)
        session.add(conversation)
        _remember_on_user(session, user_id, conversation)
    conversation.flow = flow
    conversation.step = step
    conversation.attempt_id = attempt_id
    conversation.retries = 0
    conversation.data = dict(data or {})
    conversation.updated_at = now
    await session.flush()
    return conversation


async def clear_conversation(session: AsyncSession, user_id: int) -> bool:
    """Leave any flow. Returns whether there was one."""
    result = await session.execute(delete(Conversation).where(Conversation.user_id == user_id))
    _remember_on_user(session, user_id, None)
    return bool(getattr(result, "rowcount", 0))


def _remember_on_user(session: AsyncSession, user_id: int, row: Conversation | None) -> None:
    """Keep a loaded person's `conversation` in step with the row, so get_conversation's
    no-query answer stays right (and a new row, referenced only by the session's weak
    identity map, isn't collected and then missed within the same turn)."""
    user = session.sync_session.identity_map.get(identity_key(User, user_id))
    if isinstance(user, User) and "conversation" not in inspect(user).unloaded:
        set_committed_value(user, "conversation", row)


async def forget_update_payload(session: AsyncSession, update_id: int) -> None:
    """Drop what a person wrote from the inbox row of this update (crisis messages are
    never kept there; the row itself stays so the update is still processed once)."""
    await session.execute(
        update(InboxUpdate).where(InboxUpdate.update_id == update_id).values(payload=None)
    )


async def users_by_ids(session: AsyncSession, user_ids: list[int]) -> dict[int, User]:
    rows = await session.scalars(select(User).where(User.id.in_(user_ids)))
    return {user.id: user for user in rows}


async def may_note_group(session: AsyncSession, chat_id: int, *, now: datetime) -> bool:
    """True (and remembered) when the group has not been answered in the last day."""
    note = await session.get(GroupNote, chat_id)
    if note is None:
        session.add(GroupNote(chat_id=chat_id, noted_at=now))
        return True
    if note.noted_at > now - GROUP_NOTE_EVERY:
        return False
    note.noted_at = now
    return True
