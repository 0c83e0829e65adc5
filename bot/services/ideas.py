"""Ideas on demand: pick the next idea for someone, and remember what they made of it."""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import bindparam, cast, delete, func, insert, literal, null, or_, select, union_all
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import Attempt, Challenge, IdeaEvent, User, table
from bot.domain import ladder
from bot.domain.ladder import Candidate, History

# An idea button stays valid this long after the idea was offered; older presses are stale.
OFFER_VALID_FOR = timedelta(days=14)


class Reaction(StrEnum):
    OFFERED = "offered"
    ACCEPTED = "accepted"
    ANOTHER = "another"
    NOT_FOR_ME = "not_for_me"
    NOT_TODAY = "not_today"
    EASIER = "easier"
    BOLDER = "bolder"


@dataclass(frozen=True)
class Idea:
    id: int
    text: str
    level: int
    category: str
    setting: str
    tip: str | None
    personal: bool
    catalog_key: str | None = None  # the catalog id: its text in the person's language

    @classmethod
    def of(cls, challenge: Challenge) -> Idea:
        return cls(
            challenge.id,
            challenge.text,
            challenge.level,
            challenge.category,
            challenge.setting,
            challenge.tip,
            challenge.owner_id is not None,
            challenge.catalog_key,
        )


async def offer_idea(
    session: AsyncSession,
    user: User,
    *,
    now: datetime,
    rng: random.Random,
    category: str | None = None,
    exclude: tuple[int, ...] = (),
    level: int | None = None,
) -> Idea | None:
    """Choose the next idea for `user` at their level (or at `level`, to look at a gentler
    or bolder one: looking never changes the person's level), and record the offer."""
    chosen = await offer_ideas(
        session, [user], now=now, rng=rng, category=category, exclude=exclude, level=level
    )
    return chosen.get(user.id)


async def offer_ideas(
    session: AsyncSession,
    users: Sequence[User],
    *,
    now: datetime,
    rng: random.Random,
    category: str | None = None,
    exclude: tuple[int, ...] = (),
    level: int | None = None,
) -> dict[int, Idea]:
    """Choose and record one idea each for many people, with a fixed number of queries
    (the scheduler fans out nudges in batches). `level` overrides everyone's own."""
    if not users:
        return {}
    user_ids = [user.id for user in users]
    ideas_by_id = await _candidate_ideas(session, user_ids)
    offered_at, hidden = await _histories(session, user_ids)
    shared: list[Candidate] = []
    personal: dict[int, list[Candidate]] = defaultdict(list)
    for idea in ideas_by_id.values():
        candidate = Candidate(idea.id, idea.level, idea.category, idea.setting)
        if idea.owner_id is None:
            shared.append(candidate)
        else:
            personal[idea.owner_id].append(candidate)
    chosen: dict[int, Idea] = {}
    for user in users:
        candidates = shared + personal[user.id] if user.id in personal else shared
        history = _history_of(offered_at.get(user.id, {}), hidden.get(user.id, set()), ideas_by_id)
        pick = ladder.choose_idea(
            candidates,
            level=user.level if level is None else level,
            history=history,
            now=now,
            rng=rng,
            category=category,
            exclude=exclude,
        )
        if pick is not None:
            chosen[user.id] = Idea.of(ideas_by_id[pick.id])
    if chosen:
        await session.execute(
            insert(table(IdeaEvent)),
            [
                {
                    "user_id": user_id,
                    "challenge_id": idea.id,
                    "kind": Reaction.OFFERED.value,
                    "created_at": now,
                }
                for user_id, idea in chosen.items()
            ],
        )
    return chosen


async def record(
    session: AsyncSession, user_id: int, challenge_id: int, reaction: Reaction, now: datetime
) -> None:
    session.add(
        IdeaEvent(user_id=user_id, challenge_id=challenge_id, kind=reaction.value, created_at=now)
    )
    await session.flush()


