"""Typed answers to the settings questions, to /idea and to /pause: pace, weekdays, weekly
limit, starting level, "/idea easier | bolder | food", and how long a break lasts.

The words are data (``ENGLISH``), not code in the handlers; other languages are first
rewritten into these words by their table in ``bot/domain/words``. Like every parser here:
total, and ``None`` (or an empty result) when unsure, so the caller asks again with buttons.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from bot.domain.answers.numbers import normalise_numbers
from bot.domain.normalise import fold
from bot.domain.schedule import Pace
from bot.domain.words import SOURCE_LANGUAGE


@dataclass(frozen=True)
class ChoiceWords:
    """One language's words for the choices below (all lower case)."""

    weekdays: Sequence[tuple[str, ...]]  # Monday first: names and short forms
    weekdays_pace: tuple[str, ...]  # "weekdays": Monday to Friday
    daily_pace: tuple[str, ...]
    three: tuple[str, ...]  # the number three, as a word
    no_limit: tuple[str, ...]
    easier: tuple[str, ...]
    bolder: tuple[str, ...]
    categories: Mapping[str, tuple[str, ...]]  # catalog category -> words people type
    span_days: Mapping[str, int]  # "week" -> 7: units and fixed spans of a break, in days
    until: tuple[str, ...]  # "till Monday": words that end a break on a day


_ENGLISH_SPANS = {
    "day": 1, "days": 1, "week": 7, "weeks": 7, "fortnight": 14, "month": 30,
    "tomorrow": 1, "a couple of days": 2, "couple of days": 2, "couple days": 2,
    "a few days": 3, "few days": 3, "d": 1, "w": 7, "wk": 7, "wks": 7,
}  # fmt: skip
ENGLISH = ChoiceWords(
    weekdays=(
        ("mon", "monday"),
        ("tue", "tues", "tuesday"),
        ("wed", "weds", "wednesday"),
        ("thu", "thur", "thurs", "thursday"),
        ("fri", "friday"),
        ("sat", "saturday"),
        ("sun", "sunday"),
    ),
    weekdays_pace=("weekday", "week day", "work day", "workday", "mon-fri", "monday to friday"),
    daily_pace=("daily", "every", "everyday", "each day", "all week", "7"),
    three=("3", "three"),
    no_limit=("no limit", "unlimited", "none", "no cap"),
    easier=("easier", "easy", "gentler", "gentle", "smaller", "softer"),
    bolder=("bolder", "bold", "harder", "braver", "bigger", "scarier"),
    categories={
        "food_and_drink": ("food", "drink", "coffee", "cafe", "café", "restaurant"),
        "shops_and_services": ("shop", "shops", "shopping", "store", "service", "services"),
        "everyday_strangers": ("strangers", "stranger", "street", "everyday"),
        "work_and_career": ("work", "career", "job", "jobs", "office", "boss"),
        "fitness_and_hobbies": ("gym", "fitness", "sport", "sports", "hobby", "hobbies"),
        "neighbours_and_community": (
            "neighbour",
            "neighbours",
            "neighbor",
            "neighbors",
            "community",
        ),
        "online_and_phone": ("online", "phone", "email", "call", "message", "internet"),
        "friends_and_family": ("friend", "friends", "family"),
    },
    span_days=_ENGLISH_SPANS,
    until=("till", "til", "until", "untill", "to", "through", "thru", "before"),
)


def numbers_as_digits(text: str, language: str = SOURCE_LANGUAGE) -> str:
    return normalise_numbers(text, language).text


def _plain(text: str, language: str = SOURCE_LANGUAGE) -> str:
    return " ".join(fold(text, language).text.split())


def _mentions(text: str, words: Collection[str]) -> bool:
    """Any of ``words`` as a whole word, or its plural ("mondays", "weekdays")."""
    return any(re.search(rf"(?<![^\W_]){re.escape(word)}s?(?![^\W_])", text) for word in words)


def parse_weekdays(text: str, language: str = SOURCE_LANGUAGE) -> frozenset[int]:
    """Every weekday named ("mon, wed and fri" -> {0, 2, 4}); Monday is 0."""
    plain = _plain(text, language)
    return frozenset(day for day, names in enumerate(ENGLISH.weekdays) if _mentions(plain, names))


