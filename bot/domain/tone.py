"""Tone guard: shaming or guilt phrasing the bot must never write (DESIGN.md rule 1).

Every text the bot writes credits the attempt, never only the outcome; a quiet week gets
warmth, not guilt; no streak ever "breaks" or "resets". The rules below are the phrasing that
breaks those promises. They are *data*: each :class:`ToneRule` has a stable name, a
case-insensitive regular expression with word boundaries, and a one-line reason for the
developer who trips it.

Where the guard applies
-----------------------
* :func:`check_text` checks one text the bot is about to send, or one template.
* :func:`check_prompts` walks the loaded ``prompts.yaml`` (nested dicts, lists and strings)
  and reports every issue with its key path, e.g. ``"recap.empty_week"`` or
  ``"challenges.3.title"``.

Exceptions are explicit, never silent
-------------------------------------
* **The user's own words.** A recap may quote the user's lesson verbatim ("I shouldn't have
  apologised so much"). That is their voice, not ours: pass the quoted strings as ``quotes``
  to :func:`check_text` and issues that lie inside them are ignored.
* **Keys exempted by an allow-list with a reason** (:class:`ToneExemption`). The crisis and
  helpline texts may need words the coaching voice avoids ("You shouldn't have to carry this
  alone", "Asking for help isn't weakness"). An exemption names a key pattern, the rules it
  lifts and why; :data:`DEFAULT_EXEMPTIONS` is the project's list.

This module writes no user-facing sentences.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

__all__ = [
    "DEFAULT_EXEMPTIONS",
    "RULES_BY_LANGUAGE",
    "TONE_RULES",
    "ToneExemption",
    "ToneIssue",
    "ToneRule",
    "check_prompts",
    "check_text",
    "rules_for",
    "split_sentences",
]


@dataclass(frozen=True)
class ToneRule:
    """A phrase the bot must not write, and why."""

    name: str
    pattern: re.Pattern[str]
    why: str


@dataclass(frozen=True)
class ToneIssue:
    """One match of a :class:`ToneRule` in a text (offsets index the checked text)."""

    rule: str
    matched: str
    start: int
    end: int
    why: str


@dataclass(frozen=True)
class ToneExemption:
    """Lift some rules for some prompts.yaml keys, with the reason written down.

    ``key_glob`` is an :mod:`fnmatch` pattern over dotted key paths ("crisis.*", where list
    items appear as their index: "challenges.3.title"). ``rules`` names the lifted rules; an
    empty set would lift nothing, so every exemption must say what it allows.
    """

    key_glob: str
    rules: frozenset[str]
    reason: str

    def covers(self, key_path: str, rule: str) -> bool:
        return rule in self.rules and fnmatch.fnmatchcase(key_path, self.key_glob)


def _rule(name: str, source: str, why: str) -> ToneRule:
    # Apostrophes in sources are written as "'"; _APOSTROPHES folds curly ones before matching.
    return ToneRule(name, re.compile(source, re.IGNORECASE), why)


_NUMBER = r"(?:\d+|one|two|three|four|five|a single|a couple of)"

#: The guard's list. Add a rule here with a reason, and an example sentence to
#: tests/domain/test_tone.py.
TONE_RULES: tuple[ToneRule, ...] = (
    # --- judging the outcome instead of crediting the attempt ----------------------------------
    _rule("fail", r"\bfail(?:ed|s|ing|ure|ures)?\b", "Judges the outcome; credit the asking."),
    _rule(
        "only_managed",
        r"\bonly (?:managed|did|got|logged|completed|tried|made)\b"
        rf"|\bonly {_NUMBER} (?:asks?|challenges?|attempts?|tries|times?|days?|no'?s)\b",
        "Minimises what the user did; one ask counts.",
    ),
    _rule("barely", r"\bbarely (?:tried|did|managed|logged|made)\b", "Minimises the attempt."),
    _rule(
        "rejected_count",
        r"\brejected (?:\d+|one|two|three|four|five|again)\b",
        "Keeps score of rejections; the no was the other person's part.",
    ),
    _rule("zero_progress", r"\b(?:zero|no|little|lack of) progress\b", "Progress is not a score."),
    _rule("wasted", r"\bwast(?:ed|ing)\b|\bwaste of\b", "No ask, and no week, is wasted."),
    _rule("not_good_enough", r"\b(?:not|never) good enough\b", "Shaming."),
    # --- guilt about what did not happen -------------------------------------------------------
    _rule(
        "should_have",
        r"\bshould(?:n't| not)? have\b|\bshould(?:n't)?'ve\b|\bought to have\b",
        "Hindsight guilt; offer a next step instead.",
    ),
    _rule("you_could_have", r"\byou could(?:'ve| have)\b", "Hindsight guilt."),
    _rule(
        "you_missed",
        r"\byou missed\b|\bmissed (?:a|your|the|another|yesterday's|today's) "
        r"(?:day|challenge|nudge|ask|week|log)\b",
        "A quiet day is allowed, not missed.",
    ),
    _rule(
        "you_didnt_even",
        r"\byou (?:didn't|did not|haven't|have not|never) even\b",
        "Guilt-tripping.",
    ),
    _rule(
        "why_didnt_you",
        r"\bwhy (?:didn't|did not|haven't|have not|don't|do not|won't) you\b",
        "Interrogates the user.",
    ),
    _rule("you_promised", r"\byou promised\b", "Guilt-tripping."),
    _rule(
        "disappoint",
        r"\bdisappointing\b|\bdisappointed (?:in|with|by) you\b"
        r"|\b(?:i'm|i am|we're|we are) disappointed\b|\byou disappointed\b"
        r"|\ba disappointment\b|\bdisappoint(?:s|ed)? (?:me|us)\b",
        "The bot is never disappointed in anyone (the user may feel disappointed; name it).",
    ),
    _rule("let_down", r"\blet (?:yourself|you|me|us|everyone) down\b", "Guilt-tripping."),
    _rule("inactive", r"\binactiv(?:e|ity)\b|\bno activity\b", "A quiet week gets warmth."),
    # --- streaks: they never break or reset -----------------------------------------------------
    _rule(
        "streak_loss",
        r"\bstreak (?:is |was |has been |got |just )?"
        r"(?:broken|reset|lost|over|gone|ended|ruined|dead)\b"
        r"|\b(?:broke|break|breaking|lost|lose|losing|reset|resetting|ruined|ended|end) "
        r"(?:your|the|this|a|my) streak\b"
        r"|\bbroken streak\b|\bback to (?:zero|0|square one|day (?:one|1))\b",
        "No streak ever breaks or resets.",
    ),
    # --- drill-sergeant pressure ---------------------------------------------------------------
    _rule("try_harder", r"\b(?:try|work|push) harder\b", "Pressure; the user sets the pace."),
    _rule("no_excuses", r"\bno excuses?\b|\bexcuses\b|\bwhat's your excuse\b", "Shaming."),
    _rule("gave_up", r"\b(?:gave|give|giving|given) up\b", "Frames rest as quitting."),
    _rule("quitter", r"\bquitters?\b", "Shaming."),
    _rule(
        "do_better",
        r"\b(?:must|need to|have to|has to|got to|gotta|should|could|can) do better\b",
        "Judges the user.",
    ),
    _rule(
        "falling_behind",
        r"\b(?:fall|falls|falling|fell|fallen|lagging|left) behind\b"
        r"|\bbehind (?:schedule|on|the others)\b",
        "There is no schedule to be behind on.",
    ),
    _rule("slacking", r"\bslack(?:ing|er|ers|ed)\b", "Shaming."),
    _rule("lazy", r"\blaz(?:y|iness|ier)\b", "Shaming."),
    _rule(
        "toughen_up",
        r"\b(?:toughen|man|harden) up\b|\bpull yourself together\b|\bget over it\b",
        "Dismisses the feeling.",
    ),
    _rule("unacceptable", r"\bunacceptable\b", "Judges the user."),
    # --- name-calling ---------------------------------------------------------------------------
    _rule("pathetic", r"\bpathetic\b", "Name-calling."),
    _rule("weak", r"\bweak(?:ness|er|est|ling)?\b", "Name-calling."),
    _rule("loser", r"\blosers?\b", "Name-calling."),
)

#: Spanish: the same promises, in the phrasing a Spanish text would break them with.
SPANISH_RULES: tuple[ToneRule, ...] = (
    _rule(
        "fail",
        r"\bfracas(?:o|os|aste|ar|aron)\b|\bfallaste\b|\bhas fallado\b",
        "Judges the outcome.",
    ),
    _rule(
        "only_managed",
        r"\bs[oó]lo (?:lograste|conseguiste|hiciste|intentaste)\b"
        r"|\bs[oó]lo (?:una|un|dos|tres|\d+) (?:petici[oó]n|peticiones|intentos?|veces|d[ií]as?)\b",
        "Minimises what the user did.",
    ),
    _rule(
        "should_have",
        r"\bdeber[ií]as haber\b|\btendr[ií]as que haber\b|\bhubieras debido\b",
        "Hindsight guilt.",
    ),
    _rule("you_could_have", r"\bpodr[ií]as haber\b", "Hindsight guilt."),
    _rule(
        "you_missed",
        r"\bperdiste (?:un|el|tu|otro) (?:d[ií]a|reto|desaf[ií]o|recordatorio)\b",
        "A quiet day is allowed, not missed.",
    ),
    _rule("you_didnt_even", r"\bni siquiera (?:lo )?(?:intentaste|pediste)\b", "Guilt-tripping."),
    _rule(
        "why_didnt_you",
        r"\bpor qu[eé] no (?:lo )?(?:hiciste|intentaste|pediste)\b",
        "Interrogates the user.",
    ),
    _rule(
        "disappoint",
        r"\b(?:me|nos) (?:has )?decepcionad[oa]\b|\bqu[eé] decepci[oó]n\b|\bdecepcionante\b"
        r"|\bme decepcionas\b",
        "The bot is never disappointed in anyone.",
    ),
    _rule(
        "streak_loss",
        r"\b(?:racha|serie) (?:rota|perdida|terminada|reiniciada)\b"
        r"|\b(?:rompiste|perdiste|reiniciaste) (?:tu|la) racha\b|\b(?:volver|de vuelta) a cero\b",
        "No streak ever breaks or resets.",
    ),
    _rule(
        "try_harder",
        r"\besfu[eé]rzate m[aá]s\b|\bint[eé]ntalo con m[aá]s ganas\b|\bpon m[aá]s empe[nñ]o\b",
        "Pressure; the user sets the pace.",
    ),
    _rule("no_excuses", r"\bsin excusas\b|\bexcusas\b", "Shaming."),
    _rule("gave_up", r"\bte rendiste\b|\bte diste por vencid[oa]\b", "Frames rest as quitting."),
    # Not "vago": it also means "vague" ("un gesto vago").
    _rule("lazy", r"\bperez(?:a|os[oa]s?)\b", "Shaming."),
    _rule("pathetic", r"\bpat[eé]tic[oa]s?\b", "Name-calling."),
    _rule("weak", r"\bd[eé]bil(?:es)?\b|\bdebilidad\b", "Name-calling."),
    _rule("loser", r"\bperdedor(?:a|es|as)?\b|\bfracasad[oa]s?\b", "Name-calling."),
)

#: Russian: stems rather than words, since Russian inflects ("провал", "провалила").
RUSSIAN_RULES: tuple[ToneRule, ...] = (
    _rule("fail", r"\bпровал\w*", "Judges the outcome."),
    _rule(
        "only_managed",
        r"\bвсего (?:лишь )?(?:одн\w*|дв[ае]|тр[иеё]\w*|\d+) (?:просьб\w*|попыт\w*|раз\w*)"
        r"|\bтолько и (?:смог|смогла|сделал|сделала)\b",
        "Minimises what the user did.",
    ),
    _rule(
        "should_have",
        r"\b(?:надо|нужно|следовало) было\b|\bты должн(?:а|ы)? был(?:а|и)?\b",
        "Hindsight guilt.",
    ),
    _rule("you_missed", r"\bты пропустил\w*|\bпропущенн\w* (?:день|задани\w*)", "Guilt."),
    _rule(
        "why_didnt_you",
        r"\bпочему (?:ты )?не (?:спросил\w*|сделал\w*|попробовал\w*)",
        "Interrogates the user.",
    ),
    _rule(
        "disappoint",
        r"\b(?:я|мы) разочарован\w*|\bразочаровал\w* (?:меня|нас)\b|\bты меня разочаров\w*",
        "The bot is never disappointed in anyone.",
    ),
    _rule(
        "streak_loss",
        r"\bсери\w* (?:прервал\w*|сорвал\w*|обнул\w*)|\bобнулил\w*|\bначать с нуля\b",
        "No streak ever breaks or resets.",
    ),
    _rule(
        "try_harder",
        r"\b(?:по)?старайся (?:больше|сильнее|лучше)\b|\bнадо стараться\b",
        "Pressure; the user sets the pace.",
    ),
    _rule("no_excuses", r"\bбез оправданий\b|\bоправдани\w*", "Shaming."),
    _rule("gave_up", r"\bсдал(?:ся|ась|ись)\b|\bсдаёшься\b", "Frames rest as quitting."),
    _rule("lazy", r"\bлен(?:ив\w*|тя\w*)|\bлень\b", "Shaming."),
    _rule("pathetic", r"\bжалк\w*", "Name-calling."),
    _rule("weak", r"\bслаба(?:к|чк)\w*|\bслабост\w*", "Name-calling."),
    _rule("loser", r"\bнеудачни\w*|\bлузер\w*", "Name-calling."),
)

#: Each language's list; a language without one is held to the English list.
RULES_BY_LANGUAGE: Mapping[str, tuple[ToneRule, ...]] = {
    "en": TONE_RULES,
    "es": SPANISH_RULES,
    "ru": RUSSIAN_RULES,
}


def rules_for(language: str) -> tuple[ToneRule, ...]:
    return RULES_BY_LANGUAGE.get(language, TONE_RULES)


_RULES_BY_NAME = {rule.name: rule for rule in TONE_RULES}

#: Curly quotes fold to "'" one character for one, so offsets stay valid.
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"})

#: The project's allow-list. The globs match at any depth ("texts.crisis.reply",
#: "texts.errors.database_down"), since fnmatch's "*" also matches dots.
DEFAULT_EXEMPTIONS: tuple[ToneExemption, ...] = (
    ToneExemption(
        key_glob="*crisis*",
        rules=frozenset({"should_have", "weak", "gave_up", "fail"}),
        reason=(
            "Support and helpline texts may use these words negated or as reassurance: "
            '"You shouldn\'t have to carry this alone", "Reaching out isn\'t weakness", '
            '"Please don\'t give up on getting help".'
        ),
    ),
    ToneExemption(
        key_glob="*errors.*",
        rules=frozenset({"fail"}),
        reason="Technical error texts say that the *bot* failed (e.g. saving), not the user.",
    ),
)


def _inside_quote(start: int, end: int, quote_spans: Sequence[tuple[int, int]]) -> bool:
    return any(q_start <= start and end <= q_end for q_start, q_end in quote_spans)


def _quote_spans(text: str, quotes: Iterable[str]) -> list[tuple[int, int]]:
    """Every place where one of *quotes* occurs in *text*."""
    spans: list[tuple[int, int]] = []
    for quote in quotes:
        folded = quote.translate(_APOSTROPHES)
        if not folded:
            continue
        spans.extend((m.start(), m.end()) for m in re.finditer(re.escape(folded), text))
    return spans


def check_text(
    text: str,
    *,
    quotes: Iterable[str] = (),
    rules: Sequence[ToneRule] = TONE_RULES,
) -> tuple[ToneIssue, ...]:
    """Return every shaming or guilt phrase in *text*, in order of position.

    ``quotes`` are the user's own words embedded in *text* (a lesson quoted in a recap);
    matches that lie entirely inside one of them are not issues. Never raises.
    """
    folded = text.translate(_APOSTROPHES)
    spans = _quote_spans(folded, quotes)
    issues = [
        ToneIssue(rule.name, text[m.start() : m.end()], m.start(), m.end(), rule.why)
        for rule in rules
        for m in rule.pattern.finditer(folded)
        if not _inside_quote(m.start(), m.end(), spans)
    ]
    return tuple(sorted(issues, key=lambda issue: (issue.start, issue.rule)))


def _walk(node: object, path: str) -> Iterator[tuple[str, str]]:
    """Yield (dotted key path, text) for every string in a nested dict/list structure."""
    if isinstance(node, str):
        yield path, node
    elif isinstance(node, Mapping):
        for key, value in node.items():
            yield from _walk(value, f"{path}.{key}" if path else str(key))
    elif isinstance(node, Sequence) and not isinstance(node, bytes | bytearray):
        for index, value in enumerate(node):
            yield from _walk(value, f"{path}.{index}" if path else str(index))
    # Numbers, booleans and None hold no prose.


def check_prompts(
    prompts: object,
    *,
    exemptions: Sequence[ToneExemption] = DEFAULT_EXEMPTIONS,
    language: str = "en",
) -> list[tuple[str, ToneIssue]]:
    """Check every string in the loaded prompts.yaml; return (key path, issue) pairs.

    Mapping keys are not checked, only values. An issue is skipped when an exemption covers
    its key path and rule. Usage in a test::

        issues = check_prompts(yaml.safe_load(path.read_text()))
        assert not issues, "\\n".join(f"{key}: {i.matched!r} ({i.why})" for key, i in issues)
    """
    unknown = {name for ex in exemptions for name in ex.rules} - _RULES_BY_NAME.keys()
    if unknown:
        raise ValueError(f"tone exemptions name unknown rules: {sorted(unknown)}")
    return [
        (key_path, issue)
        for key_path, text in _walk(prompts, "")
        for issue in check_text(text, rules=rules_for(language))
        if not any(ex.covers(key_path, issue.rule) for ex in exemptions)
    ]


#: A sentence ends at whitespace after ., !, ? or … (optionally followed by one closing quote
#: or bracket, which stays with its sentence), or at a line break. Lookbehinds only, so the
#: punctuation is kept.
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|(?<=[.!?…][\"'”’)\]])\s+|\n+")


def split_sentences(text: str) -> list[str]:
    """Split *text* into trimmed, non-empty sentences (for per-sentence checks in tests)."""
    return [part.strip() for part in _SENTENCE_END.split(text) if part.strip()]
