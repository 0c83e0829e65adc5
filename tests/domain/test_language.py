"""Which language a new person gets (bot.domain.language)."""

from __future__ import annotations

import pytest

from bot.domain.language import language_for

SHIPPED = ("en", "es", "ru")


@pytest.mark.parametrize(
    ("code", "language"),
    [
        ("es", "es"),
        ("es-419", "es"),
        ("ES_mx", "es"),
        ("ru", "ru"),
        ("ru-RU", "ru"),
        ("en-GB", "en"),
        ("pt-BR", "en"),  # not shipped yet: English, never an error
        ("", "en"),
        (None, "en"),
        ("-", "en"),
    ],
)
def test_primary_subtag_when_we_speak_it(code: str | None, language: str) -> None:
    assert language_for(code, SHIPPED) == language
