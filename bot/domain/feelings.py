"""Harsh self-talk and tiredness in what a person writes: the gentler care signals.

Self-criticism in a reflection earns one kind reframe; tiredness earns a rest offer (the
"vulnerability hangover"). Both lean to recall, since a false flag costs one kind sentence.
Crisis language is a different job with its own package (``bot.domain.crisis``). English
vocabulary for now; matching is the shared engine in ``bot.domain.phrases`` over the shared
normaliser's chat tokens.

Decisions the tests pin: "I felt stupid for a second but it passed" is *not* self-criticism
(the feeling is named and let go), "I felt so stupid" is; "I hate myself" is self-criticism,
not a crisis on its own; "tired of waiting in line" is not exhaustion, "tired of being
rejected" is; "not tired" is not.
"""

from __future__ import annotations

import re

from bot.domain.normalise import chat_tokens
from bot.domain.phrases import Context, PhraseRule, compile_suffix, compile_tokens, first_match

__all__ = ["EXHAUSTION_RULES", "SELF_CRITICISM_RULES", "detect_exhaustion", "detect_self_criticism"]


#: Words allowed between a negation and the phrase it negates ("not *really* suicidal",
#: "do not *want to* die", "have not *been* cutting"). At most three of them.
_NEGATION_FILLERS = (
    r"(?: (?:really|actually|at all|even|ever|currently|remotely|that|too|so|as|feeling|feel|"
    r"felt|being|be|been|going to|planning to|want to|wanting to|thinking of|thinking about|"
    r"about to|trying to|particularly|any|more|have|had|done|do|did)){0,3}"
)

#: Negation right before a phrase: "I'm not stupid", "not tired at all".
_NEGATION = compile_suffix(rf"(?:not|never|no longer|no|zero|without){_NEGATION_FILLERS}")

#: Tiredness is also negated by "hardly", "barely", "less" ("less tired than I expected").
_SOFT_NEGATION = compile_suffix(
    rf"(?:not|never|no longer|no|zero|without|hardly|barely|less){_NEGATION_FILLERS}"
)

#: "never been so tired", "never felt more alone": an intensifier, not a negation.
_INTENSIFYING_NEVER = compile_suffix(r"(?:never|not ever) (?:been|felt) (?:so|this|more|as)")

#: Context that lets a harsh feeling pass: "I felt stupid for a second but it passed".

_PASSING_CONTEXT = compile_tokens(
    r"for a (?:second|sec|moment|minute|bit)|at first|passed|faded|went away|wore off|"
    r"then (?:it|i) (?:was fine|felt fine|laughed)"
)


def _rule(name: str, source: str, *, cancel_near: re.Pattern[str] | None = None) -> PhraseRule:
    return PhraseRule(
        name, compile_tokens(source), Context(_NEGATION, _INTENSIFYING_NEVER, cancel_near)
    )


def _any_match(rules: tuple[PhraseRule, ...], text: str) -> bool:
    normalised = chat_tokens(text)
    return any(first_match(rule, normalised) is not None for rule in rules)


# ---------------------------------------------------------------------------------------------
# Self-criticism
# ---------------------------------------------------------------------------------------------

#: Harsh labels a person puts on themselves.
_LABEL = (
    r"(?:idiot|idiotic|stupid|dumb|moron|moronic|imbecile|loser|failure|fail|pathetic|"
    r"useless|worthless|hopeless|incompetent|joke|disgrace|disappointment|embarrassment|mess|"
    r"wreck|coward|cowardly|spineless|weak|weirdo|freak|clown|fool|ridiculous|unlovable|"
    r"unlikeable|the worst|garbage|trash|waste of space|awkward|baby|"
    r"(?:terrible|awful|bad|hopeless|useless|rubbish) at (?:this|everything|life|people|"
    r"talking|asking|\w+ing))"
)
#: Words that may sit between "I'm" and the label. "not" is not among them, so "I'm not
#: stupid" does not match.
_INTENSIFIERS = (
    r"(?:(?:so|such|a|an|just|completely|totally|really|truly|utterly|absolutely|literally|"
    r"basically|honestly|the|biggest|most|complete|total|absolute|utter|kind of|pretty|very|"
    r"too|always|still|officially|clearly|seriously|actually|again|being|big|huge) )*"
)

