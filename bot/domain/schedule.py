"""Schedule maths: when nudges, follow-ups and weekly recaps fire, in each user's own timezone.

Pure code: no I/O, no clock. Every function takes the current instant as an argument. Instants
going in must be timezone-aware (naive ones raise ``ValueError``); instants coming out are
always UTC, because the database stores ``next_nudge_at`` in UTC and the scheduler compares
UTC instants. Local wall times (``time``) must be naive: they mean "on the user's clock".

DST and odd-zone rules (reminder bots usually get these wrong; these are ours):

* **Skipped wall time** (spring forward): a local time that does not exist that day fires at
  the first valid moment after it, i.e. the instant the clocks jump to. 02:30 on the US
  spring-forward day fires at 03:00 local, not 03:30. Where clocks jump at midnight
  (America/Havana, Asia/Beirut, America/Santiago, Africa/Cairo, Atlantic/Azores) 00:00 and
  00:30 fire at 01:00 that same day.
* **Skip that runs through midnight**: in America/Nuuk (and its aliases) the clocks jump from
  22:59:59 on the last Saturday of March straight to 00:00 on Sunday. A 23:30 nudge for that
  Saturday fires at 00:00 Sunday: still the first valid moment after 23:30, and still exactly
  one nudge *for* Saturday. That is the only way a day's nudge lands on the next local date,
  and then it fires exactly at that date's first instant.
* **Repeated wall time** (fall back): a local time that happens twice fires once, at its
  first occurrence (``fold=0``).
* **A day that does not exist** (Pacific/Apia skipped 2011-12-30 entirely) gets no nudge:
  "exactly one nudge per scheduled local day" counts only days that have at least one
  instant. The next scheduled day that exists gets its nudge as usual.
* **Durations are real time**: "5 hours later" is five elapsed hours (UTC arithmetic), even
  across a DST change; only then is the result checked against the user's quiet hours.

Weekdays are ints, 0=Monday .. 6=Sunday (``date.weekday()``), stored as a compact string
such as ``"0,2,4"``.
"""

from __future__ import annotations

import math
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

ALL_DAYS: frozenset[int] = frozenset(range(7))
WORKING_DAYS: frozenset[int] = frozenset(range(5))
DEFAULT_THREE_A_WEEK_DAYS: frozenset[int] = frozenset({0, 2, 4})  # Monday, Wednesday, Friday

_DAY_DIGITS = frozenset(str(day) for day in ALL_DAYS)

DEFAULT_MAX_LATE = timedelta(hours=3)
DEFAULT_FOLLOWUP_DELAY = timedelta(hours=5)
DEFAULT_RECAP_WEEKDAY = 6  # Sunday: the week is nearly done and there is time to reflect.
DEFAULT_RECAP_TIME = time(18, 0)  # early evening: not during work, not at bedtime.

# How far ahead a search for the next fire looks. A scheduled weekday comes round within 7
# days; allow for "today already fired", a day that does not exist (Apia) and an
# earliest_day boundary, with room to spare. Running out means a bug, not a user setting.
_SEARCH_HORIZON_DAYS = 16


class Pace(StrEnum):
    """How often a user wants a nudge."""

    DAILY = "daily"
    THREE_A_WEEK = "three_a_week"
    WEEKDAYS = "weekdays"


class CatchUp(StrEnum):
    """What to do with a nudge that became due while the bot was down."""

    SEND = "send"
    SKIP = "skip"


# --- validation helpers ------------------------------------------------------------------


def zone(tz_name: str) -> ZoneInfo:
    """The IANA zone called ``tz_name``; ``ValueError`` if there is no such zone."""
    try:
        return ZoneInfo(tz_name)
    except (ZoneInfoNotFoundError, ValueError, TypeError) as exc:
        # ZoneInfoNotFoundError is a KeyError; callers validating user input want ValueError.
        raise ValueError(f"unknown timezone: {tz_name!r}") from exc


def is_valid_timezone(tz_name: str) -> bool:
    """True if ``tz_name`` names an IANA zone we can use."""
    try:
        zone(tz_name)
    except ValueError:
        return False
    return True


