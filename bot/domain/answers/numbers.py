"""Number words ("seven", "seventy", "six and a half") turned into digits, over the shared
normaliser; "one" after "no"/"that" stays a pronoun.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.domain.normalise import Mapped, alternation, fold, substitute

# Number words → digits. "one" after words like "no"/"that" is a pronoun ("no one", "that
# one was hard"), not a number.
_UNIT_WORDS = {
    "zero": 0, "nil": 0, "nought": 0, "one": 1, "two": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
}  # fmt: skip
_TEEN_WORDS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_PRONOUN_ONE_AFTER = frozenset(
    [
        "no",
        "that",
        "this",
        "the",
        "every",
        "each",
        "which",
        "any",
        "some",
        "last",
        "next",
        "other",
        "another",
        "someone",
    ]
)


_NONZERO_UNITS = [word for word, value in _UNIT_WORDS.items() if value]
_NUMBER_WORD_RE = re.compile(
    rf"\b(?:(?:(?:a|one)\s+)?(?P<hundred>hundred)"
    rf"|(?P<tens>{alternation(_TENS_WORDS)})(?:[\s-]+(?P<tens_unit>{alternation(_NONZERO_UNITS)}))?"
    rf"|(?P<teen>{alternation(_TEEN_WORDS)})"
    rf"|(?P<unit>{alternation(_UNIT_WORDS)}))\b"
)
_HALF_RES: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...] = (
    (re.compile(r"(?<!\d)(\d+)\s+and\s+a\s+half\b"), lambda m: f"{m.group(1)}.5"),
    (re.compile(r"(?<!\d)(\d+)\s*½"), lambda m: f"{m.group(1)}.5"),
    (re.compile(r"½"), lambda _m: "0.5"),
)


def _number_word(match: re.Match[str], text: str) -> str:
    if match.group("hundred"):
        return "100"
    if tens := match.group("tens"):
        unit = match.group("tens_unit")
        return str(_TENS_WORDS[tens] + (_UNIT_WORDS[unit] if unit else 0))
    if teen := match.group("teen"):
        return str(_TEEN_WORDS[teen])
    unit = match.group("unit")
    if unit == "one":
        before = text[max(0, match.start() - 12) : match.start()].split()
        if before and before[-1] in _PRONOUN_ONE_AFTER:
            return match.group(0)
    return str(_UNIT_WORDS[unit])


def normalise_numbers(source: str) -> Mapped:
    mapped = fold(source)
    text = mapped.text
    mapped = substitute(mapped, _NUMBER_WORD_RE, lambda m: _number_word(m, text))
    for pattern, repl in _HALF_RES:
        mapped = substitute(mapped, pattern, repl)
    return mapped
