"""The unit of work: one update processed inside a database transaction (a "turn"; a
chat's waiting updates share one transaction, all or nothing: see bot.delivery.inbox).

Handlers never call the Bot API themselves: they queue what they want to say on the turn,
and the turn's messages are written to the outbox in the same transaction as the answers
they acknowledge. So a crash can never leave a saved answer without its reply, or a reply
for an answer not saved. `Outgoing` is one such queued Bot API call.
"""

from __future__ import annotations

import random
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import inspect
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import User

# Composing replies orders wire-format messages by their part (no feature knowledge); the
# line memory is plain data on the person's row.
from bot.telegram.compose import compose_outgoing

# Keyboards are wire-format data (rows of buttons and the callback codec), not features.
from bot.telegram.keyboards import Keyboard, markup

if TYPE_CHECKING:
    from bot.texts import Texts

# A stock line is not said twice within this many replies to one person.
RECENT_REPLIES = 10
_MESSAGES = frozenset({"sendMessage", "sendPhoto", "sendDocument"})


@dataclass(frozen=True)
class Outgoing:
    """One Bot API call to make after the transaction commits."""

    chat_id: int
    method: str
    payload: dict[str, Any]
    kind: str = "reply"
    file: bytes | None = None
    # Where a plain reply goes in the composed answer (bot.telegram.compose.Part).
    part: int | None = None


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
    # The person this turn answers, and the stock lines (prompt key and variant) of their
    # last replies and of this one: a canned line is not repeated within RECENT_REPLIES.
    person: User | None = None
    recent: list[str] = field(default_factory=list)
    used: list[str] = field(default_factory=list)

    def meet(self, person: User) -> None:
        """Remember who this turn answers, and what they were told lately."""
        self.person = person
        self.language = person.language
        self.recent = [tag for reply in person.recent_lines or [] for tag in reply]

    def line(self, texts: Texts, key: str, params: dict[str, object]) -> str:
        """Render `key`, rotating its variants away from the person's recent replies."""
        if len(texts.variants(key)) < 2:
            return texts(key, self.rng, **params)
        rendered, tag = texts.rotate(key, self.rng, [*self.recent, *self.used], **params)
        self.used.append(tag)
        return rendered

    def fresh(self, texts: Texts, key: str, params: dict[str, object]) -> bool:
        """Whether `key` can still be said without repeating a recent line."""
        return texts.is_fresh(key, [*self.recent, *self.used], **params)

    def send(
        self,
        chat_id: int,
        text: str,
        keyboard: Keyboard | None = None,
        *,
        kind: str = "reply",
        part: int | None = None,
    ) -> None:
        """Queue a text; plain replies are composed into one message (bot.telegram.compose)."""
        payload: dict[str, Any] = {"text": text, "parse_mode": "HTML"}
        if keyboard:
            payload["reply_markup"] = markup(keyboard)
        self.outgoing.append(Outgoing(chat_id, "sendMessage", payload, kind, part=part))

    def composed(self) -> list[Outgoing]:
        """What this turn sends, each chat's replies composed into one; the person's
        memory of recent lines moves on by the replies they get."""
        messages = compose_outgoing(self.outgoing)
        person = self.person
        if person is not None and not _gone(person):
            replies = sum(
                m.chat_id == person.chat_id and m.method in _MESSAGES and m.kind == "reply"
                for m in messages
            )
            if replies:
                entries = [self.used, *([] for _ in range(replies - 1))]
                person.recent_lines = [*(person.recent_lines or []), *entries][-RECENT_REPLIES:]
        return messages

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


def _gone(person: User) -> bool:
    state = inspect(person)
    return bool(state.deleted or state.was_deleted or state.detached)


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