def _as_utc(instant: datetime, what: str = "instant") -> datetime:
    if instant.tzinfo is None or instant.utcoffset() is None:
        raise ValueError(f"{what} must be timezone-aware, got naive {instant!r}")
    return instant.astimezone(UTC)


def _wall_time(at: time) -> time:
    if at.tzinfo is not None:
        raise ValueError(f"local time must be naive (a wall-clock time), got {at!r}")
    # fold=1 on the input must not change the answer: we always mean the first occurrence.
    return at.replace(fold=0)


# --- weekdays and pace -------------------------------------------------------------------


def validate_days(days: AbstractSet[int]) -> frozenset[int]:
    """Check a set of weekdays (0=Monday .. 6=Sunday): 1 to 7 distinct days."""
    checked = frozenset(days)
    if not checked:
        raise ValueError("choose at least one day")
    for day in checked:
        # bool is an int subclass; True as "Tuesday" would be a bug upstream.
        if isinstance(day, bool) or not isinstance(day, int) or not 0 <= day <= 6:
            raise ValueError(f"weekday must be an int 0 (Monday) .. 6 (Sunday), got {day!r}")
    return checked


def encode_days(days: AbstractSet[int]) -> str:
    """Weekdays as a compact, sorted, canonical string for storage: ``{4, 0, 2}`` -> ``"0,2,4"``."""
    return ",".join(str(day) for day in sorted(validate_days(days)))


def decode_days(text: str) -> frozenset[int]:
    """Inverse of :func:`encode_days`; ``ValueError`` on anything malformed or repeated."""
    parts = [part.strip() for part in text.split(",")]
    # Exact ASCII digits only: int() would also take "٣" or "+3", which we never write.
    if any(part not in _DAY_DIGITS for part in parts):
        raise ValueError(f"malformed weekday list: {text!r}")
    days = [int(part) for part in parts]
    if len(set(days)) != len(days):
        raise ValueError(f"repeated weekday in {text!r}")
    return validate_days(frozenset(days))


def scheduled_days(pace: Pace, days: AbstractSet[int] | None = None) -> frozenset[int]:
    """The weekdays that get a nudge at ``pace``.

    ``days`` only matters for THREE_A_WEEK: the user's own choice of 1 to 7 days (three is
    the suggestion, not a rule: someone may want two or four), defaulting to Monday,
    Wednesday, Friday. For DAILY and WEEKDAYS it is ignored, so a stored choice survives a
    switch to another pace and back.
    """
    if pace is Pace.DAILY:
        return ALL_DAYS
    if pace is Pace.WEEKDAYS:
        return WORKING_DAYS
    if pace is Pace.THREE_A_WEEK:
        return DEFAULT_THREE_A_WEEK_DAYS if days is None else validate_days(days)
    raise ValueError(f"unknown pace: {pace!r}")


# --- local time <-> UTC ------------------------------------------------------------------


def _to_wall(instant: datetime, tz: ZoneInfo) -> datetime:
    return instant.astimezone(tz).replace(tzinfo=None)


def _gap_end(wall: datetime, tz: ZoneInfo) -> datetime:
    """The instant the clocks jump to, for a wall time that the jump skipped.

    zoneinfo reads a skipped wall time with the offset from before the jump (fold=0) or
    after it (fold=1); the jump lies between those two readings. Transitions happen on whole
    seconds, so bisecting over epoch seconds finds it exactly (at most ~17 steps for a whole
    skipped day).
    """
    readings = [wall.replace(tzinfo=tz, fold=fold).timestamp() for fold in (0, 1)]
    before = math.floor(min(readings))  # wall clock still shows a time before `wall`
    after = math.ceil(max(readings))  # wall clock already shows a time after `wall`
    while after - before > 1:
        middle = (before + after) // 2
        if _to_wall(datetime.fromtimestamp(middle, UTC), tz) < wall:
            before = middle
        else:
            after = middle
    return datetime.fromtimestamp(after, UTC)


