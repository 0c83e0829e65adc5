"""bot.domain.normalise: the chat-token form the care detectors read."""

from __future__ import annotations

import pytest

from bot.domain.normalise import chat_tokens, squash_pattern


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("I WANT TO DIEEEE!!!", "i want to die ."),
        ("i w4nt 2 d13", "i want to die"),
        ("k!ll mysëlf", "kil myself"),
        ("ki\u200bll my\u200dself", "kil myself"),
        ("I’m gonna", "i am going to"),
        ("don´t", "do not"),
        ("Ｉ ｗａｎｔ", "i want"),
        ("d i e", "die"),
        ("self-harm", "self harm"),
        ("wait... what", "wait what"),
        ("🔪🩸", "🔪 🩸"),
        ("❤️👍🏽", "❤ 👍"),
        ("ha :) :(", "ha 🙂 🙁"),
        ("got a no, 7→3", "got a no 7 3"),
    ],
)
def test_chat_tokens(raw: str, expected: str) -> None:
    assert chat_tokens(raw) == expected


def test_squash_pattern_keeps_escapes() -> None:
    assert squash_pattern(r"kill\bbetter\S+") == r"kil\bbeter\S+"
    assert squash_pattern("better off") == "beter of"


def test_chat_speak_is_data_per_language() -> None:
    assert chat_tokens("im gonna", "en") == "i am going to"
    assert chat_tokens("im gonna", "xx") == "im gona"  # no table: folded and squashed only


def test_spanish_and_russian_chat_speak() -> None:
    assert (
        chat_tokens("q ganas de morir, ya no kiero nd", "es")
        == "que ganas de morir ya no quiero nada"
    )
    assert (
        chat_tokens("ща приду, ваще норм", "ru") == "сейчас приду вобще норм"
    )  # doubled letters squashed
