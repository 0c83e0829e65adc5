"""The weekly recap: numbers, suggestion, and the tone guard over many kinds of week."""

from __future__ import annotations

import html
import random
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import yaml

from bot.domain.recap import Suggestion, WeekAttempt, summarise
from bot.domain.tone import check_prompts, check_text, rules_for, split_sentences
from bot.telegram import views
from bot.texts import load_locale, load_texts

MONDAY = datetime(2026, 11, 16, 9, 0, tzinfo=UTC)
ROOT = Path(__file__).resolve().parents[2]


def attempt(
    outcome: str | None,
    *,
    level: int = 2,
    predicted: int | None = None,
    before: float | None = None,
    after: float | None = None,
    lesson: str | None = None,
    title: str | None = "Ask a stranger for the time",
    hours: int = 0,
) -> WeekAttempt:
    return WeekAttempt(
        MONDAY + timedelta(hours=hours), level, outcome, predicted, before, after, lesson, title
    )


def test_numbers_and_prediction() -> None:
    week = [
        attempt("no", predicted=80, before=7, after=3, lesson="It was fine", hours=1),
        attempt("yes", predicted=70, before=6, after=2, hours=2),
        attempt("no_answer", predicted=60, before=5, after=4, level=4, hours=3),
        attempt("didnt_ask", hours=4),
    ]
    summary = summarise(week, level=2)
    assert (summary.asked, summary.noes, summary.yeses, summary.no_answers) == (3, 1, 1, 1)
    assert summary.not_asked == 1
    assert summary.average_before == 6.0
    assert summary.average_after == 3.0
    assert summary.prediction is not None
    assert (summary.prediction.expected_no_pct, summary.prediction.heard_no_pct) == (70, 33)
    assert summary.bravest is not None and summary.bravest.level == 4
    assert summary.lessons == ("It was fine",)
    assert summary.suggestion is Suggestion.BOLDER


@pytest.mark.parametrize(
    ("week", "expected"),
    [
        ([attempt("no", after=9)], Suggestion.LIGHTER),
        ([attempt("no", after=7.5), attempt("no", after=7)], Suggestion.LIGHTER),
        ([attempt("didnt_ask"), attempt("didnt_ask"), attempt("no", after=4)], Suggestion.LIGHTER),
        ([attempt("no", after=5), attempt("no", after=4)], Suggestion.STEADY),
        ([attempt("yes", after=5), attempt("yes", after=5)], Suggestion.BOLDER),
        ([], Suggestion.START),
    ],
)
def test_suggestion(week: list[WeekAttempt], expected: Suggestion) -> None:
    assert summarise(week, level=2).suggestion is expected


def _synthetic_weeks() -> dict[str, list[WeekAttempt]]:
    generator = random.Random(7)
    twenty = [
        attempt(
            generator.choice(["no", "yes", "no_answer", "partial", "didnt_ask"]),
            predicted=generator.randrange(0, 101),
            before=generator.randrange(0, 11),
            after=generator.randrange(0, 11),
            lesson=generator.choice([None, "I failed again, I should have been braver. lazy me"]),
            hours=index,
        )
        for index in range(20)
    ]
    return {
        "all no": [attempt("no", predicted=90, before=8, after=6, hours=h) for h in range(4)],
        "all yes": [attempt("yes", predicted=80, before=7, after=2, hours=h) for h in range(4)],
        "nothing logged": [],
        "very high anxiety": [attempt("no", before=10, after=10, hours=h) for h in range(3)],
        "one attempt": [attempt("partial", before=5, after=3)],
        "twenty attempts": twenty,
        "only didn't ask": [attempt("didnt_ask", hours=h) for h in range(3)],
        "no anxiety given": [attempt("no"), attempt("yes", hours=1)],
    }


@pytest.mark.parametrize("name", list(_synthetic_weeks()))
@pytest.mark.parametrize("seed", range(6))
def test_every_recap_sentence_passes_the_tone_guard(name: str, seed: int) -> None:
    week = _synthetic_weeks()[name]
    summary = summarise(week, level=3)
    text = views.recap_text(
        load_texts(), random.Random(seed), summary, name="Sam", dates="16 – 22 Nov", level=3
    )
    # The person's own words may be quoted back; the guard applies to ours.
    ours = text
    for lesson in summary.lessons:
        ours = ours.replace(html.escape(lesson, quote=False), "")
    for sentence in split_sentences(ours):
        assert check_text(sentence) == (), (name, sentence)
    assert "Sam" in text


#: Harsh lessons in the person's own language: quoted back, so their words are exempt.
HARSH_LESSONS = {
    "es": "Fracasé otra vez. Debería haber preguntado antes, qué patético",
    "ru": "Опять провал. Надо было спросить раньше, я неудачник",
}