def wall_to_utc(wall: datetime, tz: ZoneInfo) -> datetime:
    """The UTC instant a naive local wall-clock reading refers to, under our DST rules.

    Existing time: its first occurrence. Skipped time: the instant the clocks jump to.
    """
    if wall.tzinfo is not None:
        raise ValueError(f"wall-clock reading must be naive, got {wall!r}")
    wall = wall.replace(fold=0)
    # fold=0 is the earlier reading, which for a repeated wall time is the first occurrence.
    candidate = wall.replace(tzinfo=tz).astimezone(UTC)
    if _to_wall(candidate, tz) == wall:
        return candidate
    return _gap_end(wall, tz)  # the round trip failed, so the wall time was skipped


def local_fire_instant(day: date, at: time, tz: ZoneInfo) -> datetime | None:
    """The UTC instant the nudge for local ``day`` at local time ``at`` fires.

    Usually on ``day`` at ``at``; see the module docstring for skipped and repeated times.
    ``None`` when ``day`` does not exist in ``tz`` at all, so there is nothing to fire.
    """
    fire = wall_to_utc(datetime.combine(day, _wall_time(at)), tz)
    if fire.astimezone(tz).date() == day:
        return fire
    # The skip carried us past midnight. That is the day's nudge if the day exists at all
    # (America/Nuuk 23:30 -> 00:00 next day), and none if the whole day was skipped (Apia).
    return fire if day_exists(day, tz) else None


def local_date(instant: datetime, tz_name: str) -> date:
    """The user's calendar date at ``instant``."""
    return _as_utc(instant).astimezone(zone(tz_name)).date()


def local_now(instant: datetime, tz_name: str) -> datetime:
    """``instant`` as an aware datetime on the user's clock, for display and greetings."""
    return _as_utc(instant).astimezone(zone(tz_name))


def day_exists(day: date, tz: ZoneInfo | str) -> bool:
    """False only for dates a zone skipped entirely, such as Pacific/Apia 2011-12-30."""
    tzinfo = zone(tz) if isinstance(tz, str) else tz
    start = wall_to_utc(datetime.combine(day, time(0)), tzinfo)
    return start.astimezone(tzinfo).date() == day


# Pure functions asked the same few (zone, day) questions for thousands of people in one
# scheduler batch: remembered, they cost a dictionary lookup.
@lru_cache(maxsize=4096)
def local_day_bounds(day: date, tz_name: str) -> tuple[datetime, datetime]:
    """UTC ``[start, end)`` of local ``day``: 24 hours, or 23/25 (etc.) on DST days.

    Start is the first instant whose local date is ``day`` (01:00 if midnight was skipped),
    end is the start of the next day. A day the zone skipped entirely gives ``start == end``.
    """
    tz = zone(tz_name)
    start = wall_to_utc(datetime.combine(day, time(0)), tz)
    end = wall_to_utc(datetime.combine(day + timedelta(days=1), time(0)), tz)
    return start, end


# --- nudges ------------------------------------------------------------------------------


@lru_cache(maxsize=4096)  # see local_day_bounds
def _next_fire(
    *,
    tz: ZoneInfo,
    at: time,
    weekdays: frozenset[int],
    after: datetime,
    earliest_day: date | None,
) -> datetime:
    after = _as_utc(after, "after")
    at = _wall_time(at)
    # A day's fire never lies after the start of the next local day, so days before the
    # local date of `after` have all fired already: start the search there.
    day = after.astimezone(tz).date()
    if earliest_day is not None and earliest_day > day:
        day = earliest_day
    for _ in range(_SEARCH_HORIZON_DAYS):
        if day.weekday() in weekdays:
            fire = local_fire_instant(day, at, tz)
            if fire is not None and fire > after:
                return fire
        day += timedelta(days=1)
    raise RuntimeError(f"no fire within {_SEARCH_HORIZON_DAYS} days of {after} in {tz.key}")


