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
