"""Understand the short answers people type back to the coach (a package by topic:
``scales``, ``outcomes``, ``replies`` (yes/no and control words), ``quick_log``, over
``numbers`` and the shared normaliser ``bot.domain.normalise``).

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
  ``"0.7"`` → 70. A bare 1..10 answer without a marker is a 0-10 rating, read as tens:
  ``"maybe 8"`` → 80, ``"about 6 or 7"`` → 65, ``"9 or 10"`` → 95; only a lone ``"10"``
  stays 10 % (it is also the "10%" button). Larger bare numbers are percents: ``"35"`` → 35.
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
  50, ``"half"`` 50, ``"unlikely"`` 30, ...), and ``"no idea"``/``"not sure"`` give ``None``
  from ``parse_scale`` and ``True`` from ``is_no_guess`` (the question is passed over). Word answers
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

from bot.domain.answers.outcomes import parse_outcome
from bot.domain.answers.quick_log import parse_quick_log
from bot.domain.answers.replies import parse_control, parse_not_yet, parse_yes_no
from bot.domain.answers.scales import is_no_guess, parse_anxiety, parse_no_chance, parse_scale
from bot.domain.answers.types import (
    ANXIETY_HIGH,
    ANXIETY_LOW,
    DESCRIPTION_MAX_CHARS,
    NO_CHANCE_HIGH,
    NO_CHANCE_LOW,
    Control,
    NotYet,
    Outcome,
    QuickLog,
    ScaleAnswer,
)
from bot.domain.normalise import MAX_SCAN_CHARS

__all__ = [
    "ANXIETY_HIGH",
    "ANXIETY_LOW",
    "DESCRIPTION_MAX_CHARS",
    "MAX_SCAN_CHARS",
    "NO_CHANCE_HIGH",
    "NO_CHANCE_LOW",
    "Control",
    "NotYet",
    "Outcome",
    "QuickLog",
    "ScaleAnswer",
    "is_no_guess",
    "parse_anxiety",
    "parse_control",
    "parse_no_chance",
    "parse_not_yet",
    "parse_outcome",
    "parse_quick_log",
    "parse_scale",
    "parse_yes_no",
]