def next_nudge_at(
    *,
    tz_name: str,
    at: time,
    pace: Pace,
    days: AbstractSet[int] | None,
    after: datetime,
    earliest_day: date | None = None,
) -> datetime:
    """The first nudge instant (UTC) strictly after ``after`` on a scheduled local day.

    ``earliest_day`` is the first local date allowed to get a nudge. Pass
    ``local_date(now, tz) + 1 day`` for "rest for the rest of today", or the day after a
    pause ends for "paused until <date>". For a pause ending at an instant, pass that instant
    as ``after`` instead.
    """
    return _next_fire(
        tz=zone(tz_name),
        at=at,
        weekdays=scheduled_days(pace, days),
        after=after,
        earliest_day=earliest_day,
    )


@lru_cache(maxsize=4096)  # see local_day_bounds
def catch_up_decision(
    *,
    due_at: datetime,
    now: datetime,
    tz_name: str,
    max_late: timedelta = DEFAULT_MAX_LATE,
) -> CatchUp:
    """Whether a nudge that fell due while the bot was down should still go out.

    SEND if it is less than ``max_late`` late *and* the user's local day of ``due_at`` is
    not over yet; otherwise SKIP. Either way the caller then schedules
    ``next_nudge_at(after=now)``, which is on a later day, so a restart sends at most one
    late nudge per user and never floods anyone with a backlog.
    """
    due_at = _as_utc(due_at, "due_at")
    now = _as_utc(now, "now")
    if max_late <= timedelta(0):
        raise ValueError("max_late must be positive")
    if now < due_at:
        raise ValueError(f"nudge due at {due_at} is not due yet at {now}")
    if now - due_at >= max_late:
        return CatchUp.SKIP
    # A nudge for "today" that arrives tomorrow reads as a mistake; don't send it.
    _, day_end = local_day_bounds(local_date(due_at, tz_name), tz_name)
    return CatchUp.SEND if now < day_end else CatchUp.SKIP


# --- follow-ups and quiet hours ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class QuietHours:
    """Local wall-clock hours with no follow-ups: ``[start, end)``, wrapping midnight if
    ``start > end`` (the default 21:30-08:00 does)."""

    start: time = time(21, 30)
    end: time = time(8, 0)

    def __post_init__(self) -> None:
        _wall_time(self.start)
        _wall_time(self.end)
        if self.start == self.end:
            # Ambiguous: "never quiet" or "always quiet". Make the caller say which.
            raise ValueError("quiet hours need different start and end times")

    @property
    def wraps_midnight(self) -> bool:
        return self.start > self.end

    def contains(self, wall: time) -> bool:
        """True if the local wall-clock time ``wall`` is inside the quiet hours."""
        wall = wall.replace(tzinfo=None, fold=0)
        if self.wraps_midnight:
            return wall >= self.start or wall < self.end
        return self.start <= wall < self.end


def followup_at(
    *,
    accepted_at: datetime,
    tz_name: str,
    delay: timedelta = DEFAULT_FOLLOWUP_DELAY,
    quiet: QuietHours | None = None,
    opens: time | None = None,
) -> datetime:
    """When to check in after a user accepted a challenge: "some hours later or the next
    morning, never during their night".

    ``accepted_at + delay`` in real elapsed time; if that falls inside the quiet hours on the
    user's clock, it moves to the end of those quiet hours (the next local morning for the
    default), resolved with the same DST rules as nudges. With ``opens`` (an idea that needs
    an office or a shop), a check-in that would come earlier that morning waits until then.
    """
    moved = _out_of_quiet(accepted_at, tz_name, delay, quiet)
    return moved if opens is None else _not_before(moved, zone(tz_name), opens)


def _not_before(instant: datetime, tz: ZoneInfo, opens: time) -> datetime:
    wall = instant.astimezone(tz)
    if wall.time() >= _wall_time(opens):
        return instant
    return wall_to_utc(datetime.combine(wall.date(), _wall_time(opens)), tz)


