"""Buddy notes: the only messages one person's practice causes in another person's chat.

They are rendered in the receiver's language and carry the sharer's first name and
nothing else: no idea, outcome, numbers, lesson, level or care event (DESIGN rule 7).
"""

from __future__ import annotations

from bot.db.models import User
from bot.services import buddies
from bot.services.buddies import Note, NoteKind
from bot.telegram.context import CoachContext
from bot.telegram.keyboards import Button, Cb, Keyboard, pack
from bot.texts import Texts

NOTE_KIND = "buddy"
CHEER = "ch"


def note_text(texts: Texts, ctx: CoachContext, note: Note) -> tuple[str, Keyboard | None]:
    rng = ctx.turn.rng
    if note.kind is NoteKind.LINK_ENDED or note.pair_id is None:
        return texts("buddy.ended", rng), None
    cheer = Button(texts.plain("buttons.buddy.cheer", rng), pack(Cb.BUDDY, CHEER, note.pair_id))
    return texts("buddy.note", rng, name=note.name or texts.plain("nudge.friend", rng)), [[cheer]]


def deliver(ctx: CoachContext, note: Note) -> None:
    """Queue a note in the receiver's chat, in the receiver's language."""
    body, keyboard = note_text(ctx.deps.texts_for(note.to.language), ctx, note)
    ctx.turn.send(note.to.chat_id, body, keyboard, kind=NOTE_KIND)


def tell(ctx: CoachContext, to: User, key: str, **params: object) -> None:
    """Any other buddy message for the other person, in their language."""
    texts = ctx.deps.texts_for(to.language)
    ctx.turn.send(to.chat_id, texts(key, ctx.turn.rng, **params), kind=NOTE_KIND)


async def share_effort(ctx: CoachContext, user: User) -> None:
    """After any logged ask: "<name> made an ask today", at most once a day."""
    note = await buddies.after_ask(ctx.turn.session, user, now=ctx.turn.now)
    if note is not None:
        deliver(ctx, note)
