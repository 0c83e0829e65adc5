"""The shape of one language's crisis vocabulary: data only, no matching.

A language is a :class:`Vocabulary`: named *fragments* (reusable pieces such as "die" or
"myself", substituted into rules as ``{name}``), the *context* words that cancel a match
(negation, intensifiers, humour markers), and per :class:`Category` its *phrases* (one
pattern is enough) and *combinations* (every part must occur within a short window, in any
order: a means next to a self-directed goal, a time next to a decision). Patterns are
regular expressions in plain spelling over ``normalise.chat_tokens()`` output.

Spanish and Russian are added as ``spanish.py`` / ``russian.py`` with the same shape and one
line in ``VOCABULARIES`` (``bot/domain/crisis/__init__.py``); the detector is unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Category(StrEnum):
    """What a crisis message says; the reasons for each are in the package docstring."""

    EXPLICIT_INTENT = "explicit_intent"
    PASSIVE_IDEATION = "passive_ideation"
    MEANS = "means"
    PLANS = "plans"
    PREPARATIONS = "preparations"
    BURDEN = "burden"
    SELF_HARM = "self_harm"
    RESEARCH = "research"


@dataclass(frozen=True)
class Phrase:
    """One pattern. ``weak`` phrases are common hyperbole ("I'd rather die") and are
    cancelled by a humour marker nearby; strong ones only by a negation right before."""

    name: str
    pattern: str
    weak: bool = False


@dataclass(frozen=True)
class Combination:
    """Every part must match within ``window`` characters of each other, in any order."""

    name: str
    parts: tuple[str, ...]
    window: int = 90
    weak: bool = False


@dataclass(frozen=True)
class Vocabulary:
    language: str
    fragments: dict[str, str]
    negation: str
    intensifier: str
    figurative: str
    phrases: dict[Category, tuple[Phrase, ...]]
    combinations: dict[Category, tuple[Combination, ...]] = field(default_factory=dict)
