"""Care over the emulator: reframes, rest, the weekly pace (crisis language: test_crisis.py),
/about, /export, /delete and the operator view."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from bot.db.models import Base, User
from bot.sandbox.harness import CoachHarness, texts_of
from tests.telegram.helpers import attempts_of, clock_of, onboard, tick, user_row

ALICE, BOB = 8001, 8002
MONDAY_MORNING = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)  # 08:00 in Berlin


def nudges_to(coach: CoachHarness, user_id: int) -> int:
    return sum("Not today" in m.button_texts for m in coach.emulator.messages(user_id))


async def test_harsh_self_talk_gets_one_kind_reframe(coach: CoachHarness) -> None:
    await onboard(coach, ALICE)
    await coach.say(ALICE, "/log asked a colleague to review my slides")
    await coach.tap(ALICE, "No")
    await coach.tap(ALICE, "Skip")
    await coach.tap(ALICE, "Skip")
    await coach.tap(ALICE, "4")
    replies = await coach.say(ALICE, "I'm such an idiot, I always mess up")
    text = texts_of(replies)
    assert "friend" in text or "human" in text or "Gentle reminder" in text
    [attempt] = await attempts_of(coach, ALICE)
    assert attempt.lesson == "I'm such an idiot, I always mess up"  # still their words, kept


async def test_rough_attempt_offers_rest_and_skipping_tomorrow(coach: CoachHarness) -> None:
    clock_of(coach).set(MONDAY_MORNING)
    await onboard(coach, ALICE)
    replies = await coach.say(ALICE, "asked my boss for a raise, got a no, 9 -> 9")
    assert "skip tomorrow" in texts_of(replies).lower()
    done = await coach.tap(ALICE, "Yes, skip tomorrow")
    assert "no nudge tomorrow" in texts_of(done)
    await tick(coach, datetime(2026, 11, 24, 8, 1, tzinfo=UTC))  # Tuesday: skipped
    assert nudges_to(coach, ALICE) == 0
    await tick(coach, datetime(2026, 11, 25, 8, 1, tzinfo=UTC))  # Wednesday: back
    assert nudges_to(coach, ALICE) == 1


async def test_drained_words_and_busy_days_offer_rest(coach: CoachHarness) -> None:
    await onboard(coach, ALICE)
    assert "rest" in texts_of(await coach.say(ALICE, "I'm so drained today")).lower()
    await coach.say(ALICE, "asked for directions, got a yes, 3 -> 1")
    await coach.say(ALICE, "asked for a taste of cheese, got a yes, 3 -> 2")
    third = await coach.say(ALICE, "asked a stranger for the time, got a yes, 2 -> 1")
    assert "skip tomorrow" in texts_of(third).lower()


async def test_weekly_pace_celebrates_and_holds_nudges(coach: CoachHarness) -> None:
    clock_of(coach).set(MONDAY_MORNING)
    await onboard(coach, ALICE)
    await coach.say(ALICE, "asked for directions, got a yes, 3 -> 1")
    clock_of(coach).set(MONDAY_MORNING + timedelta(days=1))
    await coach.say(ALICE, "asked for a discount, got a no, 5 -> 2")
    third = await coach.say(ALICE, "asked to swap seats, got a yes, 4 -> 2")
    assert "3 asks this week" in texts_of(third)
    held = await coach.say(ALICE, "/idea")
    assert "One anyway" in held[-1].button_texts
    assert "💡" in texts_of(await coach.tap(ALICE, "One anyway"))
    await tick(coach, datetime(2026, 11, 25, 8, 1, tzinfo=UTC))
    assert nudges_to(coach, ALICE) == 0  # the week's pace is met: nudges rest
    await coach.tap(ALICE, "Keep nudging me")
    await tick(coach, datetime(2026, 11, 26, 8, 1, tzinfo=UTC))
    assert nudges_to(coach, ALICE) >= 1


async def test_about_names_the_method_and_that_it_is_not_therapy(coach: CoachHarness) -> None:
    text = texts_of(await coach.say(ALICE, "/about"))
    assert "Jason Comely" in text and "Jia Jiang" in text
    assert "not therapy" in text and "CBT" in text


async def test_export_sends_json_and_csv(coach: CoachHarness) -> None:
    await onboard(coach, ALICE)
    await coach.say(ALICE, "asked for a discount, got a no, 7 -> 3")
    await coach.say(ALICE, "/add ask the baker to save me a loaf")
    await coach.tap(ALICE, "2")
    replies = await coach.say(ALICE, "/export")
    documents = [m for m in replies if m.kind == "document" and m.file is not None]
    assert len(documents) == 2
    blobs = {
        m.file.file_name: coach.emulator.file_bytes(m.file.file_id)  # type: ignore[union-attr]
        for m in documents
    }
    data = json.loads(blobs["rejection-coach-data.json"] or b"")
    assert data["profile"]["timezone"] == "Europe/Berlin"
    assert data["attempts"][0]["outcome"] == "no"
    assert data["personal_ideas"][0]["text"] == "ask the baker to save me a loaf"
    rows = list(
        csv.DictReader(io.StringIO((blobs["rejection-coach-asks.csv"] or b"").decode("utf-8-sig")))
    )
    assert rows[0]["outcome"] == "no"
    assert rows[0]["anxiety_before"] == "7.0"


async def test_export_includes_the_question_we_are_waiting_on(coach: CoachHarness) -> None:
    await onboard(coach, ALICE)
    await coach.say(ALICE, "/add ask the florist which flower lasts longest")
    replies = await coach.say(ALICE, "/export")
    [document] = [m for m in replies if m.file and (m.file.file_name or "").endswith(".json")]
    assert document.file is not None
    data = json.loads(coach.emulator.file_bytes(document.file.file_id) or b"")
    pending = data["pending_conversation"]
    assert (pending["flow"], pending["step"]) == ("add", "level")
    assert pending["data"]["text"] == "ask the florist which flower lasts longest"
    assert "user_id" not in pending


async def rows_about(coach: CoachHarness, user_id: int) -> dict[str, int]:
    """Rows in every table that mention this person (by user, owner or chat id)."""
    found = {}
    async with coach.runtime.deps.db.sessions() as session:
        for table in Base.metadata.sorted_tables:
            columns = [c for c in table.c if c.name in ("id", "user_id", "owner_id", "chat_id")]
            if table.name != "users":
                columns = [c for c in columns if c.name != "id"]
            for column in columns:
                count = await session.scalar(
                    select(func.count()).select_from(table).where(column == user_id)
                )
                found[f"{table.name}.{column.name}"] = int(count or 0)
    return found


async def test_delete_erases_every_row_about_the_person(coach: CoachHarness) -> None:
    clock_of(coach).set(MONDAY_MORNING)
    await onboard(coach, ALICE)
    await onboard(coach, BOB, name="Bob")
    await coach.say(ALICE, "asked for a discount, got a no, 7 -> 3")
    await coach.say(ALICE, "/add ask the baker to save me a loaf")
    await coach.tap(ALICE, "2")
    await coach.say(ALICE, "/idea")
    await coach.tap(ALICE, "Not for me")
    await tick(coach, datetime(2026, 11, 29, 17, 0, tzinfo=UTC))  # a stored weekly recap
    before = await rows_about(coach, ALICE)
    assert sum(before.values()) > 8

    await coach.say(ALICE, "/delete")
    kept = await coach.tap(ALICE, "No, keep my data")
    assert "nothing deleted" in texts_of(kept)
    still = await rows_about(coach, ALICE)
    still.pop("inbox.chat_id"), before.pop("inbox.chat_id")  # the /delete updates themselves
    assert still == before
    await coach.say(ALICE, "/delete")
    done = await coach.tap(ALICE, "Yes, erase everything")
    assert "erased" in texts_of(done)
    after = await rows_about(coach, ALICE)
    assert set(after.values()) == {0}, {k: v for k, v in after.items() if v}
    assert (await user_row(coach, BOB)).first_name == "Bob"  # nobody else is touched
    fresh = await coach.say(ALICE, "/start")
    assert "where in the world" in texts_of(fresh)


async def test_operator_view_is_for_admins_and_shows_counts_only(sqlite_url: str) -> None:
    async with CoachHarness(sqlite_url, admin_ids="8002") as coach:
        await onboard(coach, ALICE)
        await coach.say(ALICE, "asked for a discount, got a no, 7 -> 3")
        denied = texts_of(await coach.say(ALICE, "/admin"))
        assert "don't know that command" in denied
        shown = texts_of(await coach.say(BOB, "/admin"))
        assert "People: 1" in shown or "People: 2" in shown
        assert "discount" not in shown
        assert "Asks logged this week: 1" in shown


async def test_stored_user_rows_hold_no_contact_details(coach: CoachHarness) -> None:
    await onboard(coach, ALICE)
    columns = {column.name for column in User.__table__.columns}
    assert not columns & {"phone", "phone_number", "username", "email", "last_name"}
