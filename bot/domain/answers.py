"""Understand the short answers people type back to the coach.

Pure functions, no I/O, no user-facing sentences. Every parser is *total*: it accepts any
``str`` (empty, emoji-only, RTL, control characters, 5,000+ characters) and answers ``None``
when it is not sure, so the caller can simply ask again (with buttons). A wrong guess is worse
than a re-ask: it would store a number the person never meant or hijack a conversation.

Only the first :data:`MAX_SCAN_CHARS` characters are read, so work stays bounded.

How scale answers are stored
----------------------------
``parse_scale(text, low, high)`` returns a :class:`ScaleAnswer` whose ``value`` is already
rounded onto the grid the database stores:

* **Scales spanning at most 10 points (anxiety, 0..10) are stored in half-point steps.**
  Decimals are rounded to the nearest half, ties up: ``"6.3"`` → 6.5, ``"6.25"`` → 6.5,
  ``"6.2"`` → 6.0, ``"6.75"`` → 7.0.
* **Wider scales (the chance of a no, 0..100 %) are stored as whole numbers (percent)**,
  rounded half up: ``"62.5%"`` → 63.
* **Ranges** (``"6 or 7"``, ``"6-7"``, ``"6 to 7"``, ``"between 6 and 7"``, ``"60-70%"``)
  store their midpoint, rounded by the same rule (``"6 or 7"`` → 6.5, ``"60-75%"`` → 68),
  with ``was_range=True``. A descending pair (``"7 to 3"``) is not a range: it is ambiguous.
* **Markers convert between scales**: ``"70%"`` on 0..10 → 7.0; ``"7/10"`` or
  ``"7 out of 10"`` on 0..100 → 70. Accepted denominators are 5, 10 and 100 (``"4/5"`` →
  80 %); anything else (``"12/05"``, ``"6/7"``) is not read as a fraction.
* On a wider (percent) scale a bare decimal strictly between 0 and 1 is a probability:
  ``"0.7"`` → 70. A bare whole number is taken as given: ``"7"`` → 7 %.
* Out-of-range answers (``"11"``, ``"150%"``, ``"11/10"``) give ``None``; the caller re-asks.
* Several numbers: one with a scale marker (``/10``, ``%``, ``out of``) wins over bare ones
  (``"2 people, 8/10"`` → 8). Otherwise differing numbers are ambiguous → ``None``.
  Times (``7:30``, ``5pm``), dates (``12/05/2024``), ordinals (``3rd``), money (``$5``),
  counts with units (``2 people``, ``10 minutes``) and 4+ digit numbers are never read.
* Words: number words (``"seven"``, ``"seventy percent"``, ``"six and a half"``), keycap
  emoji (``7️⃣``, ``🔟``) and any Unicode decimal digits are understood. ``"none"``,
  ``"none at all"``, ``"not at all"``, ``"nothing"`` mean the bottom of the scale (0: no
  anxiety / no chance); ``"max"``, ``"off the charts"``, ``"through the roof"`` the top.
  For the chance of a no, likelihood words map to fixed percents (see
  ``_LIKELIHOOD_WORDS``: ``"likely"`` 70, ``"very likely"`` 85, ``"coin flip"``/``"50/50"``
  50, ``"unlikely"`` 30, ...), and ``"no idea"``/``"not sure"`` give ``None``. Word answers
  only count in short messages without a stray negation (``"I don't think it was likely"``
  → ``None``).

Other decisions
---------------
* ``parse_yes_no`` answers "did you ask?": any sign that an ask happened counts as yes
  ("I asked and got a no", "they ghosted me"); "not yet", "I didn't", "chickened out" are no;
  both kinds of signal, or hedges ("sort of", "not sure"), give ``None``.
* ``parse_outcome`` emoji: ``✅ ✔ ☑ 🎉 🥳`` → YES, ``🙅 ❌ ✖ 🚫 ⛔`` → NO. Thumbs (👍/👎) are
  left out there because they often just mean "ok"/"that went badly"; ``parse_yes_no`` does
  read them. "not yet" is left ambiguous for outcomes (no reply yet, or not asked yet?).
* ``parse_control`` only reads whole-message intents; emoji: ``⏭`` skip, ``↩`` undo.
* ``parse_quick_log`` needs an outcome **and** a before→after anxiety pair, so a reflection
  ("I felt 7 before and it was fine") or a plain "no" is never taken for a complete log.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from functools import lru_cache
from typing import Literal

__all__ = [
    "ANXIETY_HIGH",
    "ANXIETY_LOW",
    "DESCRIPTION_MAX_CHARS",
    "MAX_SCAN_CHARS",
    "NO_CHANCE_HIGH",
    "NO_CHANCE_LOW",
    "Control",
    "Outcome",
    "QuickLog",
    "ScaleAnswer",
    "parse_anxiety",
    "parse_control",
    "parse_no_chance",
    "parse_outcome",
    "parse_quick_log",
    "parse_scale",
    "parse_yes_no",
]

MAX_SCAN_CHARS = 1000
"""Only this many leading characters are read; real answers are far shorter."""

DESCRIPTION_MAX_CHARS = 300
ANXIETY_LOW, ANXIETY_HIGH = 0, 10
NO_CHANCE_LOW, NO_CHANCE_HIGH = 0, 100


# ─────────────────────────────────────────────────────────────────────────────
# Public types
# ─────────────────────────────────────────────────────────────────────────────


@dataclass(frozen=True, slots=True)
class ScaleAnswer:
    """A number read from free text, already rounded to the stored grid."""

    value: float
    was_range: bool
    raw: str  # the span of the original message the value was read from


class Outcome(StrEnum):
    NO = "no"
    YES = "yes"
    NO_ANSWER = "no_answer"
    PARTIAL = "partial"
    DIDNT_ASK = "didnt_ask"


class Control(StrEnum):
    SKIP = "skip"
    CANCEL = "cancel"
    UNDO = "undo"


@dataclass(frozen=True, slots=True)
class QuickLog:
    """A whole attempt typed in one line, e.g. ``"asked for a discount, got a no, 7 -> 3"``."""

    description: str | None
    outcome: Outcome
    anxiety_before: float | None
    anxiety_after: float | None


# ─────────────────────────────────────────────────────────────────────────────
# Normalisation that remembers where each character came from
# ─────────────────────────────────────────────────────────────────────────────

# Characters removed outright: emoji presentation selectors, the keycap combiner (so "7️⃣"
# reads as "7"), zero-width joiners and bidi controls (RTL text carries them).
_DROPPED = frozenset("\ufe0f\ufe0e\u20e3")
_CHAR_MAP = {
    "🔟": "10",
    "½": "½",  # kept as is (NFKC would give "1⁄2"); handled by a rule below
    "\u2212": "-",  # minus sign
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2015": "-",
    "\u2018": "'",
    "\u2019": "'",
    "\u02bc": "'",
    "\u2032": "'",
    "`": "'",
    "\u00b4": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
}


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    """Fold one character: lower case, ASCII digits, plain dashes and quotes."""
    mapped = _CHAR_MAP.get(ch)
    if mapped is not None:
        return mapped
    if ch in _DROPPED:
        return ""
    category = unicodedata.category(ch)
    if category == "Cf":  # zero-width and bidi formatting characters
        return ""
    if category == "Cc":
        return "\n" if ch in "\n\r\x0b\x0c\x1c\x1d\x1e\x85" else " "
    if category in ("Zl", "Zp"):
        return "\n"
    if category == "Zs":
        return " "
    if ch.isdecimal() and not ch.isascii():  # Arabic-Indic, Devanagari, full-width ...
        return str(unicodedata.decimal(ch))
    return unicodedata.normalize("NFKC", ch).casefold()


@dataclass(frozen=True, slots=True)
class _Mapped:
    """Normalised text plus, per character, the original span it came from."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def original(self, source: str, start: int, end: int) -> str:
        if start >= end:
            return ""
        return source[self.starts[start] : self.ends[end - 1]]


