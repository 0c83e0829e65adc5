"""bot.domain.crisis: the decisions for ambiguous cases, categories, totality and speed.
The corpus figures (recall per category, false positives, time per message) are in
test_crisis_corpus.py."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.crisis import VOCABULARIES, Category, CrisisSignal, detect_crisis
from bot.domain.crisis.detector import compile_vocabulary
from bot.domain.crisis.vocabulary import Phrase, Vocabulary


@pytest.mark.parametrize(
    "text",
    [
        "I almost died of embarrassment lol",
        "that no killed my mood",
        "I wanted the ground to swallow me",
        "I could have died right there",
        "dying to try the bolder one",
        "this challenge is killing me 😂",
        "my legs were dead after the gym",
        "I killed it today!",
        "I'd rather die than do that again lol",
        "the barista cut me off mid-sentence",
        "dead tired",
        "I was dying inside but did it",
        "kill the anxiety",
        "my phone died",
        "asking felt like social suicide",
        "I cut myself shaving",
        "hurt myself at the gym",
        "I overdosed on coffee before the ask",
        "is this really the hill I want to die on?",
        "I can't go on the rollercoaster",
        "I'm cutting back on sugar",
        "we ended things on a good note",
        "I jumped off the diving board",
    ],
)
def test_figurative_speech_is_not_a_crisis(text: str) -> None:
    assert detect_crisis(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "I'm not suicidal, just sad",
        "I don't want to die",
        "I would never kill myself",
        "I haven't self harmed in a month",
        "no more suicidal thoughts this week",
        "I'm not feeling suicidal",
    ],
)
def test_negation_directly_before_cancels(text: str) -> None:
    assert detect_crisis(text) is None


@pytest.mark.parametrize(
    "text",
    [
        # A negation elsewhere in the sentence does not cancel.
        "I'm not ok. I want to die",
        "not gonna lie, I want to die",
        "I'm not suicidal but I've been cutting again",
        # "never been so" intensifies.
        "I've never been so suicidal",
        # Less is still some.
        "I feel less suicidal today",
        # A humour marker does not cancel a strong phrase.
        "kms lol",
        "i want to die 😂",
        "I'm going to kill myself if she says no haha",
        # "I hate myself" is not a crisis on its own, with a death wish it is.
        "I hate myself and want to die",
    ],
)
def test_strong_phrases_survive_context(text: str) -> None:
    assert detect_crisis(text) is not None


@pytest.mark.parametrize(
    ("serious", "joking"),
    [
        ("honestly I'd rather die", "honestly I'd rather die lol"),
        ("I wanted to die", "I wanted to die of embarrassment"),
        ("kill me now", "kill me now 😂"),
        ("I just want to disappear", "I just want to disappear haha"),
        ("I can't do this anymore", "I can't do this anymore lmao"),
        ("goodbye everyone", "goodbye everyone, off to ask for a discount xD"),
    ],
)
def test_weak_phrases_count_unless_humour_is_near(serious: str, joking: str) -> None:
    assert detect_crisis(serious) is not None
    assert detect_crisis(joking) is None


@pytest.mark.parametrize(
    "text",
    [
        # A comparison is hyperbole, not a wish (issue 17 lists it as ordinary).
        "I'd rather die than do that again",
        # A feeling tied to the moment of a no is the awkwardness this bot is for.
        "when she said no I wanted to die",
    ],
)
def test_comparisons_and_moments_of_a_no_are_ordinary(text: str) -> None:
    assert detect_crisis(text) is None


def test_humour_far_away_does_not_cancel_a_weak_phrase() -> None:
    text = "lol the barista was so funny today. " + "then I walked home alone. " * 3
    assert detect_crisis(text + "honestly I'd rather die") is not None


def test_i_hate_myself_alone_is_not_a_crisis() -> None:
    assert detect_crisis("I hate myself") is None


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("i've been cutting again", Category.SELF_HARM),
        ("I hurt myself", Category.SELF_HARM),
        ("🔪🩸", Category.SELF_HARM),
        ("I want to die", Category.EXPLICIT_INTENT),
        ("sucidal", Category.EXPLICIT_INTENT),
        ("been stockpiling my sleeping pills", Category.MEANS),
        ("i've been looking up painless ways to go", Category.RESEARCH),
    ],
)
def test_category(text: str, category: Category) -> None:
    signal = detect_crisis(text)
    assert signal is not None
    assert signal.category is category


def test_signal_repr_does_not_leak_the_message() -> None:
    signal = detect_crisis("honestly i just want to die")
    assert isinstance(signal, CrisisSignal)
    assert signal.phrase == "just want to die"
    assert "just want" not in repr(signal)
    assert signal.rule in repr(signal)


def test_weak_signal_is_marked_weak_and_strong_is_not() -> None:
    weak = detect_crisis("I'd rather die")
    strong = detect_crisis("I want to kill myself")
    assert weak is not None and weak.weak
    assert strong is not None and not strong.weak


def test_unknown_language_falls_back_to_english() -> None:
    assert detect_crisis("i want to die", language="xx") is not None


def test_a_second_language_is_data_only() -> None:
    # The shape Spanish and Russian will use: a Vocabulary, compiled by the same code.
    toy = Vocabulary(
        language="es",
        fragments={"me": "(?: me| a mi mismo)"},
        negation="no",
        intensifier="nunca",
        figurative="jaja",
        phrases={Category.EXPLICIT_INTENT: (Phrase("quiero_morir", r"quiero morir<<me>>?"),)},
    )
    compiled = compile_vocabulary(toy)
    assert [rule.category for rule in compiled.rules] == [Category.EXPLICIT_INTENT]
    assert set(VOCABULARIES) >= {"en"}


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_detector_is_total_on_arbitrary_unicode(text: str) -> None:
    signal = detect_crisis(text)
    assert signal is None or isinstance(signal, CrisisSignal)


ADVERSARIAL_INPUTS = [
    "not " * 1500,
    "i want to " * 600,
    "kill " * 1200,
    "a " * 3000,
    "😂" * 5000,
    "ha" * 3000,
    "x" * 6000,
    "I'd rather die lol. " * 300,
    "i am so " * 800 + "stupid",
    "tired of " * 700,
    ".!?" * 2000,
    "\u200b" * 5000,
    "é" * 6000,
]


@pytest.mark.parametrize("text", ADVERSARIAL_INPUTS, ids=lambda t: f"{t[:12]!r}x{len(t)}")
def test_detector_is_fast_on_long_input(text: str) -> None:
    assert len(text) >= 5000
    started = time.perf_counter()
    detect_crisis(text)
    elapsed = time.perf_counter() - started
    assert elapsed < 0.5, f"detect_crisis took {elapsed:.3f}s"


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("honestly I'd rather die", "rather_die"),
        ("I wanted to die", "wanted_to_die"),
        ("I just want it to end", "want_it_over"),
        ("kill me now", "kill_me"),
        ("I just want to disappear", "want_to_disappear"),
        ("I can't do this anymore", "cant_do_this"),
        ("I just need the pain to stop", "pain_to_stop"),
        ("jump off a building", "jump_from"),
        ("I overdosed last year", "overdose_word"),
        ("⚰️ me", "emoji_death"),
        ("goodbye everyone", "goodbye_everyone"),
    ],
)
def test_each_weak_phrase(text: str, rule: str) -> None:
    signal = detect_crisis(text)
    assert signal is not None and signal.weak and signal.rule == rule
