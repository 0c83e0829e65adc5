"""Tests for bot.domain.care: crisis, self-criticism and exhaustion detectors.

Run with ``pytest -s tests/domain/test_care.py`` to see the measured rates printed; they are
also attached to the JUnit report via ``record_property``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.care import (
    CRISIS_SET,
    CrisisKind,
    CrisisSignal,
    _squash_pattern,
    detect_crisis,
    detect_exhaustion,
    detect_self_criticism,
    normalise,
)

DATA = Path(__file__).parent / "data"

#: Most ordinary reflections the crisis detector may flag (a flag costs one gentle check-in).
MAX_CRISIS_FALSE_POSITIVE_RATE = 0.03
#: Self-criticism leans to recall (a flag costs one kind reframe), but should stay rare.
MAX_SELF_CRITICISM_FALSE_POSITIVE_RATE = 0.05

RecordProperty = Callable[[str, object], None]


def load_phrases(name: str) -> list[str]:
    """One phrase per line; blank lines and ``#`` comment lines are skipped."""
    lines = (line.strip() for line in (DATA / name).read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def rate_line(label: str, hits: int, total: int) -> str:
    return f"{label}: {hits}/{total} = {100 * hits / total:.1f}%"


CRISIS_PHRASES = load_phrases("crisis_phrases.txt")
ORDINARY_REFLECTIONS = load_phrases("ordinary_reflections.txt")
SELF_CRITICAL_PHRASES = load_phrases("self_critical.txt")


# --------------------------------------------------------------------------------------------
# Crisis: the data sets
# --------------------------------------------------------------------------------------------


def test_crisis_phrases_all_recognised(record_property: RecordProperty) -> None:
    distinct = set(CRISIS_PHRASES)
    assert len(distinct) == len(CRISIS_PHRASES), "duplicate lines in crisis_phrases.txt"
    assert len(distinct) >= 45
    missed = [phrase for phrase in CRISIS_PHRASES if detect_crisis(phrase) is None]
    found = len(CRISIS_PHRASES) - len(missed)
    line = rate_line("crisis recall", found, len(CRISIS_PHRASES))
    print(line)
    record_property("crisis_recall", line)
    assert not missed, f"{line}; missed: {missed}"


def test_crisis_false_positive_rate_on_ordinary_reflections(
    record_property: RecordProperty,
) -> None:
    assert len(set(ORDINARY_REFLECTIONS)) == len(ORDINARY_REFLECTIONS)
    assert len(ORDINARY_REFLECTIONS) >= 120
    flagged = [
        (text, signal.rule)
        for text in ORDINARY_REFLECTIONS
        if (signal := detect_crisis(text)) is not None
    ]
    line = rate_line("crisis false-positive rate", len(flagged), len(ORDINARY_REFLECTIONS))
    print(line)
    for text, rule in flagged:
        print(f"  flagged by {rule}: {text!r}")
    record_property("crisis_false_positive_rate", line)
    rate = len(flagged) / len(ORDINARY_REFLECTIONS)
    assert rate <= MAX_CRISIS_FALSE_POSITIVE_RATE, f"{line}; flagged: {flagged}"


def test_every_strong_rule_is_exercised_by_the_data() -> None:
    # Keeps the data file a living specification: a new strong rule needs an example.
    fired = {signal.rule for p in CRISIS_PHRASES if (signal := detect_crisis(p)) is not None}
    assert {rule.name for rule in CRISIS_SET.strong} <= fired


# --------------------------------------------------------------------------------------------
# Crisis: decisions for ambiguous cases
# --------------------------------------------------------------------------------------------


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
        ("I'd rather die than do that again", "I'd rather die than do that again lol"),
        ("when she said no I wanted to die", "when she said no I wanted to die of embarrassment"),
        ("kill me now", "kill me now 😂"),
        ("I just want to disappear", "I just want to disappear haha"),
        ("I can't do this anymore", "I can't do this anymore lmao"),
        ("goodbye everyone", "goodbye everyone, off to ask for a discount xD"),
    ],
)
def test_weak_phrases_count_unless_humour_is_near(serious: str, joking: str) -> None:
    assert detect_crisis(serious) is not None
    assert detect_crisis(joking) is None


def test_humour_far_away_does_not_cancel_a_weak_phrase() -> None:
    text = "lol the barista was so funny today. " + "then I walked home alone. " * 3
    assert detect_crisis(text + "honestly I'd rather die") is not None


def test_i_hate_myself_alone_is_not_a_crisis() -> None:
    assert detect_crisis("I hate myself") is None
    assert detect_self_criticism("I hate myself")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("i've been cutting again", CrisisKind.SELF_HARM),
        ("I hurt myself", CrisisKind.SELF_HARM),
        ("🔪🩸", CrisisKind.SELF_HARM),
        ("I want to die", CrisisKind.SUICIDE),
        ("sucidal", CrisisKind.SUICIDE),
    ],
)
def test_kind(text: str, kind: CrisisKind) -> None:
    signal = detect_crisis(text)
    assert signal is not None
    assert signal.kind is kind


def test_signal_repr_does_not_leak_the_message() -> None:
    signal = detect_crisis("honestly i just want to die")
    assert isinstance(signal, CrisisSignal)
    assert signal.phrase == "just want to die"
    assert "just want" not in repr(signal)
    assert signal.rule in repr(signal)


