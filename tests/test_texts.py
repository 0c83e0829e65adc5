"""The texts of every language: loaded and validated like prompts.yaml, parallel to it key by
key, placeholder by placeholder and idea by idea, with plurals by each language's rules."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from bot.texts import (
    SOURCE_LANGUAGE,
    PromptsError,
    Texts,
    available_languages,
    load_locale,
    load_texts,
)

OTHER_LANGUAGES = [language for language in available_languages() if language != SOURCE_LANGUAGE]


@pytest.fixture(scope="module")
def english() -> Texts:
    return load_texts()


def test_spanish_and_russian_are_available() -> None:
    assert {"es", "ru"} <= set(OTHER_LANGUAGES)


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_every_key_in_every_language(english: Texts, language: str) -> None:
    other = load_locale(language)
    assert set(other.keys()) == set(english.keys())


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_same_placeholders(english: Texts, language: str) -> None:
    other = load_locale(language)
    different = {
        key: (sorted(english.fields(key)), sorted(other.fields(key)))
        for key in sorted(other.keys())
        if english.has(key) and english.fields(key) != other.fields(key)
    }
    assert different == {}


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_same_catalog(english: Texts, language: str) -> None:
    """Same ids in the same order, so history and "not for me" carry over a switch."""
    other = load_locale(language)

    def shape(texts: Texts) -> list[tuple[str, int, str, str, bool]]:
        return [(i.id, i.level, i.category, i.setting, i.tip is not None) for i in texts.ideas]

    assert shape(other) == shape(english)


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_every_variant_renders(english: Texts, language: str) -> None:
    """Every key, every variant and plural form, with sample values: nothing missing."""
    other = load_locale(language)
    for key in sorted(other.keys()):
        params: dict[str, object] = dict.fromkeys(other.fields(key), "x")
        params["count"] = 3
        for seed in range(len(other.variants(key))):
            rendered = other(key, random.Random(seed), **params)
            assert "{" not in rendered.replace("{{", ""), key


# Everyday English words that no Spanish or Russian sentence needs. Commands (/idea), markup,
# placeholders and shell examples (TOKEN=...) are removed first.
ENGLISH_WORDS = re.compile(
    r"\b(the|you|your|and|with|what|this|that|today|asks?|week|tap|try|how|did|not|was|"
    r"it's|i'm|i'll|here|again|anxious|nudge)\b",
    re.IGNORECASE,
)
NOT_PROSE = re.compile(r"/\w+|:\w+|<[^>]+>|\S*[=@]\S*|https?://\S+")


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_no_english_leaks_into_another_language(language: str) -> None:
    """Every variant of every key, as a person of that language reads it."""
    other = load_locale(language)
    leaks = []
    for key in sorted(other.keys()):
        params: dict[str, object] = dict.fromkeys(other.fields(key), "")
        for count in (1, 3, 5):
            for seed in range(len(other.variants(key))):
                shown = other.plain(key, random.Random(seed), **{**params, "count": count})
                found = ENGLISH_WORDS.findall(NOT_PROSE.sub(" ", shown))
                if found:
                    leaks.append((key, found))
    assert leaks == []


@pytest.mark.parametrize(
    ("count", "form"),
    [
        (1, "просьба"),
        (21, "просьба"),
        (3, "просьбы"),
        (22, "просьбы"),
        (5, "просьб"),
        (12, "просьб"),
    ],
)
def test_russian_has_three_plural_forms(count: int, form: str) -> None:
    russian = load_locale("ru")
    words = re.findall(r"\w+", russian("recap.asked_many", random.Random(0), count=count))
    assert form in words


def test_spanish_one_and_other() -> None:
    spanish = load_locale("es")
    one = spanish("recap.asked_many", random.Random(0), count=1)
    many = spanish("recap.asked_many", random.Random(0), count=4)
    assert one != many.replace("4", "1")


def test_a_plural_without_count_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "xx.yaml"
    path.write_text(
        "texts:\n  a:\n    one: 'una'\n    other: 'varias'\nideas: []\n", encoding="utf-8"
    )
    with pytest.raises(PromptsError, match="needs \\{count\\}"):
        load_texts(path, language="es")


# Each language's word for "no", how it says "<n> letters", and its number words: a text
# that counts the letters of a "no" must count them right ("three letters" for "no" is a
# copy error; in Russian "три буквы" is also an idiom for a swear word, so it says neither).
LETTER_CLAIMS = {
    "en": ("no", re.compile(r"(\w+) letters\b", re.IGNORECASE), ["zero", "one", "two", "three"]),
    "es": ("no", re.compile(r"(\w+) letras\b", re.IGNORECASE), ["cero", "una", "dos", "tres"]),
    "ru": ("нет", re.compile(r"(\w+) букв", re.IGNORECASE), ["ноль", "одна", "две", "три"]),
}


@pytest.mark.parametrize("language", sorted(LETTER_CLAIMS))
def test_letter_counts_are_spelled_right(language: str) -> None:
    """Every count of letters a text claims is the spelled length of that language's "no"."""
    texts = load_locale(language)
    word, pattern, numbers = LETTER_CLAIMS[language]
    claims = [
        (key, match.group(1).casefold())
        for key in texts
        for variant in texts.variants(key)
        for match in pattern.finditer(variant)
    ]
    if language == "en":
        assert claims, "the source's brain-update line counts the letters of a no"
    assert all(claim == numbers[len(word)] for _, claim in claims), claims
    if language == "ru":
        assert not claims  # see above: no letter counting in Russian at all


def test_rotation_avoids_recent_variants_then_picks_the_least_recent() -> None:
    texts = load_texts()
    key = "log.credit"
    count = len(texts.variants(key))
    rng = random.Random(3)
    recent: list[str] = []
    for _ in range(count):
        _, tag = texts.rotate(key, rng, recent)
        assert tag not in recent
        recent.append(tag)
    assert len(set(recent)) == count
    _, tag = texts.rotate(key, rng, recent)
    assert tag == recent[0]  # all said lately: the one said longest ago
    assert not texts.is_fresh(key, recent) and texts.is_fresh(key, recent[1:])
