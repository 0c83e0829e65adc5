"""Logging an ask, and fixing one value of it from /history, as data.

Before the ask (optional, right after "I'll try it"):
    predict (chance of a no, 0-100%)  ->  anxiety_now (0-10)  ->  asked? (waiting)
After the ask:
    asked?  ->  outcome  ->  predicted (if not given before)  ->  anxiety_before (if not
    given before)  ->  anxiety_after  ->  lesson  ->  done
/log for an ask that came from no idea starts at `what` ("what did you ask?"), then outcome.

Skips: a question whose field already holds a value, or that the person skipped ("skip",
"no idea") in this conversation, is not asked. "Did you ask?" and "what did they say?" are
the heart of the log and are never skipped: "skip" there asks again.
At `asked`: "yes" goes on to the outcome; a reply that already says what happened ("they
said no") is the outcome; "not this time" ends the attempt kindly (it still counts); "not
yet" / "later" keeps it planned and the check-in comes again once, at a sensible hour.
Fixing (/history): that one field's question, then done; "no idea" there is asked again.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from enum import StrEnum

from bot.domain.answers import Control, Outcome, QuickLog, parse_control, parse_quick_log
from bot.domain.answers.asks import (
    Answer,
    press_asked,
    press_outcome,
    press_percent,
    press_scale,
    read_asked,
    read_outcome,
    read_percent,
    read_scale,
    read_words,
)
from bot.domain.flows import CodeReader, Flow, Next, TypedReader
from bot.domain.flows import Step as Rule
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
    """What a question accepts: its reader, its buttons and its re-ask go by this."""

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

    def open(self, field: Field) -> bool:
        return self.value(field) is None and field.value not in self.skipped


BEFORE_ASK_ORDER = ((Step.PREDICT, Field.PREDICTED), (Step.ANXIETY_NOW, Field.ANXIETY_BEFORE))
AFTER_ASK_ORDER = (
    (Step.PREDICTED, Field.PREDICTED),
    (Step.ANXIETY_BEFORE, Field.ANXIETY_BEFORE),
    (Step.ANXIETY_AFTER, Field.ANXIETY_AFTER),
    (Step.LESSON, Field.LESSON),
)
NEVER_SKIPPED = frozenset({Field.OUTCOME, Field.DESCRIPTION})


def next_before_ask(progress: Progress) -> Step:
    """The next pre-ask question, or ASKED ("off you go; did you ask?") when done."""
    return next((step for step, field in BEFORE_ASK_ORDER if progress.open(field)), Step.ASKED)


def next_after_ask(progress: Progress) -> Step | None:
    """The next post-ask question, or None when the attempt is complete."""
    if progress.outcome is None:
        return Step.OUTCOME
    if progress.outcome == Outcome.DIDNT_ASK:
        return None
    return next((step for step, field in AFTER_ASK_ORDER if progress.open(field)), None)


_READERS: dict[Kind, tuple[TypedReader, CodeReader | None]] = {
    Kind.PERCENT: (read_percent, press_percent),
    Kind.SCALE: (read_scale, press_scale),
    Kind.OUTCOME: (read_outcome, press_outcome),
    Kind.ASKED: (read_asked, press_asked),
    Kind.TEXT: (read_words, None),
}


def _question(kind: Kind, writes: Field | None, then: Next) -> Rule:
    read, press = _READERS[kind]
    return Rule(read=read, press=press, writes=writes, then=then, miss=kind.value)


# `then` is a step, or a function of the attempt's Progress (the service passes it).
# fmt: off
LOG = Flow("log", first=Step.WHAT, steps={
    #                              accepts       writes                then
    Step.WHAT:           _question(Kind.TEXT,    Field.DESCRIPTION,    Step.OUTCOME),
    Step.PREDICT:        _question(Kind.PERCENT, Field.PREDICTED,      next_before_ask),
    Step.ANXIETY_NOW:    _question(Kind.SCALE,   Field.ANXIETY_BEFORE, next_before_ask),
    # "yes" -> outcome; an outcome said here ("they said no") is stored, and on as from it
    Step.ASKED:          _question(Kind.ASKED,   Field.OUTCOME,        Step.OUTCOME),
    Step.OUTCOME:        _question(Kind.OUTCOME, Field.OUTCOME,        next_after_ask),
    Step.PREDICTED:      _question(Kind.PERCENT, Field.PREDICTED,      next_after_ask),
    Step.ANXIETY_BEFORE: _question(Kind.SCALE,   Field.ANXIETY_BEFORE, next_after_ask),
    Step.ANXIETY_AFTER:  _question(Kind.SCALE,   Field.ANXIETY_AFTER,  next_after_ask),
    Step.LESSON:         _question(Kind.TEXT,    Field.LESSON,         next_after_ask),
})
# fmt: on

# The question that re-asks a field when someone fixes it from /history.
FIX_STEPS: dict[Field, Step] = {
    Field.OUTCOME: Step.OUTCOME,
    Field.PREDICTED: Step.PREDICTED,
    Field.ANXIETY_BEFORE: Step.ANXIETY_BEFORE,
    Field.ANXIETY_AFTER: Step.ANXIETY_AFTER,
    Field.LESSON: Step.LESSON,
}
FIX = Flow(
    "fix",
    first=Step.OUTCOME,
    steps={step: replace(LOG.steps[step], then=None) for step in FIX_STEPS.values()},
)


# -- reading the table ------------------------------------------------------------------------


def kind_of(step: Step) -> Kind:
    return Kind(LOG.steps[step].miss)


def field_of(step: Step) -> Field | None:
    writes = LOG.steps[step].writes
    return None if writes is None or step is Step.ASKED else Field(writes)


def read_typed(step: Step, text: str, language: str = SOURCE_LANGUAGE) -> Answer | None:
    """Understand a typed answer to `step`; None if we can't (the caller re-asks)."""
    answer: Answer | None = LOG.steps[step].read(text, language)
    return answer


def read_button(step: Step, code: str) -> Answer | None:
    """The answer a button press stands for; None for codes no button of ours carries."""
    press = LOG.steps[step].press
    answer: Answer | None = press(code) if press is not None else None
    return answer


def read_fix(field: Field, typed: str, language: str = SOURCE_LANGUAGE) -> Answer | None:
    """A corrected value for `field` from /history's fix or the dashboard: a button code
    (outcome "no", "na", ...) or anything the chat's question for that field understands."""
    step = FIX_STEPS.get(field)
    if step is None:
        return None
    answer = read_button(step, typed.strip()) or read_typed(step, typed, language)
    return None if answer is None or answer.no_guess else answer


@dataclass(frozen=True)
class Reply:
    """A typed message, read as an answer to one question."""

    control: Control | None  # "cancel", "undo", "skip"
    answer: Answer | None  # None: not understood
    quick: QuickLog | None = None  # at "did you ask?": a whole ask told in one line

    @property
    def plain_answer(self) -> bool:
        """An understood answer, not a control word."""
        return self.control is None and self.answer is not None


def read_reply(step: Step, text: str, language: str = SOURCE_LANGUAGE) -> Reply:
    quick = parse_quick_log(text, language) if step is Step.ASKED else None
    return Reply(parse_control(text, language), read_typed(step, text, language), quick)
