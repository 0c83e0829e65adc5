"""kill -9 in the middle of logging: after a restart the next answer lands on the same attempt."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from bot.db.models import Attempt, Conversation
from bot.sandbox.client import SyncEmulatorClient
from bot.sandbox.threaded import ThreadedEmulator
from tests.e2e.support import CoachProcess, coach_env, rows, say, tap

pytestmark = pytest.mark.e2e
KIM = 6160


def test_kill_minus_nine_mid_flow_then_next_answer(
    emulator: ThreadedEmulator, client: SyncEmulatorClient, database_url: str, tmp_path: Path
) -> None:
    process = CoachProcess(coach_env(emulator, database_url), tmp_path)
    client.add_user(KIM, "Kim")
    process.start()
    try:
        client.wait_for_polling(1, timeout=30)
        say(client, KIM, "/start")
        say(client, KIM, "Lisbon")
        say(client, KIM, "10am")
        tap(client, KIM, "Every day")
        tap(client, KIM, "1 · gentle")
        say(client, KIM, "/idea")
        tap(client, KIM, "I'll try it")
        tap(client, KIM, "70%")
    finally:
        process.kill()

    [(attempt_id, predicted)] = rows(
        database_url, select(Attempt.id, Attempt.predicted_no_pct).where(Attempt.user_id == KIM)
    )
    assert predicted == 70
    [(step, pending_attempt)] = rows(
        database_url,
        select(Conversation.step, Conversation.attempt_id).where(Conversation.user_id == KIM),
    )
    assert (step, pending_attempt) == ("anxiety_now", attempt_id)

    polls = client.stats().calls_by_method.get("getUpdates", 0)
    process.start()
    try:
        client.wait_for_polling(polls + 1, timeout=30)
        replies = say(client, KIM, "about a 6")
        assert any("Off you go" in (m.text or "") or "got this" in (m.text or "") for m in replies)
    finally:
        process.stop()
    [(anxiety_before,)] = rows(
        database_url, select(Attempt.anxiety_before).where(Attempt.id == attempt_id)
    )
    assert anxiety_before == 6.0
    assert len(rows(database_url, select(Attempt.id).where(Attempt.user_id == KIM))) == 1
