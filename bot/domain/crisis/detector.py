"""The crisis detector: a language's vocabulary compiled into rules, matched on chat tokens.

Language-neutral: everything it knows about words comes from a :class:`Vocabulary`. Strong
rules are tried before weak ones, so a signal names the most certain rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.domain.crisis.vocabulary import Category, Combination, Phrase, Vocabulary
from bot.domain.normalise import chat_tokens
from bot.domain.phrases import (
    CONTEXT_CHARS,
    Context,
    PhraseRule,
    compile_suffix,
    compile_tokens,
    first_match,
    negated,
)

_PLACEHOLDER = re.compile(r"<<(\w+)>>")


@dataclass(frozen=True)
class CrisisSignal:
    """A message to answer with support, not a challenge.

    ``rule`` and ``category`` are safe to log and count. ``weak``: the phrase is also common
    hyperbole, so the reply leaves room for "if you meant that lightly". ``phrase`` is the
    matched (normalised) words, for tests only, and kept out of ``repr`` so an accidental
    ``log.info("%r", signal)`` does not leak what the person wrote.
    """

    category: Category
    rule: str
    weak: bool
    phrase: str = field(repr=False)

    @property
    def self_harm(self) -> bool:
        return self.category is Category.SELF_HARM


@dataclass(frozen=True)
class _Rule:
    category: Category
    weak: bool
    phrase: PhraseRule | None = None
    parts: tuple[re.Pattern[str], ...] = ()
    window: int = 0
    name: str = ""


@dataclass(frozen=True)
class CompiledVocabulary:
    language: str
    rules: tuple[_Rule, ...]
    context: Context


def _expand(source: str, fragments: dict[str, str]) -> str:
    def fragment(match: re.Match[str]) -> str:
        return _expand(fragments[match.group(1)], fragments)

    return _PLACEHOLDER.sub(fragment, source)


def compile_vocabulary(vocabulary: Vocabulary) -> CompiledVocabulary:
    """Compile once per language; raises ``KeyError`` for an unknown ``<<fragment>>``."""
    strong_context = Context(
        negation=compile_suffix(vocabulary.negation),
        intensifier=compile_suffix(vocabulary.intensifier),
    )
    weak_context = Context(
        strong_context.negation,
        strong_context.intensifier,
        near=compile_tokens(vocabulary.figurative),
    )

    def phrase_rule(category: Category, phrase: Phrase) -> _Rule:
        pattern = compile_tokens(_expand(phrase.pattern, vocabulary.fragments))
        context = weak_context if phrase.weak else strong_context
        return _Rule(category, phrase.weak, PhraseRule(phrase.name, pattern, context))

    def combination_rule(category: Category, combo: Combination) -> _Rule:
        parts = tuple(compile_tokens(_expand(p, vocabulary.fragments)) for p in combo.parts)
        return _Rule(category, combo.weak, parts=parts, window=combo.window, name=combo.name)

    rules = [phrase_rule(c, p) for c, ps in vocabulary.phrases.items() for p in ps]
    rules += [combination_rule(c, k) for c, ks in vocabulary.combinations.items() for k in ks]
    rules.sort(key=lambda rule: rule.weak)  # strong first, order otherwise kept
    return CompiledVocabulary(vocabulary.language, tuple(rules), weak_context)


def _combination_match(rule: _Rule, normalised: str, context: Context) -> tuple[str, int] | None:
    """The span covering one match of every part within the window, if any.

    The figurative markers cancel a combination too ("felt like jumping off a cliff, but it
    went fine"); a negation right before the first part cancels it ("not planning to ...").
    """
    first = rule.parts[0]
    for anchor in first.finditer(normalised):
        low = max(0, anchor.start() - rule.window)
        high = anchor.end() + rule.window
        window = normalised[low:high]
        if not all(part.search(window) for part in rule.parts[1:]):
            continue
        if negated(context, normalised, anchor.start()):
            continue
        near = normalised[max(0, low - CONTEXT_CHARS) : high]
        if context.near is not None and context.near.search(near):
            continue
        return window, anchor.start()
    return None


def detect_with(compiled: CompiledVocabulary, text: str) -> CrisisSignal | None:
    normalised = chat_tokens(text, compiled.language)
    for rule in compiled.rules:
        if rule.phrase is not None:
            match = first_match(rule.phrase, normalised)
            if match is not None:
                return CrisisSignal(rule.category, rule.phrase.name, rule.weak, match.group())
        else:
            found = _combination_match(rule, normalised, compiled.context)
            if found is not None:
                return CrisisSignal(rule.category, rule.name, rule.weak, found[0])
    return None


def context_cancelled(compiled: CompiledVocabulary, text: str) -> bool:
    """True if the rules read *text* as ordinary on purpose: a rule's words are there but a
    negation or a humour marker cancelled them ("I would never kill myself"), or a humour or
    figurative marker is anywhere in it ("... haha"). A second signal must not overrule
    that reading; it may only speak where the rules saw nothing at all."""
    normalised = chat_tokens(text, compiled.language)
    if compiled.context.near is not None and compiled.context.near.search(normalised):
        return True
    for rule in compiled.rules:
        if rule.phrase is not None:
            if rule.phrase.pattern.search(normalised):
                return True
        elif _combination_match(rule, normalised, Context()) is not None:
            return True
    return False
