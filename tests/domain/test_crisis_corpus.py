"""The crisis corpus: recall per category and false positives, development and held-out.

``tests/domain/crisis_corpus/``: ``dev_*`` files are what the rules are written against;
Spanish and Russian have their own files (``*_es.txt``, ``*_ru.txt``), read as a person of
that language (their own vocabulary and English);
``heldout_*`` files were written first and are never tuned on (their history is in
``HELDOUT_LOG.md``). Run ``pytest -s tests/domain/test_crisis_corpus.py`` to see the table;
the figures are also attached to the JUnit report with ``record_property``.
"""

from __future__ import annotations

import statistics
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.crisis import VOCABULARIES, Category, detect_crisis
from bot.texts import available_languages

CORPUS = Path(__file__).parent / "crisis_corpus"
MAX_FALSE_POSITIVE_RATE = 0.02
#: The issue's budget for a local recogniser; the median is far below it.
MAX_P99_SECONDS = 0.020

RecordProperty = Callable[[str, object], None]
Labelled = list[tuple[str, str]]


def load(name: str, block: str | None = None) -> Labelled:
    """``(section, message)`` pairs; ``## section`` starts a section, ``#`` is a comment.

    With *block*, only the lines between ``# start of <block>`` and ``# end of <block>``
    (a blind round kept recognisable after it moved into a development file)."""
    section, out, inside = "", [], block is None
    for raw in (CORPUS / name).read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if block is not None and line in (f"# start of {block}", f"# end of {block}"):
            inside = line.startswith("# start")
        elif line.startswith("## "):
            section = line[3:]
        elif line and not line.startswith("#") and inside:
            out.append((section, line))
    return out


DEV_CRISIS = load("dev_crisis.txt") + load("dev_crisis_legacy.txt")
HELDOUT_CRISIS = load("heldout_crisis.txt")
DEV_ORDINARY = load("dev_ordinary.txt")
HELDOUT_ORDINARY = load("heldout_ordinary.txt")
CATEGORIES = {category.value for category in Category}
# Every language the coach speaks besides English: a new locale file without its own crisis
# corpus (and rule set) makes these tests fail, so care never lags behind the texts.
OTHER_LANGUAGES = [code for code in available_languages() if code != "en"]
#: (language, part) -> (crisis, ordinary); English is the issue-17 corpus above.
CORPORA: dict[tuple[str, str], tuple[Labelled, Labelled]] = {
    ("en", "development"): (DEV_CRISIS, DEV_ORDINARY),
    ("en", "held-out"): (HELDOUT_CRISIS, HELDOUT_ORDINARY),
}
for _code in OTHER_LANGUAGES:
    CORPORA[(_code, "development")] = (
        load(f"dev_crisis_{_code}.txt"),
        load(f"dev_ordinary_{_code}.txt"),
    )
    CORPORA[(_code, "held-out")] = (
        load(f"heldout_crisis_{_code}.txt"),
        load(f"heldout_ordinary_{_code}.txt"),
    )
PARTS = sorted(CORPORA)


def recall_table(
    corpus: Labelled, language: str = "en"
) -> tuple[dict[str, tuple[int, int]], list[str]]:
    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    missed = []
    for section, text in corpus:
        total[section] += 1
        if detect_crisis(text, language) is not None:
            found[section] += 1
        else:
            missed.append(f"{section}: {text}")
    return {s: (found[s], total[s]) for s in sorted(total)}, missed


def report(label: str, table: dict[str, tuple[int, int]]) -> str:
    hits = sum(f for f, _ in table.values())
    count = sum(t for _, t in table.values())
    rows = [f"{label}: recall {hits}/{count} = {100 * hits / count:.1f}%"]
    rows += [f"  {s:<18} {f}/{t} = {100 * f / t:.1f}%" for s, (f, t) in table.items()]
    return "\n".join(rows)


def test_corpus_is_bigger_than_the_rules() -> None:
    crisis = DEV_CRISIS + HELDOUT_CRISIS
    assert len(crisis) >= 250
    assert len(DEV_ORDINARY) + len(HELDOUT_ORDINARY) >= 400
    per_category = Counter(section for section, _ in crisis if section in CATEGORIES)
    assert set(per_category) == CATEGORIES
    assert min(per_category.values()) >= 15, per_category
    every_text = [text.casefold() for _, text in crisis + DEV_ORDINARY + HELDOUT_ORDINARY]
    assert len(set(every_text)) == len(every_text), "a line appears twice"


@pytest.mark.parametrize(("language", "label"), PARTS)
def test_recall(language: str, label: str, record_property: RecordProperty) -> None:
    table, missed = recall_table(CORPORA[(language, label)][0], language)
    line = report(f"{language} {label}", table)
    print(line)
    record_property(f"crisis_recall_{language}_{label}", line)
    assert not missed, f"{line}\nmissed: {missed}"