@pytest.mark.parametrize("language", sorted(HARSH_LESSONS))
@pytest.mark.parametrize("name", list(_synthetic_weeks()))
@pytest.mark.parametrize("seed", range(4))
def test_every_recap_sentence_in_spanish_and_russian_passes_that_languages_guard(
    language: str, name: str, seed: int
) -> None:
    """The recap as an es/ru person gets it, checked against *their* language's shaming
    list (and the English one: a leaked English sentence would be caught too)."""
    lesson = HARSH_LESSONS[language]
    week = [a._replace(lesson=a.lesson and lesson) for a in _synthetic_weeks()[name]]
    summary = summarise(week, level=3)
    texts = load_locale(language)
    for so_far in (False, True):
        text = views.recap_text(
            texts, random.Random(seed), summary, name="Sam", dates="16–22", level=3, so_far=so_far
        )
        ours = text.replace(html.escape(lesson, quote=False), "")
        for sentence in split_sentences(ours):
            assert check_text(sentence, rules=rules_for(language)) == (), (name, sentence)
            assert check_text(sentence) == (), (name, sentence)
        if summary.lessons:
            assert html.escape(lesson, quote=False) in text  # their words, kept


def test_the_guard_would_catch_a_shaming_recap_in_each_language() -> None:
    # The check above is not vacuous: the same harsh words, written by us, are caught.
    for language, lesson in HARSH_LESSONS.items():
        assert check_text(lesson, rules=rules_for(language)) != ()


def test_quiet_weeks_are_warm_and_short() -> None:
    texts = load_texts()
    empty = views.recap_text(
        texts, random.Random(1), summarise([], level=1), name="Sam", dates="x", level=1
    )
    assert "okay" in empty or "No guilt" in empty
    assert len(empty) < 400


def test_prompts_yaml_passes_the_tone_guard() -> None:
    document = yaml.safe_load((ROOT / "prompts.yaml").read_text(encoding="utf-8"))
    assert check_prompts(document) == []


@pytest.mark.parametrize("name", list(_synthetic_weeks()))
@pytest.mark.parametrize("buddy", [None, "Bo"])
def test_recaps_are_short_with_one_headline_number(name: str, buddy: str | None) -> None:
    """At most eight short lines; the ask count is the one number outside the heading and
    the forecast line; the last line is true of that week."""
    week = _synthetic_weeks()[name]
    summary = summarise(week, level=3)
    texts = load_texts()
    for seed in range(4):
        text = views.recap_text(
            texts,
            random.Random(seed),
            summary,
            name="Sam",
            dates="16 – 22 Nov",
            level=3,
            buddy=buddy,
        )
        lines = text.split("\n\n")
        assert len(lines) <= views.RECAP_LINES_MAX, text
        assert all(len(line) <= 260 for line in lines), text
        forecast = [line for line in lines if "%" in line]
        assert len(forecast) == (summary.prediction is not None), text
        numbers = [
            number
            for line in lines[1:]
            if line not in forecast and "“" not in line
            for number in re.findall(r"\d+(?:\.\d+)?", line)
        ]
        # The ask count (and asks not made); "4" is the bolder suggestion's next level.
        assert set(numbers) <= {str(summary.asked), str(summary.not_asked), "4"}, (text, numbers)
        if summary.asked:
            endings = texts.variants(f"recap.ending.{views.recap_ending(summary)}")
            assert lines[-1] in endings, text
        assert "working" not in lines[-1]


@pytest.mark.parametrize(
    ("week", "ending"),
    [
        ([attempt("yes", before=5, after=2)], "one_ask"),  # never "it's working" after one
        ([attempt("yes", before=6, after=2), attempt("no", before=6, after=3)], "settled"),
        ([attempt("no", before=3, after=5), attempt("no", before=3, after=6)], "heard_no"),
        ([attempt("yes"), attempt("partial")], "showed_up"),
    ],
)
def test_the_recap_ends_with_what_was_true_that_week(week: list[WeekAttempt], ending: str) -> None:
    assert views.recap_ending(summarise(week, level=2)) == ending


@pytest.mark.parametrize("language", ["es", "ru"])
def test_the_boldest_ask_is_named_in_the_persons_language(language: str) -> None:
    """The database keeps a catalog idea in English; the recap names it in theirs."""
    english = load_texts()
    texts = load_locale(language)
    idea = english.ideas[0]
    week = [
        attempt("no", level=1, hours=1),
        attempt("yes", level=idea.level + 3, title=idea.text, hours=2)._replace(
            catalog_key=idea.id
        ),
    ]
    summary = summarise(week, level=2)
    assert summary.bravest is not None and summary.bravest.catalog_key == idea.id
    text = views.recap_text(texts, random.Random(1), summary, name="Sam", dates="", level=2)
    own = views.short_title(texts.ideas_by_id[idea.id].text, limit=80)
    assert html.escape(own, quote=False) in text or own in text
    assert views.short_title(idea.text, limit=80) not in text
