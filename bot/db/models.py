"""SQLAlchemy 2 typed models: the one source of truth for what we store.

Stored data is kept minimal on purpose (DESIGN rule 5): no phone numbers, no usernames,
no message logs beyond what the person chose to log. Update payloads in the inbox are
cleared as soon as they are processed.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any, ClassVar, cast

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    SmallInteger,
    String,
    Table,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from bot.db.types import UTCDateTime

# Stable constraint names make migrations reviewable and identical on SQLite and PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# Length limits: Telegram first names are at most 64 characters; idea texts 300; lessons
# are bounded so a 5,000-character message cannot bloat the table.
NAME_MAX = 64
IDEA_TEXT_MAX = 300
LESSON_MAX = 1000

OUTCOMES = ("no", "yes", "no_answer", "partial", "didnt_ask")
ATTEMPT_STATUSES = ("planned", "logged", "dropped")
PACES = ("daily", "three_a_week", "weekdays")
SETTINGS_ = ("in_person", "phone", "message")


def utcnow() -> datetime:
    return datetime.now(UTC)


def _in(column: str, values: tuple[str, ...]) -> str:
    quoted = ", ".join(f"'{value}'" for value in values)
    return f"{column} IN ({quoted})"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UTCDateTime, dict[str, Any]: JSON}


def table(model: type[Base]) -> Table:
    """The Core table behind a model, for bulk statements that need no ORM bookkeeping:
    the ORM's bulk paths cost several times more CPU per row, which shows in a fan-out."""
    return cast(Table, model.__table__)


