"""The unit of work: one update processed in one database transaction (a "turn").

Handlers never call the Bot API themselves: they queue what they want to say on the turn,
and the turn's messages are written to the outbox in the same transaction as the answers
they acknowledge. So a crash can never leave a saved answer without its reply, or a reply
for an answer not saved. `Outgoing` is one such queued Bot API call.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

# Keyboards are wire-format data (rows of buttons and the callback codec), not features.
from bot.telegram.keyboards import Keyboard, markup


@dataclass(frozen=True)
class Outgoing:
    """One Bot API call to make after the transaction commits."""

    chat_id: int
    method: str
    payload: dict[str, Any]
    kind: str = "reply"
    file: bytes | None = None


CHART_FILENAME = "progress.png"


def chart_message(
    chat_id: int,
    data: dict[str, Any],
    labels: dict[str, str],
    caption: str,
    *,
    kind: str = "reply",
    keyboard: Keyboard | None = None,
    keep: dict[str, Any] | None = None,
) -> Outgoing:
    """A chart photo, drawn at send time from plain data (see bot.services.chart_data).
    `keep` is handed, with the drawn picture, to the outbox's `keep_drawn` hook."""
    payload = {
        "chart": data,
        "labels": labels,
        "caption": caption,
        "parse_mode": "HTML",
        "filename": CHART_FILENAME,
    }
    if keyboard:
        payload["reply_markup"] = markup(keyboard)
    if keep:
        payload["keep"] = keep
    return Outgoing(chat_id, "sendPhoto", payload, kind)


@dataclass
class Turn:
    session: AsyncSession
    now: datetime
    rng: random.Random
    outgoing: list[Outgoing] = field(default_factory=list)
    error: BaseException | None = None
    # The person's language, once their row is read (bot.telegram.handlers.common).
    language: str = "en"

    def send(
        self,
        chat_id: int,
        text: str,
        keyboard: Keyboard | None = None,
        *,
        kind: str = "reply",
    ) -> None:
        payload: dict[str, Any] = {"text": text, "parse_mode": "HTML"}
        if keyboard:
            payload["reply_markup"] = markup(keyboard)
        self.outgoing.append(Outgoing(chat_id, "sendMessage", payload, kind))

    def send_many(self, chat_id: int, texts: Sequence[str]) -> None:
        for text in texts:
            self.send(chat_id, text)

    def clear_buttons(self, chat_id: int, message_id: int) -> None:
        """Take the buttons off an answered question, so it cannot be pressed twice."""
        self.outgoing.append(
            Outgoing(chat_id, "editMessageReplyMarkup", {"message_id": message_id})
        )

    def answer_button(
        self, chat_id: int, query_id: str, text: str | None = None, *, first: bool = False
    ) -> None:
        payload: dict[str, Any] = {"callback_query_id": query_id}
        if text:
            payload["text"] = text
        answer = Outgoing(chat_id, "answerCallbackQuery", payload)
        if first:
            self.outgoing.insert(0, answer)
        else:
            self.outgoing.append(answer)

    def send_chart(
        self,
        chat_id: int,
        data: dict[str, Any],
        labels: dict[str, str],
        caption: str,
        keyboard: Keyboard | None = None,
        *,
        keep: dict[str, Any] | None = None,
    ) -> None:
        self.outgoing.append(
            chart_message(chat_id, data, labels, caption, keyboard=keyboard, keep=keep)
        )

    def send_file(
        self,
        chat_id: int,
        method: str,
        data: bytes,
        *,
        filename: str,
        caption: str,
        keyboard: Keyboard | None = None,
    ) -> None:
        payload: dict[str, Any] = {"filename": filename, "caption": caption, "parse_mode": "HTML"}
        if keyboard:
            payload["reply_markup"] = markup(keyboard)
        self.outgoing.append(Outgoing(chat_id, method, payload, file=data))


_current_turn: ContextVar[Turn] = ContextVar("current_turn")


def bind_turn(turn: Turn) -> object:
    """Make `turn` visible to handlers run from this task; returns a reset token."""
    return _current_turn.set(turn)


def unbind_turn(token: object) -> None:
    _current_turn.reset(token)  # type: ignore[arg-type]


def current_turn() -> Turn:
    """The turn of the update being handled (handlers run inside one: see inbox)."""
    try:
        return _current_turn.get()
    except LookupError:
        raise RuntimeError("handlers run inside a turn (see bot.delivery.inbox)") from None
