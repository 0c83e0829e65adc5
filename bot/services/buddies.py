"""Courage buddies: two friends who see each other's effort, never its content.

Decisions recorded here:
- The invitation token is random (``secrets``), single use, and only its SHA-256 digest is
  stored, so the database never holds a working link and the token names no user id.
- Opening a link claims it for the opener; the pair is made only when they consent (the
  inviter consented by making and sharing the link). Nothing is shared before that.
- What crosses between buddies is only "made an ask today": no idea, outcome, numbers,
  lesson, level or care event. This module returns plain decisions (who gets told what
  kind of note); the handlers render them in the receiver's language.
- Ending is immediate; the other side is told "your buddy link has ended" once, at their
  next buddy moment (their next /buddy, a buddy button, or when a note would have come).
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from bot.db.models import (
    Attempt,
    BuddyInvite,
    BuddyMember,
    BuddyPair,
    BuddySuggestion,
    Challenge,
    User,
)
from bot.domain import schedule

INVITE_VALID_FOR = timedelta(days=7)
CHEERS_PER_DAY = 3
SUGGESTIONS_PER_DAY = 1
# Telegram's deep-link payload allows 64 characters of A-Za-z0-9_-; 32 random bytes of
# entropy would be overkill, 24 bytes give a 32-character token.
TOKEN_BYTES = 24
TOKEN_MAX = 64
_TOKEN_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")


class InviteProblem(StrEnum):
    """Why an opened link changes nothing (each gets its own kind explanation)."""

    UNKNOWN = "unknown"  # forged, mistyped, or erased with its inviter
    USED = "used"  # someone else opened it, or it was already answered
    EXPIRED = "expired"
    SELF = "self"
    TAKEN = "taken"  # one of the two already has a buddy (one at a time, for now)


@dataclass(frozen=True)
class Opened:
    invite: BuddyInvite | None
    inviter: User | None
    problem: InviteProblem | None


@dataclass(frozen=True)
class Buddy:
    """My side and the other person's, in an active pair."""

    pair: BuddyPair
    me: BuddyMember
    other: BuddyMember
    other_user: User


def local_day(user: User, now: datetime) -> date:
    return schedule.local_now(now, user.timezone).date()


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def looks_like_token(value: str) -> bool:
    return 0 < len(value) <= TOKEN_MAX and set(value) <= _TOKEN_CHARS


# -- invitations --------------------------------------------------------------------------


async def create_invite(session: AsyncSession, inviter: User, *, now: datetime) -> str:
    """A fresh link for `inviter`; their earlier unopened links stop working (one live
    invitation at a time). Returns the token (never stored)."""
    await session.execute(
        update(BuddyInvite)
        .where(
            BuddyInvite.inviter_id == inviter.id,
            BuddyInvite.opened_at.is_(None),
            BuddyInvite.closed_at.is_(None),
        )
        .values(closed_at=now)
    )
    token = secrets.token_urlsafe(TOKEN_BYTES)
    session.add(
        BuddyInvite(
            token_digest=digest(token),
            inviter_id=inviter.id,
            created_at=now,
            expires_at=now + INVITE_VALID_FOR,
        )
    )
    await session.flush()
    return token


async def open_invite(session: AsyncSession, opener: User, token: str, *, now: datetime) -> Opened:
    """Someone opened a link: claim it for them, or say why it changes nothing."""
    invite = None
    if looks_like_token(token):
        invite = await session.scalar(
            select(BuddyInvite).where(BuddyInvite.token_digest == digest(token))
        )
    if invite is None:
        return Opened(None, None, InviteProblem.UNKNOWN)
    inviter = await session.get(User, invite.inviter_id)
    problem = _problem(invite, opener, now)
    if problem is None and (
        await active_buddy(session, opener.id) is not None
        or await active_buddy(session, invite.inviter_id) is not None
    ):
        problem = InviteProblem.TAKEN
    if problem is None and invite.invitee_id is None:
        invite.invitee_id = opener.id
        invite.opened_at = now
        await session.flush()
    return Opened(invite, inviter, problem)


def _problem(invite: BuddyInvite, opener: User, now: datetime) -> InviteProblem | None:
    if invite.inviter_id == opener.id:
        return InviteProblem.SELF
    if invite.closed_at is not None or invite.invitee_id not in (None, opener.id):
        return InviteProblem.USED
    if invite.expires_at <= now:
        return InviteProblem.EXPIRED
    return None


