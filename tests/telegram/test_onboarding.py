"""/start and the first-run questions, /settings, /help, /cancel, groups."""

from __future__ import annotations

from datetime import time

from sqlalchemy import select

from bot.db.models import Conversation, User
from bot.sandbox.harness import CoachHarness, texts_of

ALICE = 1001


async def user_row(coach: CoachHarness, user_id: int) -> User | None:
    async with coach.runtime.deps.db.sessions() as session:
        return await session.get(User, user_id)


async def onboard(coach: CoachHarness, user_id: int = ALICE) -> None:
    coach.emulator.add_user(user_id, "Alice")
    await coach.say(user_id, "/start")
    await coach.say(user_id, "Berlin")
    await coach.say(user_id, "8:30")
    await coach.tap(user_id, "3 a week")
    await coach.tap(user_id, "Tue · Thu · Sat")
    await coach.tap(user_id, "2")


async def test_start_greets_by_name_and_says_not_therapy(coach: CoachHarness) -> None:
    coach.emulator.add_user(ALICE, "Alice")
    replies = await coach.say(ALICE, "/start")
    text = texts_of(replies)
    assert "Hi Alice!" in text
    assert "not therapy" in text
    assert "where in the world" in replies[-1].text  # type: ignore[operator]
    assert any("London" in label for label in replies[-1].button_texts)


async def test_full_onboarding_saves_choices(coach: CoachHarness) -> None:
    await onboard(coach)
    user = await user_row(coach, ALICE)
    assert user is not None
    assert user.timezone == "Europe/Berlin"
    assert user.nudge_time == time(8, 30)
    assert user.pace == "three_a_week"
    assert user.nudge_days == "1,3,5"
    assert user.next_recap_at is not None
    assert user.level == 2
    assert user.onboarded_at is not None
    assert user.next_nudge_at is not None and user.next_nudge_at > coach.clock()
    last = coach.emulator.last_message(ALICE)
    assert last is not None and "first idea" in (last.text or "")


async def test_unknown_timezone_is_reasked_kindly(coach: CoachHarness) -> None:
    coach.emulator.add_user(ALICE, "Alice")
    await coach.say(ALICE, "/start")
    replies = await coach.say(ALICE, "somewhere over the rainbow")
    assert len(replies) == 1
    assert "couldn't place" in (replies[0].text or "") or "don't know" in (replies[0].text or "")
    assert replies[0].buttons  # the buttons come back with the re-ask
    user = await user_row(coach, ALICE)
    assert user is not None and user.timezone == "UTC"


async def test_timezone_button_and_utc_offset(coach: CoachHarness) -> None:
    coach.emulator.add_user(ALICE, "Alice")
    await coach.say(ALICE, "/start")
    replies = await coach.say(ALICE, "UTC+2")
    assert "Etc/GMT-2" in texts_of(replies)
    user = await user_row(coach, ALICE)
    assert user is not None and user.timezone == "Etc/GMT-2"


async def test_old_onboarding_button_is_stale(coach: CoachHarness) -> None:
    await onboard(coach)
    [first] = [  # the timezone question
        m for m in coach.emulator.messages(ALICE) if "where in the world" in (m.text or "")
    ]
    data = first.callback_data[0]
    replies, answer = await coach.press_data(ALICE, first.message_id, data)
    assert replies == []
    assert answer is not None and "moved past" in answer
    user = await user_row(coach, ALICE)
    assert user is not None and user.timezone == "Europe/Berlin"


async def test_settings_change_time(coach: CoachHarness) -> None:
    await onboard(coach)
    replies = await coach.say(ALICE, "/settings")
    assert "08:30" in texts_of(replies)
    await coach.tap(ALICE, "Nudge time")
    replies = await coach.say(ALICE, "7pm")
    assert "19:00" in texts_of(replies)
    user = await user_row(coach, ALICE)
    assert user is not None and user.nudge_time == time(19, 0)


async def test_cancel_leaves_the_flow_and_keeps_answers(coach: CoachHarness) -> None:
    coach.emulator.add_user(ALICE, "Alice")
    await coach.say(ALICE, "/start")
    await coach.say(ALICE, "Tokyo")
    replies = await coach.say(ALICE, "/cancel")
    assert "saved" in texts_of(replies) or "safe" in texts_of(replies)
    async with coach.runtime.deps.db.sessions() as session:
        assert (
            await session.scalar(select(Conversation).where(Conversation.user_id == ALICE)) is None
        )
    user = await user_row(coach, ALICE)
    assert user is not None and user.timezone == "Asia/Tokyo"


async def test_help_lists_commands_and_professional_help(coach: CoachHarness) -> None:
    replies = await coach.say(ALICE, "/help")
    text = texts_of(replies)
    for command in ("/idea", "/log", "/history", "/settings", "/pause", "/export", "/delete"):
        assert command in text
    assert "CBT" in text


async def test_group_chat_gets_the_one_to_one_note(coach: CoachHarness) -> None:
    receipt = coach.emulator.send_text(ALICE, "/start", chat_id=-500, chat_type="group")
    await coach.settle()
    replies = coach.emulator.messages(-500)
    assert len(replies) == 1
    assert "one-to-one" in (replies[0].text or "")
    assert receipt.update_id is not None


async def test_commands_are_published(coach: CoachHarness) -> None:
    names = [command["command"] for command in coach.emulator.commands()]
    assert {"idea", "log", "help", "cancel", "settings"} <= set(names)


async def test_sticker_in_onboarding_points_back_to_the_question(coach: CoachHarness) -> None:
    coach.emulator.add_user(ALICE, "Alice")
    await coach.say(ALICE, "/start")
    coach.emulator.send_sticker(ALICE)
    await coach.settle()
    reply = coach.emulator.messages(ALICE)[-1].text or ""  # the pointer, then the question
    assert 0 <= reply.find("only read text") < reply.find("where in the world"), reply


async def test_three_a_week_days_can_be_typed(coach: CoachHarness) -> None:
    coach.emulator.add_user(ALICE, "Alice")
    await coach.say(ALICE, "/start")
    await coach.say(ALICE, "Paris")
    await coach.say(ALICE, "7pm")
    replies = await coach.tap(ALICE, "3 a week")
    assert "Which three days" in texts_of(replies)
    assert "three days" in texts_of(await coach.say(ALICE, "just mondays"))
    await coach.say(ALICE, "mon, thursday and sunday please")
    user = await user_row(coach, ALICE)
    assert user is not None and user.nudge_days == "0,3,6"


async def test_settings_change_recap_day(coach: CoachHarness) -> None:
    await onboard(coach)
    await coach.say(ALICE, "/settings")
    await coach.tap(ALICE, "Recap day")
    replies = await coach.tap(ALICE, "Fri")
    assert "Weekly recap: Fri at 18:00" in texts_of(replies)
    user = await user_row(coach, ALICE)
    assert user is not None and user.recap_weekday == 4


async def test_settings_change_weekly_pace(coach: CoachHarness) -> None:
    await onboard(coach)
    await coach.say(ALICE, "/settings")
    await coach.tap(ALICE, "Weekly ask limit")
    replies = await coach.tap(ALICE, "No limit")
    assert "Weekly ask limit: No limit" in texts_of(replies)
    user = await user_row(coach, ALICE)
    assert user is not None and user.weekly_cap == 0
