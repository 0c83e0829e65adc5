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

from bot.domain.words import SOURCE_LANGUAGE, chat_speak, rewrites

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


@lru_cache(maxsize=256)
def fold(source: str, language: str = SOURCE_LANGUAGE) -> Mapped:
    """The folded form of `source`, in the English the parsers read.

    Cached (the result is immutable): one message is read by several parsers in turn
    (control words, quick log, the question's own parser), and with a language's
    rewrites folding is most of the work."""
    mapped = _fold_characters(source)
    for pattern, replacement in rewrites(language):
        # Most rewrites of a language do not occur in a given message: a search is much
        # cheaper than rebuilding the character map, and there are hundreds of rules.
        if pattern.search(mapped.text) is not None:
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


# ─────────────────────────────────────────────────────────────────────────────
# Chat tokens: how people type when they are upset (the care detectors read this form)
#
# fold() keeps a character map for quoting back; the care detectors never quote, they need
# one spelling for the many ways a phrase is typed: lower case, no accents, apostrophes
# dropped inside words ("don't" -> "dont" -> "do not"), leetspeak inside words ("k1ll"),
# text speak from per-language data (``words/chat.yaml``: "wanna", "2nite", "rn"), emoji
# kept as tokens, happy/sad emoticons as one emoji each, spelled-out letters joined
# ("d i e" -> "die"), sentence ends kept as ".", and every run of one repeated letter
# squashed ("dieeee" -> "die", "kill" -> "kil"). Squashing *all* doubles (not only long
# runs) is what lines up misspellings such as "kil" or "sucide" with the real word without
# listing each one; rule data is squashed the same way by squash_pattern().

_REPEATED_LETTER = re.compile(r"([^\W\d_])\1+")
_APOSTROPHES = "'’‘ʼ`´"
_TO_APOSTROPHE = str.maketrans(dict.fromkeys(_APOSTROPHES, "'"))
_INNER_APOSTROPHE = re.compile(r"(?<=\w)'+(?=\w)")
_HAPPY_EMOTICON = re.compile(r"(?<!\S)(?:[:;=]-?[)dp\]]+|x-?d+)(?!\S)")
_SAD_EMOTICON = re.compile(r"(?<!\S)(?:[:;=]'?-?[(\[]+)(?!\S)")
HAPPY_TOKEN = "🙂"
"""What ":)" and ";-D" become: a smile means the same as "lol" next to a hyperbole."""
SAD_TOKEN = "🙁"
"""What ":(" and ":'(" become."""
_SLASH_SHORTHANDS = re.compile(r"(?<!\S)w/o(?!\S)|(?<!\S)w/(?=\s|\w)")
_CHAT_TOKEN = re.compile(
    r"(?P<word>(?:[^\W_]|[@$])+(?:!+(?:[^\W_]|[@$])+)*)"
    r"|(?P<ellipsis>\.{2,}|…)"
    r"|(?P<stop>[.!?]+|\n)"
    r"|(?P<other>\S)"
)
#: Leetspeak inside words that also hold a letter ("d13", "su1c1de", "k!ll", "$elf");
#: numbers on their own ("7 -> 3") are left alone.
_LEET = str.maketrans(
    {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i"}
)


def squash_repeats(word: str) -> str:
    """Collapse every run of one repeated letter: "dieeee" -> "die", "kill" -> "kil"."""
    return _REPEATED_LETTER.sub(r"\1", word)


def squash_pattern(source: str) -> str:
    """squash_repeats() for a regex source, leaving escapes such as ``\\b`` intact, so rule
    data is written in plain spelling ("kill myself") and matches squashed chat tokens."""
    out: list[str] = []
    previous = ""
    i = 0
    while i < len(source):
        char = source[i]
        if char == "\\" and i + 1 < len(source):
            out.append(source[i : i + 2])
            previous = ""
            i += 2
            continue
        if not (char.isalpha() and char == previous):
            out.append(char)
        previous = char if char.isalpha() else ""
        i += 1
    return "".join(out)


def _fold_for_chat(text: str) -> str:
    """Lower-case, strip accents, drop invisible characters; emoji kept."""
    # Apostrophe look-alikes first: NFKD would turn "´" into a space plus an accent.
    decomposed = unicodedata.normalize("NFKD", text.translate(_TO_APOSTROPHE).casefold())
    # Mn: accents and emoji variation selectors; Cf: zero-width and bidi marks; Sk: skin
    # tones and stray accents used as apostrophes. None changes the meaning of a word.
    return "".join(ch for ch in decomposed if unicodedata.category(ch) not in {"Mn", "Cf", "Sk"})


@lru_cache(maxsize=16)
def _chat_tables(language: str) -> tuple[dict[str, str], dict[str, str]]:
    raw, words = chat_speak(language)
    return raw, {squash_repeats(key): squash_repeats(value) for key, value in words.items()}


def _chat_word(raw: str, language: str) -> str:
    raw_table, words = _chat_tables(language)
    raw = raw_table.get(raw, raw)
    if any(ch.isalpha() for ch in raw):
        raw = raw.translate(_LEET)
    word = squash_repeats(raw)
    return words.get(word, word)


def _spelled_out(letters: list[str], language: str) -> list[str]:
    """Join three or more single letters into one word ("d i e" -> "die"); two are left
    alone ("i a" occurs in ordinary text, three in a row hardly ever)."""
    if len(letters) >= 3:
        return [_chat_word("".join(letters), language)]
    return [_chat_word(letter, language) for letter in letters]


def chat_tokens(text: str, language: str = SOURCE_LANGUAGE) -> str:
    """*text* as space-separated chat tokens, sentence ends kept as ".".

    Total on any input: never raises, linear time, reads the whole message (a crisis
    sentence may come last in a long one).
    """
    folded = _INNER_APOSTROPHE.sub("", _fold_for_chat(text))
    folded = _HAPPY_EMOTICON.sub(f" {HAPPY_TOKEN} ", folded)
    folded = _SAD_EMOTICON.sub(f" {SAD_TOKEN} ", folded)
    folded = _SLASH_SHORTHANDS.sub(
        lambda m: " without " if m.group() == "w/o" else " with ", folded
    )
    tokens: list[str] = []
    spelled: list[str] = []
    for match in _CHAT_TOKEN.finditer(folded):
        raw = match.group("word")
        if raw is not None and len(raw) == 1 and raw.isalpha():
            spelled.append(raw)
            continue
        tokens.extend(_spelled_out(spelled, language))
        spelled.clear()
        if raw is not None:
            tokens.append(_chat_word(raw, language))
        elif match.group("stop") is not None:
            tokens.append(".")
        elif (other := match.group("other")) is not None and unicodedata.category(other) == "So":
            tokens.append(other)  # emoji and pictographs carry meaning (🔪, 😂)
    tokens.extend(_spelled_out(spelled, language))
    return " ".join(tokens)
