"""Timezones (:func:`resolve_timezone`)
-----------------------------------
Returns a valid IANA name (checked against ``zoneinfo.available_timezones()``), tried in
this order:

1. An IANA name in any case, spaces for underscores allowed: ``"europe/berlin"``.
2. A place: a city from the tz database (``"America/New_York"`` → ``"new york"``), a
   hand-written alias for big cities that are not zone names (``"NYC"``, ``"LA"``,
   ``"Munich"``, ``"Mumbai"``, ``"Kiev"``), a region (``"California"``), a country whose
   people (nearly) all live in one zone (``"Germany"``, ``"UK"``, ``"Spain"`` — its Canary
   Islands aside), or an abbreviation (``"CET"``). Accents, case and punctuation do not
   matter; lead-ins such as "I live in" are dropped; ``"berlin, germany"`` is read part by
   part and parts that disagree (``"Paris, Texas"``, ``"London, Ontario"``) give ``None``.
   Names of 5+ letters tolerate one typo (two from 9 letters on) with the right first
   letter, when the closest names all mean one zone ("Berlni", "Tokio"; not "earth" → Perth).
3. A UTC offset: ``"UTC+2"``, ``"GMT-5"``, ``"+05:30"``, ``"utc +2"``, ``"UTC+5.5"``.
   Whole hours give a fixed ``Etc/GMT`` zone — mind the inverted sign: UTC+2 is
   ``"Etc/GMT-2"``; UTC+0 is ``"UTC"``. Other offsets give the zone where most people at
   that offset live (``FRACTIONAL_OFFSETS``): +5:30 Asia/Kolkata, +5:45 Asia/Kathmandu,
   -3:30 America/St_Johns, +9:30 Australia/Adelaide, +3:30 Asia/Tehran ... Such a zone may
   observe DST while the typed offset does not; naming a city is more precise.
   A place wins over an offset in the same message (``"Berlin (UTC+1)"`` → Europe/Berlin).

Never guessed (→ ``None``): multi-zone countries (USA, Canada, Russia, Brazil, Australia,
Mexico, Indonesia, ...), "Georgia" (country or US state), and ambiguous abbreviations:
IST (India/Ireland/Israel), CST (US Central/China/Cuba), BST (British Summer/Bangladesh),
AST (Atlantic/Arabia). Abbreviation decisions: EST/EDT/ET → America/New_York, CDT/CT →
America/Chicago, MST/MDT/MT → America/Denver (Arizona: type "Phoenix"), PST/PDT/PT →
America/Los_Angeles (the US reading is by far the most common; Philippine users can type
"Manila"), CET/CEST → Europe/Berlin, EET/EEST → Europe/Athens, WET/WEST → Europe/Lisbon,
UTC/Z/Zulu → UTC, GMT → Etc/GMT (exactly UTC+0, no summer time: UK users get London's
summer time by typing "London" or "UK").
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass

from bot.domain.normalise import plain, words_only
from bot.domain.timezones.places import FRACTIONAL_OFFSETS, place_index

_LEADING_FILLERS = (
    "i live in", "i m in", "im in", "i am in", "i m from", "im from", "i am from",
    "i m based in", "i am based in", "based in", "living in", "live in", "i live near",
    "i m near", "near", "close to", "in", "from", "at", "my timezone is", "my time zone is",
    "my tz is", "timezone", "time zone", "tz", "it s", "its", "it is", "the", "currently",
    "right now", "now", "city of", "greater", "sunny", "rainy", "beautiful", "lovely",
)  # fmt: skip
_TRAILING_FILLERS = (
    "time", "timezone", "time zone", "tz", "zone", "standard", "daylight", "please", "thanks",
    "thank you", "area", "here", "now", "currently", "right now", "metro", "region",
)  # fmt: skip
_PART_SPLIT_RE = re.compile(r"\s*(?:[,;|()\[\]/]|\s-\s)\s*")
_OFFSET_RE = re.compile(
    r"(?<![\w+-])(?:(?:utc|gmt|z)\s*)?(?P<sign>[+-])\s*(?P<hours>\d{1,2})"
    r"(?:(?:\s*[:.h]\s*|)(?P<minutes>\d{2})|[.,](?P<fraction>5|25|75))?(?![\w:]|[.,]\d)"
)
_FUZZY_MIN_LETTERS = 5
_FUZZY_MAX_CHARS = 40
_FUZZY_TWO_EDITS_FROM = 9
_NGRAM_MAX_WORDS = 4

# Timezone resolution


@dataclass(frozen=True, slots=True)
class _Found:
    """A lookup result: ``zone`` is None when the name is known to be ambiguous."""

    zone: str | None


def _iana_name(folded: str) -> str | None:
    """ "Europe/Berlin", "america/new york", or one inside a sentence: "mine is Asia/Tokyo"."""
    iana = place_index().iana
    whole = folded.strip().strip(".!?\"'").replace(" ", "_")
    if whole in iana:
        return iana[whole]
    found = {iana[w] for w in re.findall(r"[\w+-]+/[\w+/-]+", folded) if w in iana}
    return found.pop() if len(found) == 1 else None


def _offset_zone(match: re.Match[str]) -> str | None:
    hours = int(match.group("hours"))
    minutes = int(match.group("minutes") or 0)
    if fraction := match.group("fraction"):
        minutes = {"5": 30, "25": 15, "75": 45}[fraction]
    sign = -1 if match.group("sign") == "-" else 1
    if minutes >= 60:
        return None
    if minutes == 0:
        if not -12 <= sign * hours <= 14:
            return None
        return "UTC" if hours == 0 else f"Etc/GMT{-sign * hours:+d}"
    return FRACTIONAL_OFFSETS.get((sign * hours, sign * minutes))


def _lookup(text: str) -> _Found | None:
    key = words_only(text)
    places = place_index().places
    return _Found(places[key]) if key in places else None


def _without_fillers(text: str) -> Iterable[str]:
    """The text, then versions with lead-ins and tails ("I live in", "time") removed."""
    current = words_only(text)
    yield current
    for _ in range(6):
        shorter = current
        for filler in _LEADING_FILLERS:
            if shorter.startswith(filler + " "):
                shorter = shorter[len(filler) + 1 :]
                break
        for filler in _TRAILING_FILLERS:
            if shorter.endswith(" " + filler):
                shorter = shorter[: -len(filler) - 1]
                break
        if shorter == current:
            return
        current = shorter
        yield current


def _lookup_part(text: str) -> _Found | None:
    for variant in _without_fillers(text):
        found = _lookup(variant)
        if found is not None:
            return found
    return None


def _one_zone(found: Iterable[_Found | None]) -> str | None:
    """The single zone all known parts agree on; disagreement means we do not know."""
    zones = {f.zone for f in found if f is not None and f.zone is not None}
    return zones.pop() if len(zones) == 1 else None


def _scan_words(text: str) -> str | None:
    """Pick place names out of a sentence: "I moved to sunny Berlin last year"."""
    words = words_only(text).split()
    index = place_index()
    found: list[_Found] = []
    position = 0
    while position < len(words):
        for size in range(min(_NGRAM_MAX_WORDS, len(words) - position), 0, -1):
            key = " ".join(words[position : position + size])
            if key in index.scan_keys:
                found.append(_Found(index.places[key]))
                position += size
                break
        else:
            position += 1
    return _one_zone(found)


def _edit_distance(a: str, b: str) -> int:
    """Optimal-string-alignment distance: insertions, deletions, substitutions, swaps."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]


