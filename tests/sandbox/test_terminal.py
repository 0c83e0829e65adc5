"""The sandbox's terminal chat, in-process: the real coach, the emulator and a Screen that
prints to stdout (captured). The terminal as a process is in tests/e2e/test_sandbox_cli.py."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.db.models import User
from bot.sandbox.emulator import ChatMessage, make_png
from bot.sandbox.harness import CoachHarness, MutableClock, OffsetClock
from bot.sandbox.terminal import SANDBOX_USER_ID, Screen, _button_keys, _time_travel
from bot.texts import Texts, load_texts

ME = SANDBOX_USER_ID
FRIEND = SANDBOX_USER_ID + 1


@pytest.fixture
def texts() -> Texts:
    return load_texts()


@pytest.fixture
async def harness(migrated_sqlite_url: str) -> AsyncIterator[CoachHarness]:
    async with CoachHarness(migrated_sqlite_url, migrate_first=False) as coach:
        yield coach


@pytest.fixture
async def screen(harness: CoachHarness, texts: Texts, tmp_path: Path) -> Screen:
    shown = Screen(harness, texts, tmp_path / "sandbox")
    await shown.begin("Sam")
    return shown


def keyboard_message(*labels: str) -> ChatMessage:
    row = [{"text": label, "callback_data": f"b:{index}"} for index, label in enumerate(labels)]
    return ChatMessage(
        chat_id=ME,
        message_id=9,
        date=0,
        from_bot=True,
        sender_id=1,
        text="?",
        reply_markup={"inline_keyboard": [row]},
    )


def user_texts(harness: CoachHarness, user_id: int) -> list[str]:
    return [m.text or "" for m in harness.emulator.messages(user_id, sender="user")]


async def users(harness: CoachHarness) -> dict[int, User]:
    async with harness.runtime.deps.db.sessions() as session:
        return {user.id: user for user in (await session.scalars(select(User))).all()}


# -- typed numbers ---------------------------------------------------------------------------


def test_on_a_0_to_10_scale_a_number_presses_only_the_button_labelled_with_it() -> None:
    scale = [str(value) for value in range(11)]
    presses, shown = _button_keys(keyboard_message(*scale, "Skip"))
    assert presses["10"] == (9, "b:10")
    assert presses["0"] == (9, "b:0")
    assert "11" not in presses  # never the 11th button ("10"), never "Skip"
    assert "12" not in presses
    assert shown.startswith("[0]  [1]")
    assert shown.endswith("[10]  [Skip]")  # Skip is not numbered: a number would be an answer


def test_percent_buttons_are_pressed_by_their_number_with_or_without_the_sign() -> None:
    presses, shown = _button_keys(keyboard_message("10%", "30%", "50%", "Skip"))
    assert presses["30"] == presses["30%"] == (9, "b:1")
    assert "3" not in presses  # "3" is an answer (30%) for the coach to read, not a position
    assert shown == "[10%]  [30%]  [50%]  [Skip]"


def test_word_buttons_are_numbered_by_position_as_printed() -> None:
    presses, shown = _button_keys(keyboard_message("Every day", "3 a week", "Weekdays"))
    assert shown == "[1] Every day  [2] 3 a week  [3] Weekdays"
    assert presses == {"1": (9, "b:0"), "2": (9, "b:1"), "3": (9, "b:2")}


async def test_a_number_no_button_was_shown_with_reaches_the_coach_as_typed(
    harness: CoachHarness, screen: Screen
) -> None:
    scale = [InlineKeyboardButton(str(value), callback_data=f"s:{value}") for value in range(11)]

    async def ask_on_a_scale() -> None:
        await harness.runtime.application.bot.send_message(
            ME, "How anxious?", reply_markup=InlineKeyboardMarkup([scale])
        )
        screen.flush()

    await ask_on_a_scale()
    await screen.handle("11")
    assert user_texts(harness, ME)[-1] == "11"
    assert harness.emulator.callback_answers() == []
    await ask_on_a_scale()
    await screen.handle("10")
    assert [press.data for press in harness.emulator.callback_answers()] == ["s:10"]


# -- what the coach sends ----------------------------------------------------------------------


async def test_a_picture_from_the_coach_is_saved_and_its_path_printed(
    harness: CoachHarness, screen: Screen, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    picture = make_png(3, 2)
    await harness.runtime.application.bot.send_photo(
        ME, picture, caption="Your week", filename="stats.png"
    )
    screen.flush()
    saved = list((tmp_path / "sandbox" / "files").iterdir())
    assert len(saved) == 1
    assert saved[0].read_bytes() == picture
    assert saved[0].name.endswith("stats.png")
    out = capsys.readouterr().out
    assert str(saved[0]) in out
    assert "Your week" in out


async def test_a_document_from_the_coach_is_saved_too(
    harness: CoachHarness, screen: Screen, tmp_path: Path
) -> None:
    await harness.runtime.application.bot.send_document(ME, b"a,b\n1,2\n", filename="export.csv")
    screen.flush()
    (saved,) = (tmp_path / "sandbox" / "files").iterdir()
    assert saved.read_bytes() == b"a,b\n1,2\n"


# -- starting, and coming back -------------------------------------------------------------------


async def test_a_newcomer_gets_start_once_and_a_returning_chat_is_shown_not_restarted(
    migrated_sqlite_url: str, texts: Texts, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "sandbox"
    async with CoachHarness(migrated_sqlite_url, migrate_first=False) as first_run:
        screen = Screen(first_run, texts, folder)
        await screen.begin("Sam")
        assert user_texts(first_run, ME) == ["/start"]
        screen.save()  # quit with the time-zone question open
    capsys.readouterr()

    async with CoachHarness(migrated_sqlite_url, migrate_first=False) as second_run:
        screen = Screen(second_run, texts, folder)
        await screen.begin("Sam")
        out = capsys.readouterr().out
        assert user_texts(second_run, ME) == ["/start"]  # the old one, shown; none sent
        assert texts.plain("sandbox.welcome_back") in out
        assert texts.plain("onboarding.ask_timezone") in out  # the open question, again
        assert texts.plain("start.welcome", name="Sam") not in out
        await screen.handle("2")  # its buttons still work: [2] Berlin/Paris
        assert (await users(second_run))[ME].timezone == "Europe/Berlin"


# -- sandbox commands ---------------------------------------------------------------------------


async def test_later_without_a_span_runs_a_scheduling_pass_at_once(
    migrated_sqlite_url: str, texts: Texts, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clock = MutableClock(datetime(2026, 11, 23, 7, 59, tzinfo=UTC))  # 08:59 in Berlin
    async with CoachHarness(migrated_sqlite_url, migrate_first=False, clock=clock) as harness:
        screen = Screen(harness, texts, tmp_path)
        await screen.begin("Sam")
        for answer in ("Berlin", "9:00", "1", "1"):  # nudge at 09:00, every day, gentle
            await screen.handle(answer)
        before = harness.emulator.message_count(ME)
        clock.advance(timedelta(minutes=2))  # 09:01, and the scheduler job is off
        capsys.readouterr()
        await _time_travel(screen, OffsetClock(), "", texts.plain)
        assert harness.emulator.message_count(ME) > before  # the nudge came at once
        out = capsys.readouterr().out
        assert texts.plain("sandbox.later_now") in out


async def test_later_says_1_hour_and_3_hours(
    screen: Screen, texts: Texts, capsys: pytest.CaptureFixture[str]
) -> None:
    clock = OffsetClock()
    await _time_travel(screen, clock, "1h", texts.plain)
    await _time_travel(screen, clock, "3h", texts.plain)
    await _time_travel(screen, clock, "1d", texts.plain)
    out = capsys.readouterr().out
    assert "Jumped 1 hour ahead." in out
    assert "Jumped 3 hours ahead." in out
    assert "Jumped 1 day ahead." in out
    assert "1 hours" not in out
    assert clock.offset == timedelta(hours=28)


async def test_sticker_photo_and_location_are_sent_as_those_kinds(
    harness: CoachHarness, screen: Screen
) -> None:
    await screen.send_sticker("")
    await screen.send_photo("my caption")
    await screen.send_location("Berlin")
    sent = harness.emulator.messages(ME, sender="user")[-3:]
    assert [message.kind for message in sent] == ["sticker", "photo", "location"]
    assert sent[1].caption == "my caption"
    assert sent[2].location == pytest.approx((52.5, 13.37), abs=0.01)


async def test_an_unknown_place_is_not_sent(
    harness: CoachHarness, screen: Screen, texts: Texts, capsys: pytest.CaptureFixture[str]
) -> None:
    before = harness.emulator.message_count(ME, sender="user")
    await screen.send_location("Atlantis")
    assert harness.emulator.message_count(ME, sender="user") == before
    assert texts.plain("sandbox.location_usage") in capsys.readouterr().out


# -- two people ---------------------------------------------------------------------------------


async def test_as_2_is_a_second_person_with_a_chat_of_their_own(
    harness: CoachHarness, screen: Screen, texts: Texts, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    await screen.switch_to("2")
    out = capsys.readouterr().out
    assert texts.plain("sandbox.now_as", name="Robin", number=2, first="Sam") in out
    # Robin's chat starts like anyone's, and every line says whose chat it is.
    assert f"coach → Robin: {texts.plain('start.welcome', name='Robin')}" in out
    await screen.handle("London")
    await screen.switch_to("1")
    await screen.handle("Berlin")
    people = await users(harness)
    assert (people[ME].first_name, people[ME].timezone) == ("Sam", "Europe/Berlin")
    assert (people[FRIEND].first_name, people[FRIEND].timezone) == ("Robin", "Europe/London")
    assert user_texts(harness, FRIEND) == ["/start", "London"]
    out = capsys.readouterr().out
    assert texts.plain("sandbox.now_as_first", name="Sam") in out
    assert "coach → Sam: Got it: Europe/Berlin." in out


async def test_as_with_a_name_and_bad_numbers(
    screen: Screen, texts: Texts, capsys: pytest.CaptureFixture[str]
) -> None:
    await screen.switch_to("3 Ada")
    assert screen.active.name == "Ada"
    assert screen.prompt == "Ada> "
    for wrong in ("", "0", "10", "two"):
        await screen.switch_to(wrong)
    assert screen.active.name == "Ada"
    usage = texts.plain("sandbox.as_usage", most=9)
    assert capsys.readouterr().out.count(usage) == 4


async def test_as_2_plays_the_other_buddy(
    harness: CoachHarness, screen: Screen, capsys: pytest.CaptureFixture[str]
) -> None:
    """Anyone can try courage buddies without Telegram: Sam invites, Robin (:as 2) joins."""
    for answer in ("Berlin", "9:00", "every day", "1"):
        await screen.handle(answer)
    await screen.handle("/buddy")
    link = re.search(r"start=([A-Za-z0-9_-]+)", capsys.readouterr().out)
    assert link is not None
    await screen.switch_to("2")
    await screen.handle(f"/start {link.group(1)}")
    for answer in ("London", "9:00", "every day", "1"):
        await screen.handle(answer)
    assert "coach → Robin: Sam invited you to be courage buddies" in capsys.readouterr().out
    await screen.handle("1")  # "Yes, let's"
    await screen.switch_to("1")
    await screen.handle("asked for the time, got a yes, 3 -> 2")
    out = capsys.readouterr().out
    assert "coach → Robin: Sam made an ask today 💪" in out
    assert "coach → Sam: Robin said yes" in out
