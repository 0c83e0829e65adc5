"""The typed context every handler receives: the current turn and the app's dependencies.

The turn itself (one update, one transaction, replies queued for the outbox) is the
delivery layer's unit of work: see bot.delivery.turn.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from telegram.ext import Application, CallbackContext, ExtBot

from bot.delivery.turn import Turn, current_turn

if TYPE_CHECKING:
    from bot.deps import Deps


class BotData:
    """Typed replacement for PTB's bot_data dict: the composition root's dependencies."""

    def __init__(self) -> None:
        self._deps: Deps | None = None

    @property
    def deps(self) -> Deps:
        if self._deps is None:
            raise RuntimeError("dependencies are attached in post_init; none yet")
        return self._deps

    def attach(self, deps: Deps) -> None:
        self._deps = deps


class CoachContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], BotData]):
    """What handlers receive: the current turn and the app's dependencies."""

    def __init__(
        self,
        application: Application[Any, Any, Any, Any, Any, Any],
        chat_id: int | None = None,
        user_id: int | None = None,
    ) -> None:
        super().__init__(application=application, chat_id=chat_id, user_id=user_id)
        # Set by the router for a button press: the message whose buttons it came from.
        self.pressed_message_id: int | None = None

    @property
    def person_chat(self) -> int:
        """Where to write to the person: their private chat, whose id is their user id.

        Never a chat id taken from the update: a press or message from a group must not
        send a person's coaching (or re-point their nudges) into that group."""
        if self._user_id is None:
            raise ValueError("update without a user")
        return self._user_id

    @property
    def turn(self) -> Turn:
        return current_turn()

    @property
    def deps(self) -> Deps:
        return self.bot_data.deps