def _fold(source: str) -> _Mapped:
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for index, ch in enumerate(source[:MAX_SCAN_CHARS]):
        folded = _fold_char(ch)
        if not folded:
            if ends:  # let "7️⃣" map back to the whole keycap
                ends[-1] = index + 1
            continue
        for out in folded:
            chars.append(out)
            starts.append(index)
            ends.append(index + 1)
    return _Mapped("".join(chars), tuple(starts), tuple(ends))


def _sub(
    mapped: _Mapped, pattern: re.Pattern[str], repl: Callable[[re.Match[str]], str]
) -> _Mapped:
    """``re.sub`` that keeps the character map: new characters map to the replaced span."""
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for match in pattern.finditer(mapped.text):
        start, end = match.span()
        if start == end:
            continue
        chars.append(mapped.text[pos:start])
        starts.extend(mapped.starts[pos:start])
        ends.extend(mapped.ends[pos:start])
        new = repl(match)
        chars.append(new)
        starts.extend([mapped.starts[start]] * len(new))
        ends.extend([mapped.ends[end - 1]] * len(new))
        pos = end
    chars.append(mapped.text[pos:])
    starts.extend(mapped.starts[pos:])
    ends.extend(mapped.ends[pos:])
    return _Mapped("".join(chars), tuple(starts), tuple(ends))


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