async def offered_idea(
    session: AsyncSession,
    user_id: int,
    challenge_id: int,
    *,
    now: datetime,
    answered_ok: bool = False,
) -> Idea | None:
    """The idea behind a button press, if it was offered to this person lately and they
    haven't answered that offer yet.

    Guards against stale buttons and forged callback data: another user's personal idea,
    an id that never existed, an offer from weeks ago, or a second tap on a card that was
    already answered all come back as None (`answered_ok` allows the last one: a typed
    reply to an old nudge still refers to its idea).
    """
    challenge = await session.get(Challenge, challenge_id)
    if challenge is None or challenge.owner_id not in (None, user_id):
        return None
    mine = (IdeaEvent.user_id == user_id, IdeaEvent.challenge_id == challenge_id)
    offer_id = await session.scalar(
        select(func.max(IdeaEvent.id)).where(
            *mine,
            IdeaEvent.kind == Reaction.OFFERED.value,
            IdeaEvent.created_at >= now - OFFER_VALID_FOR,
        )
    )
    if offer_id is None:
        return None
    if answered_ok:
        return Idea.of(challenge)
    answered = await session.scalar(
        select(IdeaEvent.id).where(*mine, IdeaEvent.id > offer_id).limit(1)
    )
    return Idea.of(challenge) if answered is None else None


def change_level(user: User, level: int, now: datetime) -> bool:
    """Set the person's level (their own choice, or the ladder's). Returns whether it moved."""
    level = ladder.clamp(level)
    if level == user.level:
        return False
    user.level = level
    user.level_changed_at = now
    return True


async def apply_ladder(session: AsyncSession, user: User, now: datetime) -> ladder.LevelChange:
    """After an ask is logged or skipped: move the level if the ladder says so."""
    signals = await _signals_since_change(session, user)
    change = ladder.next_level(user.level, signals)
    change_level(user, change.level, now)
    return change


# Built once (every logged ask reads it; building a statement costs more CPU than running
# it), and one statement, not two: the latest attempts and the latest "not today" skips
# since the level last changed, each branch with its own order and limit.
_ATTEMPTS, _EVENTS = table(Attempt).c, table(IdeaEvent).c
_RECENT_ATTEMPTS = (
    select(
        _ATTEMPTS.level,
        _ATTEMPTS.outcome,
        _ATTEMPTS.anxiety_after,
        _ATTEMPTS.completed_at.label("at"),
        literal(False).label("skip"),
    )
    .where(
        _ATTEMPTS.user_id == bindparam("user_id"),
        _ATTEMPTS.completed_at.is_not(None),
        _ATTEMPTS.completed_at > bindparam("since"),
    )
    .order_by(_ATTEMPTS.completed_at.desc())
    .limit(ladder.RECENT_WINDOW * 3)
    .subquery()
)
_RECENT_SKIPS = (
    select(
        cast(null(), _ATTEMPTS.level.type).label("level"),
        cast(null(), _ATTEMPTS.outcome.type).label("outcome"),
        cast(null(), _ATTEMPTS.anxiety_after.type).label("anxiety_after"),
        _EVENTS.created_at.label("at"),
        literal(True).label("skip"),
    )
    .where(
        _EVENTS.user_id == bindparam("user_id"),
        _EVENTS.kind == Reaction.NOT_TODAY.value,
        _EVENTS.created_at > bindparam("since"),
    )
    .order_by(_EVENTS.created_at.desc())
    .limit(ladder.SKIPS_TO_STEP_DOWN)
    .subquery()
)
_RECENT_SIGNALS = union_all(select(_RECENT_ATTEMPTS), select(_RECENT_SKIPS))


async def _signals_since_change(session: AsyncSession, user: User) -> list[ladder.Signal]:
    since = user.level_changed_at or user.created_at
    rows = await session.execute(_RECENT_SIGNALS, {"user_id": user.id, "since": since})
    timeline: list[tuple[datetime, ladder.Signal]] = [
        (
            row.at,
            ladder.Signal(level=None, skipped=True)
            if row.skip
            else ladder.Signal(
                level=row.level,
                skipped=row.outcome == "didnt_ask",
                outcome=row.outcome,
                anxiety_after=row.anxiety_after,
            ),
        )
        for row in rows
    ]
    timeline.sort(key=lambda item: item[0], reverse=True)
    return [signal for _, signal in timeline]


