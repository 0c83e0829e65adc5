"""What onboarding and /settings show: each question's buttons, the settings overview, and
a setting as the person reads it ("Mon · Wed · Fri", "21:30 to 08:00")."""

from __future__ import annotations

from datetime import datetime, time

from bot.db.models import User
from bot.domain import schedule
from bot.domain.flows.onboarding import (
    COMMON_TIMES,
    COMMON_ZONES,
    DAY_SETS,
    LEVELS,
    QUIET_PRESETS,
    WEEKDAYS,
    WEEKLY_CAPS,
    days_code,
    time_code,
)
from bot.domain.schedule import Pace
from bot.services import profile
from bot.telegram.context import CoachContext
from bot.telegram.handlers.common import button, label, say, text
from bot.telegram.keyboards import Button, Cb, Keyboard, pack, rows_of


def question_keyboard(ctx: CoachContext, step: str) -> Keyboard:
    """The buttons under an onboarding or settings question."""
    if step == "timezone":
        now = ctx.turn.now
        zones = [
            Button(
                label(ctx, f"buttons.zones.{slug}", time=clock(now, zone)),
                pack(Cb.TIMEZONE, index),
            )
            for index, (slug, zone) in enumerate(COMMON_ZONES)
        ]
        return rows_of(zones, 3)
    if step == "time":
        times = [Button(hhmm(at), pack(Cb.TIME, time_code(at))) for at in COMMON_TIMES]
        return rows_of(times, 3)
    if step == "pace":
        return [
            [button(ctx, f"buttons.pace.{pace.value}", pack(Cb.PACE, pace.value))] for pace in Pace
        ]
    if step == "recap":
        days = [button(ctx, f"weekdays.{day}", pack(Cb.DAYS, day)) for day in WEEKDAYS]
        return rows_of(days, 4)
    if step == "cap":
        caps = [button(ctx, f"buttons.cap.{cap}", pack(Cb.CAP, cap)) for cap in WEEKLY_CAPS]
        return rows_of(caps, 3)
    if step == "days":
        return [
            [Button(days_label(ctx, days), pack(Cb.NUDGE_DAYS, days_code(days)))]
            for days in DAY_SETS
        ]
    if step == "quiet":
        presets = [
            Button(quiet_label(ctx, start, end), pack(Cb.QUIET, time_code(start), time_code(end)))
            for start, end in QUIET_PRESETS
        ]
        return rows_of(presets, 2)
    levels = [button(ctx, f"buttons.level.{level}", pack(Cb.LEVEL, level)) for level in LEVELS]
    return rows_of(levels, 5)


def show_settings(ctx: CoachContext, user: User) -> None:
    """The settings overview: every setting as it is now, a button to change each."""
    keyboard = [
        [
            button(ctx, "buttons.settings.timezone", pack(Cb.SETTINGS, "timezone")),
            button(ctx, "buttons.settings.time", pack(Cb.SETTINGS, "time")),
        ],
        [
            button(ctx, "buttons.settings.pace", pack(Cb.SETTINGS, "pace")),
            button(ctx, "buttons.settings.level", pack(Cb.SETTINGS, "level")),
        ],
        [
            button(ctx, "buttons.settings.recap", pack(Cb.SETTINGS, "recap")),
            button(ctx, "buttons.settings.cap", pack(Cb.SETTINGS, "cap")),
        ],
        [
            button(ctx, "buttons.settings.quiet", pack(Cb.SETTINGS, "quiet")),
            button(ctx, "buttons.settings.language", pack(Cb.LANGUAGE, "menu")),
        ],
        [button(ctx, "buttons.settings.done", pack(Cb.SETTINGS, "done"))],
    ]
    say(
        ctx,
        "settings.overview",
        keyboard,
        zone=user.timezone,
        time=hhmm(user.nudge_time),
        pace=pace_phrase(ctx, user),
        level=user.level,
        recap_day=label(ctx, f"weekdays.{user.recap_weekday}"),
        recap_time=hhmm(user.recap_time),
        cap=label(ctx, f"buttons.cap.{user.weekly_cap}"),
        quiet=quiet_label(ctx, user.quiet_start, user.quiet_end),
    )


def now_set(ctx: CoachContext, user: User, step: str) -> str:
    """What a setting is now, as the overview shows it: every "Saved ✓" says to what."""
    values = {
        "timezone": lambda: user.timezone,
        "time": lambda: hhmm(user.nudge_time),
        "pace": lambda: pace_phrase(ctx, user),
        "level": lambda: str(user.level),
        "recap": lambda: f"{label(ctx, f'weekdays.{user.recap_weekday}')} {hhmm(user.recap_time)}",
        "cap": lambda: label(ctx, f"buttons.cap.{user.weekly_cap}"),
        "quiet": lambda: quiet_label(ctx, user.quiet_start, user.quiet_end),
    }
    return values[step]()


def point_out_quiet_nudges(ctx: CoachContext, user: User) -> None:
    """Nudges keep their time even inside quiet hours (only check-ins wait): say so."""
    quiet = quiet_label(ctx, user.quiet_start, user.quiet_end)
    say(ctx, "settings.nudge_in_quiet", time=hhmm(user.nudge_time), quiet=quiet)


def pace_phrase(ctx: CoachContext, user: User) -> str:
    pace = Pace(user.pace)
    if pace is not Pace.THREE_A_WEEK:
        return text(ctx, f"paces.{pace.value}")
    days = ", ".join(label(ctx, f"weekdays.{day}") for day in sorted(profile.nudge_days(user)))
    return text(ctx, "paces.three_a_week", days=days)


def quiet_label(ctx: CoachContext, start: time, end: time) -> str:
    return label(ctx, "buttons.quiet", start=hhmm(start), end=hhmm(end))


def days_label(ctx: CoachContext, days: frozenset[int]) -> str:
    return " · ".join(label(ctx, f"weekdays.{day}") for day in sorted(days))


def clock(now_utc: datetime, zone_name: str) -> str:
    """The time it is now in `zone_name`."""
    return hhmm(schedule.local_now(now_utc, zone_name))


def hhmm(at: time | datetime) -> str:
    return at.strftime("%H:%M")
