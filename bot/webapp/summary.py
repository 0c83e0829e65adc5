"""The dashboard's JSON: one person's asks, forecasts, charts, ladder and settings, plus every
word the page shows (from prompts.yaml, so the page speaks the person's language).

Plain data in, plain JSON-ready dicts out; the API reads the rows and calls `compose`.
"""

from __future__ import annotations

import html
import random
import re
from collections.abc import Sequence
from datetime import date, datetime, time
from typing import Any

from bot.db.models import User
from bot.domain import dates, forecasts, schedule
from bot.services import care, chart_data, profile
from bot.services.dashboard import Ask, tally
from bot.services.ideas import Idea
from bot.telegram import views
from bot.texts import Texts

# Eight weeks in /stats; the dashboard has the room for a season.
WEEKS_SHOWN = 12
MIN_WEEKS_SHOWN = 4
_TAG_RE = re.compile(r"<[^>]+>")

# Sections of prompts.yaml the page uses, besides its own `dashboard` section: it reuses the
# chat's words for outcomes, kinds of idea, levels, settings and chart labels.
PAGE_TEXTS = (
    "dashboard.",
    "log.outcomes.",
    "categories.",
    "buttons.fix.",
    "buttons.settings.",
    "buttons.pace.",
    "buttons.level.",
    "buttons.cap.",
    "weekdays.",
    "stats.chart.",
    "stats.nothing_yet",
    "add.problems.",
)


def page_texts(texts: Texts) -> dict[str, str]:
    """Every string the page shows, keyed as in prompts.yaml. Templates keep their
    {placeholders} (the page fills them in as text, never as HTML)."""
    every_key = texts.keys()
    return {
        key: _plain(texts.variants(key)[0])
        for key in every_key
        if key.startswith(PAGE_TEXTS) and not key.startswith("dashboard.open_button")
    }


def compose(
    texts: Texts,
    user: User,
    asks: Sequence[Ask],
    *,
    hidden: Sequence[Idea],
    personal: Sequence[Idea],
    now: datetime,
) -> dict[str, Any]:
    rng = random.Random(user.id)  # the same wording on every load
    return {
        # The person's language: the page shows whatever texts it is sent.
        "language": texts.language,
        "texts": page_texts(texts),
        "person": {"first_name": user.first_name, "level": user.level},
        "forecast": _forecast(texts, rng, user, asks, now),
        "charts": _charts(user, asks, now),
        "asks": [_ask(texts, user, ask) for ask in asks],
        "ladder": _ladder(user, asks, hidden, personal),
        "settings": settings_of(user, now),
    }


def _forecast(
    texts: Texts, rng: random.Random, user: User, asks: Sequence[Ask], now: datetime
) -> dict[str, Any]:
    overall = forecasts.prediction(asks)
    weeks = forecasts.weekly(asks, tz_name=user.timezone, now=now, weeks=WEEKS_SHOWN)
    shown = weeks[_first_shown([week.prediction is not None for week in weeks]) :]
    return {
        "sentence": _plain(views.forecast_sentence(texts, rng, overall)) if overall else None,
        "weeks": [
            {
                "week": week.week_start.isoformat(),
                "label": _day(week.week_start, user.language),
                "expected": week.prediction.expected_no_pct if week.prediction else None,
                "heard": week.prediction.heard_no_pct if week.prediction else None,
                "asks": week.prediction.asks if week.prediction else 0,
            }
            for week in shown
        ],
    }


def _first_shown(active: Sequence[bool]) -> int:
    """Where a weekly chart starts: the first week with something in it (at least the last
    MIN_WEEKS_SHOWN weeks), so someone new sees their weeks, not a row of empty ones."""
    first = next((index for index, busy in enumerate(active) if busy), len(active))
    return max(0, min(first, len(active) - MIN_WEEKS_SHOWN))


def _charts(user: User, asks: Sequence[Ask], now: datetime) -> dict[str, Any]:
    oldest_first = [ask.as_week_attempt() for ask in reversed(asks)]
    data = chart_data.chart_data(oldest_first, tz_name=user.timezone, now=now, weeks=WEEKS_SHOWN)
    weeks = data["weeks"][_first_shown([asks_count > 0 for _, asks_count, _ in data["weeks"]]) :]
    return {
        "anxiety": [
            {
                "label": _day(date.fromisoformat(day), user.language),
                "before": before,
                "after": after,
            }
            for day, before, after in data["points"]
        ],
        "weeks": [
            {
                "label": _day(date.fromisoformat(week), user.language),
                "asks": asks_count,
                "noes": noes,
            }
            for week, asks_count, noes in weeks
        ],
    }


def _ask(texts: Texts, user: User, ask: Ask) -> dict[str, Any]:
    # A catalog idea in the person's language (the database keeps the English source).
    spec = texts.ideas_by_id.get(ask.catalog_key or "")
    title = spec.text if spec is not None else ask.title
    return {
        "id": ask.id,
        "date": _day(schedule.local_date(ask.created_at, user.timezone), user.language),
        "title": views.short_title(title, limit=90) if title else None,
        "category": ask.category or "",
        "level": ask.level,
        "outcome": ask.outcome,
        "predicted_no_pct": ask.predicted_no_pct,
        "anxiety_before": ask.anxiety_before,
        "anxiety_after": ask.anxiety_after,
        "lesson": ask.lesson,
    }


def _ladder(
    user: User, asks: Sequence[Ask], hidden: Sequence[Idea], personal: Sequence[Idea]
) -> dict[str, Any]:
    counts = tally(asks)
    return {
        "level": user.level,
        "levels": [{"level": level, "tried": n} for level, n in counts.by_level.items()],
        "categories": [{"category": name, "tried": n} for name, n in counts.by_category.items()],
        "hidden": [_idea(idea) for idea in hidden],
        "personal": [_idea(idea) for idea in personal],
    }


def _idea(idea: Idea) -> dict[str, Any]:
    return {"id": idea.id, "text": idea.text, "level": idea.level, "category": idea.category}


def settings_of(user: User, now: datetime) -> dict[str, Any]:
    next_nudge = profile.next_nudge_for(user, now)
    return {
        "timezone": user.timezone,
        "nudge_time": _clock(user.nudge_time),
        "pace": user.pace,
        "nudge_days": sorted(profile.nudge_days(user)),
        "level": user.level,
        "recap_weekday": user.recap_weekday,
        "weekly_cap": user.weekly_cap,
        "cap_choices": list(care.CAP_CHOICES),
        "quiet_start": _clock(user.quiet_start),
        "quiet_end": _clock(user.quiet_end),
        "next_nudge": next_nudge_label(user, next_nudge),
    }


def next_nudge_label(user: User, at: datetime | None) -> str | None:
    if at is None:
        return None
    local = at.astimezone(schedule.zone(user.timezone))
    return dates.weekday_day_month_time(local, user.language)


def _plain(telegram_html: str) -> str:
    """Telegram HTML as plain text: the page sets every string as text, never as markup."""
    return html.unescape(_TAG_RE.sub("", telegram_html))


def _day(day: date, language: str) -> str:
    return dates.day_month(day, language)


def _clock(at: time) -> str:
    return at.strftime("%H:%M")
