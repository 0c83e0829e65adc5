"""Ratings on a scale: anxiety 0..10 in half steps, the chance of a no in whole percents.

See the package docstring for ranges, markers and word answers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from bot.domain.answers.numbers import normalise_numbers
from bot.domain.answers.types import (
    ANXIETY_HIGH,
    ANXIETY_LOW,
    NO_CHANCE_HIGH,
    NO_CHANCE_LOW,
    ScaleAnswer,
)
from bot.domain.normalise import Mapped, phrase_re
from bot.domain.words import SOURCE_LANGUAGE

NUMBER = r"\d+(?:\.\d+|,\d{1,2}(?!\d))?"
# Not glued to a letter/digit on the left and not part of a longer number ("1,000", "1.2.3").
NUMBER_RE = re.compile(rf"(?<![^\W_])(?<!\d[.,])({NUMBER})(?![.,]?\d)")
_ISH_RE = re.compile(r"\s*-?ish(?![^\W_])")
_PERCENT_RE = re.compile(r"\s*(?:%|per\s*cent(?![^\W_])|pct(?![^\W_]))")
_FRACTION_RE = re.compile(
    rf"\s*(?:/|out\s+of(?![^\W_])|outta(?![^\W_])|of(?![^\W_]))\s*(?<![^\W_])({NUMBER})(?![.,]?\d)"
)
_FRACTION_DENOMINATORS = frozenset({Decimal(5), Decimal(10), Decimal(100)})
# A number followed by one of these counts things or tells the time; it is not a rating.
UNIT_RE = re.compile(
    r"\s*(?:a\.?m\.?|p\.?m\.?|o'?clock|h|hrs?|hours?|mins?|minutes?|secs?|seconds?|days?"
    r"|weeks?|months?|years?|yrs?|y/?o|people|persons?|guys|girls|men|women|times|kids"
    r"|strangers|friends|kg|km|lbs?|cm|miles?|dollars?|bucks|euros?|pounds?|quid|cents?"
    r"|st|nd|rd|th|steps|questions|asks|attempts|tries)(?![^\W_])"
)
CURRENCY_BEFORE_RE = re.compile(r"[$€£¥₹#№]\s*$")
_GLUED_LETTER_RE = re.compile(r"[^\W\d_]")
_RANGE_JOIN_RE = re.compile(r"\s*(?:-|~|to|or|or\s+maybe|or\s+perhaps|and)\s*")
_BETWEEN_BEFORE_RE = re.compile(r"between\s*$")
# Blanked out before reading numbers: clock times and dates.
_TIME_OR_DATE_RE = re.compile(
    r"(?<!\d)(?:\d{1,2}:\d{2}(?::\d{2})?|\d{1,4}([/.-])\d{1,2}\1\d{1,4})(?!\d)"
)

_Marker = Literal["percent", "fraction"] | None


@dataclass(frozen=True, slots=True)
class _Token:
    start: int
    end: int  # after "ish" and any marker
    value: Decimal
    marker: _Marker
    denominator: Decimal
    excluded: bool  # a time, a count, money ... never a rating


def to_decimal(digits: str) -> Decimal:
    return Decimal(digits.replace(",", "."))


def _scan_suffix(text: str, number_end: int) -> tuple[int, _Marker, Decimal, bool]:
    """Read what follows a number: "ish", a scale marker, or a unit that disqualifies it."""
    pos = number_end
    if (ish := _ISH_RE.match(text, pos)) is not None:
        pos = ish.end()
    if (percent := _PERCENT_RE.match(text, pos)) is not None:
        return percent.end(), "percent", Decimal(100), False
    fraction = _FRACTION_RE.match(text, pos)
    if fraction is not None:
        denominator = to_decimal(fraction.group(1))
        if denominator in _FRACTION_DENOMINATORS:
            return fraction.end(), "fraction", denominator, False
    glued = pos == number_end and _GLUED_LETTER_RE.match(text, pos) is not None
    excluded = glued or UNIT_RE.match(text, pos) is not None
    return pos, None, Decimal(1), excluded


def _tokens(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    skip_until = -1
    for match in NUMBER_RE.finditer(text):
        if match.start() < skip_until:  # this number was a denominator of the previous one
            continue
        digits = match.group(1)
        end, marker, denominator, excluded = _scan_suffix(text, match.end())
        if CURRENCY_BEFORE_RE.search(text, max(0, match.start() - 3), match.start()):
            excluded = True
        if len(digits.split(".")[0].split(",")[0]) >= 4:  # years, amounts, phone numbers
            excluded = True
        tokens.append(_Token(match.start(), end, to_decimal(digits), marker, denominator, excluded))
        skip_until = end
    return tokens


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    low_value: Decimal
    high_value: Decimal
    marker: _Marker
    denominator: Decimal
    was_range: bool


def _joins_as_range(text: str, first: _Token, second: _Token) -> bool:
    if text[first.end : second.start].strip() in ("", "/"):
        # "50/50", "fifty fifty": the same number twice is one answer, not two.
        return first.value == second.value and first.marker is None
    join = _RANGE_JOIN_RE.fullmatch(text, first.end, second.start)
    if join is None or first.value > second.value:
        return False
    if join.group(0).strip() == "and" and not _BETWEEN_BEFORE_RE.search(text, 0, first.start):
        return False
    return first.marker is None or (
        first.marker == second.marker and first.denominator == second.denominator
    )


def _single(token: _Token) -> _Candidate:
    return _Candidate(
        start=token.start,
        end=token.end,
        low_value=token.value,
        high_value=token.value,
        marker=token.marker,
        denominator=token.denominator,
        was_range=False,
    )


def _range(first: _Token, second: _Token) -> _Candidate:
    return _Candidate(
        start=first.start,
        end=second.end,
        low_value=first.value,
        high_value=second.value,
        marker=second.marker,  # "60-70%": the marker after the second number covers both
        denominator=second.denominator,
        was_range=first.value != second.value,
    )


def _candidates(text: str) -> list[_Candidate]:
    tokens = _tokens(text)
    result: list[_Candidate] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        nxt = tokens[index + 1] if index + 1 < len(tokens) else None
        if (
            nxt is not None
            and not (token.excluded or nxt.excluded)
            and _joins_as_range(text, token, nxt)
        ):
            result.append(_range(token, nxt))
            index += 2
            continue
        if not token.excluded:
            result.append(_single(token))
        index += 1
    return result


def is_half_step_scale(low: int, high: int) -> bool:
    return high - low <= 10


def round_to_grid(value: Decimal, low: int, high: int) -> Decimal:
    step = Decimal("0.5") if is_half_step_scale(low, high) else Decimal(1)
    return (value / step).quantize(Decimal(1), rounding=ROUND_HALF_UP) * step


def _convert(value: Decimal, marker: _Marker, denominator: Decimal, low: int, high: int) -> Decimal:
    span = Decimal(high - low)
    if marker is not None:
        return low + value / denominator * span
    if not is_half_step_scale(low, high) and 0 < value < 1:
        return low + value * span  # "0.7" on a percent scale is a probability
    return value


_TENS = Decimal(10)


def _reads_as_tens(candidate: _Candidate, low: int, high: int) -> bool:
    """A bare 1-10 answer to a percent question is a 0-10 rating ("maybe 8" -> 80 %).

    People answer "how likely is a no?" on the scale they rate everything else on; nobody
    means "8 %" by "maybe 8". A lone "10" stays 10 %: it matches the "10%" button and the
    "(0-100%)" hint, while "9 or 10" is a rating (95 %).
    """
    if is_half_step_scale(low, high) or candidate.marker is not None:
        return False
    lone_ten = candidate.low_value == candidate.high_value == _TENS
    return 1 <= candidate.high_value <= _TENS and not lone_ten


def _scale_value(candidate: _Candidate, low: int, high: int) -> Decimal | None:
    """The unrounded value on [low, high], or None when any end is out of range."""
    if _reads_as_tens(candidate, low, high):
        return low + (candidate.low_value + candidate.high_value) / 2 / _TENS * (high - low)
    ends = [
        _convert(v, candidate.marker, candidate.denominator, low, high)
        for v in (candidate.low_value, candidate.high_value)
    ]
    if any(not low <= v <= high for v in ends):
        return None
    return (ends[0] + ends[1]) / 2


def _numeric_answer(mapped: Mapped, source: str, low: int, high: int) -> ScaleAnswer | None:
    text = _TIME_OR_DATE_RE.sub(lambda m: " " * len(m.group(0)), mapped.text)
    candidates = _candidates(text)
    pool = [c for c in candidates if c.marker is not None] or candidates
    if not pool:
        return None
    values = [_scale_value(c, low, high) for c in pool]
    first = values[0]
    if first is None or any(v != first for v in values[1:]):
        return None
    chosen = pool[0]
    return ScaleAnswer(
        value=float(round_to_grid(first, low, high)),
        was_range=chosen.was_range,
        raw=mapped.original(source, chosen.start, chosen.end).strip(),
    )


# Word answers. Values are fractions of the scale: 0 = bottom, 1 = top.
_BOTTOM_WORDS = ("none", "none at all", "not at all", "nothing", "nothing at all", "nada")
_TOP_WORDS = ("max", "maximum", "the max", "off the charts", "through the roof")
# How likely a no felt, as a percent. Anchored on the usual verbal-probability scales.
_LIKELIHOOD_WORDS: dict[str, int] = {
    "certain": 100, "definitely": 100, "guaranteed": 100, "for sure": 100,
    "almost certain": 90, "almost certainly": 90, "nearly certain": 90,
    "very likely": 85, "highly likely": 85, "very probable": 85, "most likely": 80,
    "likely": 70, "probably": 70, "probable": 70, "pretty likely": 70, "quite likely": 70,
    "half": 50, "about half": 50, "half the time": 50, "fifty fifty": 50,
    "coin flip": 50, "coin toss": 50, "toss up": 50, "toss-up": 50, "even odds": 50,
    "even chance": 50, "either way": 50, "could go either way": 50, "half and half": 50,
    "unlikely": 30, "not likely": 30, "probably not": 30, "not very likely": 30,
    "very unlikely": 15, "highly unlikely": 15, "almost impossible": 10,
    "nearly impossible": 10, "almost certainly not": 10, "impossible": 0,
}  # fmt: skip
_UNKNOWN_WORDS = (
    "no idea", "not sure", "unsure", "dunno", "don't know", "dont know", "idk", "no clue",
    "can't say", "cant say", "hard to say", "who knows",
)  # fmt: skip
_NEGATION_RE = re.compile(
    r"(?<![^\W_])(?:not|no|never|(?:do|does|did|is|are|was|were|would|could|should|ca|can|wo"
    r"|have|has|had|ai)n'?t)(?![^\W_])"
)
_WORD_ANSWER_MAX_CHARS = 40
_BOTTOM_RE = phrase_re(re.escape(w) for w in _BOTTOM_WORDS)
_TOP_RE = phrase_re(re.escape(w) for w in _TOP_WORDS)
_LIKELIHOOD_RE = phrase_re(re.escape(w) for w in _LIKELIHOOD_WORDS)
_UNKNOWN_RE = phrase_re(re.escape(w) for w in _UNKNOWN_WORDS)


def _word_answer(mapped: Mapped, source: str, low: int, high: int) -> ScaleAnswer | None:
    text = mapped.text.strip()
    if len(text) > _WORD_ANSWER_MAX_CHARS or _UNKNOWN_RE.search(text):
        return None
    found: list[tuple[re.Match[str], Decimal]] = []
    for match in _BOTTOM_RE.finditer(text):
        found.append((match, Decimal(0)))
    for match in _TOP_RE.finditer(text):
        found.append((match, Decimal(1)))
    if not is_half_step_scale(low, high):
        for match in _LIKELIHOOD_RE.finditer(text):
            found.append((match, Decimal(_LIKELIHOOD_WORDS[match.group(0)]) / 100))
    if len({fraction for _, fraction in found}) != 1:
        return None
    match, fraction = found[0]
    rest = text[: match.start()] + " " + text[match.end() :]
    if _NEGATION_RE.search(rest):  # "I don't think it was likely"
        return None
    offset = len(mapped.text) - len(mapped.text.lstrip())
    value = round_to_grid(low + fraction * (high - low), low, high)
    raw = mapped.original(source, match.start() + offset, match.end() + offset)
    return ScaleAnswer(value=float(value), was_range=False, raw=raw)


def is_no_guess(text: str, language: str = SOURCE_LANGUAGE) -> bool:
    """ "no idea", "not sure", "dunno": an honest answer that there is no number to store
    (the question is then passed over, like a skip), as long as no number came with it."""
    mapped = normalise_numbers(text, language)
    plain = mapped.text.strip()
    if len(plain) > _WORD_ANSWER_MAX_CHARS or _candidates(plain):
        return False
    return _UNKNOWN_RE.search(plain) is not None


def parse_scale(
    text: str, low: int, high: int, language: str = SOURCE_LANGUAGE
) -> ScaleAnswer | None:
    """Read one rating on ``low..high`` from free text; ``None`` if absent or ambiguous.

    Scales spanning up to 10 points are stored in half steps, wider ones as whole numbers;
    see the module docstring for ranges, markers and word answers.
    Raises ``ValueError`` only for a programming error (``low >= high``).
    """
    if low >= high:
        raise ValueError(f"empty scale {low}..{high}")
    mapped = normalise_numbers(text, language)
    answer = _numeric_answer(mapped, text, low, high)
    if answer is not None:
        return answer
    if _candidates(_TIME_OR_DATE_RE.sub(" ", mapped.text)):
        return None  # numbers were there but unusable (out of range / ambiguous)
    return _word_answer(mapped, text, low, high)


def parse_anxiety(text: str, language: str = SOURCE_LANGUAGE) -> ScaleAnswer | None:
    """Anxiety 0..10, stored in half steps."""
    return parse_scale(text, ANXIETY_LOW, ANXIETY_HIGH, language)


def parse_no_chance(text: str, language: str = SOURCE_LANGUAGE) -> ScaleAnswer | None:
    """The expected chance of a no, 0..100 %, stored as a whole percent."""
    return parse_scale(text, NO_CHANCE_LOW, NO_CHANCE_HIGH, language)
