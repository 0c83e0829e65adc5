"""How long a break lasts, as typed after /pause: "3", "3 days", "a week", "2 weeks",
"2w", "a fortnight", "a month", "until Monday". Other languages are first rewritten into
these words by their table in ``bot/domain/words`` ("una semana", "hasta el lunes").

Total like every parser here: ``None`` when unsure (the caller shows the buttons), never a
guess; a message with two durations ("3 days or a week") is unsure.
"""

from __future__ import annotations

import re

from bot.domain.answers.choices import ENGLISH
from bot.domain.answers.numbers import normalise_numbers
from bot.domain.words import SOURCE_LANGUAGE

_DAYS_PER_UNIT = {
    "d": 1, "day": 1, "days": 1, "w": 7, "wk": 7, "wks": 7, "week": 7, "weeks": 7,
    "fortnight": 14, "fortnights": 14, "month": 30, "months": 30,
}  # fmt: skip
_AMOUNT_RE = re.compile(
    r"(?<![^\W_])(?:(?P<count>\d{1,3})|an?)\s*(?P<unit>"
    + "|".join(sorted(_DAYS_PER_UNIT, key=len, reverse=True))
    + r")(?![^\W_])"
)
_BARE_COUNT_RE = re.compile(r"^\s*(?P<count>\d{1,3})\s*$")
_UNTIL_RE = re.compile(r"(?<![^\W_])(?:until|till?|through|to)\s+(?:next\s+)?(?P<day>[^\W\d_]+)")
_WEEKDAY_NAMES = {name: day for day, names in enumerate(ENGLISH.weekdays) for name in names}


def parse_pause_days(text: str, today_weekday: int, language: str = SOURCE_LANGUAGE) -> int | None:
    """Days of the break (the person is back on day ``today + days``), or ``None``.

    ``today_weekday`` is the person's local weekday (Monday 0), for "until Monday": back
    on the next Monday, a whole week when today is Monday.
    """
    folded = normalise_numbers(text, language).text
    found: list[int] = []
    for match in _AMOUNT_RE.finditer(folded):
        count = int(match.group("count") or 1)
        found.append(count * _DAYS_PER_UNIT[match.group("unit")])
    for match in _UNTIL_RE.finditer(folded):
        day = _WEEKDAY_NAMES.get(match.group("day").removesuffix("s"))
        if day is not None:
            found.append((day - today_weekday) % 7 or 7)
    if not found and (bare := _BARE_COUNT_RE.match(folded)) is not None:
        found.append(int(bare.group("count")))
    return found[0] if len(found) == 1 else None
