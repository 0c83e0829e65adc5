"""Phrase rules over chat tokens: the matching engine shared by the care detectors.

A rule is a regular expression written in plain spelling and matched on whole tokens of
``normalise.chat_tokens()`` output (its doubled letters are squashed the same way, so
"kill myself" also matches "kil myself" and "killl myself"). A match can be cancelled by
context: a *negation* ending right before it ("not suicidal", "do not want to die"), unless
an *intensifier* is what precedes ("never felt so alone"); or a marker *near* it (humour
near a hyperbole, "but it passed" near "felt stupid"). The vocabulary of each is data,
passed in by the detector that owns it; nothing here knows a language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.domain.normalise import squash_pattern

CONTEXT_CHARS = 60
"""How far (characters of normalised text) to look around a match for context: about eight
to ten words, enough for "I'd rather die than do that again lol", short enough that a joke
two sentences earlier does not cancel a later, serious sentence."""


def compile_tokens(source: str) -> re.Pattern[str]:
    """Compile a plain-spelling pattern for whole-token matching on chat tokens."""
    return re.compile(rf"(?<!\S)(?:{squash_pattern(source)})(?!\S)")


def compile_suffix(source: str) -> re.Pattern[str]:
    """Compile a pattern that must match at the *end* of the text before a phrase."""
    return re.compile(rf"(?<!\S)(?:{squash_pattern(source)}) $")


@dataclass(frozen=True)
class Context:
    """What cancels a match, as compiled patterns (``None``: nothing of that kind)."""

    negation: re.Pattern[str] | None = None
    intensifier: re.Pattern[str] | None = None
    near: re.Pattern[str] | None = None


@dataclass(frozen=True)
class PhraseRule:
    """One named pattern and the context that cancels it."""

    name: str
    pattern: re.Pattern[str]
    context: Context = Context()


def negated(context: Context, normalised: str, start: int) -> bool:
    if context.negation is None:
        return False
    before = normalised[max(0, start - CONTEXT_CHARS) : start]
    if context.intensifier is not None and context.intensifier.search(before):
        return False
    return context.negation.search(before) is not None


def cancelled_near(context: Context, normalised: str, start: int, end: int) -> bool:
    if context.near is None:
        return False
    window = normalised[max(0, start - CONTEXT_CHARS) : end + CONTEXT_CHARS]
    return context.near.search(window) is not None


def first_match(rule: PhraseRule, normalised: str) -> re.Match[str] | None:
    """The first match of *rule* in *normalised* that no context cancels."""
    for match in rule.pattern.finditer(normalised):
        start, end = match.span()
        if negated(rule.context, normalised, start):
            continue
        if cancelled_near(rule.context, normalised, start, end):
            continue
        return match
    return None
