"""The logging conversation as data: which question comes next, and what an answer means.

Before the ask (optional, right after "I'll try it"):
    predict (chance of a no, 0-100%)  ->  anxiety_now (0-10)  ->  asked? (waiting)
After the ask:
    asked?  ->  outcome  ->  predicted (if not given before)  ->  anxiety_before (if not
    given before)  ->  anxiety_after  ->  lesson  ->  done
"Not this time" at `asked` ends the attempt kindly; "not yet" (later, tomorrow) keeps it
planned and the check-in comes again once, at a sensible local time. Every question can be
skipped; a skipped field is not asked again in the same conversation.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from enum import StrEnum

from bot.domain.answers import (
    NotYet,
    Outcome,
    is_no_guess,
    parse_anxiety,
    parse_no_chance,
    parse_not_yet,
    parse_outcome,
    parse_yes_no,
)
from bot.domain.normalise import fold
from bot.domain.words import SOURCE_LANGUAGE


class Step(StrEnum):
    WHAT = "what"
    PREDICT = "predict"
    ANXIETY_NOW = "anxiety_now"
    ASKED = "asked"
    OUTCOME = "outcome"
    PREDICTED = "predicted"
    ANXIETY_BEFORE = "anxiety_before"
    ANXIETY_AFTER = "anxiety_after"
    LESSON = "lesson"


class Kind(StrEnum):
    PERCENT = "percent"
    SCALE = "scale"
    OUTCOME = "outcome"
    ASKED = "asked"
    TEXT = "text"


class Field(StrEnum):
    """Attempt columns the questions fill."""

    DESCRIPTION = "description"
    OUTCOME = "outcome"
    PREDICTED = "predicted_no_pct"
    ANXIETY_BEFORE = "anxiety_before"
    ANXIETY_AFTER = "anxiety_after"
    LESSON = "lesson"


@dataclass(frozen=True)
class Question:
    step: Step
    kind: Kind
    field: Field | None


QUESTIONS: dict[Step, Question] = {
    Step.WHAT: Question(Step.WHAT, Kind.TEXT, Field.DESCRIPTION),
    Step.PREDICT: Question(Step.PREDICT, Kind.PERCENT, Field.PREDICTED),
    Step.ANXIETY_NOW: Question(Step.ANXIETY_NOW, Kind.SCALE, Field.ANXIETY_BEFORE),
    Step.ASKED: Question(Step.ASKED, Kind.ASKED, None),
    Step.OUTCOME: Question(Step.OUTCOME, Kind.OUTCOME, Field.OUTCOME),
    Step.PREDICTED: Question(Step.PREDICTED, Kind.PERCENT, Field.PREDICTED),
    Step.ANXIETY_BEFORE: Question(Step.ANXIETY_BEFORE, Kind.SCALE, Field.ANXIETY_BEFORE),
    Step.ANXIETY_AFTER: Question(Step.ANXIETY_AFTER, Kind.SCALE, Field.ANXIETY_AFTER),
    Step.LESSON: Question(Step.LESSON, Kind.TEXT, Field.LESSON),
}

# The question that re-asks a field when someone fixes it from /history.
FIX_STEPS: dict[Field, Step] = {
    Field.OUTCOME: Step.OUTCOME,
    Field.PREDICTED: Step.PREDICTED,
    Field.ANXIETY_BEFORE: Step.ANXIETY_BEFORE,
    Field.ANXIETY_AFTER: Step.ANXIETY_AFTER,
    Field.LESSON: Step.LESSON,
}

AFTER_ORDER: tuple[tuple[Step, Field], ...] = (
    (Step.PREDICTED, Field.PREDICTED),
    (Step.ANXIETY_BEFORE, Field.ANXIETY_BEFORE),
    (Step.ANXIETY_AFTER, Field.ANXIETY_AFTER),
    (Step.LESSON, Field.LESSON),
)


@dataclass(frozen=True)
class Progress:
    """What an attempt already holds, and which fields the person chose to skip."""

    outcome: str | None
    predicted: int | None
    anxiety_before: float | None
    anxiety_after: float | None
    lesson: str | None
    skipped: AbstractSet[str] = frozenset()

    def value(self, field: Field) -> object:
        return {
            Field.OUTCOME: self.outcome,
            Field.PREDICTED: self.predicted,
            Field.ANXIETY_BEFORE: self.anxiety_before,
            Field.ANXIETY_AFTER: self.anxiety_after,
            Field.LESSON: self.lesson,
            Field.DESCRIPTION: None,
        }[field]


def next_before_ask(progress: Progress) -> Step:
    """The next pre-ask question, or ASKED ("off you go; did you ask?") when done."""
    for step, field in ((Step.PREDICT, Field.PREDICTED), (Step.ANXIETY_NOW, Field.ANXIETY_BEFORE)):
        if progress.value(field) is None and field.value not in progress.skipped:
            return step
    return Step.ASKED


def next_after_ask(progress: Progress) -> Step | None:
    """The next post-ask question, or None when the attempt is complete."""
    if progress.outcome is None:
        return Step.OUTCOME
    if progress.outcome == Outcome.DIDNT_ASK:
        return None
    for step, field in AFTER_ORDER:
        if progress.value(field) is None and field.value not in progress.skipped:
            return step
    return None


# -- reading answers ------------------------------------------------------------------------


@dataclass(frozen=True)
class Answer:
    """A parsed answer: `value` to store in the question's field. For ASKED, `value` is an
    Outcome when the person already said what happened ("they said no!"), True for a plain
    yes, Outcome.DIDNT_ASK for "not this time" and a NotYet for "not yet" / "later"."""

    value: object
    no_guess: bool = False  # "no idea": nothing to store, pass over the question


def read_typed(question: Question, text: str, language: str = SOURCE_LANGUAGE) -> Answer | None:
    """Understand a typed answer to `question`; None if we can't (the caller re-asks)."""
    if question.kind in (Kind.PERCENT, Kind.SCALE) and is_no_guess(text, language):
        return Answer(None, no_guess=True)
    if question.kind is Kind.PERCENT:
        scale = parse_no_chance(text, language)
        return Answer(int(scale.value)) if scale is not None else None
    if question.kind is Kind.SCALE:
        scale = parse_anxiety(text, language)
        return Answer(scale.value) if scale is not None else None
    if question.kind is Kind.OUTCOME:
        outcome = parse_outcome(text, language)
        if outcome is None:
            said_yes = parse_yes_no(text, language)
            outcome = None if said_yes is None else (Outcome.YES if said_yes else Outcome.NO)
        return Answer(outcome) if outcome is not None else None
    if question.kind is Kind.ASKED:
        return _read_asked(text, language)
    cleaned = text.strip()
    return Answer(cleaned) if cleaned else None