# --------------------------------------------------------------------------------------------
# Normalisation
# --------------------------------------------------------------------------------------------


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
def test_normalise(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


def test_squash_pattern_keeps_escapes() -> None:
    assert _squash_pattern(r"kill\bbetter\S+") == r"kil\bbeter\S+"
    assert _squash_pattern("better off") == "beter of"


# --------------------------------------------------------------------------------------------
# Self-criticism
# --------------------------------------------------------------------------------------------

KIND_OR_NEUTRAL = [
    "the ask was stupid hard",
    "he said I was brave",
    "I felt stupid for a second but it passed",
    "I'm not stupid, just anxious",
    "I'm proud of myself",
    "that rule is so stupid",
    "he's such an idiot lol",
    "there's nothing wrong with me, it was just a no",
    "I was nervous and that's fine",
    "I did it even though my voice shook",
    "I'm learning that a no isn't about me",
    "I didn't want to look like a fool, but I asked anyway",
    "felt silly at first, then fine",
    "I'm getting better at this",
    "it was awkward but funny",
]


def test_self_critical_phrases_all_detected(record_property: RecordProperty) -> None:
    assert len(set(SELF_CRITICAL_PHRASES)) == len(SELF_CRITICAL_PHRASES) >= 25
    missed = [p for p in SELF_CRITICAL_PHRASES if not detect_self_criticism(p)]
    line = rate_line(
        "self-criticism recall",
        len(SELF_CRITICAL_PHRASES) - len(missed),
        len(SELF_CRITICAL_PHRASES),
    )
    print(line)
    record_property("self_criticism_recall", line)
    assert not missed, f"{line}; missed: {missed}"


def test_self_criticism_false_positive_rate(record_property: RecordProperty) -> None:
    neutral = KIND_OR_NEUTRAL + ORDINARY_REFLECTIONS
    flagged = [text for text in neutral if detect_self_criticism(text)]
    line = rate_line("self-criticism false-positive rate", len(flagged), len(neutral))
    print(line)
    for text in flagged:
        print(f"  flagged: {text!r}")
    record_property("self_criticism_false_positive_rate", line)
    assert len(flagged) / len(neutral) <= MAX_SELF_CRITICISM_FALSE_POSITIVE_RATE, line


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The feeling is named and let go: no reframe needed.
        ("I felt stupid for a second but it passed", False),
        ("I felt so stupid", True),
        # "stupid" as an intensifier, and about someone else.
        ("the ask was stupid hard", False),
        ("he said I was brave", False),
        # Negated labels are not harsh self-talk.
        ("I'm not a failure", False),
        ("I'm not good enough", True),
    ],
)
def test_self_criticism_decisions(text: str, expected: bool) -> None:
    assert detect_self_criticism(text) is expected


# --------------------------------------------------------------------------------------------
# Exhaustion
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "drained",
        "so exhausted after that",
        "completely wiped out",
        "I'm tired",
        "emotionally tired, socially tired, existentially tired",
        "burnt out",
        "burned out on asks",
        "knackered",
        "I'm spent",
        "I need a nap",
        "done for today",
        "feeling overwhelmed",
        "vulnerability hangover is real",
        "my social battery is dead",
        "running on empty",
        "tired of being rejected",
        "I've never been so tired",
        "this challenge is draining",
        "dead tired",
    ],
)
def test_exhaustion_detected(text: str) -> None:
    assert detect_exhaustion(text)


@pytest.mark.parametrize(
    "text",
    [
        "not tired at all",
        "I'm not even tired",
        "wasn't drained this time",
        "less tired than I expected",
        "tired of waiting in line, so I asked to skip ahead",
        "I spent an hour at the bookstore",
        "I beat my record of asks",
        "overwhelmed with gratitude, she said yes",
        "the barista said no but smiled",
        "heart pounding but I did it",
        "I felt powerful",
    ],
)
def test_exhaustion_not_detected(text: str) -> None:
    assert not detect_exhaustion(text)


# --------------------------------------------------------------------------------------------
# Totality and speed
# --------------------------------------------------------------------------------------------

DETECTORS: list[Callable[[str], object]] = [
    normalise,
    detect_crisis,
    detect_self_criticism,
    detect_exhaustion,
]


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_detectors_are_total_on_arbitrary_unicode(text: str) -> None:
    for detector in DETECTORS:
        detector(text)
    assert isinstance(detect_self_criticism(text), bool)
    assert isinstance(detect_exhaustion(text), bool)


STRONG_NAMES = {rule.name for rule in CRISIS_SET.strong}


@settings(max_examples=200, deadline=None)
@given(
    before=st.text(max_size=120),
    phrase=st.sampled_from(CRISIS_PHRASES),
    after=st.text(max_size=120),
)
def test_crisis_phrase_found_whatever_surrounds_it(before: str, phrase: str, after: str) -> None:
    # Line breaks end sentences, so noise on other lines cannot negate the phrase.
    assert detect_crisis(f"{before}\n{phrase}\n{after}") is not None


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
    " ".join(ORDINARY_REFLECTIONS) * 3,
]


@pytest.mark.parametrize("text", ADVERSARIAL_INPUTS, ids=lambda t: f"{t[:12]!r}x{len(t)}")
def test_detectors_are_fast_on_long_input(text: str) -> None:
    assert len(text) >= 5000
    for detector in DETECTORS:
        started = time.perf_counter()
        detector(text)
        elapsed = time.perf_counter() - started
        assert elapsed < 0.5, f"{getattr(detector, '__name__', detector)} took {elapsed:.3f}s"


def _repeat_to_5000(text: str) -> str:
    return text * (5000 // len(text) + 1)


# Hypothesis cannot draw 5,000 random characters cheaply, so a random chunk is repeated.
@settings(max_examples=50, deadline=None)
@given(st.text(min_size=1, max_size=300).map(_repeat_to_5000))
def test_detectors_are_fast_on_long_random_unicode(text: str) -> None:
    assert len(text) >= 5000
    started = time.perf_counter()
    for detector in DETECTORS:
        detector(text)
    assert time.perf_counter() - started < 1.0