async def pending_invite_for(
    session: AsyncSession, user_id: int, *, now: datetime
) -> BuddyInvite | None:
    """An invitation this person opened and has not answered yet (shown after onboarding)."""
    return await session.scalar(
        select(BuddyInvite)
        .where(
            BuddyInvite.invitee_id == user_id,
            BuddyInvite.closed_at.is_(None),
            BuddyInvite.expires_at > now,
        )
        .order_by(BuddyInvite.id.desc())
        .limit(1)
    )


async def answer_invite(
    session: AsyncSession, user: User, invite_id: int, *, accept: bool, now: datetime
) -> tuple[Opened, BuddyPair | None]:
    """Consent (or not) to an opened invitation. Only its opener may answer."""
    invite = await session.get(BuddyInvite, invite_id)
    if invite is None or invite.invitee_id != user.id:
        return Opened(None, None, InviteProblem.UNKNOWN), None
    inviter = await session.get(User, invite.inviter_id)
    problem = _problem(invite, user, now)
    if problem is None and accept:
        await _lock_people(session, user.id, invite.inviter_id)
        if (
            await active_buddy(session, user.id) is not None
            or await active_buddy(session, invite.inviter_id) is not None
        ):
            problem = InviteProblem.TAKEN
    if problem is not None or inviter is None:
        return Opened(invite, inviter, problem or InviteProblem.UNKNOWN), None
    invite.closed_at = now
    if not accept:
        await session.flush()
        return Opened(invite, inviter, None), None
    pair = BuddyPair(created_at=now)
    session.add(pair)
    await session.flush()
    for member_id in (inviter.id, user.id):
        session.add(BuddyMember(pair_id=pair.id, user_id=member_id, joined_at=now))
    await session.flush()
    return Opened(invite, inviter, None), pair


async def _lock_people(session: AsyncSession, *user_ids: int) -> None:
    """One buddy at a time, even for two consents at the same moment (an inviter's opened
    link and a newer one, tapped in two chats): both people's rows are locked before the
    check, so a second consent waits and then sees the pair the first one made. In id
    order, so two such waits never deadlock. PostgreSQL; SQLite runs one writer at a time
    anyway (and ignores FOR UPDATE)."""
    await session.execute(
        select(User.id).where(User.id.in_(user_ids)).order_by(User.id).with_for_update()
    )


# -- the pair -----------------------------------------------------------------------------


async def active_buddy(session: AsyncSession, user_id: int) -> Buddy | None:
    """This person's current buddy (at most one in this version)."""
    me = await session.scalar(
        select(BuddyMember)
        .join(BuddyPair, BuddyPair.id == BuddyMember.pair_id)
        .where(BuddyMember.user_id == user_id, BuddyPair.ended_at.is_(None))
        .limit(1)
    )
    if me is None:
        return None
    pair = await session.get(BuddyPair, me.pair_id)
    other = await session.scalar(
        select(BuddyMember).where(BuddyMember.pair_id == me.pair_id, BuddyMember.user_id != user_id)
    )
    other_user = await session.get(User, other.user_id) if other is not None else None
    if pair is None or other is None or other_user is None:
        return None
    return Buddy(pair, me, other, other_user)


async def take_end_notice(session: AsyncSession, user_id: int) -> bool:
    """Whether this person still has to hear "your buddy link has ended" (said once)."""
    result = await session.execute(
        update(BuddyMember)
        .where(BuddyMember.user_id == user_id, BuddyMember.end_notice_due.is_(True))
        .values(end_notice_due=False)
    )
    return bool(getattr(result, "rowcount", 0))


async def end(session: AsyncSession, user_id: int, *, now: datetime) -> bool:
    """End this person's active pairings at once; the others hear it at their next buddy
    moment, with no reason and no details. Returns whether there was one."""
    pair_ids = list(
        await session.scalars(
            select(BuddyMember.pair_id)
            .join(BuddyPair, BuddyPair.id == BuddyMember.pair_id)
            .where(BuddyMember.user_id == user_id, BuddyPair.ended_at.is_(None))
        )
    )
    if not pair_ids:
        return False
    await session.execute(update(BuddyPair).where(BuddyPair.id.in_(pair_ids)).values(ended_at=now))
    await session.execute(
        update(BuddyMember)
        .where(BuddyMember.pair_id.in_(pair_ids), BuddyMember.user_id != user_id)
        .values(end_notice_due=True)
    )
    await session.flush()
    return True


def set_sharing(buddy: Buddy, sharing: bool) -> None:
    buddy.me.sharing = sharing


# -- effort notes and cheers ----------------------------------------------------------------


class NoteKind(StrEnum):
    MADE_AN_ASK = "made_an_ask"
    LINK_ENDED = "link_ended"