async def _candidate_ideas(session: AsyncSession, user_ids: list[int]) -> dict[int, Challenge]:
    """The catalog plus these people's own ideas (each person only ever sees their own)."""
    rows = await session.scalars(
        select(Challenge).where(
            Challenge.retired.is_(False),
            or_(Challenge.owner_id.is_(None), Challenge.owner_id.in_(user_ids)),
        )
    )
    return {challenge.id: challenge for challenge in rows}


async def _histories(
    session: AsyncSession, user_ids: list[int]
) -> tuple[dict[int, dict[int, datetime]], dict[int, set[int]]]:
    """Per person: when each idea was last offered, and which ideas are hidden."""
    last_offers = await session.execute(
        select(
            IdeaEvent.user_id,
            IdeaEvent.challenge_id,
            func.max(IdeaEvent.created_at).label("at"),
        )
        .where(IdeaEvent.user_id.in_(user_ids), IdeaEvent.kind == Reaction.OFFERED.value)
        .group_by(IdeaEvent.user_id, IdeaEvent.challenge_id)
    )
    offered_at: dict[int, dict[int, datetime]] = defaultdict(dict)
    for user_id, challenge_id, at in last_offers:
        offered_at[user_id][challenge_id] = at
    hidden_rows = await session.execute(
        select(IdeaEvent.user_id, IdeaEvent.challenge_id).where(
            IdeaEvent.user_id.in_(user_ids), IdeaEvent.kind == Reaction.NOT_FOR_ME.value
        )
    )
    hidden: dict[int, set[int]] = defaultdict(set)
    for user_id, challenge_id in hidden_rows:
        hidden[user_id].add(challenge_id)
    return offered_at, hidden


def _history_of(
    offered_at: dict[int, datetime], hidden: set[int], ideas_by_id: dict[int, Challenge]
) -> History:
    newest_first = sorted(offered_at, key=lambda idea_id: offered_at[idea_id], reverse=True)
    recent = [
        Candidate(idea.id, idea.level, idea.category, idea.setting)
        for idea in (ideas_by_id.get(idea_id) for idea_id in newest_first[:5])
        if idea is not None
    ]
    return History(offered_at=offered_at, hidden=hidden, recent=recent)


async def set_aside(session: AsyncSession, user_id: int) -> list[Idea]:
    """The ideas this person said "not for me" to, most recent first."""
    newest = func.max(IdeaEvent.id).label("newest")
    rows = await session.execute(
        select(Challenge, newest)
        .join(IdeaEvent, IdeaEvent.challenge_id == Challenge.id)
        .where(
            IdeaEvent.user_id == user_id,
            IdeaEvent.kind == Reaction.NOT_FOR_ME.value,
            Challenge.retired.is_(False),
        )
        .group_by(Challenge.id)
        .order_by(newest.desc())
    )
    return [Idea.of(challenge) for challenge, _ in rows]


async def bring_back(session: AsyncSession, user_id: int, challenge_id: int) -> bool:
    """Undo "not for me": the idea may be offered again. False if it wasn't set aside."""
    result = await session.execute(
        delete(IdeaEvent).where(
            IdeaEvent.user_id == user_id,
            IdeaEvent.challenge_id == challenge_id,
            IdeaEvent.kind == Reaction.NOT_FOR_ME.value,
        )
    )
    return bool(getattr(result, "rowcount", 0))


# Events older than the no-repeat window no longer change which idea comes next. "Not for
# me" is kept: it hides the idea until the person brings it back.
EVENT_RETENTION = timedelta(days=ladder.REPEAT_DAYS)


async def prune_events(session: AsyncSession, *, now: datetime) -> int:
    """Forget idea events older than the no-repeat window. Returns how many went."""
    result = await session.execute(
        delete(IdeaEvent).where(
            IdeaEvent.created_at < now - EVENT_RETENTION,
            IdeaEvent.kind != Reaction.NOT_FOR_ME.value,
        )
    )
    return int(getattr(result, "rowcount", 0) or 0)