def _fuzzy(text: str) -> str | None:
    """A small typo in a longer place name: "Berlni", "Londn", "Tokio", "Johanesburg".

    difflib finds candidates; a candidate counts only with the same first letter (typos
    rarely hit it) and at most 1 edit (2 from 9 letters on), and all the closest
    candidates must agree. So "being" is not Beijing and "earth" is not Perth.
    """
    key = words_only(text)
    if not _FUZZY_MIN_LETTERS <= len(key) <= _FUZZY_MAX_CHARS:
        return None
    if not all(ch.isalpha() or ch == " " for ch in key):
        return None
    index = place_index()
    allowed = 1 if len(key) < _FUZZY_TWO_EDITS_FROM else 2
    scored = [
        (_edit_distance(key, candidate), candidate)
        for candidate in difflib.get_close_matches(key, index.fuzzy_keys, n=5, cutoff=0.75)
        if candidate[0] == key[0]
    ]
    scored = [(distance, c) for distance, c in scored if distance <= allowed]
    if not scored:
        return None
    best = min(distance for distance, _ in scored)
    zones = {index.places[c] for distance, c in scored if distance == best}
    return zones.pop() if len(zones) == 1 else None


def _resolve_place(text: str) -> _Found | None:
    whole = _lookup_part(text)
    if whole is not None:
        return whole
    parts = [p for p in _PART_SPLIT_RE.split(text) if words_only(p)]
    if len(parts) > 1:
        found = [_lookup_part(p) for p in parts]
        if any(f is not None and f.zone is not None for f in found):
            zone = _one_zone(found)
            return _Found(zone) if zone else _Found(None)
    scanned = _scan_words(text)
    if scanned is not None:
        return _Found(scanned)
    for part in parts:
        for variant in _without_fillers(part):
            if (zone := _fuzzy(variant)) is not None:
                return _Found(zone)
    return None


def resolve_timezone(text: str) -> str | None:
    """An IANA zone name for what someone typed, or ``None`` if unknown or ambiguous."""
    folded = plain(text)
    if not folded.strip():
        return None
    if (iana := _iana_name(folded)) is not None:
        return iana
    offset_match = _OFFSET_RE.search(folded)
    offset_zone = _offset_zone(offset_match) if offset_match else None
    rest = folded
    if offset_match is not None:
        rest = folded[: offset_match.start()] + " " + folded[offset_match.end() :]
    place = _resolve_place(rest) if words_only(rest) else None
    if place is not None and place.zone is not None:
        return place.zone
    return offset_zone
