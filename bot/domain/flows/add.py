"""/add: a personal idea for the person's own ladder, in two questions.

"What's the ask?" takes the idea in the person's words; the respect rules (the same as the
catalog's) screen it, and one that doesn't pass gets a kind no with the reasons and ends
the flow. "How bold is it?" takes a level 1-5, typed ("a 4 I think") or tapped; the idea is
then saved and offered at once (`services.add_flow`).
"""

from __future__ import annotations

from bot.domain.flows import Flow, Step

ADD = "add"
TEXT, LEVEL = "text", "level"
LOWEST, HIGHEST = 1, 5


def as_typed(typed: str, language: str) -> str:
    """Any text is an idea to screen: the respect rules, not the reader, decide."""
    return typed


def tidy(idea: str) -> str:
    """The idea as it is kept: one space between words."""
    return " ".join(idea.split())


def level_typed(typed: str, language: str) -> int | None:
    """A level typed as the one digit of the message ("a 4 I think"), else None."""
    digits = [char for char in typed if char.isdecimal()]
    if len(digits) == 1 and LOWEST <= int(digits[0]) <= HIGHEST:
        return int(digits[0])
    return None


def level_tapped(code: str) -> int | None:
    """A level button's level, if it is one we offer."""
    return int(code) if code.isdigit() and LOWEST <= int(code) <= HIGHEST else None


TABLE = Flow(
    name=ADD,
    first=TEXT,
    steps={
        # The idea waits with the question (its data) until the level comes.
        TEXT: Step(read=as_typed, then=LEVEL),
        # Saved as a new idea by services.add_flow once the question ends: a new row, not
        # a field, and its id goes on the "try it now" button.
        LEVEL: Step(read=level_typed, press=level_tapped, miss="level_unknown"),
    },
)
