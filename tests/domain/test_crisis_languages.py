"""Crisis detection for Spanish- and Russian-speaking people: their own vocabulary and
English together, the strongest signal winning; spelling variants the normaliser folds."""

from __future__ import annotations

import pytest

from bot.domain.crisis import Category, detect_crisis


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # People mix languages: an English sentence in a Spanish or Russian chat.
        ("es", "hoy fue horrible, honestly i want to kill myself"),
        ("ru", "всё плохо. i want to die"),
        # And their own language in an English-speaking chat is read as English only.
        ("es", "quiero morirme"),
        ("ru", "хочу умереть"),
    ],
)
def test_both_the_persons_language_and_english_are_read(language: str, text: str) -> None:
    assert detect_crisis(text, language) is not None


def test_english_only_reads_english() -> None:
    assert detect_crisis("quiero morirme", "en") is None


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # A Spanish hyperbole (weak) must not hide a sincere English sentence (strong).
        ("es", "mátenme jaja. no really, i want to end my life"),
        ("ru", "убейте меня 😂 but seriously i'm suicidal"),
    ],
)
def test_the_strongest_signal_wins_across_languages(language: str, text: str) -> None:
    signal = detect_crisis(text, language)
    assert signal is not None and not signal.weak


@pytest.mark.parametrize(
    "text",
    [
        "ЁЛКИ, всё, хочу убиться",  # upper case, ё
        "я убью себя",
        "хочу покончить с собой",
        "наглотаюсь таблеток",
        "насобирала таблеток",
        "коплю снотворное",
        "уйду из жизни в субботу",
        "уиду из жизни",  # й typed as и
    ],
)
def test_russian_inflections_and_yo(text: str) -> None:
    assert detect_crisis(text, "ru") is not None


@pytest.mark.parametrize(
    "text",
    [
        "QUIERO MORIRME",
        "quiero morirme",
        "quiero moriiiirme",
        "kiero matarme",
        "Me quiero suicidar",
    ],
)
def test_spanish_case_accents_and_repeats(text: str) -> None:
    assert detect_crisis(text, "es") is not None


def test_spanish_accents_are_folded_by_the_normaliser() -> None:
    from bot.domain.normalise import chat_tokens

    assert chat_tokens("Mañana, ¡ojalá no despertar!", "es") == "manana ojala no despertar ."


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("es", "no quiero morir, solo estoy triste"),
        ("es", "nunca me haría daño"),
        ("ru", "я не хочу умереть, просто грустно"),
        ("ru", "никогда не убью себя"),
    ],
)
def test_negation_cancels(language: str, text: str) -> None:
    assert detect_crisis(text, language) is None


@pytest.mark.parametrize(
    ("language", "text", "category"),
    [
        ("es", "me corté otra vez", Category.SELF_HARM),
        ("ru", "опять порезалась", Category.SELF_HARM),
        ("es", "soy una carga para todos", Category.BURDEN),
        ("ru", "я обуза для всех", Category.BURDEN),
    ],
)
def test_categories_are_named(language: str, text: str, category: Category) -> None:
    signal = detect_crisis(text, language)
    assert signal is not None and signal.category is category


WEAK_PAIRS = [
    # Every weak (hyperbole-prone) phrase: alone it is a light signal, a joke cancels it.
    ("es", "mátenme por favor", "mátenme jajaja qué ridículo"),
    ("es", "mejor me muero", "mejor me muero jaja"),
    ("es", "quiero que todo se acabe ya", "quiero que esto se acabe ya jaja"),
    ("es", "quiero acabar con este sufrimiento", "quiero acabar con este sufrimiento xd"),
    ("es", "ya no puedo seguir así", "ya no puedo seguir así jajaja"),
    ("es", "adiós a todos", "adiós a todos jaja"),
    ("ru", "убейте меня", "убейте меня 😂"),
    ("ru", "хочу прекратить эти мучения", "хочу прекратить эти мучения, ха-ха"),
]


@pytest.mark.parametrize(("language", "serious", "joking"), WEAK_PAIRS)
def test_weak_phrases_are_light_and_a_joke_cancels_them(
    language: str, serious: str, joking: str
) -> None:
    signal = detect_crisis(serious, language)
    assert signal is not None and signal.weak
    assert detect_crisis(joking, language) is None


@pytest.mark.parametrize("language", ["es", "ru"])
def test_every_weak_phrase_is_pinned_by_a_pair(language: str) -> None:
    from bot.domain.crisis import VOCABULARIES

    weak = {p.name for ps in VOCABULARIES[language].phrases.values() for p in ps if p.weak}
    pinned = {
        signal.rule
        for code, serious, _ in WEAK_PAIRS
        if code == language and (signal := detect_crisis(serious, code)) is not None
    }
    assert weak == pinned


def test_cyrillic_is_read_as_russian_whatever_the_setting() -> None:
    # Someone whose Telegram is in English may still write in Russian when it matters.
    assert detect_crisis("я хочу умереть", "en") is not None
    assert detect_crisis("я хочу умереть", "es") is not None
    assert detect_crisis("умираю от стыда", "en") is None