# Words that show an answer to "did you ask?" is about the other person's reply ("they
# said no", "got a yes", "ghosted") rather than about asking ("yes I did", "nope").
_ABOUT_THEIR_REPLY = re.compile(
    r"\b(?:said|says|agreed|accepted|declined|refused|rejected|denied|got|they|he|she|them|"
    r"reply|replied|answer(?:ed)?|ghost\w*|ignored|turned|nobody|heard)\b",
    re.IGNORECASE,
)


def _read_asked(text: str, language: str) -> Answer | None:
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
PERCENT_CHOICES = (10, 30, 50, 70, 90)
SCALE_CHOICES = tuple(range(11))


def read_button(question: Question, code: str) -> Answer | None:
    """The answer a button press stands for; None for codes no button of ours carries."""
    if question.kind is Kind.PERCENT:
        return Answer(int(code)) if code.isdigit() and int(code) in PERCENT_CHOICES else None
    if question.kind is Kind.SCALE:
        return Answer(float(code)) if code.isdigit() and int(code) in SCALE_CHOICES else None
    if question.kind is Kind.OUTCOME:
        return Answer(OUTCOME_CODES[code]) if code in OUTCOME_CODES else None
    if question.kind is Kind.ASKED:
        return {"y": Answer(True), "n": Answer(Outcome.DIDNT_ASK), "l": Answer(NotYet.LATER)}.get(
            code
        )
    return None


def read_fix(field: Field, typed: str, language: str = SOURCE_LANGUAGE) -> Answer | None:
    """A corrected value for `field` from /history's fix or the dashboard: a button code
    (outcome "no", "na", ...) or anything the chat's question for that field understands."""
    step = FIX_STEPS.get(field)
    if step is None:
        return None
    question = QUESTIONS[step]
    answer = read_button(question, typed.strip()) or read_typed(question, typed, language)
    return None if answer is None or answer.no_guess else answer
