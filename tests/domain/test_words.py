"""Other languages' words as data (bot.domain.words): loaded, checked, and rewritten into
the English the parsers read while quoting back what the person wrote."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.domain import words
from bot.domain.answers import Outcome, parse_anxiety, parse_outcome, parse_quick_log
from bot.domain.normalise import fold


def test_english_and_unknown_languages_have_no_rewrites() -> None:
    assert words.rewrites("en") == ()
    assert words.rewrites("xx") == ()


@pytest.mark.parametrize("language", ["es", "ru"])
def test_shipped_files_load(language: str) -> None:
    assert len(words.rewrites(language)) >= 10


def test_rewrite_keeps_the_original_span() -> None:
    mapped = fold("Unos siete", "es")
    assert "seven" in mapped.text
    start = mapped.text.index("seven")
    assert mapped.original("Unos siete", start, start + len("seven")) == "siete"


def test_a_spanish_and_a_russian_quick_log() -> None:
    spanish = parse_quick_log("pedí un descuento, me dijeron que no, 7 -> 3", "es")
    russian = parse_quick_log("попросил скидку, отказали, 7 -> 3", "ru")
    assert spanish is not None and russian is not None
    assert (spanish.description, spanish.outcome) == ("pedí un descuento", Outcome.NO)
    assert (russian.description, russian.outcome) == ("попросил скидку", Outcome.NO)
    assert (russian.anxiety_before, russian.anxiety_after) == (7.0, 3.0)


def test_the_language_decides_which_words_count() -> None:
    assert parse_anxiety("семь", "ru") is not None
    assert parse_anxiety("семь", "en") is None
    assert parse_outcome("отказали", "es") is None


def test_malformed_files_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(words, "_FOLDER", tmp_path)
    words.rewrites.cache_clear()
    try:
        (tmp_path / "zz.yaml").write_text("rewrites:\n  x:\n    - ['(', 'y']\n", "utf-8")
        with pytest.raises(words.WordsError, match="bad pattern"):
            words.rewrites("zz")
        (tmp_path / "zy.yaml").write_text("rewrites:\n  x:\n    - 'only one'\n", "utf-8")
        with pytest.raises(words.WordsError, match=r"\[pattern, english\]"):
            words.rewrites("zy")
    finally:
        words.rewrites.cache_clear()
