"""Understand what people type for their time zone, the time of their daily nudge and their
quiet hours: ``places`` (the data), ``zones`` (:func:`resolve_timezone`) and ``clock``
(:func:`parse_nudge_time`, :func:`parse_quiet_hours`), over the shared normaliser.

Pure functions: no I/O besides reading the installed tz database (once, lazily), no
user-facing sentences. Every parser is total: any ``str`` gives a value or ``None``, and
``None`` means "ask again"; a wrong guess would send nudges at the wrong hour for weeks.
"""

from __future__ import annotations

from bot.domain.normalise import MAX_INPUT_CHARS
from bot.domain.timezones.clock import is_impossible_time, parse_nudge_time, parse_quiet_hours
from bot.domain.timezones.zones import resolve_timezone

__all__ = [
    "MAX_INPUT_CHARS",
    "is_impossible_time",
    "parse_nudge_time",
    "parse_quiet_hours",
    "resolve_timezone",
]
