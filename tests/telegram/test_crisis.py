"""Crisis language over the emulator: wherever the person is, the lines for their country,
the follow-through after, light replies to hyperbole, and nothing kept that should not be."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from sqlalchemy import select

from bot.db.models import InboxUpdate
from bot.sandbox.harness import CoachHarness, texts_of
from tests.telegram.helpers import attempts_of, clock_of, conversation_of, onboard, tick, user_row

ALICE = 8101
MONDAY_MORNING = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)  # 08:00 in Berlin
CRISIS = "honestly i just want to die, whats the point"


def nudges_to(coach: CoachHarness, user_id: int) -> int:
    return sum("Not today" in m.button_texts for m in coach.emulator.messages(user_id))


def is_crisis_reply(text: str) -> bool:
    return "findahelpline.com" in text and "I'm only a practice bot" in text


async def start_log(coach: CoachHarness) -> None:
    await coach.say(ALICE, "/log asked my sister to call me back")
    await coach.tap(ALICE, "No")


async def test_mid_flow_crisis_keeps_the_flow_and_holds_nudges_until_they_write(
    coach: CoachHarness,
) -> None:
    clock_of(coach).set(MONDAY_MORNING)
    await onboard(coach, ALICE)
    await start_log(coach)
    before = await conversation_of(coach, ALICE)
    assert before is not None
    replies = await coach.say(ALICE, CRISIS)
    text = texts_of(replies)
    assert len(replies) == 1 and is_crisis_reply(text)
    # Berlin: Germany's line and emergency number, then the directory.
    assert "0800 111 0 111" in text and "112" in text
    assert text.index("0800 111 0 111") < text.index("findahelpline.com")
    assert "💡" not in text  # no challenge, no praise, no rest offer in that reply
    assert "skip tomorrow" not in text.lower()
    after = await conversation_of(coach, ALICE)
    assert after is not None and after.step == before.step  # the flow is kept as it was
    [attempt] = await attempts_of(coach, ALICE)
    assert attempt.lesson is None  # the message was not taken as an answer

    user = await user_row(coach, ALICE)
    assert user.crisis_hold_at is not None and user.crisis_count == 1
    await tick(coach, datetime(2026, 11, 24, 8, 1, tzinfo=UTC))  # next day: still held
    assert nudges_to(coach, ALICE) == 0

    check_in = texts_of(await coach.say(ALICE, "ok"))  # whatever they write next
    assert "How are you doing right now?" in check_in
    assert (await user_row(coach, ALICE)).crisis_hold_at is None
    assert (await conversation_of(coach, ALICE)) is not None  # still there to go back to
    await tick(coach, datetime(2026, 11, 25, 8, 1, tzinfo=UTC))
    assert nudges_to(coach, ALICE) == 1


async def test_follow_through_buttons(coach: CoachHarness) -> None:
    await onboard(coach, ALICE)
    await coach.say(ALICE, "i've been saving up my sleeping pills")
    await coach.say(ALICE, "sorry")
    again = texts_of(await coach.tap(ALICE, "Show the lines again"))
    assert "0800 111 0 111" in again and "findahelpline.com" in again
    assert "💡" not in again
    back = texts_of(await coach.tap(ALICE, "back to practice"))
    assert "Nothing you started is lost" in back
    assert "💡" not in back  # practice resumes when they choose, not with a challenge now


async def test_crisis_anywhere_onboarding_edit_caption_add(coach: CoachHarness) -> None:
    coach.emulator.add_user(ALICE, "Alice")
    await coach.say(ALICE, "/start")
    assert is_crisis_reply(texts_of(await coach.say(ALICE, "i don't want to be here anymore")))
    assert "How are you" in texts_of(await coach.say(ALICE, "Berlin"))  # check-in first
    await coach.say(ALICE, "Berlin")  # onboarding carries on where it was
    await coach.say(ALICE, "9:00")
    await coach.tap(ALICE, "Every day")
    await coach.tap(ALICE, "1 · gentle")

    sent = coach.emulator.send_text(ALICE, "asked for help at the shop, fine")
    await coach.settle()
    assert sent.message is not None
    coach.emulator.edit_text(
        ALICE, sent.message.message_id, "everyone would be better off without me"
    )
    await coach.settle()
    last = coach.emulator.last_message(ALICE)
    assert last is not None and is_crisis_reply(last.text or "")
    await coach.say(ALICE, "fine")  # the check-in

    coach.emulator.send_photo(ALICE, caption="i keep cutting myself")
    await coach.settle()
    last = coach.emulator.last_message(ALICE)
    assert last is not None and is_crisis_reply(last.text or "")
    await coach.say(ALICE, "ok")

    await coach.say(ALICE, "/add")
    assert is_crisis_reply(texts_of(await coach.say(ALICE, "i've written letters for afterwards")))


async def test_helplines_follow_the_time_zone(coach: CoachHarness) -> None:
    coach.emulator.add_user(ALICE, "Alice")
    await coach.say(ALICE, "/start")
    await coach.say(ALICE, "Manila")
    text = texts_of(await coach.say(ALICE, "kms"))
    assert "1553" in text and "911" in text and "findahelpline.com" in text


async def test_figurative_message_gets_a_light_line_and_the_flow_continues(
    coach: CoachHarness,
) -> None:
    await onboard(coach, ALICE)
    replies = await coach.say(ALICE, "asked for a discount, got a no, 6 -> 3, kill me now")
    text = texts_of(replies)
    assert "If you meant that lightly" in text
    assert not is_crisis_reply(text)
    assert len(await attempts_of(coach, ALICE)) == 1  # logged as usual
    assert (await user_row(coach, ALICE)).crisis_hold_at is None
    ordinary = texts_of(await coach.say(ALICE, "I'd kill for a coffee"))
    assert "If you meant that lightly" not in ordinary and not is_crisis_reply(ordinary)


async def test_crisis_text_is_not_kept_and_operator_counts_without_content(
    coach: CoachHarness,
) -> None:
    await onboard(coach, ALICE)
    await coach.say(ALICE, CRISIS)
    async with coach.runtime.deps.db.sessions() as session:
        payloads = list(await session.scalars(select(InboxUpdate.payload)))
    assert not any("want to die" in json.dumps(p) for p in payloads if p is not None)
    await coach.say(ALICE, "ok")  # the check-in
    replies = await coach.say(ALICE, "/export")
    blobs = [
        coach.emulator.file_bytes(m.file.file_id) or b""
        for m in replies
        if m.kind == "document" and m.file is not None
    ]
    assert len(blobs) == 2
    assert not any(b"want to die" in blob for blob in blobs)
    assert (await user_row(coach, ALICE)).crisis_count == 1


async def test_operator_view_counts_crises_without_content(sqlite_url: str) -> None:
    operator = 8102
    async with CoachHarness(sqlite_url, admin_ids=str(operator)) as coach:
        await onboard(coach, ALICE)
        await coach.say(ALICE, CRISIS)
        shown = texts_of(await coach.say(operator, "/admin"))
        assert "Crisis replies: 1" in shown
        assert "die" not in shown


async def test_the_recap_of_a_crisis_week_is_a_gentle_note(coach: CoachHarness) -> None:
    clock_of(coach).set(MONDAY_MORNING)
    await onboard(coach, ALICE)
    await coach.say(ALICE, "asked for a discount at the market, got a no, 8 -> 4")
    clock_of(coach).set(datetime(2026, 11, 25, 12, 0, tzinfo=UTC))
    await coach.say(ALICE, CRISIS)
    await coach.say(ALICE, "ok")
    before = len(coach.emulator.messages(ALICE))
    await tick(coach, datetime(2026, 11, 29, 17, 0, tzinfo=UTC))  # Sunday 18:00 in Berlin
    [recap] = coach.emulator.messages(ALICE)[before:]
    text = recap.text or ""
    assert "No numbers this week" in text and "glad you're here" in text
    assert "die" not in text and "discount" not in text and not recap.buttons
    # The week after is an ordinary recap again.
    await tick(coach, datetime(2026, 12, 6, 17, 0, tzinfo=UTC))
    assert "No numbers this week" not in (coach.emulator.messages(ALICE)[-1].text or "")


async def test_crisis_in_a_reply_to_a_nudge(coach: CoachHarness) -> None:
    clock_of(coach).set(MONDAY_MORNING)
    await onboard(coach, ALICE)
    await tick(coach, datetime(2026, 11, 23, 8, 1, tzinfo=UTC))
    [nudge] = [m for m in coach.emulator.messages(ALICE) if "Not today" in m.button_texts]
    replies = await coach.say(
        ALICE,
        "i have a plan for tonight, i'm going to end it",
        reply_to_message_id=nudge.message_id,
    )
    assert len(replies) == 1 and is_crisis_reply(texts_of(replies))
    assert (await user_row(coach, ALICE)).crisis_hold_at is not None
