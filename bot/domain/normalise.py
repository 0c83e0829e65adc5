"""One normaliser for everything people type: the first step of every parser.

Folding keeps, per character, the span of the original message it came from, so a parser can
quote back exactly what the person wrote ("about 6 or 7") while matching on a plain form:
lower case, ASCII digits (any script's decimal digits), plain dashes and quotes, no emoji
presentation selectors, keycaps or zero-width and bidi controls.

Other languages: the parsers read English. For a person who writes Spanish or Russian, the
phrases of their language are first rewritten into the English the parsers know ("me
dijeron que no" -> "said no", "семь" -> "seven"), by a table of data per language in
``bot/domain/words/<code>.yaml`` (see ``bot.domain.words``). The character map survives
the rewrite, so what is quoted back is still what the person wrote.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from bot.domain.words import SOURCE_LANGUAGE, rewrites

MAX_SCAN_CHARS = 1000
"""Only this many leading characters are read; real answers are far shorter."""

# Normalisation that remembers where each character came from

# Characters removed outright: emoji presentation selectors, the keycap combiner (so "7️⃣"
# reads as "7"), zero-width joiners and bidi controls (RTL text carries them).
DROPPED = frozenset("\ufe0f\ufe0e\u20e3")
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
def fold_char(ch: str) -> str:
    """Fold one character: lower case, ASCII digits, plain dashes and quotes."""
    mapped = _CHAR_MAP.get(ch)
    if mapped is not None:
        return mapped
    if ch in DROPPED:
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
class Mapped:
    """Normalised text plus, per character, the original span it came from."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def original(self, source: str, start: int, end: int) -> str:
        if start >= end:
            return ""
        return source[self.starts[start] : self.ends[end - 1]]


def fold(source: str, language: str = SOURCE_LANGUAGE) -> Mapped:
    """The folded form of `source`, in the English the parsers read."""
    mapped = _fold_characters(source)
    for pattern, replacement in rewrites(language):
        mapped = substitute(mapped, pattern, _expander(replacement))
    return mapped


def _expander(replacement: str) -> Callable[[re.Match[str]], str]:
    return lambda match: match.expand(replacement)


def _fold_characters(source: str) -> Mapped:
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for index, ch in enumerate(source[:MAX_SCAN_CHARS]):
        folded = fold_char(ch)
        if not folded:
            if ends:  # let "7️⃣" map back to the whole keycap
                ends[-1] = index + 1
            continue
        for out in folded:
            chars.append(out)
            starts.append(index)
            ends.append(index + 1)
    return Mapped("".join(chars), tuple(starts), tuple(ends))


def substitute(
    mapped: Mapped, pattern: re.Pattern[str], repl: Callable[[re.Match[str]], str]
) -> Mapped:
    """``re.sub`` that keeps the character map: new characters map to the replaced span."""
    matches = [m for m in pattern.finditer(mapped.text) if m.start() != m.end()]
    if not matches:  # most rewrites of a language's table match nothing: copy nothing
        return mapped
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for match in matches:
        start, end = match.span()
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
    return Mapped("".join(chars), tuple(starts), tuple(ends))


def phrase_re(alternatives: Iterable[str]) -> re.Pattern[str]:
    """Whole-word match of any alternative (regex snippets), longest written first."""
    return re.compile(rf"(?<![^\W_])(?:{alternation(alternatives)})(?![^\W_])")


# ─────────────────────────────────────────────────────────────────────────────
# Scales


def alternation(words: Iterable[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


MAX_INPUT_CHARS = 200
"""What the place and clock parsers read: a time-zone or clock answer is a few words."""


def plain(text: str, limit: int = MAX_INPUT_CHARS, language: str = SOURCE_LANGUAGE) -> str:
    """Case-folded, accent-free, no control or zero-width characters, unicode dashes → '-'
    (for names: "Zürich" and "zurich" are the same place), in the English parsers read."""
    text = unicodedata.normalize("NFKC", text[:limit]).casefold()
    for pattern, replacement in rewrites(language):
        text = pattern.sub(replacement, text)
    decomposed = unicodedata.normalize("NFKD", text)
    kept: list[str] = []
    for ch in decomposed:
        category = unicodedata.category(ch)
        if category in ("Mn", "Cf"):  # accents, zero-width joiners, bidi marks
            continue
        if category in ("Cc", "Zs", "Zl", "Zp"):
            kept.append(" ")
        elif ch in "\u2010\u2011\u2012\u2013\u2014\u2212":
            kept.append("-")
        elif ch in "\u2018\u2019\u02bc`":
            kept.append("'")
        else:
            kept.append(ch)
    return "".join(kept).casefold()


def words_only(text: str) -> str:
    """Letters and digits of any script, single spaces: a lookup key."""
    return " ".join(re.sub(r"[\W_]+", " ", text).split())


_STRAIGHT_QUOTES = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u02bc": "'", "\u201c": '"', "\u201d": '"'}
)


def tidy(text: str) -> str:
    """NFKC, straight quotes and single spaces, case kept: for rules that read whole
    sentences (the respect rules), so their patterns stay simple."""
    return " ".join(unicodedata.normalize("NFKC", text).translate(_STRAIGHT_QUOTES).split())