SELF_CRITICISM_RULES: tuple[PhraseRule, ...] = (
    # "I'm such an idiot", "I'm pathetic", "I'm hopeless at this", "I was so stupid".
    _rule("i_am_label", rf"(?:i am|i was|am i|me being) {_INTENSIFIERS}{_LABEL}"),
    # "felt so stupid", "I look like an idiot" — unless the feeling passed.
    _rule(
        "felt_label",
        rf"(?:felt|feel|feeling|looked|look|sounded|sound) (?:like )?{_INTENSIFIERS}{_LABEL}",
        cancel_near=_PASSING_CONTEXT,
    ),
    _rule(
        "made_a_fool",
        r"made (?:a|an|such a|such an|a total|a complete) (?:fool|idiot|clown) of myself|"
        r"(?:stupid|idiot|dumb|silly) me|typical me",
    ),
    _rule(
        "always_mess_up",
        r"i (?:always|keep|constantly|never stop|just keep) (?:mess\w*|screw\w*|fuck\w*|"
        r"ruin\w*|blow\w*|blew|chok\w*|bottl\w*|freez\w*|froze|say\w* the wrong|"
        r"embarrass\w*|mak\w* a fool|fail\w*|get it wrong|do it wrong|make it weird)|"
        r"i (?:ruin|ruined|mess up|screw up) everything|"
        r"(?:blew|ruined|messed up|screwed up|botched) it again|embarrassed myself again|"
        r"as usual i (?:mess|screw|ruin|blew|froze|chok)\w*|"
        r"of course i (?:messed|screwed|blew|ruined|froze|choked|failed)\w*",
    ),
    _rule(
        "cant_do_anything",
        r"(?:can not|never|could not) do anything right|(?:can not|never) get anything right|"
        r"i can not even (?!believe|imagine|describe|explain|tell|begin|remember)\w+|"
        # "I'll" and "I'd" lose their apostrophe: "ill", "id".
        r"(?:i will|i would|ill|id) never be (?:normal|good enough|confident|brave|enough)|"
        r"(?:i am|i was|i feel|i felt) (?:just |simply )?(?:not|never) good enough|"
        r"i suck|i am (?:the )?worst",
    ),
    _rule(
        "what_is_wrong_with_me",
        r"what is wrong with me|what the (?:hell|fuck|heck) is wrong with me|"
        r"something (?:is )?wrong with me|why am i (?:like this|so \w+|such a \w+|always|"
        r"never)|why can not i (?:just )?(?:be normal|do this|do anything|talk|ask)|"
        r"why do i always",
    ),
    # "I hate myself" is self-criticism; on its own it is not read as a crisis.
    _rule(
        "hate_myself",
        r"i (?:hate|loathe|despise|can not stand) (?:myself|me|my self)|hate myself|"
        r"hating myself|(?:disgusted|ashamed|disappointed|sick) (?:with|of|in) myself|"
        r"(?:so|really) (?:ashamed|embarrassed) of myself",
    ),
)


def detect_self_criticism(text: str) -> bool:
    """Whether a reflection contains harsh self-talk worth one kind reframe."""
    return _any_match(SELF_CRITICISM_RULES, text)


# ---------------------------------------------------------------------------------------------
# Exhaustion (the "vulnerability hangover")
# ---------------------------------------------------------------------------------------------

#: "tired of waiting in line" is impatience, not depletion; "tired of being rejected" counts.
_MUNDANE_TIRED_OF = (
    r"(?! of (?:waiting|queuing|queueing|standing in line|the (?:line|queue|wait|traffic|rain|"
    r"weather|song|music|ads|noise|bus|train)|traffic|ads|this song|this weather)(?!\S))"
)
#: Words in front of "spent", "fried", "beat" that make them about the person, so "I spent
#: an hour" and "fried chicken" do not match.
_SUBJECT = (
    r"(?:i am|i was|i feel|i felt|feeling|felt|am|so|totally|completely|utterly|all|"
    r"absolutely|emotionally|socially|fully|pretty|kind of|proper)"
)


def _tired(name: str, source: str) -> PhraseRule:
    return PhraseRule(name, compile_tokens(source), Context(_SOFT_NEGATION, _INTENSIFYING_NEVER))


EXHAUSTION_RULES: tuple[PhraseRule, ...] = (
    _tired("tired", rf"tired{_MUNDANE_TIRED_OF}|tiring|tiredness|tiresome|sleepy"),
    _tired(
        "drained",
        r"drain(?:ed|ing)|exhaust(?:ed|ing|ion)|knackered|pooped|zonked|depleted|fatigue\w*|"
        r"worn (?:out|down)|run down|wiped out|burn(?:t|ed)? ?out|burnout|overstimulated",
    ),
    _tired(
        "subject_spent",
        rf"{_SUBJECT} (?:spent|wiped|fried|beat|shattered|done in|cooked|dead on my feet)"
        r"(?! (?:a|an|the|my|some|most|all|hours?|minutes?|ages|time|money|on|him|her|them|it|"
        r"by|up|\d+)(?!\S))",
    ),
    _tired(
        "overwhelmed",
        r"overwhelm\w*(?! (?:with|by) (?:joy|gratitude|love|happiness|kindness|pride)(?!\S))",
    ),
    _tired(
        "need_rest",
        r"need(?:ed|s)? (?:a|some|to) (?:nap|rest|break|breather|lie down|recharge|recover|"
        r"sleep|decompress|day off|quiet)|done for (?:today|the day|tonight|now|the week)|"
        r"could sleep for (?:a week|days|ever)|can barely keep my eyes open|"
        r"took (?:a lot|it|everything) out of me",
    ),
    _tired(
        "empty_battery",
        r"social battery|(?:no|zero|low|out of|without) (?:energy|spoons)|"
        r"running on (?:empty|fumes)|(?:vulnerability|emotional|social) hangover",
    ),
)


def detect_exhaustion(text: str) -> bool:
    """Whether the user sounds drained, so the bot offers rest before the next ask."""
    return _any_match(EXHAUSTION_RULES, text)
