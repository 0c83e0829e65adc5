"""A whole attempt typed in one line: "asked for a discount, got a no, 7 -> 3".

It needs an outcome **and** a before→after anxiety pair, so a reflection ("I felt 7 before
and it was fine") or a plain "no" is never taken for a complete log.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from bot.domain.answers.numbers import normalise_numbers
from bot.domain.answers.outcomes import OUTCOME_EMOJI, Hit, outcome_hits, resolve_outcome
from bot.domain.answers.scales import (
    CURRENCY_BEFORE_RE,
    NUMBER,
    UNIT_RE,
    round_to_grid,
    to_decimal,
)
from bot.domain.answers.types import (
    ANXIETY_HIGH,
    ANXIETY_LOW,
    DESCRIPTION_MAX_CHARS,
    QuickLog,
)
from bot.domain.normalise import DROPPED, substitute
from bot.domain.words import SOURCE_LANGUAGE

_ARROW_RE = re.compile(r"-+>|=+>|~+>|[→⟶➡➜➔⇒⟹↦⇨➝➞➙➛➟➠➤►▶»⮕🡒🠖>]")
# One anxiety rating: "7", "7ish", "7/10", "7 out of 10", "70%".
_RATING = (
    rf"(?<![^\W_])(?<!\d[.,])(?P<{{n}}>{NUMBER})(?![.,]?\d)(?:\s*-?ish)?"
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
    value = to_decimal(match.group(name))
    if match.group(f"{name}_pct"):
        value = value / 10
    if not ANXIETY_LOW <= value <= ANXIETY_HIGH:
        return None
    return round_to_grid(value, ANXIETY_LOW, ANXIETY_HIGH)


def _followed_by_unit(text: str, match: re.Match[str]) -> bool:
    return UNIT_RE.match(text, match.end()) is not None or bool(
        CURRENCY_BEFORE_RE.search(text, max(0, match.start() - 3), match.start())
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
    chars = (ch for ch in raw if ch not in OUTCOME_EMOJI and ch not in DROPPED)
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
    hits: tuple[Hit, ...]  # outcome evidence counted from this segment
    is_ask: bool
    first_strong: int | None = None  # where an outcome phrase starts inside an ask segment


def _read_segment(text: str, start: int, end: int) -> _Segment:
    hits = outcome_hits(text[start:end])
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
    return _Segment((start, cut), tuple(outcome_hits(text[cut:end])), is_ask=True)


def _read_segments(text: str) -> tuple[list[Hit], list[tuple[int, int]]]:
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


def _without_trailing_connector(norm: str, start: int, end: int) -> tuple[int, int]:
    """Drop "and"/"but"/"then" ending a description span, read on the normalised text so a
    connector in another language ("и", "y") is dropped too once rewritten into English."""
    trailing = _TRAILING_CONNECTOR_RE.search(norm, start, end)
    return (start, trailing.start()) if trailing and trailing.start() > start else (start, end)


def parse_quick_log(text: str, language: str = SOURCE_LANGUAGE) -> QuickLog | None:
    """A complete attempt in one message, or None (never a guess: it would hijack the chat)."""
    arrowed = substitute(normalise_numbers(text, language), _ARROW_RE, lambda _m: "→")
    norm = arrowed.text
    pair = _arrow_pair(norm) or _before_after_pair(norm)
    if pair is None:
        return None
    blanked = norm
    for start, end in _with_labels(norm, pair.spans):
        blanked = blanked[:start] + "\n" * (end - start) + blanked[end:]
    hits, description_spans = _read_segments(blanked)
    outcome = resolve_outcome(hits)
    if outcome is None:
        return None
    spans = (_without_trailing_connector(norm, s, e) for s, e in description_spans)
    parts = (_clean_description(arrowed.original(text, s, e)) for s, e in spans)
    description = ", ".join(p for p in parts if p) or None
    if description is not None and len(description) > DESCRIPTION_MAX_CHARS:
        description = _clean_description(description)
    return QuickLog(
        description=description,
        outcome=outcome,
        anxiety_before=float(pair.before),
        anxiety_after=float(pair.after),
    )
