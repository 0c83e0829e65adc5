"""What the answer parsers return, and the scales they read onto."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

DESCRIPTION_MAX_CHARS = 300
ANXIETY_LOW, ANXIETY_HIGH = 0, 10
NO_CHANCE_LOW, NO_CHANCE_HIGH = 0, 100


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


class NotYet(StrEnum):
    """ "Did you ask?" answered "not yet": ask again later today, or not before tomorrow."""

    LATER = "later"
    TOMORROW = "tomorrow"


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
