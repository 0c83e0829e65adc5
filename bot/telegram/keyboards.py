"""Inline keyboards and the callback-data codec.

Callback data is `<kind>:<part>:<part>...`, at most 64 bytes (Telegram's limit). Anyone
can forge it, so `unpack` only checks the shape; whoever acts on it checks the parts
against the pressing user's own rows.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

CALLBACK_DATA_MAX = 64
# The largest id an INTEGER column holds (PostgreSQL's int4): every id we put in a button.
MAX_ID = 2**31 - 1
_PART_RE = re.compile(r"^[A-Za-z0-9_.-]{1,24}$")


class Cb(StrEnum):
    """Callback kinds. Short codes keep us far from the 64-byte limit."""

    TIMEZONE = "tz"
    TIME = "tm"
    PACE = "pc"
    DAYS = "dy"
    LEVEL = "lv"
    SETTINGS = "st"
    IDEA = "i"
    NUDGE = "n"
    ANSWER = "q"
    HISTORY = "h"
    UNDO = "u"
    PAUSE = "p"
    DELETE = "d"
    MENU = "m"
    ADD = "a"
    FOLLOWUP = "f"
    RECAP = "r"
    NUDGE_DAYS = "nd"
    CARE = "c"
    CRISIS = "cr"
    CAP = "wc"
    QUIET = "qh"
    LANGUAGE = "lg"
    BUDDY = "bd"


class IdeaAction(StrEnum):
    """What an idea or nudge button does: `i:<action>:<idea id>` (or `n:...` on a nudge)."""

    TRY = "try"
    ANOTHER = "more"
    EASIER = "easy"
    BOLDER = "bold"
    NOT_FOR_ME = "nope"
    NOT_TODAY = "skip"
    # Without an idea id: a fresh idea, or one a level gentler than the person's own.
    NEW = "new"
    GENTLER = "down"


@dataclass(frozen=True)
class Button:
    label: str
    data: str
    # Opens the Mini App at this URL instead of sending callback data.
    web_app: str | None = None


Keyboard = Sequence[Sequence[Button]]


@dataclass(frozen=True)
class Callback:
    kind: Cb
    parts: tuple[str, ...]

    def int_part(self, index: int) -> int | None:
        """The part at `index` as a non-negative int that fits the database's integer ids,
        or None if absent, not a number, or too large to be one of our ids (a forged
        24-digit number must read as a stale button, not overflow a query)."""
        if index >= len(self.parts) or not self.parts[index].isdigit():
            return None
        number = int(self.parts[index])
        return number if number <= MAX_ID else None

    def part(self, index: int) -> str | None:
        return self.parts[index] if index < len(self.parts) else None


def pack(kind: Cb, *parts: str | int) -> str:
    texts = [str(part) for part in parts]
    for text in texts:
        if not _PART_RE.fullmatch(text):
            raise ValueError(f"callback part {text!r} has characters we do not encode")
    data = ":".join([kind.value, *texts])
    if len(data.encode()) > CALLBACK_DATA_MAX:
        raise ValueError(f"callback data {data!r} is over {CALLBACK_DATA_MAX} bytes")
    return data


def unpack(data: object) -> Callback | None:
    """Parse callback data; None for anything we did not (or could not) have produced."""
    if (
        not isinstance(data, str)
        or not data
        or len(data.encode("utf-8", "replace")) > CALLBACK_DATA_MAX
    ):
        return None
    head, *parts = data.split(":")
    try:
        kind = Cb(head)
    except ValueError:
        return None
    if len(parts) > 4 or not all(_PART_RE.fullmatch(part) for part in parts):
        return None
    return Callback(kind, tuple(parts))


def markup(keyboard: Keyboard) -> dict[str, Any]:
    """The Bot API JSON for an inline keyboard."""
    return {"inline_keyboard": [[_button(button) for button in row] for row in keyboard if row]}


def _button(button: Button) -> dict[str, Any]:
    if button.web_app is not None:
        return {"text": button.label, "web_app": {"url": button.web_app}}
    return {"text": button.label, "callback_data": button.data}


def rows_of(buttons: Sequence[Button], width: int) -> list[list[Button]]:
    """Lay buttons out `width` to a row (phones show 3-4 short buttons comfortably)."""
    return [list(buttons[start : start + width]) for start in range(0, len(buttons), width)]
