"""Care for a Spanish- or Russian-speaking person over the emulator: crisis language
detected in their language (and English) and answered in their language with their
country's lines; harsh self-talk answered with the reframe in their language."""

from __future__ import annotations

import random
from datetime import UTC, datetime

import pytest

from bot.sandbox.harness import CoachHarness, texts_of
from bot.texts import load_locale
from tests.telegram.helpers import attempts_of, clock_of, onboard, tick, user_row

PERSON = 8201


def english_key_text(key: str) -> str:
    return load_locale("en").plain(key, random.Random(0), helplines="")[:40]


@pytest.mark.parametrize(
    ("language", "city", "message", "numbers", "opening"),
    [
        ("es", "Madrid", "ya no aguanto más, quiero morirme", ["024", "112"], "Me alegra mucho"),
        ("es", "Lima", "me quiero tirar del puente esta noche", ["113", "105"], "Me alegra mucho"),
        ("es", "Montevideo", "I want to kill myself", ["0800 0767"], "Me alegra mucho"),
        ("ru", "Москва", "хочу убить себя", ["8 495 989 50 50", "112"], "Очень хорошо"),
        ("ru", "Алматы", "коплю таблетки, скоро хватит", ["150", "112"], "Очень хорошо"),
        ("ru", "Минск", "всем будет лучше без меня", ["8 017 352 44 44"], "Очень хорошо"),
    ],
)
async def test_the_crisis_reply_speaks_their_language_with_their_countrys_lines(
    coach: CoachHarness,
    language: str,
    city: str,
    message: str,
    numbers: list[str],
    opening: str,
) -> None:
    coach.emulator.add_user(PERSON, "Sam", language_code=language)
    await coach.say(PERSON, "/start")
    await coach.say(PERSON, city)
    replies = await coach.say(PERSON, message)
    text = texts_of(replies)
    assert len(replies) == 1 and text.startswith(opening)
    assert all(number in text for number in numbers), text
    assert "findahelpline.com" in text
    assert english_key_text("care.crisis") not in text
    user = await user_row(coach, PERSON)
    assert user.language == language and user.crisis_count == 1

    locale = load_locale(language)
    check_in = texts_of(await coach.say(PERSON, "ok"))
    assert check_in == locale.plain("crisis.check_in", random.Random(0))


@pytest.mark.parametrize(
    ("language", "message"),
    [("es", "adiós a todos, mañana me voy de vacaciones"), ("ru", "убейте меня, опять опоздал")],
)
async def test_a_weak_signal_gets_the_light_line_in_their_language(
    coach: CoachHarness, language: str, message: str
) -> None:
    coach.emulator.add_user(PERSON, "Sam", language_code=language)
    await coach.say(PERSON, "/start")
    text = texts_of(await coach.say(PERSON, message))
    light = load_locale(language).plain("crisis.light", random.Random(0))
    assert light in text
    assert (await user_row(coach, PERSON)).crisis_count == 0


@pytest.mark.parametrize(
    ("language", "ask", "harsh"),
    [
        ("es", "/log pedí a una compañera que revisara mis diapositivas", "soy un fracasado total"),
        ("ru", "/log попросил коллегу посмотреть мои слайды", "я такой неудачник, вечно всё порчу"),
    ],
)
async def test_harsh_self_talk_gets_the_reframe_in_their_language(
    coach: CoachHarness, language: str, ask: str, harsh: str
) -> None:
    await onboard(coach, PERSON)
    await coach.say(PERSON, f"/language {language}")
    locale = load_locale(language)
    await coach.say(PERSON, ask)
    await coach.tap(PERSON, locale.plain("buttons.log.no"))
    await coach.tap(PERSON, locale.plain("buttons.log.skip"))
    await coach.tap(PERSON, locale.plain("buttons.log.skip"))
    await coach.tap(PERSON, "4")
    text = texts_of(await coach.say(PERSON, harsh))
    reframes = {locale.plain("care.reframe", random.Random(seed)) for seed in range(30)}
    assert any(reframe in text for reframe in reframes), text
    [attempt] = await attempts_of(coach, PERSON)
    assert attempt.lesson == harsh  # still their words, kept


@pytest.mark.parametrize(
    ("language", "log", "crisis"),
    [
        ("es", "pedí un descuento en el mercado, me dijeron que no, 8 -> 4", "quiero morirme"),
        ("ru", "попросил скидку на рынке, отказали, 8 -> 4", "хочу умереть"),
    ],
)
async def test_the_recap_of_a_crisis_week_is_the_gentle_note_in_their_language(
    coach: CoachHarness, language: str, log: str, crisis: str
) -> None:
    clock_of(coach).set(datetime(2026, 11, 23, 7, 0, tzinfo=UTC))  # Monday, 08:00 in Berlin
    await onboard(coach, PERSON, name="Sam")
    await coach.say(PERSON, f"/language {language}")
    await coach.say(PERSON, log)
    clock_of(coach).set(datetime(2026, 11, 25, 12, 0, tzinfo=UTC))
    await coach.say(PERSON, crisis)
    await coach.say(PERSON, "ok")
    before = len(coach.emulator.messages(PERSON))
    await tick(coach, datetime(2026, 11, 29, 17, 0, tzinfo=UTC))  # Sunday 18:00 in Berlin
    [recap] = coach.emulator.messages(PERSON)[before:]
    gentle = load_locale(language).plain("crisis.recap", random.Random(0), name="Sam")
    assert recap.text == gentle and not recap.buttons
