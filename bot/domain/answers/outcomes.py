"""What the other person said: no, yes, no answer, something in between, or not asked.

Phrases are "strong" (explicit about what happened) or "weak" (a bare yes/no word); longer
matches win, and strong evidence outweighs weak.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bot.domain.answers.types import Outcome
from bot.domain.normalise import fold, phrase_re
from bot.domain.words import SOURCE_LANGUAGE

_NEG = r"(?:did ?n'?t|did not)"
_NEVER_DID = (
    r"(?:did ?n'?t|did not|never|have ?n'?t|have not|has ?n'?t|has not|had ?n'?t|had not"
    r"|could ?n'?t|could not|can'?t|was ?n'?t able to|was not able to|wasn'?t brave enough to)"
)
_THEY = r"(?:they|he|she|the \w+)"
_SUBJECT = r"(?:(?:they|he|she|it) )?"  # "they didn't reply" must outweigh "they didn't"

# (pattern, outcome). These are "strong": explicit about what happened. Longer matches win,
# so "no reply" is NO_ANSWER rather than NO, and "didn't let me" NO rather than YES.
_STRONG_OUTCOMES: tuple[tuple[str, Outcome], ...] = (
    # Not asked
    (rf"{_NEVER_DID}(?: even| actually| really| get to| manage to)? (?:ask|asked|do it|go through"
     r" with it|go for it|try|tried|manage|dare|go)", Outcome.DIDNT_ASK),
    (r"(?:chicken|chickened|bailed|backed|wimped|bottled|pussyfooted) out", Outcome.DIDNT_ASK),
    (r"bail(?:ed)?|bottled it|lost (?:my|the) nerve|got cold feet|cold feet", Outcome.DIDNT_ASK),
    (r"too (?:scared|nervous|anxious|afraid|shy|chicken)|froze(?: up)?|i skipped(?: it)?"
     r"|skipped it", Outcome.DIDNT_ASK),
    (r"(?:have|has) ?n'?t asked|not asked(?: yet)?|i gave up", Outcome.DIDNT_ASK),
    # No answer
    (r"no (?:reply|replies|response|answer|word|reaction|news|callback)(?: yet)?",
     Outcome.NO_ANSWER),
    (r"ghost(?:ed|ing)?|left (?:me )?on read|on read|radio silence|crickets|voicemail",
     Outcome.NO_ANSWER),
    (r"(?:did ?n'?t|did not|have ?n'?t|have not|has ?n'?t|has not|not|never|yet to) (?:hear|heard)"
     r"(?: back| anything)?", Outcome.NO_ANSWER),
    (rf"{_SUBJECT}(?:did ?n'?t|did not|never|has ?n'?t|have ?n'?t|has not|have not|wo ?n'?t|yet to)"
     r" (?:reply|replied|respond|responded|answer|answered|get back|got back|text back|texted"
     r" back|write back|wrote back|call back|called back|pick up|picked up|react|reacted)",
     Outcome.NO_ANSWER),
    (rf"{_NEG} (?:get|got|receive|hear) (?:a |an |any )?(?:reply|answer|response)",
     Outcome.NO_ANSWER),
    (r"ignored(?: me| it| my \w+)?|(?:they|he|she) ignored", Outcome.NO_ANSWER),
    (r"still waiting|waiting (?:to hear|for (?:a |an |the |their |his |her )?(?:reply|answer"
     r"|response))|waiting on (?:them|him|her|a reply|an answer)", Outcome.NO_ANSWER),
    (r"(?:no ?one|nobody) (?:answered|replied|responded|was there|picked up|came|was home)",
     Outcome.NO_ANSWER),
    # Something in between
    (r"partly|partially|part of it|some of it|in part", Outcome.PARTIAL),
    (r"half (?:a )?(?:yes|no)|half way|halfway|meet me in the middle|middle ground",
     Outcome.PARTIAL),
    (r"maybe (?:later|another time|next time|tomorrow|next week)|not now|not today"
     r"|another time|some other time|later maybe", Outcome.PARTIAL),
    (r"(?:ask|check with|talk to|run it by|speak to|consult) (?:their|his|her|the|my|a|an)"
     r" (?:boss|manager|supervisor|partner|wife|husband|colleague|team|owner|parents?|mum|mom)",
     Outcome.PARTIAL),
    (rf"(?:think|thinking|think it over) about it|get back to me|{_SUBJECT}(?:'ll |will )?let me"
     r" know|we'?ll see|counter ?-?offer(?:ed)?|compromise|it depends|depends"
     r"|not (?:exactly|quite)|offered (?:something else|an alternative)", Outcome.PARTIAL),
    # No
    (r"(?:said|says|answered|replied|told me|responded) (?:a )?(?:no|nope|nah|no way|not)",
     Outcome.NO),
    (r"(?:got|get|getting|received|heard|had|gave me|given) (?:a |an )?(?:hard |polite |firm"
     r" |clear |big |soft |friendly |kind )?(?:no|nope|rejection)", Outcome.NO),
    (r"(?:a|the) (?:hard|polite|firm|clear|big|soft|friendly|kind) no", Outcome.NO),
    (r"reject(?:ed|ion)|rebuffed|den(?:ied|y)|declin(?:ed|e)|refus(?:ed|al)", Outcome.NO),
    (r"turn(?:ed)? (?:me|it|us|that|my \w+) down|turned down|shot (?:me |it )?down",
     Outcome.NO),
    (rf"{_SUBJECT}{_NEG} (?:agree|accept|work|let me|allow|get it|get one|get a yes|go for it)"
     r"|(?:would ?n'?t|would not|wo ?n'?t|could ?n'?t|could not|can'?t|cannot) (?:agree"
     r"|accept|let me|allow|do it|help)", Outcome.NO),
    (rf"{_THEY} (?:can'?t|could ?n'?t|could not|cannot|would ?n'?t|wo ?n'?t|did ?n'?t|did not)",
     Outcome.NO),
    (r"not (?:allowed|possible|interested|accepted|approved|agreed|granted)",
     Outcome.NO),
    (r"(?:no|nope|nah) way|no luck|no dice|no go|no can do|unfortunately|of course not"
     r"|absolutely not|definitely not|certainly not|hell no", Outcome.NO),
    # Yes
    (r"(?:said|says|answered|replied|responded) (?:yes|yeah|yep|yup|sure|ok|okay|of course"
     r"|absolutely|why not)", Outcome.YES),
    (r"(?:got|get|getting|received|heard|had) (?:a |an )?(?:yes|yeah|yep|big yes)",
     Outcome.YES),
    (r"agree(?:d|s)|accept(?:ed|s)|approved|granted|ok'?d|okay'?d|it worked|that worked"
     r"|worked out|went well|got it|success(?:ful)?", Outcome.YES),
    (r"(?:they|he|she) did|happily|gladly|happy to|glad to|no problem|no worries|sure thing"
     r"|why not|(?:they|he|she) (?:let|lets) me|gave (?:me|it to me|us)|said ok(?:ay)?",
     Outcome.YES),
)  # fmt: skip
# Hedges say "in between" only when nothing explicit is said, or when they bend an explicit
# phrase right after them ("she kind of agreed"). Elsewhere in the line they hedge something
# else ("she said no ... maybe 4 after"), and the explicit outcome word stands.
_HEDGES = r"maybe|possibly|perhaps|sort of|sorta|kind of|kinda"
_HEDGE_RE = phrase_re([_HEDGES])
_MODIFIES_GAP_RE = re.compile(r"\s*(?:(?:they|he|she|it|just|only) )?\s*")
_WEAK_OUTCOMES: tuple[tuple[str, Outcome], ...] = (
    (r"ye+s+|yeah+|yea|yep+|yup+|yay+|ya|yas+|sure|ok|okay|absolutely|of course|totally"
     r"|definitely|certainly", Outcome.YES),
    (r"no+|nope+|nah+|nay|negative", Outcome.NO),
)  # fmt: skip
OUTCOME_EMOJI = {
    "✅": Outcome.YES, "✔": Outcome.YES, "☑": Outcome.YES, "🎉": Outcome.YES,
    "🥳": Outcome.YES, "🙅": Outcome.NO, "❌": Outcome.NO, "✖": Outcome.NO,
    "🚫": Outcome.NO, "⛔": Outcome.NO,
}  # fmt: skip


def _compile_table(
    table: Sequence[tuple[str, Outcome]],
) -> tuple[tuple[re.Pattern[str], Outcome], ...]:
    return tuple((phrase_re([pattern]), outcome) for pattern, outcome in table)


_STRONG_RES = _compile_table(_STRONG_OUTCOMES)
_WEAK_RES = _compile_table(_WEAK_OUTCOMES)


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    outcome: Outcome
    strong: bool
    emoji: bool = False
    stray_hedge: bool = False  # a hedge next to no outcome phrase: ignored beside one


def _take_longest(hits: Iterable[Hit]) -> list[Hit]:
    """Keep non-overlapping hits, longest first (so specific phrases beat short words)."""
    taken: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (h.start - h.end, h.start)):
        if all(hit.end <= t.start or hit.start >= t.end for t in taken):
            taken.append(hit)
    return sorted(taken, key=lambda h: h.start)


def outcome_hits(text: str) -> list[Hit]:
    hits = [
        Hit(m.start(), m.end(), outcome, strong=True)
        for regex, outcome in _STRONG_RES
        for m in regex.finditer(text)
    ]
    hits += [
        Hit(m.start(), m.end(), outcome, strong=False)
        for regex, outcome in _WEAK_RES
        for m in regex.finditer(text)
    ]
    hits += [
        Hit(i, i + 1, OUTCOME_EMOJI[ch], strong=False, emoji=True)
        for i, ch in enumerate(text)
        if ch in OUTCOME_EMOJI
    ]
    taken = _take_longest(hits)
    hedges = [
        _hedge(text, m, taken)
        for m in _HEDGE_RE.finditer(text)
        if all(m.end() <= t.start or m.start() >= t.end for t in taken)
    ]
    return sorted([*taken, *hedges], key=lambda h: h.start)


def _hedge(text: str, match: re.Match[str], explicit: Sequence[Hit]) -> Hit:
    """A hedge hit: PARTIAL, and stray unless an explicit phrase follows right after it."""
    gap = _MODIFIES_GAP_RE.match(text, match.end())
    next_start = gap.end() if gap is not None else match.end()
    modifies = any(h.strong and h.start == next_start for h in explicit)
    return Hit(match.start(), match.end(), Outcome.PARTIAL, strong=True, stray_hedge=not modifies)


def resolve_outcome(hits: Sequence[Hit]) -> Outcome | None:
    if any(h.strong and not h.stray_hedge for h in hits):
        hits = [h for h in hits if not h.stray_hedge]
    strong = {h.outcome for h in hits if h.strong}
    outcomes = strong or {h.outcome for h in hits}
    if len(outcomes) == 1:
        return next(iter(outcomes))
    # "said no at first, then agreed" / "no, but maybe later": somewhere in between.
    if strong and len(outcomes) > 1 and outcomes <= {Outcome.YES, Outcome.NO, Outcome.PARTIAL}:
        return Outcome.PARTIAL
    return None


def parse_outcome(text: str, language: str = SOURCE_LANGUAGE) -> Outcome | None:
    """What the other person said: no / yes / no answer / partial / didn't ask, or None."""
    return resolve_outcome(outcome_hits(fold(text, language).text))
