"""Tests for bot.domain.tone: the shaming/guilt guard for the bot's own texts."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.tone import (
    DEFAULT_EXEMPTIONS,
    TONE_RULES,
    ToneExemption,
    ToneIssue,
    check_prompts,
    check_text,
    rules_for,
    split_sentences,
)

#: Every phrase the guard must catch, each inside a sentence the bot might be tempted to
#: write, with the rule expected to fire.
SHAMING_SENTENCES: list[tuple[str, str]] = [
    ("You failed to complete today's challenge.", "fail"),
    ("That was a failure, but tomorrow is new.", "fail"),
    ("You only managed one ask this week.", "only_managed"),
    ("You only did the easy one.", "only_managed"),
    ("Only 1 challenge this week.", "only_managed"),
    ("You should have asked for the bigger discount.", "should_have"),
    ("You shouldn't have apologised.", "should_have"),
    ("You shouldn’t have apologised.", "should_have"),
    ("You should've gone for it.", "should_have"),
    ("Don't be lazy about it.", "lazy"),
    ("This week was disappointing.", "disappoint"),
    ("I'm disappointed in you.", "disappoint"),
    ("Your streak is broken.", "streak_loss"),
    ("Oops, you broke your streak!", "streak_loss"),
    ("Streak reset to zero.", "streak_loss"),
    ("You lost your streak.", "streak_loss"),
    ("Back to day one!", "streak_loss"),
    ("Try harder next week!", "try_harder"),
    ("No excuses today.", "no_excuses"),
    ("You missed yesterday.", "you_missed"),
    ("You didn't even open the app.", "you_didnt_even"),
    ("Looks like you gave up.", "gave_up"),
    ("That's not good enough.", "not_good_enough"),
    ("Pathetic effort.", "pathetic"),
    ("Don't be weak.", "weak"),
    ("You're falling behind.", "falling_behind"),
    ("You're behind schedule.", "falling_behind"),
    ("Stop slacking.", "slacking"),
    ("You must do better.", "do_better"),
    ("Zero progress this week.", "zero_progress"),
    ("A wasted week.", "wasted"),
    ("Rejected 3 times!", "rejected_count"),
    ("You barely tried.", "barely"),
    ("Why didn't you log anything?", "why_didnt_you"),
    ("You could have asked again.", "you_could_have"),
    ("Don't let yourself down.", "let_down"),
    ("You've been inactive for a week.", "inactive"),
    ("You promised to do one a day.", "you_promised"),
    ("Toughen up, it's just a no.", "toughen_up"),
    ("Quitters never win.", "quitter"),
    ("That's unacceptable.", "unacceptable"),
    ("Don't be a loser.", "loser"),
]

#: Warm texts in the voice of DESIGN.md: none of them may trip the guard.
WARM_SENTENCES = [
    "One ask this week. That counts.",
    "One ask this week. That counts: you walked toward the thing your brain calls dangerous.",
    "Not today? That's allowed.",
    "Not today? That's allowed. Want a smaller one for tomorrow?",
    "Three no's, and you're still here.",
    "Three no's, and you're still here. Your brain just got three updates.",
    "A quiet week. Rest counts too.",
    "You asked. That was your part; the answer was theirs.",
    "Nervous before, calmer after. Nice noticing.",
    "Want an easier one? Smaller steps still move you.",
    "Your weekly recap: 2 asks, 1 no, 1 yes. Both asks count.",
    "Welcome back. No catching up needed.",
    "How anxious were you before, from 0 to 10?",
    "What did you expect them to say?",
    "That sounds tiring. Want to pause nudges for a few days?",
    "This bot is a self-help companion, not therapy.",
    "Your data is yours: /export gives it all, /delete erases it.",
    "Ask a coffee shop to name a drink after you.",
    "Ask someone at the gym to show you a machine.",
    "Proud of you for trying. 🙂",
]


@pytest.mark.parametrize(("sentence", "rule"), SHAMING_SENTENCES)
def test_shaming_phrase_is_caught(sentence: str, rule: str) -> None:
    issues = check_text(sentence)
    assert rule in {issue.rule for issue in issues}, issues


def test_every_rule_has_an_example() -> None:
    exemplified = {rule for _, rule in SHAMING_SENTENCES}
    assert {rule.name for rule in TONE_RULES} <= exemplified


def test_rule_names_are_unique() -> None:
    names = [rule.name for rule in TONE_RULES]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("sentence", WARM_SENTENCES)
def test_warm_sentence_passes(sentence: str) -> None:
    assert check_text(sentence) == ()


@pytest.mark.parametrize(
    "sentence",
    ["She was unfailingly kind.", "A wasteland of emails.", "Weakly typed.", "Flazy"],
)
def test_word_boundaries(sentence: str) -> None:
    # Banned words inside other words are not matches.
    assert check_text(sentence) == ()


def test_issue_offsets_point_at_the_match() -> None:
    text = "Well. You SHOULD HAVE asked, and your Streak Is Broken."
    issues = check_text(text)
    assert [issue.rule for issue in issues] == ["should_have", "streak_loss"]
    for issue in issues:
        assert text[issue.start : issue.end] == issue.matched
        assert issue.why


def test_users_own_words_may_be_quoted() -> None:
    lesson = "I shouldn’t have apologised so much"
    text = f"Your lesson this week: “{lesson}”. You asked anyway."
    assert check_text(text, quotes=[lesson]) == ()
    # Outside the quote the same words are still the bot's words.
    assert check_text(text + " You should have asked sooner.", quotes=[lesson])


# --------------------------------------------------------------------------------------------
# check_prompts
# --------------------------------------------------------------------------------------------

PROMPTS = {
    "onboarding": {"welcome": "Hi! One small ask at a time.", "steps": ["Ask.", "Log."]},
    "recap": {
        "empty_week": "A quiet week. That's allowed.",
        "bad": "You failed to log anything. Try harder!",
    },
    "crisis": {"reply": "You shouldn't have to carry this alone. Reaching out isn't weakness."},
    "challenges": [
        {"title": "Ask to pet a dog", "level": 1},
        {"title": "Ask for a discount, no excuses", "level": 2},
    ],
    "version": 3,
    "empty": None,
}


def test_check_prompts_reports_key_paths() -> None:
    found = [(key, issue.rule) for key, issue in check_prompts(PROMPTS)]
    assert found == [
        ("recap.bad", "fail"),
        ("recap.bad", "try_harder"),
        ("challenges.1.title", "no_excuses"),
    ]


@pytest.mark.parametrize("root", ["crisis", "texts.crisis"])
def test_crisis_texts_are_exempt_only_from_the_listed_rules(root: str) -> None:
    prompts: dict[str, object] = {"reply": "You shouldn't have to carry this alone. No excuses."}
    for part in reversed(root.split(".")):
        prompts = {part: prompts}
    assert [issue.rule for _, issue in check_prompts(prompts)] == ["no_excuses"]


def test_error_texts_may_say_the_bot_failed() -> None:
    prompts = {"texts": {"errors": {"save": "Saving failed. Try harder to be patient!"}}}
    assert [issue.rule for _, issue in check_prompts(prompts)] == ["try_harder"]


def test_without_exemptions_crisis_texts_are_checked_too() -> None:
    keys = {key for key, _ in check_prompts(PROMPTS, exemptions=())}
    assert "crisis.reply" in keys


def test_custom_exemption() -> None:
    exemption = ToneExemption("recap.*", frozenset({"fail", "try_harder"}), "test")
    # Passing exemptions replaces the defaults, so keep them when adding one.
    exemptions = [*DEFAULT_EXEMPTIONS, exemption]
    rules = [issue.rule for _, issue in check_prompts(PROMPTS, exemptions=exemptions)]
    assert rules == ["no_excuses"]


def test_exemption_with_unknown_rule_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown rules"):
        check_prompts(PROMPTS, exemptions=[ToneExemption("*", frozenset({"typo"}), "x")])


def test_default_exemptions_have_reasons() -> None:
    assert all(ex.reason and ex.rules for ex in DEFAULT_EXEMPTIONS)


def test_check_prompts_accepts_plain_strings_and_lists() -> None:
    assert check_prompts("Try harder")[0][0] == ""
    assert check_prompts(["fine", ["Lazy"]])[0][0] == "1.0"


# --------------------------------------------------------------------------------------------
# split_sentences
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One ask. That counts!", ["One ask.", "That counts!"]),
        ('She said "no." Then I left.', ['She said "no."', "Then I left."]),
        ("Not today? That's allowed…  Rest.", ["Not today?", "That's allowed…", "Rest."]),
        ("line one\nline two\n\n", ["line one", "line two"]),
        ("7.5 out of 10", ["7.5 out of 10"]),
        ("", []),
        ("   ", []),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


@pytest.mark.parametrize("text", WARM_SENTENCES)
def test_each_warm_sentence_is_clean(text: str) -> None:
    for sentence in split_sentences(text):
        assert check_text(sentence) == ()


# --------------------------------------------------------------------------------------------
# Totality
# --------------------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.text(), st.lists(st.text(max_size=20), max_size=3))
def test_check_text_never_raises(text: str, quotes: list[str]) -> None:
    issues = check_text(text, quotes=quotes)
    assert all(isinstance(issue, ToneIssue) for issue in issues)
    for issue in issues:
        assert text[issue.start : issue.end] == issue.matched


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_split_sentences_never_raises(text: str) -> None:
    assert all(sentence.strip() == sentence and sentence for sentence in split_sentences(text))


def test_check_text_is_fast_on_long_input() -> None:
    text = "You only managed " * 500 + "x" * 5000
    started = time.perf_counter()
    check_text(text)
    assert time.perf_counter() - started < 0.5


# --- other languages -------------------------------------------------------------------------

OTHER_LANGUAGE_EXAMPLES = {
    "es": {
        "fail": "Fracasaste otra vez.",
        "only_managed": "Solo una petición esta semana.",
        "should_have": "Deberías haber preguntado.",
        "you_could_have": "Podrías haber pedido más.",
        "you_missed": "Perdiste un día.",
        "you_didnt_even": "Ni siquiera lo intentaste.",
        "why_didnt_you": "¿Por qué no lo intentaste?",
        "disappoint": "Qué decepción.",
        "streak_loss": "Rompiste tu racha.",
        "try_harder": "Esfuérzate más.",
        "no_excuses": "Sin excusas.",
        "gave_up": "Te rendiste.",
        "lazy": "Eso es pereza.",
        "pathetic": "Patético.",
        "weak": "Eres débil.",
        "loser": "Perdedor.",
    },
    "ru": {
        "fail": "Опять провал.",
        "only_managed": "Всего одна просьба за неделю.",
        "should_have": "Надо было спросить.",
        "you_missed": "Ты пропустил день.",
        "why_didnt_you": "Почему ты не спросил?",
        "disappoint": "Я разочарован.",
        "streak_loss": "Серия прервалась.",
        "try_harder": "Старайся больше.",
        "no_excuses": "Без оправданий.",
        "gave_up": "Ты сдался.",
        "lazy": "Это лень.",
        "pathetic": "Жалкое зрелище.",
        "weak": "Слабак.",
        "loser": "Неудачник.",
    },
}


@pytest.mark.parametrize("language", sorted(OTHER_LANGUAGE_EXAMPLES))
def test_every_rule_of_a_language_catches_its_example(language: str) -> None:
    examples = OTHER_LANGUAGE_EXAMPLES[language]
    rules = rules_for(language)
    assert {rule.name for rule in rules} == set(examples)
    for name, sentence in examples.items():
        assert name in {issue.rule for issue in check_text(sentence, rules=rules)}, name


@pytest.mark.parametrize("language", sorted(OTHER_LANGUAGE_EXAMPLES))
def test_every_text_of_a_language_passes_its_guard(language: str) -> None:
    document = yaml.safe_load(
        (Path(__file__).resolve().parents[2] / "locales" / f"{language}.yaml").read_text("utf-8")
    )
    issues = check_prompts(document, language=language)
    assert issues == [], [(key, issue.matched) for key, issue in issues]


def test_warm_russian_and_spanish_pass() -> None:
    assert check_text("Это было смело, и неважно, что ответили.", rules=rules_for("ru")) == ()
    assert (
        check_text("Un gesto vago y un «más o menos» también cuentan.", rules=rules_for("es")) == ()
    )
