"""The person's own language: picked from Telegram at first contact, changed with
/language (buttons or typed), and used for texts, ideas and the command menu."""

from __future__ import annotations

import csv
import io
import json
import random

import pytest

from bot.sandbox.harness import CoachHarness
from bot.services.privacy import ATTEMPT_COLUMNS
from bot.telegram.app import COMMANDS
from bot.telegram.views import menu_commands
from bot.texts import Texts, available_languages, load_locale, load_texts
from tests.telegram.conftest import DASHBOARD_URL
from tests.telegram.helpers import onboard, onboard_in_spanish, user_row

LUCIA, IVAN, ALICE = 801, 802, 803


def plain_variants(texts: Texts, key: str, **params: object) -> set[str]:
    """Every way `key` can read (as the chat shows it: no markup)."""
    return {texts.plain(key, random.Random(seed), **params) for seed in range(60)}


async def test_a_new_person_gets_telegrams_language(coach: CoachHarness) -> None:
    coach.emulator.add_user(LUCIA, "Lucía", language_code="es-419")
    replies = await coach.say(LUCIA, "/start")
    assert (await user_row(coach, LUCIA)).language == "es"
    spanish = load_locale("es")
    welcome, question = replies  # the welcome (and the not-therapy note), then the question
    assert any(
        (welcome.text or "").startswith(variant)
        for variant in plain_variants(spanish, "start.welcome", name="Lucía")
    )
    assert question.text == spanish.plain("onboarding.ask_timezone")


async def test_an_unshipped_language_gets_english(coach: CoachHarness) -> None:
    coach.emulator.add_user(ALICE, "Alice", language_code="pt-BR")
    await coach.say(ALICE, "/start")
    assert (await user_row(coach, ALICE)).language == "en"


async def test_language_buttons_switch_everything(coach: CoachHarness) -> None:
    await onboard(coach, IVAN, name="Ivan")
    choices = (await coach.say(IVAN, "/language"))[-1]
    assert choices.button_texts == ["English", "Español", "Русский"]
    replies = await coach.tap(IVAN, "Русский")
    russian = load_locale("ru")
    assert (await user_row(coach, IVAN)).language == "ru"
    assert replies[-1].text in plain_variants(russian, "language.set")
    # This chat's menu now reads in Russian, whatever Telegram's own language is.
    menu = coach.emulator.commands(scope={"type": "chat", "chat_id": IVAN})
    assert {"command": "language", "description": "Сменить язык"} in menu
    # An idea comes from the Russian catalog.
    card = (await coach.say(IVAN, "/idea"))[-1]
    assert any(spec.text in (card.text or "") for spec in russian.ideas)


async def test_typed_language_and_unknown_names(coach: CoachHarness) -> None:
    await onboard(coach, ALICE)
    await coach.say(ALICE, "/language es")
    assert (await user_row(coach, ALICE)).language == "es"
    reply = (await coach.say(ALICE, "/language klingon"))[-1]
    assert "Español" in reply.button_texts  # not understood: the choices again
    assert (await user_row(coach, ALICE)).language == "es"


async def test_a_forged_language_button_changes_nothing(coach: CoachHarness) -> None:
    await onboard(coach, ALICE)
    message = (await coach.say(ALICE, "/language"))[-1]
    coach.emulator.press(ALICE, message.message_id, "lg:xx", forge=True)
    await coach.settle()
    assert (await user_row(coach, ALICE)).language == "en"


async def test_menus_are_published_per_language(coach: CoachHarness) -> None:
    for code, texts in (("", load_locale("en")), ("es", load_locale("es"))):
        menu = coach.emulator.commands(language_code=code)
        description = texts.plain("commands.language")
        assert {"command": "language", "description": description} in menu
        # The menu is every described command (one registration table, one text each).
        assert [item["command"] for item in menu] == [
            key.removeprefix("commands.")
            for key in texts.section("commands")
            if key != "commands.start"
        ]


@pytest.mark.parametrize("language", available_languages())
def test_every_command_in_the_menu_is_registered(language: str) -> None:
    menu = {item["command"] for item in menu_commands(load_locale(language))}
    assert menu and menu <= set(COMMANDS)


async def test_settings_has_a_language_row(coach: CoachHarness) -> None:
    await onboard(coach, ALICE)
    await coach.say(ALICE, "/settings")
    choices = (await coach.tap(ALICE, "🌐 Language"))[-1]
    assert choices.button_texts == ["English", "Español", "Русский"]


async def test_export_names_the_csv_columns_in_the_persons_language(coach: CoachHarness) -> None:
    await onboard(coach, IVAN, name="Ivan")
    await coach.say(IVAN, "/language")
    await coach.tap(IVAN, "Русский")
    await coach.say(IVAN, "asked for a discount, got a no, 7 -> 3")
    replies = await coach.say(IVAN, "/export")
    files = {
        m.file.file_name: coach.emulator.file_bytes(m.file.file_id) or b""
        for m in replies
        if m.kind == "document" and m.file is not None
    }
    header, first = list(
        csv.reader(io.StringIO(files["rejection-coach-asks.csv"].decode("utf-8-sig")))
    )[:2]
    russian = load_locale("ru")
    assert header == [russian.plain(f"export.columns.{column}") for column in ATTEMPT_COLUMNS]
    assert first[ATTEMPT_COLUMNS.index("outcome")] == "no"
    # The JSON keeps English field names: scripts read it the same in every language.
    data = json.loads(files["rejection-coach-data.json"])
    assert data["attempts"][0]["anxiety_before"] == 7.0


def dashboard_button(label: str) -> dict[str, object]:
    return {"type": "web_app", "text": label, "web_app": {"url": DASHBOARD_URL}}


async def test_the_dashboard_button_speaks_each_persons_language(
    coach_with_dashboard: CoachHarness,
) -> None:
    coach = coach_with_dashboard
    english, spanish, russian = (load_texts(), load_locale("es"), load_locale("ru"))
    # Everyone's default is English; a chat gets its own label once its person is set up.
    assert coach.emulator.menu_button() == dashboard_button(english.plain("dashboard.menu_button"))
    await onboard_in_spanish(coach, LUCIA)
    assert coach.emulator.menu_button(LUCIA) == dashboard_button(
        spanish.plain("dashboard.menu_button")
    )
    await onboard(coach, ALICE)
    assert coach.emulator.menu_button(ALICE) == dashboard_button(
        english.plain("dashboard.menu_button")
    )
    await coach.say(ALICE, "/language")
    await coach.tap(ALICE, "Русский")
    assert coach.emulator.menu_button(ALICE) == dashboard_button(
        russian.plain("dashboard.menu_button")
    )
    # Lucía's own chat is untouched by Alice's choice.
    assert coach.emulator.menu_button(LUCIA)["text"] == spanish.plain("dashboard.menu_button")


async def test_without_a_dashboard_no_chat_gets_a_menu_button(coach: CoachHarness) -> None:
    await onboard(coach, ALICE)
    await coach.say(ALICE, "/language es")
    assert coach.emulator.menu_button(ALICE) == {"type": "default"}
