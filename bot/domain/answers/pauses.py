"""How long a break from nudges: "3", "3 days", "2w", "a week", "a month", "until Monday",
"Friday", "tomorrow", "a couple of days", "a few days". The one reader of a break's length.

Like every parser here: total, and ``None`` when unsure (the caller shows the buttons).
Other languages arrive rewritten into these words ("на 3 дня" -> "на 3 days", "неделю" ->
"weeks", "до понедельника" -> "to monday"), so a bare unit means one of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.domain.answers.choices import ENGLISH
from bot.domain.answers.numbers import normalise_numbers
from bot.domain.normalise import alternation
from bot.domain.words import SOURCE_LANGUAGE

_DAYS_PER_UNIT = {"d": 1, "day": 1, "w": 7, "wk": 7, "week": 7, "fortnight": 14, "month": 30}
_AMOUNT_RE = re.compile(
    rf"(?<![^\W_])(?:(?P<count>\d{{1,3}})\s*)?(?P<unit>{alternation(_DAYS_PER_UNIT)})s?(?![^\W_])"
)
_NAMES = {name: day for day, names in enumerate(ENGLISH.weekdays) for name in names}
_UNTIL_RE = re.compile(
    rf"(?<![^\W_])(?:until|till|til|to|through)\s+(?:next\s+)?(?P<day>{alternation(_NAMES)})s?"
    r"(?![^\W_])"
)
# Spans named without a number (other languages arrive rewritten into these words).
_FIXED_RE = re.compile(
    r"(?<![^\W_])(?:(?P<one>tomorrow)|(?:an?\s+)?(?P<two>couple)(?:\s+of)?\s+days?"
    r"|(?:an?\s+)?(?P<three>few)\s+days?)(?![^\W_])"
)
_FIXED_DAYS = {"one": 1, "two": 2, "three": 3}
# "Friday" alone (or "next friday", "for friday"): back on that day.
_DAY_ALONE_RE = re.compile(
    rf"(?:(?:for|on|next|this)\s+)*(?P<day>{alternation(_NAMES)})s?(?:\s+please)?"
)
# "until some day", "any day now": a unit without an amount that names no length.
_VAGUE_RE = re.compile(r"(?<![^\W_])(?:some|any|other|which|one of these)\s+$")
_BARE_RE = re.compile(r"\D*?(\d{1,3})\D*")


@dataclass(frozen=True)
class BreakLength:
    """How long a break was asked for, before any clock: so many days, or until a weekday."""

    days: int = 0
    until_weekday: int | None = None  # Monday 0

    def days_from(self, today_weekday: int) -> int:
        """Days of pause counted from today (on the person's clock): "until Monday" on a
        Monday means a week."""
        if self.until_weekday is None:
            return self.days
        return (self.until_weekday - today_weekday) % 7 or 7


def parse_pause_days(text: str, today_weekday: int, language: str = SOURCE_LANGUAGE) -> int | None:
    """Days of pause (not checked against any limit), or None. ``today_weekday``: Monday 0,
    on the person's clock, so "until Monday" on a Monday means a week."""
    length = parse_pause_length(text, language)
    return None if length is None else length.days_from(today_weekday)


def parse_pause_length(text: str, language: str = SOURCE_LANGUAGE) -> BreakLength | None:
    """The break asked for (not checked against any limit), or None when unsure."""
    folded = " ".join(normalise_numbers(text[:200], language).text.split())
    if (until := _UNTIL_RE.search(folded) or _DAY_ALONE_RE.fullmatch(folded)) is not None:
        return BreakLength(until_weekday=_NAMES[until.group("day")])
    if (fixed := _FIXED_RE.search(folded)) is not None and not _AMOUNT_RE.search(
        _FIXED_RE.sub(" ", folded)
    ):
        return BreakLength(
            next(_FIXED_DAYS[name] for name, hit in fixed.groupdict().items() if hit)
        )
    amounts = [m for m in _AMOUNT_RE.finditer(folded) if not _VAGUE_RE.search(folded[: m.start()])]
    if len(amounts) == 1 and len(re.findall(r"\d+", folded)) <= 1:  # not "3 or 4 days"
        count = int(amounts[0].group("count") or 1)
        return BreakLength(count * _DAYS_PER_UNIT[amounts[0].group("unit")])
    if not amounts and (bare := _BARE_RE.fullmatch(folded)) is not None:
        return BreakLength(int(bare.group(1)))
    return None