class User(Base):
    """A person who talks to the coach. The primary key is their Telegram user id."""

    __tablename__ = "users"
    __table_args__ = (
        CheckConstraint(_in("pace", PACES), name="pace"),
        CheckConstraint("level BETWEEN 1 AND 5", name="level"),
    )

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    first_name: Mapped[str] = mapped_column(String(NAME_MAX), default="")
    language_code: Mapped[str | None] = mapped_column(String(16))  # what Telegram says
    # The coach's language for this person (bot.texts.available_languages): Telegram's
    # language_code at first contact, then whatever /language chose.
    language: Mapped[str] = mapped_column(String(8), default="en", server_default="en")
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    nudge_time: Mapped[time] = mapped_column(Time, default=time(9, 0))
    pace: Mapped[str] = mapped_column(String(16), default="daily")
    # Weekdays for the three-a-week pace, e.g. "0,2,4" (0 = Monday); NULL means the default.
    nudge_days: Mapped[str | None] = mapped_column(String(16))
    level: Mapped[int] = mapped_column(SmallInteger, default=1)
    # The ladder counts what happened since the level last changed (bot.domain.ladder).
    level_changed_at: Mapped[datetime | None]
    onboarded_at: Mapped[datetime | None]
    paused_until: Mapped[datetime | None]
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    blocked_at: Mapped[datetime | None]
    next_nudge_at: Mapped[datetime | None] = mapped_column(index=True)
    last_nudge_at: Mapped[datetime | None]
    # Local wall-clock hours without check-ins (follow-ups never wake anyone up).
    quiet_start: Mapped[time] = mapped_column(Time, default=time(21, 30), server_default="21:30:00")
    quiet_end: Mapped[time] = mapped_column(Time, default=time(8, 0), server_default="08:00:00")
    # Weekly recap: local weekday (0 = Monday) and time; the next one is due at next_recap_at.
    recap_weekday: Mapped[int] = mapped_column(SmallInteger, default=6, server_default="6")
    recap_time: Mapped[time] = mapped_column(Time, default=time(18, 0), server_default="18:00:00")
    next_recap_at: Mapped[datetime | None] = mapped_column(index=True)
    # Care: no challenges or nudges before this instant (after crisis language, or a
    # "skip tomorrow" after a draining day). Asking for an idea still works.
    rest_until: Mapped[datetime | None]
    # Crisis follow-through: set by a crisis reply, cleared when the person writes again or
    # says they are okay; while set, nothing is sent unasked (no nudge, no follow-up).
    crisis_hold_at: Mapped[datetime | None]
    # The last crisis reply: that week's recap is a gentle note without figures or offers.
    crisis_at: Mapped[datetime | None]
    # Crisis replies sent, for the operator's counts (never the content).
    crisis_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # Soft weekly cap on asks (0 = none); past it the coach suggests rest, and holds the
    # nudges for that local week unless the person asked to keep going (override_week).
    weekly_cap: Mapped[int] = mapped_column(SmallInteger, default=3, server_default="3")
    cap_override_week: Mapped[date | None] = mapped_column(Date)
    # Offers made once and remembered: the local day a rest offer was last made (at most one
    # a day, none after a "no"), and the local week whose held nudges were explained.
    rest_offered_on: Mapped[date | None] = mapped_column(Date)
    cap_note_week: Mapped[date | None] = mapped_column(Date)
    # The stock lines (prompt key and variant) in the person's last replies, newest last,
    # one list per reply, so a canned line is not repeated within ten messages.
    recent_lines: Mapped[list[list[str]] | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    # Loaded together with the user in one query (see repo.get_user): nearly every update
    # needs the person, their pending question and its attempt. Never loaded lazily.
    conversation: Mapped[Conversation | None] = relationship(viewonly=True, lazy="raise")


class Challenge(Base):
    """An idea: a catalog entry mirrored from prompts.yaml (by its stable key) or a
    personal idea a user added (owner_id set)."""

    __tablename__ = "challenges"
    __table_args__ = (
        CheckConstraint("level BETWEEN 1 AND 5", name="level"),
        CheckConstraint(_in("setting", SETTINGS_), name="setting"),
        CheckConstraint("(catalog_key IS NULL) <> (owner_id IS NULL)", name="catalog_or_personal"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    catalog_key: Mapped[str | None] = mapped_column(String(64), unique=True)
    owner_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(String(IDEA_TEXT_MAX))
    level: Mapped[int] = mapped_column(SmallInteger)
    category: Mapped[str] = mapped_column(String(32))
    setting: Mapped[str] = mapped_column(String(16))
    tip: Mapped[str | None] = mapped_column(String(IDEA_TEXT_MAX))
    # Catalog ideas removed from prompts.yaml are retired, not deleted: attempts point at them.
    retired: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Attempt(Base):
    """One ask: planned ("I'll try it"), then logged answer by answer."""

    __tablename__ = "attempts"
    __table_args__ = (
        CheckConstraint(_in("status", ATTEMPT_STATUSES), name="status"),
        CheckConstraint(f"outcome IS NULL OR {_in('outcome', OUTCOMES)}", name="outcome"),
        CheckConstraint(
            "predicted_no_pct IS NULL OR predicted_no_pct BETWEEN 0 AND 100", name="predicted"
        ),
        CheckConstraint(
            "anxiety_before IS NULL OR anxiety_before BETWEEN 0 AND 10", name="anxiety_before"
        ),
        CheckConstraint(
            "anxiety_after IS NULL OR anxiety_after BETWEEN 0 AND 10", name="anxiety_after"
        ),
        Index("ix_attempts_user_created", "user_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    challenge_id: Mapped[int | None] = mapped_column(
        ForeignKey("challenges.id", ondelete="SET NULL"), index=True
    )
    # What was asked, in the person's words, when it is not (only) a catalog idea.
    description: Mapped[str | None] = mapped_column(String(IDEA_TEXT_MAX))
    level: Mapped[int | None] = mapped_column(SmallInteger)
    source: Mapped[str] = mapped_column(String(16), default="log")
    status: Mapped[str] = mapped_column(String(16), default="planned")
    outcome: Mapped[str | None] = mapped_column(String(16))
    predicted_no_pct: Mapped[int | None] = mapped_column(SmallInteger)
    # Anxiety is stored in half-point steps (see bot.domain.answers).
    anxiety_before: Mapped[float | None] = mapped_column(Float)
    anxiety_after: Mapped[float | None] = mapped_column(Float)
    lesson: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    asked_at: Mapped[datetime | None]
    completed_at: Mapped[datetime | None]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    # One gentle check-in after "I'll try it", if the ask isn't logged by then.
    followup_due_at: Mapped[datetime | None] = mapped_column(index=True)
    followup_sent_at: Mapped[datetime | None]
    # Check-ins answered "not yet": the first is asked again once, later ones are not.
    followup_postponed: Mapped[int] = mapped_column(SmallInteger, default=0, server_default="0")


class Recap(Base):
    """One weekly recap per person and local week (Monday), kept so /recap can show it
    again. The unique constraint is the last guard against sending one twice."""

    __tablename__ = "recaps"
    __table_args__ = (UniqueConstraint("user_id", "week_start", name="uq_recaps_user_week"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    week_start: Mapped[date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)
    stats: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Conversation(Base):
    """Which question is pending, for which attempt. Kept in the database so a restart
    (or another replica) continues exactly where the person left off."""

    __tablename__ = "conversations"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    flow: Mapped[str] = mapped_column(String(24))
    step: Mapped[str] = mapped_column(String(24))
    attempt_id: Mapped[int | None] = mapped_column(ForeignKey("attempts.id", ondelete="SET NULL"))
    retries: Mapped[int] = mapped_column(SmallInteger, default=0)
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    attempt: Mapped[Attempt | None] = relationship(viewonly=True, lazy="raise")


class AnswerLog(Base):
    """Every answer saved, with the value it replaced, so /undo can take back the last one."""

    __tablename__ = "answer_log"
    __table_args__ = (Index("ix_answer_log_user_id_id", "user_id", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempts.id", ondelete="CASCADE"))
    field: Mapped[str] = mapped_column(String(24))
    # {"value": <old value>}; field "created" means the answer created the whole attempt.
    previous: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class IdeaEvent(Base):
    """What happened to an idea for a user: offered, accepted, another, not_for_me, ...
    Drives no-repeat, "never show again" and the ladder's skip counting."""

    __tablename__ = "idea_events"
    __table_args__ = (Index("ix_idea_events_user_created", "user_id", "created_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    challenge_id: Mapped[int] = mapped_column(ForeignKey("challenges.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class InboxUpdate(Base):
    """Telegram updates, stored before Telegram is told they arrived (durable inbox).

    A redelivered update (same id, same content) is ignored. Telegram may reuse an id after
    a week of silence (and a restarted emulator reuses them at once), so an id that comes
    back with different content is a new update: `digest` tells the two apart, and stays
    after the payload is cleared."""

    __tablename__ = "inbox"
    __table_args__ = (Index("ix_inbox_pending", "processed_at", "chat_id", "update_id"),)

    update_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    # 0 for updates without a chat (they are processed in one shared queue).
    chat_id: Mapped[int] = mapped_column(BigInteger)
    # Cleared once processed: we keep no message log.
    payload: Mapped[dict[str, Any] | None]
    digest: Mapped[str] = mapped_column(String(64))
    received_at: Mapped[datetime] = mapped_column(default=utcnow)
    processed_at: Mapped[datetime | None]
    tries: Mapped[int] = mapped_column(SmallInteger, default=0)


class KeptFile(Base):
    """A costly file made for a person, kept to send again instead of making it again: the
    last /stats chart (until a new ask changes it), the last /export (for an hour). `data`
    is None while the chart waits to be drawn. Pruned within a day; erased by /delete."""

    __tablename__ = "kept_files"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    made_at: Mapped[datetime]
    # A digest of what the file was made from: the same basis gives the same file.
    basis: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes | None] = mapped_column(LargeBinary)


class GroupNote(Base):
    """When we last told a group that we coach one-to-one: at most once a day, so a busy
    group costs us nothing. Holds no person, only the group's id."""

    __tablename__ = "group_notes"

    chat_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    noted_at: Mapped[datetime]


class OutboxMessage(Base):
    """Everything the bot sends goes through here: written in the same transaction as
    the change that caused it, then sent and deleted. A crash between the two means the
    message is sent after restart instead of being lost."""

    __tablename__ = "outbox"
    __table_args__ = (
        Index("ix_outbox_chat_id_id", "chat_id", "id"),
        Index("ix_outbox_claimed_until", "claimed_until"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(16), default="reply")
    method: Mapped[str] = mapped_column(String(32))
    payload: Mapped[dict[str, Any]] = mapped_column(default=dict)
    file: Mapped[bytes | None] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    claimed_until: Mapped[datetime | None]
    tries: Mapped[int] = mapped_column(SmallInteger, default=0)
    not_before: Mapped[datetime | None]


class BuddyInvite(Base):
    """A courage-buddy invitation link. Only a digest of the token is kept (the link is
    the secret); `invitee_id` is set by the first person who opens it (single use)."""

    __tablename__ = "buddy_invites"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_digest: Mapped[str] = mapped_column(String(64), unique=True)
    inviter_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    invitee_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    opened_at: Mapped[datetime | None]
    # Accepted (a pair was made) or declined: the link is spent either way.
    closed_at: Mapped[datetime | None]


class BuddyPair(Base):
    """Two people who cheer each other's effort. Members are rows of BuddyMember, so a
    later version may allow more than one buddy per person without a schema change."""

    __tablename__ = "buddy_pairs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    ended_at: Mapped[datetime | None]


class BuddyMember(Base):
    """One person's side of a pair: whether they share, and the daily limits."""

    __tablename__ = "buddy_members"

    pair_id: Mapped[int] = mapped_column(
        ForeignKey("buddy_pairs.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    sharing: Mapped[bool] = mapped_column(Boolean, default=True)
    # The local day this person last received a buddy note (at most one a day).
    noted_on: Mapped[date | None] = mapped_column(Date)
    # Cheers this person sent on `cheered_on` (a few a day, never pressure).
    cheered_on: Mapped[date | None] = mapped_column(Date)
    cheers: Mapped[int] = mapped_column(SmallInteger, default=0)
    suggested_on: Mapped[date | None] = mapped_column(Date)
    # The link ended from the other side: say so, once, at the next buddy moment.
    end_notice_due: Mapped[bool] = mapped_column(Boolean, default=False)
    joined_at: Mapped[datetime] = mapped_column(default=utcnow)


class BuddySuggestion(Base):
    """An idea one buddy suggested to the other; the answer is accepted or declined."""

    __tablename__ = "buddy_suggestions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    pair_id: Mapped[int] = mapped_column(ForeignKey("buddy_pairs.id", ondelete="CASCADE"))
    from_user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    to_user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    challenge_id: Mapped[int] = mapped_column(ForeignKey("challenges.id", ondelete="CASCADE"))
    answer: Mapped[str | None] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    answered_at: Mapped[datetime | None]


__all__ = [
    "ATTEMPT_STATUSES",
    "OUTCOMES",
    "PACES",
    "AnswerLog",
    "Attempt",
    "Base",
    "BuddyInvite",
    "BuddyMember",
    "BuddyPair",
    "BuddySuggestion",
    "Challenge",
    "Conversation",
    "IdeaEvent",
    "InboxUpdate",
    "OutboxMessage",
    "Recap",
    "User",
    "utcnow",
]
