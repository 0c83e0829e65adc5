"""Answers to the questions about one ask (bot.domain.flows.log): the chance of a no, a
0-10 anxiety, what they said, "did you ask?", a few words; typed or pressed.

Each reader answers None when it isn't sure, so the flow asks again (with buttons).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.domain.answers.outcomes import parse_outcome
from bot.domain.answers.replies import parse_not_yet, parse_yes_no
from bot.domain.answers.scales import is_no_guess, parse_anxiety, parse_no_chance
from bot.domain.answers.types import NotYet, Outcome
from bot.domain.normalise import fold


@dataclass(frozen=True)
class Answer:
    """A parsed answer: `value` to store in the question's field. For "did you ask?",
    `value` is an Outcome when the person already said what happened ("they said no!"),
    True for a plain yes, Outcome.DIDNT_ASK for "not this time" and a NotYet for "not yet"
    / "later"."""

    value: object
    no_guess: bool = False  # "no idea": nothing to store, pass over the question


NO_GUESS = Answer(None, no_guess=True)


def read_percent(text: str, language: str) -> Answer | None:
    """The chance of a no, 0-100 %."""
    if is_no_guess(text, language):
        return NO_GUESS
    scale = parse_no_chance(text, language)
    return Answer(int(scale.value)) if scale is not None else None


def read_scale(text: str, language: str) -> Answer | None:
    """Anxiety, 0-10."""
    if is_no_guess(text, language):
        return NO_GUESS
    scale = parse_anxiety(text, language)
    return Answer(scale.value) if scale is not None else None


def read_outcome(text: str, language: str) -> Answer | None:
    """What they said: an outcome word, else a plain yes/no."""
    outcome = parse_outcome(text, language)
    if outcome is None:
        said_yes = parse_yes_no(text, language)
        outcome = None if said_yes is None else (Outcome.YES if said_yes else Outcome.NO)
    return Answer(outcome) if outcome is not None else None


def read_words(text: str, language: str) -> Answer | None:
    """A few words of the person's own (what they asked, what they learned)."""
    cleaned = text.strip()
    return Answer(cleaned) if cleaned else None


# Words that show an answer to "did you ask?" is about the other person's reply ("they
# said no", "got a yes", "ghosted") rather than about asking ("yes I did", "nope").
_ABOUT_THEIR_REPLY = re.compile(
    r"\b(?:said|says|agreed|accepted|declined|refused|rejected|denied|got|they|he|she|them|"
    r"reply|replied|answer(?:ed)?|ghost\w*|ignored|turned|nobody|heard)\b",
    re.IGNORECASE,
)


def read_asked(text: str, language: str) -> Answer | None:
    """ "Did you ask?" is a yes/no question, but people often answer with what happened.

    A bare "yes"/"no" answers the question itself ("no" = not this time); a reply that
    talks about the other person ("they said no", "got ghosted") is the outcome.
    """
    about_them = _ABOUT_THEIR_REPLY.search(fold(text, language).text)
    not_yet = parse_not_yet(text, language) if about_them is None else None
    if not_yet is not None:
        return Answer(not_yet)
    outcome = parse_outcome(text, language)
    asked = parse_yes_no(text, language)
    if outcome is Outcome.DIDNT_ASK:
        return Answer(Outcome.DIDNT_ASK)
    if outcome is not None and (asked is None or about_them):
        return Answer(outcome)
    if asked is None:
        return None
    return Answer(True if asked else Outcome.DIDNT_ASK)


# Button values are short codes inside callback data (see bot.telegram.keyboards).
OUTCOME_CODES: dict[str, Outcome] = {
    "no": Outcome.NO,
    "yes": Outcome.YES,
    "na": Outcome.NO_ANSWER,
    "mid": Outcome.PARTIAL,
}
ASKED_CODES: dict[str, object] = {"y": True, "n": Outcome.DIDNT_ASK, "l": NotYet.LATER}
PERCENT_CHOICES = (10, 30, 50, 70, 90)
SCALE_CHOICES = tuple(range(11))


def press_percent(code: str) -> Answer | None:
    return Answer(int(code)) if code.isdigit() and int(code) in PERCENT_CHOICES else None


def press_scale(code: str) -> Answer | None:
    return Answer(float(code)) if code.isdigit() and int(code) in SCALE_CHOICES else None


def press_outcome(code: str) -> Answer | None:
    return Answer(OUTCOME_CODES[code]) if code in OUTCOME_CODES else None


def press_asked(code: str) -> Answer | None:
    return Answer(ASKED_CODES[code]) if code in ASKED_CODES else None