def _out_of_quiet(
    accepted_at: datetime, tz_name: str, delay: timedelta, quiet: QuietHours | None
) -> datetime:
    accepted_at = _as_utc(accepted_at, "accepted_at")
    if delay < timedelta(0):
        raise ValueError("delay must not be negative")
    quiet = QuietHours() if quiet is None else quiet
    tz = zone(tz_name)
    candidate = accepted_at + delay
    wall = candidate.astimezone(tz)
    if not quiet.contains(wall.time()):
        return candidate
    # In the evening part of a wrapping quiet period the end is tomorrow morning.
    in_evening_part = quiet.wraps_midnight and wall.time() >= quiet.start
    end_day = wall.date() + timedelta(days=1 if in_evening_part else 0)
    end_wall = datetime.combine(end_day, _wall_time(quiet.end))
    end = wall_to_utc(end_wall, tz)
    if end <= candidate:
        # Clocks went back during the night and we sit in the repeated hour, past the first
        # showing of `end`: the quiet hours end when the clock shows `end` again.
        end = end_wall.replace(tzinfo=tz, fold=1).astimezone(UTC)
    return end


# Ideas in these catalog categories (in person or by phone) need an office or a shop to be
# open: their check-ins never come before OPENING_TIME local.
OPENING_HOURS_CATEGORIES = frozenset({"shops_and_service", "work_and_career"})
OPENING_TIME = time(9, 0)
# "Not yet": the check-in comes again at this local hour (after a working day), at least
# CHECKIN_AGAIN_MIN_WAIT from now, so "later" said in the morning means this evening.
CHECKIN_AGAIN_AT = time(18, 0)
CHECKIN_AGAIN_MIN_WAIT = timedelta(hours=4)


def opening_time(category: str | None, setting: str | None) -> time | None:
    """When an idea's check-in may come at the earliest, or None for any time."""
    if category in OPENING_HOURS_CATEGORIES and setting != "message":
        return OPENING_TIME
    return None


def checkin_again_at(
    *,
    now: datetime,
    tz_name: str,
    tomorrow: bool = False,
    quiet: QuietHours | None = None,
    opens: time | None = None,
) -> datetime:
    """When to ask again after a check-in was answered "not yet": the next local
    CHECKIN_AGAIN_AT that is at least CHECKIN_AGAIN_MIN_WAIT away (``tomorrow``: not before
    tomorrow's), moved out of the quiet hours like any check-in."""
    now = _as_utc(now, "now")
    tz = zone(tz_name)
    day = now.astimezone(tz).date() + timedelta(days=1 if tomorrow else 0)
    while True:
        candidate = wall_to_utc(datetime.combine(day, CHECKIN_AGAIN_AT), tz)
        if candidate - now >= CHECKIN_AGAIN_MIN_WAIT:
            break
        day += timedelta(days=1)
    return followup_at(
        accepted_at=candidate, tz_name=tz_name, delay=timedelta(0), quiet=quiet, opens=opens
    )


# --- weekly recap ------------------------------------------------------------------------


def week_start(local_day: date) -> date:
    """The Monday of the (Monday-Sunday) week containing ``local_day``."""
    return local_day - timedelta(days=local_day.weekday())


def local_week_of(instant: datetime, tz_name: str) -> date:
    """The Monday of the user's local week containing ``instant``."""
    return week_start(local_date(instant, tz_name))


@lru_cache(maxsize=4096)  # see local_day_bounds
def next_recap_at(
    *,
    tz_name: str,
    after: datetime,
    weekday: int = DEFAULT_RECAP_WEEKDAY,
    at: time = DEFAULT_RECAP_TIME,
) -> datetime:
    """The first weekly-recap instant (UTC) strictly after ``after``: local ``weekday`` at
    local ``at`` (default Sunday 18:00), with the same DST rules as nudges."""
    return _next_fire(
        tz=zone(tz_name),
        at=at,
        weekdays=validate_days(frozenset({weekday})),
        after=after,
        earliest_day=None,
    )


def recap_week_for(fire_instant: datetime, tz_name: str) -> date:
    """The Monday of the week a recap firing at ``fire_instant`` summarises.

    A recap on Friday, Saturday or Sunday (local) summarises the week it falls in; one on
    Monday to Thursday looks back at the week that just ended, rather than at a week that has
    barely started. Use it as the "exactly once per user week" key.
    """
    # Four days back lands in the current week exactly when today is Friday..Sunday.
    return week_start(local_date(fire_instant, tz_name) - timedelta(days=4))
