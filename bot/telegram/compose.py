"""One reply per message: everything a turn wants to say in a chat, composed.

Handlers queue parts as they go (a reframe, "Logged: …", the credit, a rest offer, the next
question); which handler fired first must not decide what the person receives. So before a
turn's messages reach the outbox, the plain replies to each chat are put in one fixed order
of importance and joined into one message:

    care first → what was understood → the credit and the brain-update line →
    at most one offer → the next question.

Keyboards travel with their text: an offer's buttons are stacked under those of the reply
("Undo" and "Skip tomorrow?" in one message). Anything else with buttons, a question above
all, stands alone when a part before it already carries buttons, so the answer buttons sit
right under the question they answer. Photos, documents,
button answers, edits and notes to other people are left exactly where they were. The
result is at most two messages per chat and turn on every path we have (the tests log
twenty asks every way and count).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import IntEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.delivery.turn import Outgoing

REPLY = "reply"
SEND = "sendMessage"


class Part(IntEnum):
    """Where a piece of a reply goes, in order of importance."""

    CARE = 0
    UNDERSTOOD = 1
    CREDIT = 2
    OFFER = 3
    QUESTION = 4
    # A question that opens a conversation after a long text (the first onboarding question
    # after the welcome): always its own message, so it is what stays on screen.
    ALONE = 5


@dataclass(frozen=True)
class Piece:
    """One queued text for a chat, before composing."""

    text: str
    keyboard: Any  # an InlineKeyboardMarkup dict, as the outbox stores it
    part: Part
    order: int


def composable(method: str, kind: str, payload: dict[str, Any]) -> bool:
    return method == SEND and kind == REPLY and isinstance(payload.get("text"), str)


def compose(pieces: Sequence[Piece]) -> list[tuple[str, Any]]:
    """The (text, keyboard) messages for one chat: ordered, one offer at most, joined."""
    ordered = sorted(pieces, key=lambda piece: (piece.part, piece.order))
    offers = [piece for piece in ordered if piece.part is Part.OFFER]
    kept = [piece for piece in ordered if piece.part is not Part.OFFER or piece is offers[0]]
    messages: list[tuple[list[str], Any]] = []
    for piece in kept:
        if not messages:
            messages.append(([piece.text], piece.keyboard))
            continue
        texts, keyboard = messages[-1]
        if piece.part is Part.ALONE:
            messages.append(([piece.text], piece.keyboard))
            continue
        if piece.keyboard is not None and keyboard is not None:
            if piece.part is not Part.OFFER:  # only an offer's buttons join the others
                messages.append(([piece.text], piece.keyboard))
                continue
            keyboard = _stacked(keyboard, piece.keyboard)
        texts.append(piece.text)
        messages[-1] = (texts, keyboard if keyboard is not None else piece.keyboard)
    return [("\n\n".join(texts), keyboard) for texts, keyboard in messages]


def _stacked(first: Any, second: Any) -> Any:
    rows = [*first.get("inline_keyboard", []), *second.get("inline_keyboard", [])]
    return {**first, "inline_keyboard": rows}


def compose_outgoing(outgoing: Sequence[Outgoing]) -> list[Outgoing]:
    """Compose a turn's messages: each chat's plain replies become one message (two when a
    question with buttons must stand alone), put where that chat's first reply was;
    everything else keeps its place."""
    pieces: dict[int, list[Piece]] = {}
    first: dict[int, Outgoing] = {}
    placed: list[Outgoing | int] = []  # an int marks where a chat's composed reply goes
    for order, message in enumerate(outgoing):
        if not composable(message.method, message.kind, message.payload):
            placed.append(message)
            continue
        chat = message.chat_id
        if chat not in first:
            first[chat] = message
            placed.append(chat)
        part = Part(message.part) if message.part is not None else Part.UNDERSTOOD
        keyboard = message.payload.get("reply_markup")
        pieces.setdefault(chat, []).append(Piece(message.payload["text"], keyboard, part, order))
    final: list[Outgoing] = []
    for item in placed:
        if not isinstance(item, int):
            final.append(item)
            continue
        base = first[item]
        for text, keyboard in compose(pieces[item]):
            payload = {k: v for k, v in base.payload.items() if k != "reply_markup"}
            payload["text"] = text
            if keyboard is not None:
                payload["reply_markup"] = keyboard
            final.append(replace(base, payload=payload, part=None))
    return final
