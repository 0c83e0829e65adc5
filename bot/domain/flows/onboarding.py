"""Onboarding and /settings: the questions, what each accepts, what comes next.

The same questions serve both flows. In onboarding each answer leads to the next
question (timezone -> time -> pace (-> which three days) -> level) and the last one
finishes it; in /settings each answer is stored and the flow ends (the overview shows
again), except that a three-a-week pace first asks which three days. Answers come typed
(read in the person's language) or tapped (a button code from our own keyboards); the
writers that store them live in `bot.services.onboarding_flow`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import time

from bot.domain.answers.choices import (
    parse_level,
    parse_pace,
    parse_weekday,
    parse_weekdays,
    parse_weekly_limit,
)
from bot.domain.flows import Flow, Step
from bot.domain.schedule import Pace
from bot.domain.timezones import (
    is_impossible_time,
    parse_nudge_time,
    parse_quiet_hours,
    resolve_timezone,
)

ONBOARDING = "onboarding"
SETTINGS = "settings"

# -- what the buttons offer --------------------------------------------------------------

# Zones offered as buttons: (label key, IANA name). Labels show the local time, so people
# who don't know their zone's name can pick the one that matches their clock.
COMMON_ZONES: tuple[tuple[str, str], ...] = (
    ("london", "Europe/London"),
    ("berlin", "Europe/Berlin"),
    ("athens", "Europe/Athens"),
    ("new_york", "America/New_York"),
    ("chicago", "America/Chicago"),
    ("los_angeles", "America/Los_Angeles"),
    ("india", "Asia/Kolkata"),
    ("tokyo", "Asia/Tokyo"),
    ("sydney", "Australia/Sydney"),
)
COMMON_TIMES: tuple[time, ...] = (time(8, 0), time(9, 0), time(12, 30), time(18, 0), time(20, 0))
# Quiet hours offered as buttons, (start, end); the first is everyone's default.
QUIET_PRESETS: tuple[tuple[time, time], ...] = (
    (time(21, 30), time(8, 0)),
    (time(22, 0), time(7, 0)),
    (time(23, 0), time(9, 0)),
    (time(20, 0), time(8, 0)),
)
# The three nudge days offered for a three-a-week pace (Monday is 0).
DAY_SETS: tuple[frozenset[int], ...] = (
    frozenset({0, 2, 4}),
    frozenset({1, 3, 5}),
    frozenset({0, 3, 6}),
    frozenset({1, 3, 6}),
)
WEEKLY_CAPS = (2, 3, 5, 7, 0)  # asks a week before nudges wait; 0 = no cap
LEVELS = (1, 2, 3, 4, 5)
WEEKDAYS = tuple(range(7))

# -- button codes: what our keyboards send, read back ------------------------------------
# A code is the callback's parts joined by ":" (a quiet preset has two: start and end).
# Anyone can forge callback data, so every reader checks against what we offer.


def time_code(at: time) -> str:
    return at.strftime("%H%M")


def days_code(days: frozenset[int]) -> str:
    return "".join(str(day) for day in sorted(days))


def _first(code: str) -> str:
    return code.split(":", 1)[0]


def _number(code: str) -> int | None:
    first = _first(code)
    return int(first) if first.isdigit() and len(first) <= 9 else None


def pressed_zone(code: str) -> str | None:
    index = _number(code)
    return COMMON_ZONES[index][1] if index is not None and index < len(COMMON_ZONES) else None


def pressed_time(code: str) -> time | None:
    value = _first(code)
    if len(value) != 4 or not value.isdigit():
        return None
    hour, minute = int(value[:2]), int(value[2:])
    return time(hour, minute) if hour <= 23 and minute <= 59 else None


def pressed_pace(code: str) -> Pace | None:
    return next((pace for pace in Pace if pace.value == _first(code)), None)


def pressed_days(code: str) -> frozenset[int] | None:
    return next((days for days in DAY_SETS if days_code(days) == _first(code)), None)


def pressed_level(code: str) -> int | None:
    level = _number(code)
    return level if level in LEVELS else None


def pressed_weekday(code: str) -> int | None:
    day = _number(code)
    return day if day in WEEKDAYS else None


def pressed_cap(code: str) -> int | None:
    cap = _number(code)
    return cap if cap in WEEKLY_CAPS else None


def pressed_quiet(code: str) -> tuple[time, time] | None:
    parts = tuple(code.split(":"))
    return next((p for p in QUIET_PRESETS if (time_code(p[0]), time_code(p[1])) == parts), None)


# -- typed answers the plain parsers don't settle alone ------------------------------------


def typed_days(text: str, language: str) -> frozenset[int] | None:
    """Exactly three weekdays ("mon, wed and fri")."""
    chosen = parse_weekdays(text, language)
    return chosen if len(chosen) == 3 else None


def typed_cap(text: str, language: str) -> int | None:
    return parse_weekly_limit(text, WEEKLY_CAPS, language)


def typed_quiet(text: str, language: str) -> tuple[time, time] | None:
    """Quiet hours from one time to another; the same time twice is not understood yet."""
    hours = parse_quiet_hours(text, language)
    return hours if hours is not None and hours[0] != hours[1] else None


def said_twice(text: str, language: str) -> time | None:
    """The one time given as both start and end of quiet hours ("22:00 to 22:00")."""
    hours = parse_quiet_hours(text, language)
    return hours[0] if hours is not None and hours[0] == hours[1] else None


def miss_of(table: Flow, step: str, text: str, language: str) -> str:
    """Why a typed answer wasn't understood: the re-ask's key suffix."""
    if step == "quiet" and said_twice(text, language) is not None:
        return "quiet_same"  # all quiet or never quiet? they say which
    if step in ("time", "quiet") and is_impossible_time(text, language):
        return "time_impossible"  # 25:00: the clock has no such time
    return table.steps[step].miss


# -- the tables ----------------------------------------------------------------------------


def days_or(after: str | None) -> Callable[[Pace], str | None]:
    """After the pace: which three days, for three a week; else `after`."""
    return lambda pace: "days" if pace is Pace.THREE_A_WEEK else after


ONBOARDING_TABLE = Flow(
    name=ONBOARDING,
    first="timezone",
    steps={
        "timezone": Step(
            read=resolve_timezone,
            press=pressed_zone,
            writes="timezone",
            then="time",
            miss="timezone_unknown",
        ),
        "time": Step(
            read=parse_nudge_time,
            press=pressed_time,
            writes="nudge_time",
            then="pace",
            miss="time_unknown",
        ),
        "pace": Step(
            read=parse_pace,
            press=pressed_pace,
            writes="pace",
            then=days_or("level"),
            miss="pace_unknown",
        ),
        "days": Step(
            read=typed_days,
            press=pressed_days,
            writes="nudge_days",
            then="level",
            miss="days_unknown",
        ),
        # The last question: once it is answered, onboarding is done.
        "level": Step(read=parse_level, press=pressed_level, writes="level", miss="level_unknown"),
    },
)

# /settings asks the same questions, one at a time: each answer ends the flow.
SETTINGS_TABLE = Flow(
    name=SETTINGS,
    first="timezone",  # never started here: the overview's buttons open a step
    steps={
        **{name: replace(step, then=None) for name, step in ONBOARDING_TABLE.steps.items()},
        "pace": replace(ONBOARDING_TABLE.steps["pace"], then=days_or(None)),
        "recap": Step(
            read=parse_weekday,
            press=pressed_weekday,
            writes="recap_weekday",
            miss="recap_unknown",
        ),
        "cap": Step(read=typed_cap, press=pressed_cap, writes="weekly_cap", miss="cap_unknown"),
        "quiet": Step(
            read=typed_quiet, press=pressed_quiet, writes="quiet_hours", miss="quiet_unknown"
        ),
    },
)
# What the overview's buttons open ("days" only follows a three-a-week pace).
SETTINGS_MENU = ("timezone", "time", "pace", "level", "recap", "cap", "quiet")

TABLES = {ONBOARDING: ONBOARDING_TABLE, SETTINGS: SETTINGS_TABLE}