def parse_weekday(text: str, language: str = SOURCE_LANGUAGE) -> int | None:
    """Exactly one weekday, or None."""
    days = parse_weekdays(text, language)
    return next(iter(days)) if len(days) == 1 else None


def parse_pace(text: str, language: str = SOURCE_LANGUAGE) -> Pace | None:
    """How often ideas come: daily, weekdays, or three times a week."""
    plain = _plain(text, language)
    if _mentions(plain, ENGLISH.three):
        return Pace.THREE_A_WEEK
    if _mentions(plain, ENGLISH.weekdays_pace):
        return Pace.WEEKDAYS
    if _mentions(plain, ENGLISH.daily_pace):
        return Pace.DAILY
    return None


def parse_weekly_limit(
    text: str,
    choices: Collection[int],
    language: str = SOURCE_LANGUAGE,
) -> int | None:
    """One of ``choices`` asks a week; 0 means no limit ("no limit", "unlimited")."""
    plain = _plain(text, language)
    if _mentions(plain, ENGLISH.no_limit):
        return 0 if 0 in choices else None
    numbers = re.findall(r"\d+", plain)
    if len(numbers) != 1 or len(numbers[0]) > 2:
        return None
    value = int(numbers[0])
    return value if value in choices and value != 0 else None


def parse_level(text: str, language: str = SOURCE_LANGUAGE) -> int | None:
    """A starting level 1..5, typed as its digit."""
    numbers = re.findall(r"\d+", _plain(text, language))
    if len(numbers) == 1 and 1 <= int(numbers[0]) <= 5:
        return int(numbers[0])
    return None


@dataclass(frozen=True)
class IdeaRequest:
    """What someone asked for after /idea: a step on the ladder and/or a category."""

    step: int  # -1 easier, +1 bolder, 0 neither
    category: str | None
    unknown_word: str | None  # the first word that named nothing we know


def parse_idea_request(args: Sequence[str], language: str = SOURCE_LANGUAGE) -> IdeaRequest:
    folded = [_plain(arg, language) for arg in args if _plain(arg, language)]
    if any(word in ENGLISH.easier for word in folded):
        return IdeaRequest(-1, None, None)
    if any(word in ENGLISH.bolder for word in folded):
        return IdeaRequest(+1, None, None)
    for category, names in ENGLISH.categories.items():
        if any(word in names for word in folded):
            return IdeaRequest(0, category, None)
    return IdeaRequest(0, None, folded[0] if folded else None)


def parse_pause_days(text: str, today_weekday: int, language: str = SOURCE_LANGUAGE) -> int | None:
    """How many days a break lasts: "3" / "3 days" / "three days" -> 3, "a week" -> 7,
    "2 weeks" -> 14, "tomorrow" -> 1, "till Monday" -> days until the next Monday (a whole
    week when today is Monday). "The weekend" is left out: "for" or "till" it? ``today_weekday`` is
    the person's local weekday (Monday 0). None when unsure, so the buttons are offered."""
    plain = _plain(numbers_as_digits(text, language), language)
    plain = re.sub(r"^(?:for|pause|a break of|break for|pause for)\s+", "", plain)
    plain = re.sub(r"\s+(?:please|pls|thanks|thank you|off|or so)$", "", plain).strip(" .!")
    day = parse_weekday(plain, language)
    if day is not None and (_mentions(plain, ENGLISH.until) or plain in _weekday_names(day)):
        return (day - today_weekday - 1) % 7 + 1
    return _span_days(plain, today_weekday)


def _weekday_names(day: int) -> set[str]:
    names = ENGLISH.weekdays[day]
    return {*names, *(f"next {name}" for name in names)}


def _span_days(plain: str, today_weekday: int) -> int | None:
    plain = re.sub(r"^(?:till|until|til|over|for)\s+", "", plain)
    fixed = ENGLISH.span_days.get(plain)
    if fixed is not None:
        return fixed
    if plain.isdigit():
        return int(plain)
    match = re.fullmatch(r"(?:(?P<count>\d{1,3})|an?|one)\s*(?P<unit>[^\W\d_]+)", plain)
    if match is None or match.group("unit") not in ENGLISH.span_days:
        return None
    per_unit = ENGLISH.span_days[match.group("unit")]
    count = int(match.group("count")) if match.group("count") else 1
    return count * per_unit