@dataclass(frozen=True)
class Note:
    """A message for someone other than the person whose turn this is."""

    to: User
    kind: NoteKind
    name: str  # the first name of the one who practised (empty for LINK_ENDED)
    pair_id: int | None = None


async def after_ask(session: AsyncSession, user: User, *, now: datetime) -> Note | None:
    """`user` just logged an ask (any outcome). At most one note a day reaches their buddy,
    and only while both share and the buddy still hears from us. A former buddy still owed
    the "link ended" notice gets that instead, at what would have been their note."""
    buddy = await active_buddy(session, user.id)
    if buddy is None:
        return await _owed_end_notice(session, user)
    receiver = buddy.other_user
    today = local_day(receiver, now)
    if not buddy.me.sharing or not receiver.is_active or buddy.other.noted_on == today:
        return None
    buddy.other.noted_on = today
    await session.flush()
    return Note(receiver, NoteKind.MADE_AN_ASK, user.first_name, buddy.pair.id)


async def _owed_end_notice(session: AsyncSession, user: User) -> Note | None:
    former = await session.scalar(
        select(BuddyMember)
        .join(BuddyPair, BuddyPair.id == BuddyMember.pair_id)
        .where(
            BuddyPair.ended_at.is_not(None),
            BuddyMember.user_id != user.id,
            BuddyMember.end_notice_due.is_(True),
            BuddyMember.pair_id.in_(
                select(BuddyMember.pair_id).where(BuddyMember.user_id == user.id)
            ),
        )
        .limit(1)
    )
    if former is None:
        return None
    receiver = await session.get(User, former.user_id)
    if receiver is None or not receiver.is_active:
        return None
    former.end_notice_due = False
    await session.flush()
    return Note(receiver, NoteKind.LINK_ENDED, "")


class CheerResult(StrEnum):
    SENT = "sent"
    ENOUGH_TODAY = "enough_today"
    NO_BUDDY = "no_buddy"


async def cheer(
    session: AsyncSession, user: User, pair_id: int, *, now: datetime
) -> tuple[CheerResult, Buddy | None]:
    """A cheer for the buddy's effort: a few a day at most, so it never becomes pressure."""
    buddy = await active_buddy(session, user.id)
    if buddy is None or buddy.pair.id != pair_id:
        return CheerResult.NO_BUDDY, None
    today = local_day(user, now)
    if buddy.me.cheered_on != today:
        buddy.me.cheered_on, buddy.me.cheers = today, 0
    if buddy.me.cheers >= CHEERS_PER_DAY:
        return CheerResult.ENOUGH_TODAY, buddy
    buddy.me.cheers += 1
    await session.flush()
    return CheerResult.SENT, buddy


# -- suggested ideas ------------------------------------------------------------------------


async def suggest(
    session: AsyncSession, user: User, challenge: Challenge, *, now: datetime
) -> tuple[Buddy | None, BuddySuggestion | None]:
    """Suggest a catalog idea to the buddy: one a day, so it stays an offer."""
    buddy = await active_buddy(session, user.id)
    if buddy is None:
        return None, None
    today = local_day(user, now)
    if buddy.me.suggested_on == today:
        return buddy, None
    buddy.me.suggested_on = today
    suggestion = BuddySuggestion(
        pair_id=buddy.pair.id,
        from_user_id=user.id,
        to_user_id=buddy.other.user_id,
        challenge_id=challenge.id,
        created_at=now,
    )
    session.add(suggestion)
    await session.flush()
    return buddy, suggestion


async def answer_suggestion(
    session: AsyncSession, user: User, suggestion_id: int, *, accept: bool, now: datetime
) -> BuddySuggestion | None:
    """Accept or decline a suggestion addressed to this person (once)."""
    suggestion = await session.get(BuddySuggestion, suggestion_id)
    if suggestion is None or suggestion.to_user_id != user.id or suggestion.answer is not None:
        return None
    suggestion.answer = "accepted" if accept else "declined"
    suggestion.answered_at = now
    await session.flush()
    return suggestion


async def random_catalog_idea(session: AsyncSession, pick: int) -> Challenge | None:
    """A gentle catalog idea (levels 1-2): a suggestion should feel like an easy offer."""
    gentle = (
        Challenge.catalog_key.is_not(None),
        Challenge.retired.is_(False),
        Challenge.level <= 2,
    )
    count = int(await session.scalar(select(func.count()).where(*gentle)) or 0)
    if count == 0:
        return None
    return await session.scalar(
        select(Challenge).where(*gentle).order_by(Challenge.id).offset(pick % count).limit(1)
    )


# -- recap, privacy, operators --------------------------------------------------------------