@pytest.mark.parametrize(("language", "label"), PARTS)
def test_false_positives(language: str, label: str, record_property: RecordProperty) -> None:
    corpus = CORPORA[(language, label)][1]
    flagged = [(text, s.rule, s.weak) for _, text in corpus if (s := detect_crisis(text, language))]
    rate = len(flagged) / len(corpus)
    line = f"{language} {label}: false positives {len(flagged)}/{len(corpus)} = {100 * rate:.1f}%"
    print(line, *(f"  {rule} (weak={weak}): {text}" for text, rule, weak in flagged), sep="\n")
    record_property(f"crisis_false_positives_{language}_{label}", line)
    assert rate <= MAX_FALSE_POSITIVE_RATE, f"{line}: {flagged}"
    # A false alarm on figurative speech must be a *weak* signal, which gets the light reply.
    assert all(weak for _, _, weak in flagged), flagged


def test_time_per_message(record_property: RecordProperty) -> None:
    """Each message is timed 5 times. "Raw" counts every run (on a shared 2-core machine the
    p99 there is mostly other processes preempting us); "best of 5" is the detector's own
    cost per message. The budget is asserted on the latter, both are reported."""
    messages = [
        (language, text)
        for (language, _), (crisis, ordinary) in CORPORA.items()
        for _, text in crisis + ordinary
    ]
    for language, text in messages:  # warm the compiled patterns and caches
        detect_crisis(text, language)
    raw: list[float] = []
    best: list[float] = []
    for language, text in messages:
        runs = []
        for _ in range(5):
            started = time.perf_counter()
            detect_crisis(text, language)
            runs.append(time.perf_counter() - started)
        raw += runs
        best.append(min(runs))

    def figures(timings: list[float]) -> tuple[float, float]:
        ordered = sorted(timings)
        return statistics.median(ordered), ordered[int(len(ordered) * 0.99)]

    (raw_median, raw_p99), (median, p99) = figures(raw), figures(best)
    line = (
        f"time per message over {len(messages)} messages: best of 5 median {median * 1e6:.0f} µs,"
        f" p99 {p99 * 1e6:.0f} µs; raw median {raw_median * 1e6:.0f} µs, p99 {raw_p99 * 1e6:.0f} µs"
    )
    print(line)
    record_property("crisis_time_per_message", line)
    assert p99 < MAX_P99_SECONDS, line


@pytest.mark.parametrize("language", ["en", *OTHER_LANGUAGES])
def test_every_rule_is_exercised_by_the_development_part(language: str) -> None:
    # Keeps the corpus a living specification: a new rule needs an example written for it.
    from bot.domain.crisis import VOCABULARIES

    vocabulary = VOCABULARIES[language]
    # Weak phrases are pinned one by one in test_crisis.py (serious and joking pairs).
    names = {p.name for ps in vocabulary.phrases.values() for p in ps if not p.weak}
    names |= {c.name for cs in vocabulary.combinations.values() for c in cs}
    crisis, ordinary = CORPORA[(language, "development")]
    fired = {s.rule for _, text in crisis + ordinary if (s := detect_crisis(text, language))}
    assert names - fired == set()


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_each_language_has_its_own_rules(language: str) -> None:
    assert language in VOCABULARIES


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_each_language_has_its_own_corpus(language: str) -> None:
    dev_crisis, dev_ordinary = CORPORA[(language, "development")]
    held_crisis, held_ordinary = CORPORA[(language, "held-out")]
    assert len(dev_crisis) >= 100 and len(dev_ordinary) >= 150
    assert len(held_crisis) >= 40 and len(held_ordinary) >= 60
    for crisis in (dev_crisis, held_crisis):
        assert {section for section, _ in crisis} == CATEGORIES
    every_text = [text.casefold() for _, text in dev_crisis + dev_ordinary + held_crisis]
    every_text += [text.casefold() for _, text in held_ordinary]
    assert len(set(every_text)) == len(every_text), "a line appears twice"


@settings(max_examples=200, deadline=None)
@given(
    before=st.text(max_size=120),
    line=st.sampled_from(
        [(language, text) for (language, _), (crisis, _) in CORPORA.items() for _, text in crisis]
    ),
    after=st.text(max_size=120),
)
def test_a_crisis_line_is_found_whatever_surrounds_it(
    before: str, line: tuple[str, str], after: str
) -> None:
    # Line breaks end sentences, so noise on other lines cannot negate the phrase.
    language, text = line
    assert detect_crisis(f"{before}\n{text}\n{after}", language) is not None
