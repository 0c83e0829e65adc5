"""One error handler: traceback logged (token redacted), a calm apology, others unaffected."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import func, select
from telegram import Update
from telegram.ext import CommandHandler

from bot.db.models import InboxUpdate, User
from bot.logs import RedactingFormatter, Redactor
from bot.sandbox.harness import SANDBOX_TOKEN, CoachHarness, texts_of
from bot.telegram.context import CoachContext

ALICE, BOB = 2001, 2002


async def explode(update: Update, ctx: CoachContext) -> None:
    # Partial work that must be rolled back with the failed turn.
    ctx.turn.session.add(User(id=9999, chat_id=9999))
    raise RuntimeError(f"boom with {SANDBOX_TOKEN}")


async def test_failing_handler_apologises_and_keeps_serving(
    coach: CoachHarness, caplog: pytest.LogCaptureFixture
) -> None:
    coach.runtime.application.add_handler(CommandHandler("boom", explode), group=-2)
    handler = logging.StreamHandler()
    handler.setFormatter(RedactingFormatter(Redactor([SANDBOX_TOKEN])))
    caplog.handler.setFormatter(handler.formatter)  # the same formatter `coach run` uses
    with caplog.at_level(logging.ERROR):
        replies = await coach.say(ALICE, "/boom")
    assert "Sorry" in texts_of(replies) or "Oops" in texts_of(replies)
    assert "safe" in texts_of(replies) or "lost" in texts_of(replies)

    logged = caplog.text
    assert "Traceback" in logged
    assert "RuntimeError" in logged
    assert SANDBOX_TOKEN not in logged
    assert "[REDACTED]" in logged

    # Bob is served normally, and the failed turn's partial write was rolled back.
    help_text = texts_of(await coach.say(BOB, "/help"))
    assert "/idea" in help_text
    async with coach.runtime.deps.db.sessions() as session:
        assert await session.get(User, 9999) is None
        pending = await session.scalar(
            select(func.count()).select_from(InboxUpdate).where(InboxUpdate.processed_at.is_(None))
        )
    assert pending == 0


def test_redactor_removes_configured_secret_and_token_shapes() -> None:
    redact = Redactor(["s3cret-webhook"])
    url = "https://api.telegram.org/bot123456789:AAH-abcdefghijklmnopqrstuvwxyz012/getMe"
    line = f"POST {url} s3cret-webhook"
    cleaned = redact(line)
    assert "123456789:AAH" not in cleaned
    assert "s3cret-webhook" not in cleaned
    assert cleaned.count("[REDACTED]") == 2