async def any_active_pair(session: AsyncSession) -> bool:
    """Whether any pair is active, so a batch of recaps can skip the buddy query."""
    found = await session.execute(select(BuddyPair.id).where(BuddyPair.ended_at.is_(None)).limit(1))
    return found.first() is not None


async def practised_too(
    session: AsyncSession, windows: Mapping[int, tuple[datetime, datetime]]
) -> dict[int, str]:
    """For each person (id -> their week as UTC bounds): their buddy's first name when
    the buddy shares and logged an ask in that week. Two queries for a whole batch, and
    nothing about the buddy's week is read beyond "at least one ask"."""
    if not windows:
        return {}
    mine, theirs = aliased(BuddyMember), aliased(BuddyMember)
    rows = await session.execute(
        select(mine.user_id, theirs.user_id, User.first_name)
        .join(theirs, (theirs.pair_id == mine.pair_id) & (theirs.user_id != mine.user_id))
        .join(BuddyPair, BuddyPair.id == mine.pair_id)
        .join(User, User.id == theirs.user_id)
        .where(
            mine.user_id.in_(list(windows)),
            BuddyPair.ended_at.is_(None),
            theirs.sharing.is_(True),
        )
    )
    buddy_of = {me: (other, name) for me, other, name in rows}
    if not buddy_of:
        return {}
    since = min(windows[me][0] for me in buddy_of)
    asks = await session.execute(
        select(Attempt.user_id, Attempt.created_at).where(
            Attempt.user_id.in_([other for other, _ in buddy_of.values()]),
            Attempt.status == "logged",
            Attempt.created_at >= since,
        )
    )
    times: dict[int, list[datetime]] = {}
    for user_id, created in asks:
        times.setdefault(user_id, []).append(created)
    found = {}
    for me, (other, name) in buddy_of.items():
        begins, ends = windows[me]
        if any(begins <= at < ends for at in times.get(other, [])):
            found[me] = name
    return found


async def export_rows(session: AsyncSession, user_id: int) -> dict[str, Any]:
    """This person's buddy data: their side of each pair, their invitations (no tokens)
    and the suggestions they sent or received. Never the other person's activity."""
    memberships = []
    for member, pair in await session.execute(
        select(BuddyMember, BuddyPair)
        .join(BuddyPair, BuddyPair.id == BuddyMember.pair_id)
        .where(BuddyMember.user_id == user_id)
        .order_by(BuddyPair.id)
    ):
        memberships.append(
            {
                "pair_id": pair.id,
                "started_at": pair.created_at.isoformat(),
                "ended_at": pair.ended_at.isoformat() if pair.ended_at else None,
                "sharing": member.sharing,
                "cheers_sent_on_last_day": member.cheers,
            }
        )
    invites = [
        {
            "created_at": invite.created_at.isoformat(),
            "expires_at": invite.expires_at.isoformat(),
            "opened": invite.opened_at is not None,
            "closed": invite.closed_at is not None,
        }
        for invite in await session.scalars(
            select(BuddyInvite).where(BuddyInvite.inviter_id == user_id)
        )
    ]
    suggestions = [
        {
            "direction": "sent" if row.from_user_id == user_id else "received",
            "challenge_id": row.challenge_id,
            "answer": row.answer,
            "created_at": row.created_at.isoformat(),
        }
        for row in await session.scalars(
            select(BuddySuggestion).where(
                (BuddySuggestion.from_user_id == user_id) | (BuddySuggestion.to_user_id == user_id)
            )
        )
    ]
    return {"pairs": memberships, "invitations": invites, "suggestions": suggestions}


async def erase(session: AsyncSession, user_id: int, *, now: datetime) -> None:
    """/delete: end their pairings (the other side keeps only "link ended"), then remove
    their rows. Suggestions they sent stay with the receiver, without the sender."""
    await end(session, user_id, now=now)
    await session.execute(delete(BuddyMember).where(BuddyMember.user_id == user_id))
    await session.execute(
        delete(BuddyInvite).where(
            (BuddyInvite.inviter_id == user_id) | (BuddyInvite.invitee_id == user_id)
        )
    )
    await session.execute(delete(BuddySuggestion).where(BuddySuggestion.to_user_id == user_id))
    await session.execute(
        update(BuddySuggestion)
        .where(BuddySuggestion.from_user_id == user_id)
        .values(from_user_id=None)
    )


async def pair_count(session: AsyncSession) -> int:
    """Operators see how many pairs are active, never who."""
    return int(
        await session.scalar(
            select(func.count()).select_from(BuddyPair).where(BuddyPair.ended_at.is_(None))
        )
        or 0
    )
