"""Conversations as data: each multi-step flow is a table of steps.

A step says what it accepts (a reader for typed text and one for button codes), which
field the answer writes, and what comes next. `bot.services.flows` runs the tables: it
owns the person's pending question and returns a decision the handlers render. The
tables are plain data, one screen per flow, in the spirit of PTB's
`ConversationHandler(states=...)`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

# Reads typed text in the person's language: the value, or None when it isn't understood.
TypedReader = Callable[[str, str], Any]
# Reads a button code from our own callback data: the value, or None for a forged code.
CodeReader = Callable[[str], Any]
# What comes after an answer: a step name, or None when the flow is done.
Next = str | Callable[[Any], str | None] | None

MAX_REASKS = 2  # misses before a question is let go or offers to skip


@dataclass(frozen=True)
class Step:
    """One question of a flow."""

    read: TypedReader
    writes: str | None = None  # the field a service writer stores the answer in
    then: Next = None
    press: CodeReader | None = None
    miss: str = "unknown"  # the re-ask's key suffix when an answer isn't understood


@dataclass(frozen=True)
class Flow:
    name: str
    first: str
    steps: Mapping[str, Step] = field(default_factory=dict)

    def after(self, step: str, value: object) -> str | None:
        """The step that follows `step` once it was answered with `value`."""
        then = self.steps[step].then
        return then(value) if callable(then) else then
