"""Feelings heard outside a question, over the emulator: harsh self-talk gets a
self-compassion reframe, a long unhappy message a gentle word, and an ordinary "fine" after
a crisis reply a quiet check-in; never the "tap /idea" pointer (issue 15, item 8)."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from bot.sandbox.harness import CoachHarness, texts_of
from bot.texts import load_locale
from tests.telegram.helpers import attempts_of, clock_of, onboard

PERSON = 8301
MONDAY_MORNING = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)  # 08:00 in Berlin


def variants(key: str, language: str = "en") -> set[str]:
    locale = load_locale(language)
    return {locale.plain(key, random.Random(seed)) for seed in range(30)}


def is_one_of(text: str, key: str, language: str = "en") -> bool:
    return any(variant in text for variant in variants(key, language))


def no_pointer(text: str, language: str = "en") -> bool:
    return not is_one_of(text, "fallback.text", language)


async def setup(coach: CoachHarness, language: str = "en") -> None:
    clock_of(coach).set(MONDAY_MORNING)
    await onboard(coach, PERSON)
    if language != "en":
        await coach.say(PERSON, f"/language {language}")


@pytest.mark.parametrize(
    ("language", "harsh"),
    [
        ("en", "ugh I'm so pathetic, bailed on asking again"),
        ("en", "what an idiot I am, froze up at the counter and walked away"),
        ("es", "soy un fracasado, otra vez no me atreví"),
        ("ru", "я такой неудачник, опять струсил"),
    ],
)
async def test_harsh_self_talk_outside_a_question_gets_a_reframe(
    coach: CoachHarness, language: str, harsh: str
) -> None:
    await setup(coach, language)
    replies = await coach.say(PERSON, harsh)
    text = texts_of(replies)
    assert len(replies) == 1 and is_one_of(text, "care.self_talk", language), text
    assert no_pointer(text, language)
    assert await attempts_of(coach, PERSON) == []  # a feeling, not an ask


LONG_EN = (
    "So yesterday at the bakery I finally asked if they had any day-old bread to spare and "
    "the woman just looked at me for a long moment and said no, and I've been replaying that "
    "look all night, wondering what she thought of me and why I even bother with this"
)
LONG_ES = (
    "Ayer en la panadería por fin pregunté si les sobraba pan del día anterior y la señora "
    "me miró un buen rato y dijo que no, y desde entonces no dejo de pensar en esa mirada, "
    "en qué pensaría de mí y en por qué sigo intentando estas cosas, qué vergüenza"
)
LONG_RU = (
    "Вчера в пекарне я наконец спросил, не осталось ли у них вчерашнего хлеба, а продавщица "
    "долго смотрела на меня и сказала нет, и я всю ночь прокручиваю этот взгляд, думаю, что "
    "она обо мне подумала и зачем я вообще всё это делаю, так стыдно"
)


@pytest.mark.parametrize(("language", "long"), [("en", LONG_EN), ("es", LONG_ES), ("ru", LONG_RU)])
async def test_long_rumination_is_heard_not_pointed_at_idea(
    coach: CoachHarness, language: str, long: str
) -> None:
    await setup(coach, language)
    replies = await coach.say(PERSON, long)
    text = texts_of(replies)
    assert len(replies) == 1 and is_one_of(text, "care.rumination", language), text
    assert no_pointer(text, language)


async def test_a_short_or_happy_message_still_gets_the_usual_pointer(coach: CoachHarness) -> None:
    await setup(coach)
    assert is_one_of(texts_of(await coach.say(PERSON, "hello")), "fallback.text")
    happy = (
        "Just wanted to say I had such a good weekend with my family at the lake, we went "
        "swimming every morning and grilled fish in the evening and the kids loved it so much"
    )
    assert is_one_of(texts_of(await coach.say(PERSON, happy)), "fallback.text")


@pytest.mark.parametrize("language", ["en", "es", "ru"])
async def test_fine_after_a_crisis_reply_gets_a_gentle_check_in(
    coach: CoachHarness, language: str
) -> None:
    await setup(coach, language)
    crisis = {"en": "i just want to die", "es": "quiero morirme", "ru": "хочу умереть"}[language]
    fine = {"en": "I'm alright", "es": "estoy bien", "ru": "нормально"}[language]
    await coach.say(PERSON, crisis)
    first = texts_of(await coach.say(PERSON, fine))
    assert is_one_of(first, "crisis.check_in", language) and no_pointer(first, language)
    # The answer to "how are you doing right now?" is heard too, not met with "tap /idea".
    second = texts_of(await coach.say(PERSON, fine))
    assert is_one_of(second, "crisis.still_here", language), second
    assert no_pointer(second, language)
    # A day later the usual pointer is back.
    clock_of(coach).set(MONDAY_MORNING + timedelta(hours=25))
    assert is_one_of(texts_of(await coach.say(PERSON, "ok")), "fallback.text", language)