def _alternation(words: Iterable[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_NONZERO_UNITS = [word for word, value in _UNIT_WORDS.items() if value]
_NUMBER_WORD_RE = re.compile(
    rf"\b(?:(?:(?:a|one)\s+)?(?P<hundred>hundred)"
    rf"|(?P<tens>{_alternation(_TENS_WORDS)})(?:[\s-]+(?P<tens_unit>{_alternation(_NONZERO_UNITS)}))?"
    rf"|(?P<teen>{_alternation(_TEEN_WORDS)})"
    rf"|(?P<unit>{_alternation(_UNIT_WORDS)}))\b"
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


def _normalise_numbers(source: str) -> _Mapped:
    mapped = _fold(source)
    text = mapped.text
    mapped = _sub(mapped, _NUMBER_WORD_RE, lambda m: _number_word(m, text))
    for pattern, repl in _HALF_RES:
        mapped = _sub(mapped, pattern, repl)
    return mapped


def _phrase_re(alternatives: Iterable[str]) -> re.Pattern[str]:
    """Whole-word match of any alternative (regex snippets), longest written first."""
    return re.compile(rf"(?<![^\W_])(?:{_alternation(alternatives)})(?![^\W_])")


# ─────────────────────────────────────────────────────────────────────────────
# Scales
# ─────────────────────────────────────────────────────────────────────────────

_NUM = r"\d+(?:\.\d+|,\d{1,2}(?!\d))?"
# Not glued to a letter/digit on the left and not part of a longer number ("1,000", "1.2.3").
_NUM_RE = re.compile(rf"(?<![^\W_])(?<!\d[.,])({_NUM})(?![.,]?\d)")
_ISH_RE = re.compile(r"\s*-?ish(?![^\W_])")
_PERCENT_RE = re.compile(r"\s*(?:%|per\s*cent(?![^\W_])|pct(?![^\W_]))")
_FRACTION_RE = re.compile(
    rf"\s*(?:/|out\s+of(?![^\W_])|outta(?![^\W_])|of(?![^\W_]))\s*(?<![^\W_])({_NUM})(?![.,]?\d)"
)
_FRACTION_DENOMINATORS = frozenset({Decimal(5), Decimal(10), Decimal(100)})
# A number followed by one of these counts things or tells the time; it is not a rating.
_UNIT_RE = re.compile(
    r"\s*(?:a\.?m\.?|p\.?m\.?|o'?clock|h|hrs?|hours?|mins?|minutes?|secs?|seconds?|days?"
    r"|weeks?|months?|years?|yrs?|y/?o|people|persons?|guys|girls|men|women|times|kids"
    r"|strangers|friends|kg|km|lbs?|cm|miles?|dollars?|bucks|euros?|pounds?|quid|cents?"
    r"|st|nd|rd|th|steps|questions|asks|attempts|tries)(?![^\W_])"
)
_CURRENCY_BEFORE_RE = re.compile(r"[$€£¥₹#№]\s*$")
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


def _to_decimal(digits: str) -> Decimal:
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
        denominator = _to_decimal(fraction.group(1))
        if denominator in _FRACTION_DENOMINATORS:
            return fraction.end(), "fraction", denominator, False
    glued = pos == number_end and _GLUED_LETTER_RE.match(text, pos) is not None
    excluded = glued or _UNIT_RE.match(text, pos) is not None
    return pos, None, Decimal(1), excluded


def _tokens(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    skip_until = -1
    for match in _NUM_RE.finditer(text):
        if match.start() < skip_until:  # this number was a denominator of the previous one
            continue
        digits = match.group(1)
        end, marker, denominator, excluded = _scan_suffix(text, match.end())
        if _CURRENCY_BEFORE_RE.search(text, max(0, match.start() - 3), match.start()):
            excluded = True
        if len(digits.split(".")[0].split(",")[0]) >= 4:  # years, amounts, phone numbers
            excluded = True
        tokens.append(
            _Token(match.start(), end, _to_decimal(digits), marker, denominator, excluded)
        )
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


def _is_half_step_scale(low: int, high: int) -> bool:
    return high - low <= 10


def _round_to_grid(value: Decimal, low: int, high: int) -> Decimal:
    step = Decimal("0.5") if _is_half_step_scale(low, high) else Decimal(1)
    return (value / step).quantize(Decimal(1), rounding=ROUND_HALF_UP) * step


def _convert(value: Decimal, marker: _Marker, denominator: Decimal, low: int, high: int) -> Decimal:
    span = Decimal(high - low)
    if marker is not None:
        return low + value / denominator * span
    if not _is_half_step_scale(low, high) and 0 < value < 1:
        return low + value * span  # "0.7" on a percent scale is a probability
    return value


def _scale_value(candidate: _Candidate, low: int, high: int) -> Decimal | None:
    """The unrounded value on [low, high], or None when any end is out of range."""
    ends = [
        _convert(v, candidate.marker, candidate.denominator, low, high)
        for v in (candidate.low_value, candidate.high_value)
    ]
    if any(not low <= v <= high for v in ends):
        return None
    return (ends[0] + ends[1]) / 2


def _numeric_answer(mapped: _Mapped, source: str, low: int, high: int) -> ScaleAnswer | None:
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
        value=float(_round_to_grid(first, low, high)),
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
_BOTTOM_RE = _phrase_re(re.escape(w) for w in _BOTTOM_WORDS)
_TOP_RE = _phrase_re(re.escape(w) for w in _TOP_WORDS)
_LIKELIHOOD_RE = _phrase_re(re.escape(w) for w in _LIKELIHOOD_WORDS)
_UNKNOWN_RE = _phrase_re(re.escape(w) for w in _UNKNOWN_WORDS)


def _word_answer(mapped: _Mapped, source: str, low: int, high: int) -> ScaleAnswer | None:
    text = mapped.text.strip()
    if len(text) > _WORD_ANSWER_MAX_CHARS or _UNKNOWN_RE.search(text):
        return None
    found: list[tuple[re.Match[str], Decimal]] = []
    for match in _BOTTOM_RE.finditer(text):
        found.append((match, Decimal(0)))
    for match in _TOP_RE.finditer(text):
        found.append((match, Decimal(1)))
    if not _is_half_step_scale(low, high):
        for match in _LIKELIHOOD_RE.finditer(text):
            found.append((match, Decimal(_LIKELIHOOD_WORDS[match.group(0)]) / 100))
    if len({fraction for _, fraction in found}) != 1:
        return None
    match, fraction = found[0]
    rest = text[: match.start()] + " " + text[match.end() :]
    if _NEGATION_RE.search(rest):  # "I don't think it was likely"
        return None
    offset = len(mapped.text) - len(mapped.text.lstrip())
    value = _round_to_grid(low + fraction * (high - low), low, high)
    raw = mapped.original(source, match.start() + offset, match.end() + offset)
    return ScaleAnswer(value=float(value), was_range=False, raw=raw)


def parse_scale(text: str, low: int, high: int) -> ScaleAnswer | None:
    """Read one rating on ``low..high`` from free text; ``None`` if absent or ambiguous.

    Scales spanning up to 10 points are stored in half steps, wider ones as whole numbers;
    see the module docstring for ranges, markers and word answers.
    Raises ``ValueError`` only for a programming error (``low >= high``).
    """
    if low >= high:
        raise ValueError(f"empty scale {low}..{high}")
    mapped = _normalise_numbers(text)
    answer = _numeric_answer(mapped, text, low, high)
    if answer is not None:
        return answer
    if _candidates(_TIME_OR_DATE_RE.sub(" ", mapped.text)):
        return None  # numbers were there but unusable (out of range / ambiguous)
    return _word_answer(mapped, text, low, high)


def parse_anxiety(text: str) -> ScaleAnswer | None:
    """Anxiety 0..10, stored in half steps."""
    return parse_scale(text, ANXIETY_LOW, ANXIETY_HIGH)


def parse_no_chance(text: str) -> ScaleAnswer | None:
    """The expected chance of a no, 0..100 %, stored as a whole percent."""
    return parse_scale(text, NO_CHANCE_LOW, NO_CHANCE_HIGH)


# ─────────────────────────────────────────────────────────────────────────────
# Outcomes
# ─────────────────────────────────────────────────────────────────────────────

_NEG = r"(?:did ?n'?t|did not)"
_NEVER_DID = (
    r"(?:did ?n'?t|did not|never|have ?n'?t|have not|has ?n'?t|has not|had ?n'?t|had not"
    r"|could ?n'?t|could not|can'?t|was ?n'?t able to|was not able to|wasn'?t brave enough to)"
)
_THEY = r"(?:they|he|she|the \w+)"
_SUBJECT = r"(?:(?:they|he|she|it) )?"  # "they didn't reply" must outweigh "they didn't"

# (pattern, outcome). These are "strong": explicit about what happened. Longer matches win,
# so "no reply" is NO_ANSWER rather than NO, and "didn't let me" NO rather than YES.
_STRONG_OUTCOMES: tuple[tuple[str, Outcome], ...] = (
    # Not asked
    (rf"{_NEVER_DID}(?: even| actually| really| get to| manage to)? (?:ask|asked|do it|go through"
     r" with it|go for it|try|tried|manage|dare|go)", Outcome.DIDNT_ASK),
    (r"(?:chicken|chickened|bailed|backed|wimped|bottled|pussyfooted) out", Outcome.DIDNT_ASK),
    (r"bail(?:ed)?|bottled it|lost (?:my|the) nerve|got cold feet|cold feet", Outcome.DIDNT_ASK),
    (r"too (?:scared|nervous|anxious|afraid|shy|chicken)|froze(?: up)?|i skipped(?: it)?"
     r"|skipped it", Outcome.DIDNT_ASK),
    (r"(?:have|has) ?n'?t asked|not asked(?: yet)?|i gave up", Outcome.DIDNT_ASK),
    # No answer
    (r"no (?:reply|replies|response|answer|word|reaction|news|callback)(?: yet)?",
     Outcome.NO_ANSWER),
    (r"ghost(?:ed|ing)?|left (?:me )?on read|on read|radio silence|crickets|voicemail",
     Outcome.NO_ANSWER),
    (r"(?:did ?n'?t|did not|have ?n'?t|have not|has ?n'?t|has not|not|never|yet to) (?:hear|heard)"
     r"(?: back| anything)?", Outcome.NO_ANSWER),
    (rf"{_SUBJECT}(?:did ?n'?t|did not|never|has ?n'?t|have ?n'?t|has not|have not|wo ?n'?t|yet to)"
     r" (?:reply|replied|respond|responded|answer|answered|get back|got back|text back|texted"
     r" back|write back|wrote back|call back|called back|pick up|picked up|react|reacted)",
     Outcome.NO_ANSWER),
    (rf"{_NEG} (?:get|got|receive|hear) (?:a |an |any )?(?:reply|answer|response)",
     Outcome.NO_ANSWER),
    (r"ignored(?: me| it| my \w+)?|(?:they|he|she) ignored", Outcome.NO_ANSWER),
    (r"still waiting|waiting (?:to hear|for (?:a |an |the |their |his |her )?(?:reply|answer"
     r"|response))|waiting on (?:them|him|her|a reply|an answer)", Outcome.NO_ANSWER),
    (r"(?:no ?one|nobody) (?:answered|replied|responded|was there|picked up|came|was home)",
     Outcome.NO_ANSWER),
    # Something in between
    (r"sort of|sorta|kind of|kinda|partly|partially|part of it|some of it|in part",
     Outcome.PARTIAL),
    (r"half (?:a )?(?:yes|no)|half way|halfway|meet me in the middle|middle ground",
     Outcome.PARTIAL),
    (r"maybe(?: later| another time| next time| tomorrow| next week)?|not now|not today"
     r"|another time|some other time|later maybe|possibly", Outcome.PARTIAL),
    (r"(?:ask|check with|talk to|run it by|speak to|consult) (?:their|his|her|the|my|a|an)"
     r" (?:boss|manager|supervisor|partner|wife|husband|colleague|team|owner|parents?|mum|mom)",
     Outcome.PARTIAL),
    (rf"(?:think|thinking|think it over) about it|get back to me|{_SUBJECT}(?:'ll |will )?let me"
     r" know|we'?ll see|counter ?-?offer(?:ed)?|compromise|it depends|depends"
     r"|not (?:exactly|quite)|offered (?:something else|an alternative)", Outcome.PARTIAL),
    # No
    (r"(?:said|says|answered|replied|told me|responded) (?:a )?(?:no|nope|nah|no way|not)",
     Outcome.NO),
    (r"(?:got|get|getting|received|heard|had|gave me|given) (?:a |an )?(?:hard |polite |firm"
     r" |clear |big |soft |friendly |kind )?(?:no|nope|rejection)", Outcome.NO),
    (r"(?:a|the) (?:hard|polite|firm|clear|big|soft|friendly|kind) no", Outcome.NO),
    (r"reject(?:ed|ion)|rebuffed|den(?:ied|y)|declin(?:ed|e)|refus(?:ed|al)", Outcome.NO),
    (r"turn(?:ed)? (?:me|it|us|that|my \w+) down|turned down|shot (?:me |it )?down",
     Outcome.NO),
    (rf"{_SUBJECT}{_NEG} (?:agree|accept|work|let me|allow|get it|get one|get a yes|go for it)"
     r"|(?:would ?n'?t|would not|wo ?n'?t|could ?n'?t|could not|can'?t|cannot) (?:agree"
     r"|accept|let me|allow|do it|help)", Outcome.NO),
    (rf"{_THEY} (?:can'?t|could ?n'?t|could not|cannot|would ?n'?t|wo ?n'?t|did ?n'?t|did not)",
     Outcome.NO),
    (r"not (?:allowed|possible|interested|accepted|approved|agreed|granted)",
     Outcome.NO),
    (r"(?:no|nope|nah) way|no luck|no dice|no go|no can do|unfortunately|of course not"
     r"|absolutely not|definitely not|certainly not|hell no", Outcome.NO),
    # Yes
    (r"(?:said|says|answered|replied|responded) (?:yes|yeah|yep|yup|sure|ok|okay|of course"
     r"|absolutely|why not)", Outcome.YES),
    (r"(?:got|get|getting|received|heard|had) (?:a |an )?(?:yes|yeah|yep|big yes)",
     Outcome.YES),
    (r"agree(?:d|s)|accept(?:ed|s)|approved|granted|ok'?d|okay'?d|it worked|that worked"
     r"|worked out|went well|got it|success(?:ful)?", Outcome.YES),
    (r"(?:they|he|she) did|happily|gladly|happy to|glad to|no problem|no worries|sure thing"
     r"|why not|(?:they|he|she) (?:let|lets) me|gave (?:me|it to me|us)|said ok(?:ay)?",
     Outcome.YES),
)  # fmt: skip
_WEAK_OUTCOMES: tuple[tuple[str, Outcome], ...] = (
    (r"ye+s+|yeah+|yea|yep+|yup+|yay+|ya|yas+|sure|ok|okay|absolutely|of course|totally"
     r"|definitely|certainly", Outcome.YES),
    (r"no+|nope+|nah+|nay|negative", Outcome.NO),
)  # fmt: skip
_OUTCOME_EMOJI = {
    "✅": Outcome.YES, "✔": Outcome.YES, "☑": Outcome.YES, "🎉": Outcome.YES,
    "🥳": Outcome.YES, "🙅": Outcome.NO, "❌": Outcome.NO, "✖": Outcome.NO,
    "🚫": Outcome.NO, "⛔": Outcome.NO,
}  # fmt: skip


def _compile_table(
    table: Sequence[tuple[str, Outcome]],
) -> tuple[tuple[re.Pattern[str], Outcome], ...]:
    return tuple((_phrase_re([pattern]), outcome) for pattern, outcome in table)


_STRONG_RES = _compile_table(_STRONG_OUTCOMES)
_WEAK_RES = _compile_table(_WEAK_OUTCOMES)


@dataclass(frozen=True, slots=True)
class _Hit:
    start: int
    end: int
    outcome: Outcome
    strong: bool
    emoji: bool = False


def _take_longest(hits: Iterable[_Hit]) -> list[_Hit]:
    """Keep non-overlapping hits, longest first (so specific phrases beat short words)."""
    taken: list[_Hit] = []
    for hit in sorted(hits, key=lambda h: (h.start - h.end, h.start)):
        if all(hit.end <= t.start or hit.start >= t.end for t in taken):
            taken.append(hit)
    return sorted(taken, key=lambda h: h.start)


def _outcome_hits(text: str) -> list[_Hit]:
    hits = [
        _Hit(m.start(), m.end(), outcome, strong=True)
        for regex, outcome in _STRONG_RES
        for m in regex.finditer(text)
    ]
    hits += [
        _Hit(m.start(), m.end(), outcome, strong=False)
        for regex, outcome in _WEAK_RES
        for m in regex.finditer(text)
    ]
    hits += [
        _Hit(i, i + 1, _OUTCOME_EMOJI[ch], strong=False, emoji=True)
        for i, ch in enumerate(text)
        if ch in _OUTCOME_EMOJI
    ]
    return _take_longest(hits)


def _resolve(hits: Sequence[_Hit]) -> Outcome | None:
    strong = {h.outcome for h in hits if h.strong}
    outcomes = strong or {h.outcome for h in hits}
    if len(outcomes) == 1:
        return next(iter(outcomes))
    # "said no at first, then agreed" / "no, but maybe later": somewhere in between.
    if strong and len(outcomes) > 1 and outcomes <= {Outcome.YES, Outcome.NO, Outcome.PARTIAL}:
        return Outcome.PARTIAL
    return None


def parse_outcome(text: str) -> Outcome | None:
    """What the other person said: no / yes / no answer / partial / didn't ask, or None."""
    return _resolve(_outcome_hits(_fold(text).text))


# ─────────────────────────────────────────────────────────────────────────────
# Yes / no ("did you ask?")
# ─────────────────────────────────────────────────────────────────────────────

_HEDGE_RE = _phrase_re(
    [
        r"sort of",
        r"sorta",
        r"kind of",
        r"kinda",
        r"maybe",
        r"not sure",
        r"unsure",
        r"dunno",
        r"idk",
        r"i don'?t know",
        r"don'?t know",
        r"partly",
        r"partially",
        r"half",
        r"not exactly",
        r"i guess",
        r"ish",
        r"depends",
        r"it depends",
    ]
)
# Checked before outcome phrases, so "not yet" is a no rather than "no answer yet".
_YN_FIRST_NO_RE = _phrase_re(
    [
        r"not yet",
        r"not this time",
        r"not today",
        r"not really",
        r"of course not",
        r"absolutely not",
        r"definitely not",
        r"certainly not",
        r"hell no",
        r"not now",
        r"another time",
        r"some other time",
        r"later",
        r"tomorrow",
        r"next time",
        r"next week",
    ]
)
_YN_NO_RE = _phrase_re(
    [
        r"did ?n'?t",
        r"did not",
        r"have ?n'?t",
        r"have not",
        r"has ?n'?t",
        r"has not",
        r"could ?n'?t",
        r"could not",
        r"can'?t",
        r"was ?n'?t able",
        r"wasn'?t",
        r"never",
        r"no+",
        r"nope+",
        r"nah+",
        r"nay",
        r"not",
        r"negative",
        r"no way",
    ]
)
_YN_YES_RE = _phrase_re(
    [
        r"ye+s+",
        r"yeah+",
        r"yea",
        r"yep+",
        r"yup+",
        r"ya",
        r"yah",
        r"yas+",
        r"sure",
        r"of course",
        r"absolutely",
        r"definitely",
        r"certainly",
        r"totally",
        r"indeed",
        r"affirmative",
        r"i did",
        r"did it",
        r"did",
        r"done",
        r"asked",
        r"i asked",
        r"went for it",
        r"made it",
        r"tried",
        r"i tried",
    ]
)
_YN_YES_EMOJI = frozenset("👍✅✔☑👌")
_YN_NO_EMOJI = frozenset("👎❌✖🚫🙅⛔")


def _mask(text: str, spans: Iterable[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def parse_yes_no(text: str) -> bool | None:
    """Did it happen? ``True``/``False``, or ``None`` if unclear or both."""
    folded = _fold(text).text
    stripped = folded.strip(" \n.!?,")
    if stripped in ("y", "n"):
        return stripped == "y"
    if _HEDGE_RE.search(folded):
        return None
    first_no = list(_YN_FIRST_NO_RE.finditer(folded))
    folded = _mask(folded, (m.span() for m in first_no))
    # Any report of what the other person did means the ask happened.
    hits = [h for h in _outcome_hits(folded) if h.strong]
    folded = _mask(folded, ((h.start, h.end) for h in hits))
    said_no = bool(first_no) or any(h.outcome is Outcome.DIDNT_ASK for h in hits)
    said_yes = any(h.outcome is not Outcome.DIDNT_ASK for h in hits)
    no_words = list(_YN_NO_RE.finditer(folded))
    folded = _mask(folded, (m.span() for m in no_words))
    said_no = said_no or bool(no_words) or any(ch in _YN_NO_EMOJI for ch in folded)
    said_yes = (
        said_yes
        or _YN_YES_RE.search(folded) is not None
        or any(ch in _YN_YES_EMOJI for ch in folded)
    )
    if said_yes == said_no:
        return None
    return said_yes


# ─────────────────────────────────────────────────────────────────────────────
# Control intents (whole message only)
# ─────────────────────────────────────────────────────────────────────────────

_CONTROL_PHRASES: dict[str, Control] = {
    **dict.fromkeys(
        (
            "skip", "pass", "next", "skip it", "skip this", "skip this one", "skip that",
            "skip question", "skip this question", "next question", "rather not say",
            "i'd rather not say", "id rather not say", "i would rather not say", "rather not",
            "i'd rather not", "prefer not to say", "i prefer not to say", "no comment",
            "i'll pass", "ill pass", "i pass", "⏭",
        ),
        Control.SKIP,
    ),
    **dict.fromkeys(
        (
            "cancel", "stop", "never mind", "nevermind", "nvm", "quit", "exit", "abort",
            "forget it", "forget about it", "cancel that", "cancel this", "stop this",
        ),
        Control.CANCEL,
    ),
    **dict.fromkeys(
        (
            "undo", "oops", "go back", "back", "undo that", "wrong button", "oops go back",
            "oops undo", "oops wrong button", "i pressed the wrong button", "take that back",
            "previous", "previous question", "↩",
        ),
        Control.UNDO,
    ),
}  # fmt: skip
_CONTROL_LEADING = (
    "please", "pls", "plz", "ok", "okay", "oh", "ah", "um", "uh", "hmm", "ugh", "just", "no",
    "actually", "sorry", "wait", "let's", "lets", "can we", "can i", "could we", "i want to",
    "i wanna", "i'd like to", "id like to", "i will", "i'll",
)  # fmt: skip
_CONTROL_TRAILING = (
    "please", "pls", "plz", "thanks", "thank you", "thx", "for now", "now", "then", "lol",
    "it", "this", "that", "this one",
)  # fmt: skip
_CONTROL_MAX_CHARS = 60
_CONTROL_STRIP_RE = re.compile(r"[^\w\s'⏭↩]+")
_BOT_SUFFIX_RE = re.compile(r"@\w+$")


def _strip_words(text: str, words: Sequence[str], *, leading: bool) -> str | None:
    for word in words:
        if leading and text.startswith(word + " "):
            return text[len(word) + 1 :]
        if not leading and text.endswith(" " + word):
            return text[: -len(word) - 1]
    return None


def parse_control(text: str) -> Control | None:
    """Skip / cancel / undo, only when that is the whole message (fillers aside)."""
    if len(text) > _CONTROL_MAX_CHARS * 4:
        return None
    folded = _fold(text).text.strip()
    folded = _BOT_SUFFIX_RE.sub("", folded.lstrip("/"))
    folded = " ".join(_CONTROL_STRIP_RE.sub(" ", folded).split())
    if len(folded) > _CONTROL_MAX_CHARS:
        return None
    for _ in range(8):  # a few fillers at most: "ok just skip it please"
        if folded in _CONTROL_PHRASES:
            return _CONTROL_PHRASES[folded]
        shorter = _strip_words(folded, _CONTROL_LEADING, leading=True)
        if shorter is None:
            shorter = _strip_words(folded, _CONTROL_TRAILING, leading=False)
        if shorter is None:
            return None
        folded = shorter.strip()
    return None


# ─────────────────────────────────────────────────────────────────────────────
# Quick log: a whole attempt in one line
# ─────────────────────────────────────────────────────────────────────────────

_ARROW_RE = re.compile(r"-+>|=+>|~+>|[→⟶➡➜➔⇒⟹↦⇨➝➞➙➛➟➠➤►▶»⮕🡒🠖>]")
# One anxiety rating: "7", "7ish", "7/10", "7 out of 10", "70%".
_RATING = (
    rf"(?<![^\W_])(?<!\d[.,])(?P<{{n}}>{_NUM})(?![.,]?\d)(?:\s*-?ish)?"
    r"(?:(?P<{n}_frac>\s*(?:/|out\s+of)\s*10(?![\d.,]))|(?P<{n}_pct>\s*(?:%|percent)))?"
)


def _rating(name: str) -> str:
    return _RATING.replace("{n}", name).replace("{{n}}", name)


_SYMBOL_PAIR_RE = re.compile(rf"{_rating('a')}\s*→\s*{_rating('b')}")
_WORD_PAIR_RE = re.compile(
    rf"{_rating('a')}(?:\s*,\s*|\s+)(?:to|then|and then|down to|up to)\s+{_rating('b')}"
)
_BEFORE_WORDS = r"(?:before|beforehand|at first|at the start|going in)"
_AFTER_WORDS = r"(?:after|afterwards?|at the end|after ?wards)"
_LABEL_FIRST = r"(?<![^\W_]){label}\s*(?:[:=-]\s*)?(?:(?:was|i was|felt|at|a)\s+)?{rating}"
_RATING_FIRST = r"{rating}\s*(?:[:=-]\s*)?{label}(?![^\W_])"
_BEFORE_RES = (
    re.compile(_LABEL_FIRST.format(label=_BEFORE_WORDS, rating=_rating("a"))),
    re.compile(_RATING_FIRST.format(label=_BEFORE_WORDS, rating=_rating("a"))),
)
_AFTER_RES = (
    re.compile(_LABEL_FIRST.format(label=_AFTER_WORDS, rating=_rating("a"))),
    re.compile(_RATING_FIRST.format(label=_AFTER_WORDS, rating=_rating("a"))),
)
# Words in front of the pair that belong to it, not to the description.
_PAIR_LABEL_RE = re.compile(
    r"(?<![^\W_])(?:(?:my\s+)?(?:anxiety|anx|nerves|nervousness|fear|nervous|anxious|scared)"
    r"(?:\s+(?:level|levels|score|rating))?\s*)?"
    r"(?:(?:was|went|dropped|fell|rose|felt|feeling|i was|i felt|it went)\s*)?"
    r"(?:from\s*)?[:=]?\s*$"
)
_SEGMENT_SEP_RE = re.compile(
    r"[\n,;|()\[\]{}]+|:(?!\d)|\s+-+\s+|\s+/\s+|[.!?…]+(?=\s|$)|(?<=[^\W\d_])[.!?…]+(?=[^\W\d_])"
)
_ASK_START_RE = re.compile(
    r"\s*(?:(?:i|so|today|just|finally|then)\s+)*(?:asked|ask|asking|tried|try"
    r"|trying|requested|request|went (?:and|to) ask|wanted to ask|invited|suggested|proposed"
    r"|offered)(?![^\W_])"
)
_DESCRIPTION_TRIM = " \t\n-–—,;:.!?|/\\·•*_~\"'()[]{}<>=→"
_TRAILING_CONNECTOR_RE = re.compile(r"(?:\s+(?:and|but|so|then|they|he|she|it|we|i))+\s*$", re.I)


@dataclass(frozen=True, slots=True)
class _Pair:
    before: Decimal
    after: Decimal
    spans: tuple[tuple[int, int], ...]  # removed from the text before reading the rest


def _rating_value(match: re.Match[str], name: str) -> Decimal | None:
    value = _to_decimal(match.group(name))
    if match.group(f"{name}_pct"):
        value = value / 10
    if not ANXIETY_LOW <= value <= ANXIETY_HIGH:
        return None
    return _round_to_grid(value, ANXIETY_LOW, ANXIETY_HIGH)


def _followed_by_unit(text: str, match: re.Match[str]) -> bool:
    return _UNIT_RE.match(text, match.end()) is not None or bool(
        _CURRENCY_BEFORE_RE.search(text, max(0, match.start() - 3), match.start())
    )


def _arrow_pair(text: str) -> _Pair | None:
    for regex in (_SYMBOL_PAIR_RE, _WORD_PAIR_RE):
        matches = [m for m in regex.finditer(text) if not _followed_by_unit(text, m)]
        if len(matches) > 1:
            return None  # two pairs: which one is the anxiety?
        if matches:
            match = matches[0]
            before, after = _rating_value(match, "a"), _rating_value(match, "b")
            if before is None or after is None:
                return None
            return _Pair(before, after, (match.span(),))
    return None


def _labelled(text: str, regexes: Sequence[re.Pattern[str]]) -> list[re.Match[str]]:
    return [m for regex in regexes for m in regex.finditer(text)]


def _before_after_pair(text: str) -> _Pair | None:
    befores, afters = _labelled(text, _BEFORE_RES), _labelled(text, _AFTER_RES)
    options = [
        (b, a)
        for b in befores
        for a in afters
        if b.end() <= a.start() or a.end() <= b.start()  # a number serves one label only
    ]
    if len({(b.group("a"), a.group("a")) for b, a in options}) != 1:
        return None
    before_match, after_match = options[0]
    before = _rating_value(before_match, "a")
    after = _rating_value(after_match, "a")
    if before is None or after is None:
        return None
    return _Pair(before, after, (before_match.span(), after_match.span()))


def _with_labels(text: str, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    widened = []
    for start, end in spans:
        window_start = max(0, start - 60)
        label = _PAIR_LABEL_RE.search(text, window_start, start)
        widened.append((label.start() if label else start, end))
    return widened


def _segments(text: str) -> list[tuple[int, int]]:
    segments: list[tuple[int, int]] = []
    pos = 0
    for sep in _SEGMENT_SEP_RE.finditer(text):
        segments.append((pos, sep.start()))
        pos = sep.end()
    segments.append((pos, len(text)))
    return [(s, e) for s, e in segments if text[s:e].strip()]


def _clean_description(raw: str) -> str | None:
    chars = (ch for ch in raw if ch not in _OUTCOME_EMOJI and ch not in _DROPPED)
    text = " ".join("".join(ch if ch.isprintable() else " " for ch in chars).split())
    text = _TRAILING_CONNECTOR_RE.sub("", text.strip(_DESCRIPTION_TRIM)).strip(_DESCRIPTION_TRIM)
    if not any(ch.isalnum() for ch in text):
        return None
    if len(text) > DESCRIPTION_MAX_CHARS:
        cut = text[: DESCRIPTION_MAX_CHARS - 1]
        cut = cut.rsplit(" ", 1)[0] if " " in cut else cut
        text = cut.rstrip(_DESCRIPTION_TRIM) + "…"
    return text


@dataclass(frozen=True, slots=True)
class _Segment:
    description: tuple[int, int] | None  # the part that says what was asked, if any
    hits: tuple[_Hit, ...]  # outcome evidence counted from this segment
    is_ask: bool
    first_strong: int | None = None  # where an outcome phrase starts inside an ask segment


def _read_segment(text: str, start: int, end: int) -> _Segment:
    hits = _outcome_hits(text[start:end])
    if _ASK_START_RE.match(text, start, end):
        # "asked if they'd say yes to a selfie": its yes is part of the question. Only
        # emoji count here; outcome phrases are used later, if nothing else says what happened.
        strong = [h.start for h in hits if h.strong]
        return _Segment(
            (start, end),
            tuple(h for h in hits if h.emoji),
            is_ask=True,
            first_strong=start + strong[0] if strong else None,
        )
    if hits:
        return _Segment(None, tuple(hits), is_ask=False)
    return _Segment((start, end), (), is_ask=False)


def _split_ask(text: str, segment: _Segment) -> _Segment:
    """ "asked for a discount and got a no" → "asked for a discount" + "got a no"."""
    if segment.first_strong is None or segment.description is None:
        return segment
    start, end = segment.description
    cut = segment.first_strong
    return _Segment((start, cut), tuple(_outcome_hits(text[cut:end])), is_ask=True)


def _read_segments(text: str) -> tuple[list[_Hit], list[tuple[int, int]]]:
    """Outcome evidence, and the spans that describe the ask."""
    segments = [_read_segment(text, s, e) for s, e in _segments(text)]
    if not any(seg.hits for seg in segments):
        segments = [_split_ask(text, seg) for seg in segments]
    hits = [h for seg in segments for h in seg.hits]
    first = next((i for i, seg in enumerate(segments) if seg.hits), len(segments))
    # What was asked comes before what happened; after it only an "asked ..." segment is a
    # description ("got a no, 7→3, asking for a discount"), not a reflection ("proud of me").
    before = [seg.description for seg in segments[: first + 1] if seg.description]
    after = [seg.description for seg in segments[first + 1 :] if seg.is_ask and seg.description]
    return hits, before or after


def parse_quick_log(text: str) -> QuickLog | None:
    """A complete attempt in one message, or None (never a guess: it would hijack the chat)."""
    arrowed = _sub(_normalise_numbers(text), _ARROW_RE, lambda _m: "→")
    norm = arrowed.text
    pair = _arrow_pair(norm) or _before_after_pair(norm)
    if pair is None:
        return None
    blanked = norm
    for start, end in _with_labels(norm, pair.spans):
        blanked = blanked[:start] + "\n" * (end - start) + blanked[end:]
    hits, description_spans = _read_segments(blanked)
    outcome = _resolve(hits)
    if outcome is None:
        return None
    parts = (_clean_description(arrowed.original(text, s, e)) for s, e in description_spans)
    description = ", ".join(p for p in parts if p) or None
    if description is not None and len(description) > DESCRIPTION_MAX_CHARS:
        description = _clean_description(description)
    return QuickLog(
        description=description,
        outcome=outcome,
        anxiety_before=float(pair.before),
        anxiety_after=float(pair.after),
    )
