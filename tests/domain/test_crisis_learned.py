"""bot.domain.crisis.learned: the learned second signal (weak only, where the rules are silent).

The blind round-4 figures (rules alone vs rules + model, per category) are printed with
``pytest -s tests/domain/test_crisis_learned.py`` and recorded in HELDOUT_LOG.md.
"""

from __future__ import annotations

import gzip
import hashlib
import statistics
import time
from collections import Counter
from importlib import resources

import pytest

from bot.domain.crisis import detect_crisis
from bot.domain.crisis.learned import MODEL_FILE, RULE, english_model, flags, score
from tests.domain.test_crisis_corpus import (
    DEV_CRISIS,
    DEV_ORDINARY,
    HELDOUT_CRISIS,
    HELDOUT_ORDINARY,
    MAX_FALSE_POSITIVE_RATE,
    RecordProperty,
    load,
)

#: `python scripts/train_crisis_model.py` prints this; `--check` retrains and compares.
MODEL_SHA256 = "657e1e89359949cbe04ef56187260eea0a60f14fa71b54977d7d0bbfdc380163"
BLIND_CRISIS = load("blind4_crisis.txt")
BLIND_ORDINARY = load("blind4_ordinary.txt")
TRAIN_ORDINARY = load("train_ordinary.txt")


def test_the_shipped_weights_are_what_the_training_script_wrote() -> None:
    raw = resources.files("bot.domain.crisis").joinpath(MODEL_FILE).read_bytes()
    assert hashlib.sha256(gzip.decompress(raw)).hexdigest() == MODEL_SHA256


@pytest.mark.parametrize(
    ("text", "margin"),
    [
        ("i asked for a discount and got it", -3.868),
        ("nobody would miss me if i vanished tbh", 3.335),
        ("saved up my pills for the weekend", -1.06),
        ("dying of embarrassment lol", -8.511),
        ("the bridge to the bakery was closed", -3.887),
    ],
)
def test_the_model_reproduces_its_recorded_scores(text: str, margin: float) -> None:
    assert score(text) == pytest.approx(margin, abs=1e-3)


def test_a_paraphrase_the_rules_miss_gets_a_weak_signal_only() -> None:
    text = "nobody would miss me if i vanished tbh"
    assert flags(text)
    signal = detect_crisis(text)
    assert signal is not None
    assert (signal.rule, signal.weak) == (RULE, True)


def test_a_rule_match_wins_over_the_model() -> None:
    signal = detect_crisis("i want to kms")
    assert signal is not None
    assert signal.rule != RULE
    assert not signal.weak


@pytest.mark.parametrize(
    "text",
    [
        # The model alone scores these above its threshold; the rules' own reading (a
        # negation or humour marker cancelled a rule, or humour anywhere) keeps them ordinary.
        "I don't want to die",
        "I would never kill myself",
        "I just want to disappear haha",
    ],
)
def test_the_model_never_overrules_a_context_the_rules_cancelled(text: str) -> None:
    assert flags(text)
    assert detect_crisis(text) is None


def test_the_model_is_never_a_strong_signal() -> None:
    for _, text in BLIND_CRISIS + DEV_ORDINARY + TRAIN_ORDINARY + BLIND_ORDINARY:
        signal = detect_crisis(text)
        assert signal is None or signal.rule != RULE or signal.weak


@pytest.mark.parametrize(
    ("label", "corpus"),
    [
        ("development", DEV_ORDINARY),
        ("held-out", HELDOUT_ORDINARY),
        ("training-only", TRAIN_ORDINARY),
        ("blind round 4", BLIND_ORDINARY),
    ],
)
def test_the_model_adds_few_false_positives(label: str, corpus: list[tuple[str, str]]) -> None:
    flagged = [text for _, text in corpus if (s := detect_crisis(text)) and s.rule == RULE]
    assert len(flagged) / len(corpus) <= MAX_FALSE_POSITIVE_RATE / 2, flagged


def test_blind_round_4_rules_alone_and_with_the_model(record_property: RecordProperty) -> None:
    rules_found: Counter[str] = Counter()
    both_found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for section, text in BLIND_CRISIS:
        total[section] += 1
        signal = detect_crisis(text)
        if signal is not None:
            both_found[section] += 1
            rules_found[section] += signal.rule != RULE
    ordinary = [detect_crisis(text) for _, text in BLIND_ORDINARY]
    rules_fp = sum(s is not None and s.rule != RULE for s in ordinary)
    both_fp = sum(s is not None for s in ordinary)
    rows = [
        f"blind round 4: recall rules {sum(rules_found.values())}/{len(BLIND_CRISIS)}, rules +"
        f" model {sum(both_found.values())}/{len(BLIND_CRISIS)}; false positives rules"
        f" {rules_fp}/{len(ordinary)}, rules + model {both_fp}/{len(ordinary)}"
    ]
    rows += [f"  {s:<18} {rules_found[s]}/{total[s]} -> {both_found[s]}/{total[s]}" for s in total]
    print(*rows, sep="\n")
    record_property("crisis_blind4", "\n".join(rows))
    assert both_fp / len(ordinary) <= MAX_FALSE_POSITIVE_RATE
    assert sum(both_found.values()) > sum(rules_found.values())


def test_time_per_message(record_property: RecordProperty) -> None:
    """The model's own cost (best of 3 per message), on the whole corpus and on long input."""
    messages = [text for _, text in DEV_CRISIS + HELDOUT_CRISIS + DEV_ORDINARY + TRAIN_ORDINARY]
    messages += ["i am so " * 800 + "tired", "😂" * 5000, "x" * 6000]
    english_model()
    best = []
    for text in messages:
        runs = []
        for _ in range(3):
            started = time.perf_counter()
            score(text)
            runs.append(time.perf_counter() - started)
        best.append(min(runs))
    ordered = sorted(best)
    median, p99, worst = statistics.median(ordered), ordered[int(len(ordered) * 0.99)], ordered[-1]
    line = (
        f"learned model, {len(messages)} messages: median {median * 1e6:.0f} µs,"
        f" p99 {p99 * 1e6:.0f} µs, slowest {worst * 1e3:.1f} ms"
    )
    print(line)
    record_property("crisis_learned_time_per_message", line)
    assert worst < 0.020, line
