"""Dates as each language writes them ("3 Dec", "3 dic", "3 дек."), by Babel's CLDR data.

Times stay on the 24-hour clock the coach uses everywhere ("19:30"), which every language
we speak reads without help.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import lru_cache

from babel.dates import format_date, format_datetime


@lru_cache(maxsize=4096)
def day_month(day: date, language: str) -> str:
    """A short day and month: "3 Dec" in English, "3 dic" in Spanish, "3 дек." in Russian."""
    return format_date(day, "d MMM", locale=language)


def week_span(start: date, language: str) -> str:
    """The seven days from `start`: "1 Dec – 7 Dec"."""
    return f"{day_month(start, language)} – {day_month(start + timedelta(days=6), language)}"


def day_month_time(local: datetime, language: str) -> str:
    """A local instant: "3 Dec, 19:30"."""
    return f"{day_month(local.date(), language)}, {local:%H:%M}"


def weekday_day_month_time(local: datetime, language: str) -> str:
    """A local instant with its weekday: "Thu 3 Dec, 19:30"."""
    return format_datetime(local, "EEE d MMM, HH:mm", locale=language)
