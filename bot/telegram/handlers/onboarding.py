"""/start, the first-run questions (timezone, nudge time, pace, level) and /settings.

The same four questions serve both flows: in onboarding each answer leads to the next
question; in /settings each answer leads back to the settings overview.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time
from typing import TypeVar

from telegram import Update

from bot.db import repo
from bot.db.models import Conversation, User
from bot.domain import schedule
from bot.domain.answers.choices import (
    parse_level,
    parse_pace,
    parse_weekday,
    parse_weekdays,
    parse_weekly_limit,
)
from bot.domain.schedule import Pace
from bot.domain.timezones import (
    is_impossible_time,
    parse_nudge_time,
    parse_quiet_hours,
    resolve_timezone,
)
from bot.domain.timezones.coordinates import zone_at
from bot.services import care, profile
from bot.telegram.compose import Part
from bot.telegram.context import CoachContext
from bot.telegram.handlers import buddy
from bot.telegram.handlers.common import (
    button,
    clear_pressed,
    clip,
    label,
    onboarded_user,
    profile_of,
    say,
    text,
)
from bot.telegram.handlers.language import set_menu_button
from bot.telegram.keyboards import Button, Callback, Cb, Keyboard, pack, rows_of

_T = TypeVar("_T")

ONBOARDING = "onboarding"
SETTINGS = "settings"
STEPS = ("timezone", "time", "pace", "level")
SETTINGS_ONLY = ("recap", "cap", "quiet")
# Follow-up questions that belong to another step ("days" comes after a three-a-week pace).
SUB_STEPS = ("days",)
DAY_SETS: tuple[frozenset[int], ...] = (
    frozenset({0, 2, 4}),
    frozenset({1, 3, 5}),
    frozenset({0, 3, 6}),
    frozenset({1, 3, 6}),
)

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


# -- /start ------------------------------------------------------------------------------


async def on_start(update: Update, ctx: CoachContext) -> None:
    turn = ctx.turn
    result = await profile.start(
        turn.session,
        profile_of(update),
        now=turn.now,
        default_timezone=ctx.deps.settings.coach_default_timezone,
        languages=ctx.deps.languages.keys(),
    )
    user = result.user
    turn.meet(user)
    token = (ctx.args or [""])[0]
    if user.onboarded_at is not None:
        await repo.clear_conversation(turn.session, user.id)
        if token:  # a buddy invitation link: that is what they came for
            await buddy.open_link(ctx, user, token)
            return
        say(ctx, "start.welcome_back", name=user.first_name or text(ctx, "nudge.friend"))
        say(ctx, "start.returning_hint")
        return
    if token:  # claimed now; the invitation itself comes after onboarding
        await buddy.open_link(ctx, user, token)
    say(ctx, "start.welcome", name=user.first_name or text(ctx, "nudge.friend"))
    say(ctx, "start.not_therapy")
    # After the long welcome the first question is its own message, so it stays on screen.
    await ask(ctx, user, ONBOARDING, "timezone", part=Part.ALONE)


async def on_settings(update: Update, ctx: CoachContext) -> None:
    user = await onboarded_user(ctx, update)
    if user is None:
        return
    await repo.clear_conversation(ctx.turn.session, user.id)
    show_settings(ctx, user)


def show_settings(ctx: CoachContext, user: User) -> None:
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
        time=user.nudge_time.strftime("%H:%M"),
        pace=pace_phrase(ctx, user),
        level=user.level,
        recap_day=label(ctx, f"weekdays.{user.recap_weekday}"),
        recap_time=user.recap_time.strftime("%H:%M"),
        cap=label(ctx, f"buttons.cap.{user.weekly_cap}"),
        quiet=_quiet_label(ctx, user.quiet_start, user.quiet_end),
    )


async def on_settings_button(ctx: CoachContext, user: User, callback: Callback) -> str | None:
    choice = callback.part(0)
    if choice == "done":
        await repo.clear_conversation(ctx.turn.session, user.id)
        say(ctx, "settings.closed")
        return None
    if choice not in STEPS + SETTINGS_ONLY:
        return label(ctx, "stale.button")
    await ask(ctx, user, SETTINGS, choice)
    return None


# -- asking ------------------------------------------------------------------------------


async def ask(
    ctx: CoachContext,
    user: User,
    flow: str,
    step: str,
    *,
    part: Part = Part.QUESTION,
) -> None:
    await repo.set_conversation(ctx.turn.session, user.id, flow=flow, step=step, now=ctx.turn.now)
    say(ctx, f"onboarding.ask_{step}", _keyboard(ctx, user, step), part=part)


def _keyboard(ctx: CoachContext, user: User, step: str) -> Keyboard:
    if step == "timezone":
        now = ctx.turn.now
        zones = [
            Button(
                label(ctx, f"buttons.zones.{slug}", time=_clock(now, zone)),
                pack(Cb.TIMEZONE, index),
            )
            for index, (slug, zone) in enumerate(COMMON_ZONES)
        ]
        return rows_of(zones, 3)
    if step == "time":
        times = [
            Button(at.strftime("%H:%M"), pack(Cb.TIME, at.strftime("%H%M"))) for at in COMMON_TIMES
        ]
        return rows_of(times, 3)
    if step == "pace":
        return [
            [button(ctx, f"buttons.pace.{pace.value}", pack(Cb.PACE, pace.value))] for pace in Pace
        ]
    if step == "recap":
        days = [button(ctx, f"weekdays.{day}", pack(Cb.DAYS, day)) for day in range(7)]
        return rows_of(days, 4)
    if step == "cap":
        choices = [button(ctx, f"buttons.cap.{cap}", pack(Cb.CAP, cap)) for cap in care.CAP_CHOICES]
        return rows_of(choices, 3)
    if step == "days":
        return [
            [Button(_days_label(ctx, days), pack(Cb.NUDGE_DAYS, _days_code(days)))]
            for days in DAY_SETS
        ]
    if step == "quiet":
        presets = [
            Button(_quiet_label(ctx, start, end), pack(Cb.QUIET, _hhmm(start), _hhmm(end)))
            for start, end in QUIET_PRESETS
        ]
        return rows_of(presets, 2)
    levels = [button(ctx, f"buttons.level.{level}", pack(Cb.LEVEL, level)) for level in range(1, 6)]
    return rows_of(levels, 5)


def _clock(now_utc: datetime, zone_name: str) -> str:
    return schedule.local_now(now_utc, zone_name).strftime("%H:%M")


def _quiet_label(ctx: CoachContext, start: time, end: time) -> str:
    return label(ctx, "buttons.quiet", start=start.strftime("%H:%M"), end=end.strftime("%H:%M"))


def _hhmm(at: time) -> str:
    return at.strftime("%H%M")


# -- answers -----------------------------------------------------------------------------


async def on_text(ctx: CoachContext, user: User, conversation: Conversation, message: str) -> None:
    """A typed answer to the pending onboarding/settings question."""
    answer = clip(message)
    step = conversation.step
    if step == "quiet":
        await _quiet_typed(ctx, user, conversation, answer)
        return
    saved = _apply_typed(ctx, user, step, answer)
    if saved:
        await _after_answer(ctx, user, conversation.flow, step)
        return
    conversation.retries += 1
    if step == "time" and is_impossible_time(answer, user.language):
        keyboard = _keyboard(ctx, user, step)
        say(ctx, "onboarding.time_impossible", keyboard, answer=answer[:60])
        return
    key = {
        "timezone": "timezone_unknown",
        "time": "time_unknown",
        "pace": "pace_unknown",
        "recap": "recap_unknown",
        "days": "days_unknown",
        "cap": "cap_unknown",
    }
    say(
        ctx,
        f"onboarding.{key.get(step, 'level_unknown')}",
        _keyboard(ctx, user, step),
        answer=answer[:60],
    )


async def _quiet_typed(
    ctx: CoachContext, user: User, conversation: Conversation, answer: str
) -> None:
    hours = parse_quiet_hours(answer, user.language)
    if hours is not None and hours[0] != hours[1]:
        await profile.set_quiet_hours(ctx.turn.session, user, *hours, ctx.turn.now)
        await _after_answer(ctx, user, conversation.flow, "quiet")
        return
    conversation.retries += 1
    keyboard = _keyboard(ctx, user, "quiet")
    if hours is None and is_impossible_time(answer, user.language):
        say(ctx, "onboarding.time_impossible", keyboard, answer=answer[:60])
    elif hours is None:
        say(ctx, "onboarding.quiet_unknown", keyboard, answer=answer[:60])
    else:  # the same time twice: all quiet or never quiet?
        say(ctx, "onboarding.quiet_same", keyboard, time=hours[0].strftime("%H:%M"))


def _apply_typed(ctx: CoachContext, user: User, step: str, answer: str) -> bool:
    now, language = ctx.turn.now, user.language
    if step == "timezone":
        return _saved(resolve_timezone(answer, language), lambda zone: _set_zone(ctx, user, zone))
    if step == "time":
        return _saved(
            parse_nudge_time(answer, language), lambda at: profile.set_nudge_time(user, at, now)
        )
    if step == "pace":
        return _saved(parse_pace(answer, language), lambda pace: profile.set_pace(user, pace, now))
    if step == "recap":
        return _saved(
            parse_weekday(answer, language), lambda day: profile.set_recap_day(user, day, now)
        )
    if step == "cap":
        return _saved(
            parse_weekly_limit(answer, care.CAP_CHOICES, language),
            lambda cap: care.set_weekly_cap(user, cap),
        )
    if step == "days":
        chosen = parse_weekdays(answer, language)
        if len(chosen) != 3:
            return False
        profile.set_pace(user, Pace.THREE_A_WEEK, now, chosen)
        return True
    return _saved(parse_level(answer, language), lambda level: profile.set_level(user, level))


def _saved(parsed: _T | None, save: Callable[[_T], object]) -> bool:
    """Save a parsed answer; False when the answer did not parse (None)."""
    if parsed is None:
        return False
    save(parsed)
    return True


def _set_zone(ctx: CoachContext, user: User, zone: str) -> None:
    now = ctx.turn.now
    profile.set_timezone(user, zone, now)
    say(ctx, "onboarding.timezone_set", zone=zone, local_time=_clock(now, zone))


async def on_location(
    ctx: CoachContext, user: User, conversation: Conversation, location: tuple[float, float] | None
) -> bool:
    """A location shared at the time-zone question sets the zone (nearest zone city, looked
    up locally); False when this is not that question, so the caller points back instead."""
    if location is None or conversation.flow not in (ONBOARDING, SETTINGS):
        return False
    if conversation.step != "timezone":
        return False
    zone = zone_at(*location)
    if zone is None:
        return False
    _set_zone(ctx, user, zone)
    await _after_answer(ctx, user, conversation.flow, "timezone")
    return True


def _days_code(days: frozenset[int]) -> str:
    return "".join(str(day) for day in sorted(days))


def _days_label(ctx: CoachContext, days: frozenset[int]) -> str:
    return " · ".join(label(ctx, f"weekdays.{day}") for day in sorted(days))


async def on_button(ctx: CoachContext, user: User, callback: Callback) -> str | None:
    """A tapped answer to an onboarding or settings question."""
    step = {
        Cb.TIMEZONE: "timezone",
        Cb.TIME: "time",
        Cb.PACE: "pace",
        Cb.LEVEL: "level",
        Cb.DAYS: "recap",
        Cb.NUDGE_DAYS: "days",
        Cb.CAP: "cap",
        Cb.QUIET: "quiet",
    }[callback.kind]
    conversation = await repo.get_conversation(ctx.turn.session, user.id)
    if conversation is None or conversation.flow not in (ONBOARDING, SETTINGS):
        return label(ctx, "stale.question")
    if conversation.step != step:
        return label(ctx, "stale.question")
    if not await _apply_button(ctx, user, callback):
        return label(ctx, "stale.button")
    clear_pressed(ctx)
    await _after_answer(ctx, user, conversation.flow, step)
    return None


async def _apply_button(ctx: CoachContext, user: User, callback: Callback) -> bool:
    now = ctx.turn.now
    if callback.kind is Cb.TIMEZONE:
        index = callback.int_part(0)
        if index is None or index >= len(COMMON_ZONES):
            return False
        zone = COMMON_ZONES[index][1]
        profile.set_timezone(user, zone, now)
        say(ctx, "onboarding.timezone_set", zone=zone, local_time=_clock(now, zone))
        return True
    if callback.kind is Cb.TIME:
        value = callback.part(0) or ""
        if len(value) != 4 or not value.isdigit():
            return False
        hour, minute = int(value[:2]), int(value[2:])
        if hour > 23 or minute > 59:
            return False
        profile.set_nudge_time(user, time(hour, minute), now)
        return True
    if callback.kind is Cb.PACE:
        try:
            pace = Pace(callback.part(0) or "")
        except ValueError:
            return False
        profile.set_pace(user, pace, now)
        return True
    if callback.kind is Cb.DAYS:
        weekday = callback.int_part(0)
        if weekday is None or weekday > 6:
            return False
        profile.set_recap_day(user, weekday, now)
        return True
    if callback.kind is Cb.CAP:
        cap = callback.int_part(0)
        if cap not in care.CAP_CHOICES:
            return False
        care.set_weekly_cap(user, cap)
        return True
    if callback.kind is Cb.QUIET:
        codes = callback.parts
        preset = next((p for p in QUIET_PRESETS if (_hhmm(p[0]), _hhmm(p[1])) == codes), None)
        if preset is None:
            return False
        await profile.set_quiet_hours(ctx.turn.session, user, *preset, now)
        return True
    if callback.kind is Cb.NUDGE_DAYS:
        code = callback.part(0) or ""
        chosen = next((days for days in DAY_SETS if _days_code(days) == code), None)
        if chosen is None:
            return False
        profile.set_pace(user, Pace.THREE_A_WEEK, now, chosen)
        return True
    level = callback.int_part(0)
    if level is None or not 1 <= level <= 5:
        return False
    profile.set_level(user, level)
    return True


async def _after_answer(ctx: CoachContext, user: User, flow: str, step: str) -> None:
    if step == "pace" and user.pace == Pace.THREE_A_WEEK:
        await ask(ctx, user, flow, "days")  # which three days?
        return
    if step == "days":
        step = "pace"  # carry on as if the pace question had just been answered
    if flow == SETTINGS:
        await repo.clear_conversation(ctx.turn.session, user.id)
        say(
            ctx,
            "settings.saved",
            what=label(ctx, f"buttons.settings.{step}"),
            value=_now_set(ctx, user, step),
        )
        if step in ("time", "quiet"):
            _point_out_quiet_nudges(ctx, user)
        show_settings(ctx, user)
        return
    position = STEPS.index(step)
    if position + 1 < len(STEPS):
        await ask(ctx, user, ONBOARDING, STEPS[position + 1])
        return
    await _finish(ctx, user)


async def _finish(ctx: CoachContext, user: User) -> None:
    profile.finish_onboarding(user, ctx.turn.now)
    await repo.clear_conversation(ctx.turn.session, user.id)
    say(
        ctx,
        "onboarding.done",
        time=user.nudge_time.strftime("%H:%M"),
        zone=user.timezone,
        pace=pace_phrase(ctx, user),
        quiet=_quiet_label(ctx, user.quiet_start, user.quiet_end),
        recap_day=label(ctx, f"weekdays.{user.recap_weekday}"),
        recap_time=user.recap_time.strftime("%H:%M"),
    )
    _point_out_quiet_nudges(ctx, user)
    say(
        ctx,
        "onboarding.first_idea_offer",
        [
            [
                button(ctx, "buttons.yes_first_idea", pack(Cb.IDEA, "new")),
                button(ctx, "buttons.later", pack(Cb.MENU, "later")),
            ]
        ],
    )
    set_menu_button(ctx, ctx.person_chat, user.language)
    await buddy.invite_after_onboarding(ctx, user)


def _now_set(ctx: CoachContext, user: User, step: str) -> str:
    """What a setting is now, as the overview shows it: every "Saved ✓" says to what."""
    values = {
        "timezone": lambda: user.timezone,
        "time": lambda: user.nudge_time.strftime("%H:%M"),
        "pace": lambda: pace_phrase(ctx, user),
        "level": lambda: str(user.level),
        "recap": lambda: (
            f"{label(ctx, f'weekdays.{user.recap_weekday}')} {user.recap_time.strftime('%H:%M')}"
        ),
        "cap": lambda: label(ctx, f"buttons.cap.{user.weekly_cap}"),
        "quiet": lambda: _quiet_label(ctx, user.quiet_start, user.quiet_end),
    }
    return values[step]()


def _point_out_quiet_nudges(ctx: CoachContext, user: User) -> None:
    """Nudges keep their time even inside quiet hours (only check-ins wait): say so."""
    quiet = schedule.QuietHours(user.quiet_start, user.quiet_end)
    if quiet.contains(user.nudge_time):
        quiet_label = _quiet_label(ctx, user.quiet_start, user.quiet_end)
        say(
            ctx,
            "settings.nudge_in_quiet",
            time=user.nudge_time.strftime("%H:%M"),
            quiet=quiet_label,
        )


def pace_phrase(ctx: CoachContext, user: User) -> str:
    pace = Pace(user.pace)
    if pace is not Pace.THREE_A_WEEK:
        return text(ctx, f"paces.{pace.value}")
    days = ", ".join(label(ctx, f"weekdays.{day}") for day in sorted(profile.nudge_days(user)))
    return text(ctx, "paces.three_a_week", days=days)
