"""/log's "this one or something else?" read from typed answers (bot/domain/answers/which.py)."""

from __future__ import annotations

import pytest

from bot.domain.answers.which import Which, describes_an_ask, parse_which

PICKS = [
    ("en", "this one", Which.THIS),
    ("en", "That one.", Which.THIS),
    ("en", "same idea", Which.THIS),
    ("en", "something else", Which.OTHER),
    ("en", "a different one", Which.OTHER),
    ("en", "no, something else", Which.OTHER),
    ("es", "esta", Which.THIS),
    ("es", "la misma", Which.THIS),
    ("es", "otra cosa", Which.OTHER),
    ("es", "algo distinto", Which.OTHER),
    ("ru", "эту", Which.THIS),
    ("ru", "та же", Which.THIS),
    ("ru", "что-то другое", Which.OTHER),
    ("ru", "другое", Which.OTHER),
]


@pytest.mark.parametrize(("language", "typed", "expected"), PICKS)
def test_picks(language: str, typed: str, expected: Which) -> None:
    assert parse_which(typed, language) is expected


@pytest.mark.parametrize("typed", ["yes", "they said no", "this one went badly, she said no"])
def test_not_a_pick(typed: str) -> None:
    assert parse_which(typed) is None


DESCRIBED = [
    ("en", "I asked my boss for Friday off, she said no", True),
    ("en", "asked the barista for oat milk", True),
    ("en", "yes I asked, she said no", False),
    ("en", "they said no but nicely", False),
    ("en", "got a no", False),
    ("en", "not yet", False),
    ("en", "still haven't had the chance, busy week at work", False),
    ("es", "todavía no, no he tenido la oportunidad", False),
    ("ru", "завтра, сегодня не было возможности", False),
    ("es", "le pedí a mi jefe el viernes libre, me dijo que no", True),
    ("es", "sí, me dijeron que no", False),
    ("ru", "попросил у начальника выходной в пятницу, отказал", True),
    ("ru", "да, сказали нет", False),
]


@pytest.mark.parametrize(("language", "typed", "expected"), DESCRIBED)
def test_a_described_ask(language: str, typed: str, expected: bool) -> None:
    assert describes_an_ask(typed, language) is expected
