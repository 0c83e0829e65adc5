"""Nudge times (:func:`parse_nudge_time`)
-------------------------------------
``"8"``, ``"8am"``, ``"08:30"``, ``"8.30"``, ``"8h30"``, ``"0830"``, ``"8:30pm"``,
``"20:15"``, ``"half past 7"``, ``"quarter to 9"``, ``"half seven"`` (British, 07:30),
``"seven thirty"``. Minutes are kept as given. Rules for hours without am/pm:

* 1–5 mean the afternoon (``"3"`` → 15:00): a nudge at 3 am is almost never what someone
  means, and asks need other people awake. 6–12 are taken as said (``"7"`` → 07:00,
  ``"12"`` → noon); 0 and 13–23 are a 24-hour clock.
* A zero-padded hour is a deliberate 24-hour clock: ``"03:00"`` → 03:00.
* Words set the half of the day: ``"7 in the evening"``/``"tonight at 7"`` → 19:00,
  ``"3 in the morning"`` → 03:00. Contradictions (``"8pm in the morning"``, ``"13pm"``) and
  several times (``"8 or 9"``) give ``None``.

Named times: noon/midday 12:00, morning 09:00, early morning 07:00, late morning 11:00,
breakfast/before work 08:00, lunch/lunchtime 12:30, afternoon 15:00, after school 16:00,
after work 18:00, evening/tonight/dinner 19:00, after dinner 20:00, night 21:00.
``"midnight"`` → 00:00: it is the person's choice and matches ``"00:00"``; whether to allow
night-time nudges is the caller's policy, not the parser's.

Quiet hours (:func:`parse_quiet_hours`): see its docstring. Clock-shaped answers that no
clock shows ("25:00", "7:75") are told apart by :func:`is_impossible_time`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import time
from typing import Literal

from bot.domain.normalise import plain
from bot.domain.words import SOURCE_LANGUAGE

# Nudge times

_TIME_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
}  # fmt: skip
_TIME_WORD_RE = re.compile(
    r"\b(?P<tens>twenty|thirty|forty|fifty)[\s-]+(?P<unit>one|two|three|four|five|six|seven"
    r"|eight|nine)\b|\b(?P<word>"
    + "|".join(sorted(_TIME_NUMBER_WORDS, key=len, reverse=True))
    + r")\b"
)
# Named times when no clock time is given.
_NAMED_TIMES: dict[str, time] = {
    "noon": time(12), "midday": time(12), "mid day": time(12), "midnight": time(0),
    "morning": time(9), "mornings": time(9), "early morning": time(7),
    "late morning": time(11), "breakfast": time(8), "before work": time(8),
    "lunch": time(12, 30), "lunchtime": time(12, 30), "lunch time": time(12, 30),
    "afternoon": time(15), "afternoons": time(15), "after school": time(16),
    "after work": time(18), "evening": time(19), "evenings": time(19), "tonight": time(19),
    "dinner": time(19), "dinnertime": time(19), "after dinner": time(20),
    "night": time(21),
}  # fmt: skip
_NAMED_TIME_RE = re.compile(
    r"\b(?:" + "|".join(sorted(map(re.escape, _NAMED_TIMES), key=len, reverse=True)) + r")\b"
)
# Words that say which half of the day a bare clock time is in.
_AM_HINT_RE = re.compile(r"\b(?:morning|mornings|breakfast|before work|midnight)\b")
_PM_HINT_RE = re.compile(
    r"\b(?:afternoon|afternoons|evening|evenings|tonight|night|after work|after school"
    r"|after dinner|dinner|dinnertime|lunch|lunchtime|noon|midday)\b"
)
_AMPM_RE = re.compile(r"(?<![^\W\d_])([ap])\.\s?m\.?")  # "p.m." → "pm"
_CLOCK_RE = re.compile(
    r"(?<![\w:.,])(?:"
    r"(?P<rel_min>\d{1,2}|quarter|half)\s+(?P<rel_dir>past|after|to|til|till)\s+(?P<rel_hour>\d{1,2})"
    r"|half\s+(?P<half_hour>\d{1,2})"
    r"|(?P<hm_hour>\d{1,2})\s*(?:[:.h]|\s)\s*(?P<hm_min>\d{2})"
    r"|(?P<mil_hour>\d{1,2})(?P<mil_min>\d{2})"
    r"|(?P<hour>\d{1,2})h?"
    r")(?:\s*(?P<ampm>[ap])m)?(?![\w:]|[.,]\d)"
)


@dataclass(frozen=True, slots=True)
class _Clock:
    hour: int
    minute: int
    ampm: str | None  # "a" / "p"
    literal_24h: bool  # zero-padded hour: take it as a 24-hour clock


def _time_words(match: re.Match[str]) -> str:
    if tens := match.group("tens"):
        return str(_TIME_NUMBER_WORDS[tens] + _TIME_NUMBER_WORDS[match.group("unit")])
    return str(_TIME_NUMBER_WORDS[match.group("word")])


def _relative_clock(match: re.Match[str], ampm: str | None) -> _Clock | None:
    """ "half past 7", "quarter to 9", "10 past 8"."""
    raw_minutes = match.group("rel_min")
    minutes = {"quarter": 15, "half": 30}.get(raw_minutes)
    minutes = int(raw_minutes) if minutes is None else minutes
    hour = int(match.group("rel_hour"))
    if not 0 < minutes < 60:
        return None
    if match.group("rel_dir") in ("to", "til", "till"):
        # "ten to one" is 12:50 on a 12-hour clock; the am/pm rules run afterwards.
        hour, minutes = (12 if hour == 1 else hour - 1), 60 - minutes
        if hour < 0:
            return None
    return _Clock(hour, minutes, ampm, literal_24h=False)


def _clock(match: re.Match[str]) -> _Clock | None:
    ampm = match.group("ampm")
    if match.group("rel_hour") is not None:
        return _relative_clock(match, ampm)
    if match.group("half_hour") is not None:  # British "half seven" = 7:30
        return _Clock(int(match.group("half_hour")), 30, ampm, literal_24h=False)
    for hour_group, minute_group in (("hm_hour", "hm_min"), ("mil_hour", "mil_min")):
        if (raw_hour := match.group(hour_group)) is not None:
            return _Clock(
                int(raw_hour),
                int(match.group(minute_group)),
                ampm,
                literal_24h=len(raw_hour) == 2 and raw_hour.startswith("0"),
            )
    raw_hour = match.group("hour")
    literal = raw_hour.startswith("0") or match.group(0).rstrip().endswith("h")
    return _Clock(int(raw_hour), 0, ampm, literal_24h=literal)


def _to_time(clock: _Clock, hint: _DayHalf) -> time | None:
    hour, minute = clock.hour, clock.minute
    if minute > 59 or hour > 23:
        return None
    half = clock.ampm or hint
    if clock.ampm and hint and clock.ampm != hint:
        return None  # "8pm in the morning"
    if half is not None:
        if not 1 <= hour <= 12:
            if clock.ampm is not None or (hint == "a" and hour > 12):
                return None  # "13pm", "15 in the morning"
            return time(hour, minute)  # "19 in the evening": already a 24-hour clock
        if half == "p":
            return time(hour % 12 + 12, minute)
        return time(hour % 12, minute)
    if 1 <= hour <= 5 and not clock.literal_24h:
        return time(hour + 12, minute)  # nobody wants a 3 am nudge
    return time(hour, minute)


_DayHalf = Literal["a", "p", "both"] | None


def _day_half(text: str) -> _DayHalf:
    """Which half of the day the words point to: "a", "p", "both" (contradiction) or None."""
    am, pm = bool(_AM_HINT_RE.search(text)), bool(_PM_HINT_RE.search(text))
    if am and pm:
        return "both"
    return "a" if am else "p" if pm else None


def _clock_text(text: str, language: str) -> str:
    """The plain form both clock parsers read: "p.m." → "pm", no "o'clock" or "-ish"
    ("8 o'clock", "7ish"), time words as digits."""
    folded = plain(text, language=language)
    folded = _AMPM_RE.sub(lambda m: f" {m.group(1)}m ", folded)
    folded = re.sub(r"\bo\s?'?\s?clock\b|(?<=\d)\s*-?ish\b", " ", folded)
    return _TIME_WORD_RE.sub(_time_words, folded)


def parse_nudge_time(text: str, language: str = SOURCE_LANGUAGE) -> time | None:
    """A local clock time for the daily nudge, or ``None`` if unclear."""
    folded = _clock_text(text, language)
    clocks = list(_CLOCK_RE.finditer(folded))
    if len(clocks) > 1:
        return None  # "8 or 9": which one?
    hint = _day_half(folded)
    if not clocks:
        named = {_NAMED_TIMES[m.group(0)] for m in _NAMED_TIME_RE.finditer(folded)}
        return named.pop() if len(named) == 1 else None
    if hint == "both":
        return None
    clock = _clock(clocks[0])
    return _to_time(clock, hint) if clock is not None else None


# A clock-shaped answer that no clock shows: "25:00", "7:75", "13pm", or a bare "25".
_CLOCK_SHAPED_RE = re.compile(
    r"(?<![\w:.,])(?P<hour>\d{1,2})(?:\s*[:.h]\s*(?P<minute>\d{2}))?(?:\s*(?P<ampm>[ap])m)?"
    r"(?![\w:]|[.,]\d)"
)
_HOURS_IN_A_DAY = 24


def is_impossible_time(text: str, language: str = SOURCE_LANGUAGE) -> bool:
    """True when the answer is written like a clock time that does not exist, so the reply
    can say so ("that's not a time on the clock") rather than "I didn't catch that".

    Only clear shapes count: ``h:mm``, ``h.mm`` or ``hHmm`` with an hour past 23 (``24:00``
    included: the parser reads it as no time, see the tests) or minutes past 59, an am/pm
    hour past 12, or a lone number past 23 as the whole answer. A number inside a sentence
    ("30 minutes after 7") is not one.
    """
    folded = _clock_text(text, language)
    for match in _CLOCK_SHAPED_RE.finditer(folded):
        hour = int(match.group("hour"))
        raw_minute, ampm = match.group("minute"), match.group("ampm")
        if raw_minute is None and ampm is None and folded.strip() != match.group(0):
            continue  # a number inside a sentence: not written as a time
        minute = int(raw_minute) if raw_minute is not None else 0
        if minute > 59 or hour >= _HOURS_IN_A_DAY:
            return True
        if ampm is not None and hour > 12:
            return True
    return False


# Quiet hours

# One end of a quiet-hours range: like a nudge time, without "half past" and friends
# (a range such as "10 to 6" must not read as 5:50).
_RANGE_CLOCK_RE = re.compile(
    r"(?<![\w:.,])(?:"
    r"(?P<hm_hour>\d{1,2})\s*[:.h]\s*(?P<hm_min>\d{2})"
    r"|(?P<mil_hour>\d{2})(?P<mil_min>\d{2})"
    r"|(?P<hour>\d{1,2})(?P<h>h)?"
    r"|(?P<named>midnight|noon|midday)"
    r")(?:\s*(?P<ampm>[ap])m)?(?![\w:]|[.,]\d)"
)
# What may stand between the two ends: "22-7", "10pm to 7am", "between 10 and 6".
_RANGE_SEPARATOR_RE = re.compile(r"-+>?|~|>|→|to|till?|until|and|through|thru")
# Words after a time that say which half of the day it is in. "At night" says nothing new
# (a night is what quiet hours are), so it is only skipped.
_RANGE_AM_RE = re.compile(r"\b(?:in the )?mornings?\b")
_RANGE_PM_RE = re.compile(r"\b(?:in the )?(?:evenings?|afternoons?)\b")
_RANGE_FILLER_RE = re.compile(r"\b(?:at night|tonight|night)\b|[,;.!]")
# A range read with these around it would be a guess ("half past 10 to 7").
_RANGE_REFUSE_RE = re.compile(r"\b(?:half|quarter|past|not|except)\b")
# Readings of an ambiguous range longer than this are a last resort.
_QUIET_PLAUSIBLE_MINUTES = 14 * 60
# The heart of anyone's night: among readings, the one that covers most of it wins.
_CORE_NIGHT = (0, 6 * 60)


@dataclass(frozen=True, slots=True)
class _RangeEnd:
    readings: tuple[time, ...]  # what it may mean, as typed first; empty if invalid
    clock24: bool  # written on a 24-hour clock: 0 or 13-23, zero-padded, "2200", "22h"


def _range_end(match: re.Match[str], hint: str | None) -> _RangeEnd:
    """One end of a quiet-hours range: one reading, two (a bare 1-12) or none (invalid)."""
    ampm = match.group("ampm")
    if (named := match.group("named")) is not None:
        readings = () if ampm else ((time(0),) if named == "midnight" else (time(12),))
        return _RangeEnd(readings, clock24=False)
    if (raw := match.group("hm_hour")) is not None:
        hour, minute = int(raw), int(match.group("hm_min"))
        clock24 = raw.startswith("0")
    elif (raw := match.group("mil_hour")) is not None:
        hour, minute = int(raw), int(match.group("mil_min"))
        clock24 = True
    else:
        raw = match.group("hour")
        hour, minute = int(raw), 0
        clock24 = raw.startswith("0") or match.group("h") is not None
    if hour > 23 or minute > 59 or (ampm and hint and ampm != hint):
        return _RangeEnd((), clock24)  # "25:00", "10pm in the morning"
    clock24 = clock24 or not 1 <= hour <= 12
    half = ampm or hint
    if half is not None:
        if 1 <= hour <= 12:
            return _RangeEnd((time(hour % 12 + (12 if half == "p" else 0), minute),), False)
        if ampm or (half == "a" and hour > 12):
            return _RangeEnd((), clock24)  # "13pm", "15 in the morning"
        return _RangeEnd((time(hour, minute),), clock24)  # "22 in the evening"
    if clock24:
        return _RangeEnd((time(hour, minute),), clock24)
    return _RangeEnd((time(hour, minute), time((hour + 12) % 24, minute)), clock24)


def _minutes(at: time) -> int:
    return at.hour * 60 + at.minute


def _quiet_span(start: time, end: time) -> tuple[int, int]:
    """(length, minutes of the core night covered) of quiet hours from start to end."""
    first, last = _minutes(start), _minutes(end)
    length = (last - first) % (24 * 60)
    covered = 0
    for offset in (0, 24 * 60):  # the core night, today and tomorrow
        low, high = _CORE_NIGHT[0] + offset, _CORE_NIGHT[1] + offset
        covered += max(0, min(first + length, high) - max(first, low))
    return length, covered


def _range_hint(text: str) -> tuple[str | None, str] | None:
    """The half of the day named in `text` ("a", "p" or None) and what is left of it;
    None for a contradiction."""
    am, pm = _RANGE_AM_RE.search(text), _RANGE_PM_RE.search(text)
    if am and pm:
        return None
    rest = _RANGE_FILLER_RE.sub(" ", _RANGE_PM_RE.sub(" ", _RANGE_AM_RE.sub(" ", text)))
    return ("a" if am else "p" if pm else None), rest


def parse_quiet_hours(text: str, language: str = SOURCE_LANGUAGE) -> tuple[time, time] | None:
    """Quiet hours typed as a range, as ``(start, end)`` local wall times; ``None`` if unclear.

    ``"22:00-7:30"``, ``"10pm to 7am"``, ``"22 - 7"``, ``"23:00–06:30"``, ``"between 11
    and 6"``, ``"10 at night to 7 in the morning"``, ``"midnight to 9"``, ``"2200-0700"``.
    Exactly two times joined by a dash or a word (to, till, until, and, through); anything
    else with digits in it, or "half"/"quarter"/"past"/"not" before the end of the range,
    gives ``None``.

    Each end is read like a nudge time: am/pm and morning/evening words decide the half of
    the day, and 0, 13-23, a zero-padded hour, four digits (``"0700"``) or an ``h`` suffix
    are a 24-hour clock. When either end is on a 24-hour clock, so is the other: ``"22-7"``
    is 22:00-07:00 and ``"10:00-18:00"`` a day-sleeper's 10:00-18:00. Otherwise a bare hour
    1-12 may be either half of the day, and among the readings the first of these wins: at
    most 14 hours long, covering more of 00:00-06:00, shorter. So ``"10-7"`` is
    22:00-07:00, ``"1-9"`` 01:00-09:00, ``"12-8"`` 00:00-08:00 and ``"7 to 7"`` 19:00-07:00.

    A start equal to the end (``"7am to 7am"``) is returned as it is: the caller says why
    that can't be quiet hours (see :class:`bot.domain.schedule.QuietHours`).
    """
    folded = _clock_text(text, language)
    ends = list(_RANGE_CLOCK_RE.finditer(folded))
    if len(ends) != 2:
        return None
    first, second = ends
    head, between, tail = (
        folded[: first.start()],
        folded[first.end() : second.start()],
        folded[second.end() :],
    )
    if _RANGE_REFUSE_RE.search(head + " " + between) or any(
        ch.isdigit() for ch in head + between + tail
    ):
        return None
    first_hint, second_hint = _range_hint(between), _range_hint(tail)
    if first_hint is None or second_hint is None:
        return None
    if not _RANGE_SEPARATOR_RE.fullmatch(first_hint[1].strip()):
        return None
    start_end, finish_end = _range_end(first, first_hint[0]), _range_end(second, second_hint[0])
    starts, finishes = start_end.readings, finish_end.readings
    if start_end.clock24 or finish_end.clock24:
        # One end on a 24-hour clock: so is the other ("22-7" is 07:00, "10:00-18:00").
        starts, finishes = starts[:1], finishes[:1]
    readings = [(start, end) for start in starts for end in finishes]
    if not readings:
        return None
    distinct = [(start, end) for start, end in readings if start != end]
    if not distinct:
        return readings[0]

    def rank(reading: tuple[time, time]) -> tuple[bool, int, int]:
        length, covered = _quiet_span(*reading)
        return length > _QUIET_PLAUSIBLE_MINUTES, -covered, length

    return min(distinct, key=rank)
