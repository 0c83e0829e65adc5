"""Respect rules for challenge ideas (DESIGN.md product rules 2 and 3).

Every idea the bot hands out, whether it comes from the catalog in ``prompts.yaml`` or is
added by a user, must pass the test "would you happily accept a yes?": it involves another
person, never deceives, pressures, embarrasses or costs a stranger much, never asks strangers
for money, never films them without their choice, and is nothing unsafe, illegal, sexual or
involving children one doesn't know.

The rules below are *data*: each :class:`Rule` has a stable code, a one-line description for
developers and a list of case-insensitive regular expressions with word boundaries. A rule may
also carry allow-list *exceptions*; a pattern match that overlaps an exception match is ignored
(so "ask for a selfie" passes while "take a selfie with a stranger" does not). Screening is a
safety net, not a judge: it is deliberately conservative, and its false positives only mean a
user's own idea is held back, never that anyone is harmed.

This module holds no user-facing sentences. The bot's replies (e.g. why an idea was held back)
live in ``prompts.yaml`` and are keyed by :class:`RuleCode`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType

from bot.domain.normalise import tidy

__all__ = [
    "MAX_IDEA_LENGTH",
    "PEOPLE_VOCABULARY",
    "RULES",
    "RULES_BY_CODE",
    "SCAN_LIMIT",
    "Rule",
    "RuleCode",
    "ScreenResult",
    "Violation",
    "involves_another_person",
    "screen_idea",
]

#: Longest idea text accepted, in characters (after trimming surrounding whitespace).
MAX_IDEA_LENGTH = 300
#: Over-length texts are still screened (so every problem is reported at once), but only this
#: many characters of them, which keeps a 4096-character Telegram message cheap to check.
SCAN_LIMIT = 1000


class RuleCode(StrEnum):
    """Stable codes of the respect rules; prompts.yaml keys its explanations by these."""

    LENGTH = "length"
    NO_OTHER_PERSON = "no_other_person"
    DECEPTION = "deception"
    PRESSURE = "pressure"
    MONEY_FROM_STRANGERS = "money_from_strangers"
    COSTLY = "costly"
    FILMING = "filming"
    EMBARRASS = "embarrass"
    INTRUSIVE = "intrusive"
    STAFF_RULES = "staff_rules"
    UNSAFE = "unsafe"
    ILLEGAL = "illegal"
    SEXUAL = "sexual"
    MINORS = "minors"


_FLAGS = re.IGNORECASE


@dataclass(frozen=True, slots=True)
class Rule:
    """One respect rule: what it forbids, how to spot it, and what is explicitly fine.

    ``patterns`` and ``exceptions`` are regex sources, compiled once with ``re.IGNORECASE``.
    Texts are normalised before matching (NFKC, curly quotes made straight, whitespace runs
    collapsed), so patterns only need the plain apostrophe ``'``.
    """

    code: RuleCode
    description: str
    patterns: tuple[str, ...]
    exceptions: tuple[str, ...] = ()
    _compiled: tuple[re.Pattern[str], ...] = field(init=False, repr=False, compare=False)
    _compiled_exceptions: tuple[re.Pattern[str], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # frozen + slots: object.__setattr__ is the documented way to fill derived fields.
        object.__setattr__(self, "_compiled", tuple(re.compile(p, _FLAGS) for p in self.patterns))
        object.__setattr__(
            self, "_compiled_exceptions", tuple(re.compile(p, _FLAGS) for p in self.exceptions)
        )

    def find(self, text: str) -> tuple[str, ...]:
        """Return the phrases in (normalised) ``text`` that break this rule, in text order."""
        hits = [m.span() for rx in self._compiled for m in rx.finditer(text) if m.end() > m.start()]
        if not hits:
            return ()
        # Exceptions only matter once something matched, so they are searched lazily.
        allowed = [m.span() for rx in self._compiled_exceptions for m in rx.finditer(text)]
        hits = [
            (start, end)
            for start, end in hits
            if not any(start < a_end and a_start < end for a_start, a_end in allowed)
        ]
        # Leftmost-longest, without overlaps: "film a stranger's reaction" is one phrase.
        hits.sort(key=lambda span: (span[0], -span[1]))
        kept_end = -1
        seen: set[str] = set()
        phrases: list[str] = []
        for start, end in hits:
            if start < kept_end:
                continue
            kept_end = end
            phrase = text[start:end]
            if phrase.lower() not in seen:
                seen.add(phrase.lower())
                phrases.append(phrase)
        return tuple(phrases)


@dataclass(frozen=True, slots=True)
class Violation:
    """A broken rule and the phrase that gave it away.

    ``matched`` is empty for whole-text rules (``length``, ``no_other_person``).
    """

    code: RuleCode
    matched: str


@dataclass(frozen=True, slots=True)
class ScreenResult:
    """Outcome of :func:`screen_idea`; ``ok`` is true exactly when there are no violations."""

    ok: bool
    violations: tuple[Violation, ...]

    @property
    def codes(self) -> frozenset[RuleCode]:
        """The distinct rule codes that were broken."""
        return frozenset(v.code for v in self.violations)


# ---------------------------------------------------------------------------------------------
# Shared pattern fragments
# ---------------------------------------------------------------------------------------------

# A person who is (or may be) a stranger, as the object of a verb.
_STRANGER = (
    r"(?:a |an |the |some |other |random |that |this )?"
    r"(?:strangers?|stranger's|someone|somebody|people|person|passers?-?by|passer-by|"
    r"them|him|her|a (?:man|woman|girl|guy)|(?:the |a )?(?:cashier|barista|waiter|waitress|"
    r"shop assistant|staff|worker|bartender|driver))"
)
# Currency amounts and words for money. "£", "$" and "€" are not word characters, so they
# sit outside the word-boundary groups.
_MONEY = (
    r"(?:\b(?:money|cash|coins?|spare change|a (?:fiver|tenner)|"
    r"(?:\d+|one|two|three|four|five|ten|twenty|fifty|a hundred|a few) "
    r"(?:pounds|quid|dollars|bucks|euros|grand|rupees|pesos|francs))\b|[£$€¥₹]\s?\d+)"
)
_NEGATED = (
    r"\b(?:don't|do not|never|no need to|without|not|no)\s+"
    r"(?:(?:ever|need to|have to|try to|feel the need to)\s+)?"
)


# ---------------------------------------------------------------------------------------------
# The rules. Order matters only for the order of violations in a ScreenResult.
# ---------------------------------------------------------------------------------------------

RULES: tuple[Rule, ...] = (
    Rule(
        code=RuleCode.DECEPTION,
        description=(
            "Lies, pretending, tricks, pranks, made-up stories or services, or doing things"
            " behind someone's back (not even a fake birthday)."
        ),
        patterns=(
            r"\bpretend\w*",
            r"\b(?:lie|lies|lied|lying|liar)\b",
            r"\bwhite lie",
            r"\bfib(?:s|bing|bed)?\b",
            r"\bfak(?:e|es|ed|ing)\b",
            r"\btrick(?:s|ed|ing|ery)?\b",
            r"\bprank\w*",
            r"\b(?:deceiv\w*|decept\w*|deceit\w*|mislead\w*|misled|dishonest\w*)",
            r"\b(?:scam|scams|scammed|scamming|con artist|catfish\w*|bluff\w*|hoax\w*)\b",
            r"\bmade[- ]up\b",
            r"\bmake up (?:a |an |some )?(?:story|excuse|reason|name|job|service|problem)\b",
            r"\b(?:invent|invented|inventing) (?:a |an |some )?"
            r"(?:story|excuse|reason|name|job|service|problem|emergency)\b",
            r"\bfalse (?:name|identity|excuse|story|claim|address)\b",
            r"\b(?:pose|poses|posing|posed) as\b",
            r"\bimpersonat\w*",
            r"\bpass(?:ing)? (?:yourself )?off as\b",
            r"\bclaim(?:ing)? (?:to be|you(?:'re| are) (?:a|an|the))\b",
            r"\bundercover\b",
            r"\bin disguise\b",
            # "...it's your birthday, even though it isn't." (the clause ends the sentence)
            r"\beven though (?:it|that|this) (?:isn't|is not|wasn't|was not)(?=\s*(?:[.,;!?)]|$))",
            r"\b(?:even though|when|although) (?:it|that|this|they|you) "
            r"(?:isn't|is not|wasn't|was not|aren't|are not) (?:true|real|the case)\b",
            r"\b(?:tell|telling|say|saying|claim|claiming)\b[^.!?]{0,40}\b"
            r"(?:(?:it's|it is|it was) your|(?:you're|you are) (?:on )?(?:your|a))\s+"
            r"(?:birthday|anniversary|honeymoon|wedding|hen do|stag do|graduation|retirement"
            r"|last day|first day)\b",
            # A made-up identity or job, however it is put: "say you're a journalist",
            # "tell them you are the manager", "act like you work there", "act as a tourist".
            r"\b(?:say|says|saying|tell|telling)\b(?:\s+\w+){0,3}?\s+(?:that\s+)?"
            r"(?:you're|you are|you were|i'm|i am) (?:a|an|the|from|with|on|here (?:for|with))\b",
            r"\b(?:act|acts|acting|behave|behaving)\s+(?:like|as if|as though)\s+"
            r"(?:you|you're|you are|it's|it is)\b",
            r"\b(?:act|acts|acting|play|playing)\s+(?:the part of|the role of|as)\s+(?:a|an|the)\b",
            # A made-up emergency, illness or hardship.
            r"\b(?:say|says|saying|tell|telling|claim\w*)\b[^.!?]{0,40}?"
            r"\b(?:emergenc(?:y|ies)|(?:you're|you are) "
            r"(?:sick|ill|dying|injured|pregnant|lost|broke))\b",
            # Something "you never got" presented as real ("a promotion you never got").
            r"\b(?:a|an|the|your)\s+\w+(?:\s+\w+)?\s+(?:that\s+)?you (?:never|didn't|did not"
            r"|haven't|have not) (?:got|get|gotten|had|have|won|earned|did|passed)\b",
            r"\beven though (?:you're|you are|you aren't|you're not|you are not|you don't"
            r"|you do not|you didn't|you did not|you haven't|you have not)\b"
            r"(?=[^.!?]{0,30}(?:[.,;!?)]|$))",
            r"\b(?:secretly|covertly|sneakily)\b",
            r"\bwithout (?:them|their|him|her|anyone|anybody|people|(?:the|your|a) \w+) "
            r"(?:knowing|noticing|realising|realizing|consent|permission|knowledge)\b",
            r"\bbehind (?:their|his|her|someone's) back\b",
        ),
        exceptions=(
            # Lying down is not lying.
            r"\b(?:lie|lies|lying)[- ](?:down|back|flat|low|ahead)\b",
            r"\blie-in\b",
            r"\b(?:lie|lies|lying) (?:on|in) (?:the |a |your |their )?"
            r"(?:grass|beach|floor|bed|sofa|couch|mat|yoga mat|blanket|sand|lawn|sun|park|"
            r"hammock)\b",
            # Advice against deceiving.
            _NEGATED + r"(?:lie|lies|lying|pretend\w*|fak\w*|tricks?|tricking|fib\w*|pranks?)\b",
            # Harmless tricks.
            r"\b(?:card|magic|party|juggling|yo-?yo|skate(?:board)?|bike|dog|football)"
            r" tricks?\b",
            r"\btricks? (?:of the trade|for remembering)\b",
            r"\btricky\b",
            # A birthday that really is one.
            r"\b(?:it's|it is) (?:really|actually|genuinely|truly) your birthday\b",
            # Saying true things about yourself is the whole point of many asks.
            r"\b(?:you're|you are|i'm|i am) (?:a |an )?(?:bit |little |tad )?"
            r"(?:nervous|anxious|new|beginner|newbie|first-timer|learner|learning|practising"
            r"|practicing|fan of|big fan|regular|local|customer|neighbour|neighbor)\b",
            r"\b(?:say|tell \w+) (?:that )?(?:you're|you are) (?:a |an )?"
            r"(?:bit |little )?(?:nervous|anxious|new|beginner|fan|regular|customer)\b",
        ),
    ),
    Rule(
        code=RuleCode.PRESSURE,
        description=(
            "Insisting, pestering or not accepting a no: the other person's no ends the ask."
        ),
        patterns=(
            r"\b(?:don't|do not|never|won't|will not) (?:take|accept) no\b",
            r"\b(?:don't|do not|never|won't|will not) (?:accept|take) (?:a |their |his |her )?"
            r"(?:no|refusal|rejection)\b",
            r"\binsist\w*",
            r"\bkeep (?:on )?(?:asking|pushing|pestering|begging|insisting|nagging|trying until)\b"
            r"(?! (?:questions|follow-up|about|what|how|why|for (?:advice|tips|ideas)))",
            r"\b(?:ask|asks|asking|try|trying)\b(?:\s+\w+){0,3}?\s+"
            r"(?:again|repeatedly|over and over)\b"
            r"[^.!?]{0,30}?\b(?:until|till|after (?:they|he|she|the \w+) (?:say|said|says) no|"
            r"after (?:a|the|their|his|her) (?:no|refusal))\b",
            r"\b(?:when|if|after|once) (?:they|he|she|the \w+) (?:say|says|said) no,? "
            r"(?:\w+ ){0,2}?(?:ask|try)\w* (?:\w+ ){0,2}?again\b",
            r"\buntil (?:they|he|she|someone|somebody|the \w+) "
            r"(?:say|says|agree|agrees|give in|gives in|cave|caves|relent|relents)\b",
            r"\b(?:nag|nags|nagging|pester\w*|badger\w*|hounding|harass\w*)\b",
            r"\bguilt[- ]?trip\w*",
            r"\bpressur(?:e|es|ed|ing)\b",
            r"\b(?:beg|begs|begging)\b",
            r"\bdemand\w*",
            r"\bthreaten\w*",
            r"\b(?:won't|will not|refuse to) (?:leave|go|stop|budge)\b",
            r"\bno matter what\b",
            r"\beven (?:after|if|when|though) (?:they|he|she|the \w+|someone|somebody|people) "
            r"(?:refuse\w*|decline\w*|say no|says no|said no|turn\w* you down|object\w*"
            r"|look\w* uncomfortable)\b",
            r"\bthe same (?:stranger|person|people|cashier|waiter|waitress|barista|shop assistant"
            r"|worker|man|woman|guy|girl) (?:\w+ ){0,2}?(?:twice|again|three times|several times"
            r"|repeatedly|over and over)\b",
            r"\bfollow (?:them|him|her|someone|somebody|people|a stranger|the \w+) "
            r"(?:down|home|around|along|out|into|to (?:their|his|her)|until)\b",
            r"\bcorner (?:a |the )?(?:stranger|someone|them|him|her|people)\b",
            r"\bblock (?:their|his|her|the) (?:way|path|exit|door)\b",
            r"\bmake (?:them|him|her|someone|somebody|people) (?:say yes|agree|give in)\b",
            r"\bfor an? (?:yes|answer) (?:at all costs|whatever it takes)\b",
        ),
        exceptions=(
            # "Don't insist", "without pressuring anyone", "no need to beg": the opposite advice.
            _NEGATED + r"(?:insist\w*|pressur\w*|push\w*|pester\w*|nag\w*|beg\w*|keep asking)",
            r"\b(?:peer|blood|under|low|no|zero)[- ]pressure\b",
            r"\bpressure[- ](?:wash\w*|cook\w*)",
            r"\bin demand\b",
            r"\bon demand\b",
            r"\bdemanding (?:job|day|week|work)\b",
        ),
    ),
    Rule(
        code=RuleCode.MONEY_FROM_STRANGERS,
        description=(
            "Asking people, strangers above all, to give, lend or pay money for you."
            " Asking a business for a discount, refund or better price is fine."
        ),
        patterns=(
            r"\b(?:borrow\w*|lend\w*|loan\w*)\b[^.!?]{0,40}?" + _MONEY,
            r"\b(?:give|gives|giving|hand|hands|send|sends|spare|donate|transfer)\s+(?:you|me)\b"
            r"[^.!?]{0,30}?" + _MONEY,
            r"\bspare (?:some |any )?(?:change|cash|money|coins)\b",
            r"\b(?:ask|asks|asking)\b[^.!?]{0,40}?\bfor\b (?:a |some |just )?" + _MONEY,
            r"\b(?:give|gives|giving|hand|lend|spare)\s+(?:you|me)\s+(?:some |any |a bit of )?"
            r"(?:change|coins|cash|money)\b",
            _MONEY + r"[^.!?]{0,30}?\b(?:from|off) (?:a |an |the |some |your )?"
            r"(?:strangers?|someone|somebody|passers?-?by|people|roommates?|flatmates?|"
            r"housemates?|friends?|neighbours?|neighbors?|colleagues?)\b",
            r"\b(?:ask|asks|asking|beg\w*)\b[^.!?]{0,40}?\bfor\b (?:a |some )?"
            r"(?:money|cash|spare change|change for the (?:bus|meter)|a loan|donations?|"
            r"a handout)\b",
            r"\b(?:pay|pays|paying|cover|covers|covering|foot) (?:for )?(?:your|my) (?:\w+ )?"
            r"(?:bill|coffee|lunch|dinner|meal|drinks?|tickets?|shopping|fare|groceries|rent|"
            r"petrol|gas|taxi|order)\b",
            r"\b(?:buy|buys|buying|bought) (?:you|me)\b",
            r"\btreat (?:you|me) to\b",
            r"\bpick up (?:the|your|my) (?:tab|bill)\b",
            r"\b(?:fund|sponsor) (?:you|me|your|my)\b",
            r"\bcrowdfund\w*",
        ),
        exceptions=(
            # Saving money with a business you pay is a normal negotiation.
            r"\b(?:insurer|insurance|bank|provider|supplier|broadband|phone company|energy|"
            r"landlord|employer|boss|manager|company|business|shop|store|seller|stall)\b"
            r"[^.!?]{0,80}?\b(?:money|cash)\b",
            r"\bsav(?:e|es|ing) (?:you |yourself )?(?:some )?money\b",
            r"\bmoney[- ]back\b",
            r"\bvalue for money\b",
            r"\bmoney (?:off|saving)\b",
            r"\bpocket money\b",
            # "ask the shop for $5 off": a discount, not a gift.
            _MONEY + r" (?:off|discount)\b",
            # Breaking a note is an exchange, not a gift.
            r"\b(?:change for|break) (?:a |your |this )?(?:tenner|fiver|note|\w+ note|[£$€]\s?\d+)",
        ),
    ),
    Rule(
        code=RuleCode.COSTLY,
        description=(
            "Asks that cost a stranger much: their valuables, their food, hours of their"
            " time or doing your chores for you."
        ),
        patterns=(
            r"\b(?:give|gives|giving|hand|hands|handing|sign over) (?:you |me )?"
            r"(?:their|his|her|a stranger's|someone's) "
            r"(?:car|bike|phone|laptop|watch|wallet|keys|jewellery|jewelry|ring|ticket|coat|"
            r"jacket|shoes|food|meal|lunch)\b",
            r"\b(?:keep|take|have) (?:their|his|her|a stranger's|someone's) "
            r"(?:car|bike|phone|laptop|watch|wallet|keys|jewellery|jewelry|ring|coat|jacket)\b",
            r"\b(?:do|write|finish|does|doing) (?:your|my) "
            r"(?:homework|essay|assignment|chores|laundry|washing|shopping)\b",
            r"\b(?:strangers?|someone you don't know|passers?-?by)\b[^.!?]{0,60}?"
            r"\b(?:all day|all afternoon|all evening|for hours|several hours|a whole day|"
            r"the whole day)\b",
        ),
    ),
    Rule(
        code=RuleCode.FILMING,
        description=(
            "Filming, recording or photographing people who did not choose it; a selfie or"
            " photo the person agrees to (or takes of you) is fine."
        ),
        patterns=(
            r"\b(?:film|films|filmed|filming|record|records|recorded|recording|video|videos|"
            r"videoed|videoing|photograph|photographs|photographed|photographing|livestream\w*|"
            r"live-stream\w*|stream|streams|streaming|snap|snaps|snapping)\s+" + _STRANGER,
            r"\b(?:film|record|video|photograph|livestream|stream|snap)\w*\s+"
            r"(?:(?:a |an |the |their |his |her |people's |someone's |a stranger's )"
            r"(?:reactions?|faces?|conversations?|calls?|exchange|answers?|response)|"
            r"the whole thing|everything|it all)\b",
            r"\bfilm(?:ed|ing)\b",
            r"\b(?:take|takes|taking|took|snap|snapping|get|grab)\s+(?:a |some |any )?"
            r"(?:photos?|pictures?|pics?|snaps?|videos?|shots?|selfies?|clips?)\s+(?:of|with)\s+"
            r"(?!(?:you|yourself|your|me|my|us|our)\b)",
            r"\b(?:hidden|secret|spy) (?:camera|cam|mic|microphone)s?\b",
            r"\bcandid camera\b",
            r"\bpost(?:s|ed|ing)? (?:it|them|their \w+|the (?:video|photo|clip|reaction|footage)|"
            r"a (?:video|photo|clip|picture) of "
            + _STRANGER
            + r") (?:online|on social|on tiktok|on instagram|on youtube|on facebook)\b",
            r"\b(?:livestream\w*|live-stream\w*)",
            r"\bgo viral\b",
        ),
        exceptions=(
            # The person chooses: "ask if they'd like a selfie with you", "ask for a photo".
            r"\bask(?:s|ed|ing)?\b[^.!?]{0,60}?\b(?:if|whether)\b[^.!?]{0,30}?"
            r"\b(?:they|he|she|you|we|the \w+)\b[^.!?]{0,60}?"
            r"\b(?:selfies?|photos?|pictures?|pics?)\b",
            r"\bask(?:s|ed|ing)?\b (?:\w+\s){0,4}?(?:for|to take|to snap) (?:a |an |one )?"
            r"(?:quick |group )?(?:selfie|photo|picture|pic)\b",
        ),
    ),
    Rule(
        code=RuleCode.EMBARRASS,
        description=(
            "Mocking, humiliating or embarrassing the other person (embarrassing yourself"
            " a little is the point; embarrassing them is not)."
        ),
        patterns=(
            r"\b(?:mock|mocks|mocking|ridicul\w*|humiliat\w*|heckl\w*|insult\w*|taunt\w*)\b",
            r"\bmake fun of\b",
            r"\blaugh(?:ing)? at " + _STRANGER + r"\b",
            r"\bembarrass(?:es|ed|ing)? " + _STRANGER + r"\b",
            r"\b(?:rate|rates|rating|judge|judging|comment on|commenting on) "
            r"(?:their|his|her|a stranger's|someone's|people's) "
            r"(?:looks|appearance|outfit|body|weight|face|clothes)\b",
            r"\b(?:cat-?call\w*|wolf[- ]whistl\w*)\b",
            r"\bshout (?:at|abuse)\b",
            r"\bcall (?:them|him|her|someone|people) (?:names|ugly|fat|stupid)\b",
        ),
        exceptions=(
            # Practice with a friend's help is not mockery.
            r"\bmock[- ](?:interviews?|exams?|tests?|pitch(?:es)?|trials?|calls?|meetings?|"
            r"presentations?|negotiations?|ups?)\b",
        ),
    ),
    Rule(
        code=RuleCode.INTRUSIVE,
        description=(
            "Following people, touching strangers (a handshake, high five or fist bump is"
            " fine) or prying into where a stranger lives or what they earn."
        ),
        patterns=(
            r"\bfollow(?:s|ed|ing)?\s+(?:a |an |the |some |that |this )?(?:strangers?|someone|"
            r"somebody|people|person|passers?-?by|passer-by|a (?:man|woman|girl|guy))\b",
            r"\bfollow(?:s|ed|ing)? (?:them|him|her) (?:home|around|everywhere|down the|"
            r"into|onto|off)\b",
            r"\b(?:touch|touches|touched|touching|hug|hugs|hugged|hugging|grab|grabs|grabbed|"
            r"grabbing|poke|pokes|poked|poking|tickle|tickles|tickling|stroke|stroking|pat|pats|"
            r"patting|hold hands with)\s+" + _STRANGER + r"\b"
            r"(?!'s|\s+(?:dogs?|cats?|pupp(?:y|ies)|pups?|horses?|pets?)\b)",
            r"\btouch\w*\b[^.!?]{0,30}?\b(?:their|his|her|a stranger's|someone's) "
            r"(?:hair|face|beard|belly|bump|tattoos?|body|skin|arm|hand)\b",
            r"\b(?:their|a stranger's|someone's|his|her) (?:home )?address\b",
            r"\bwhere (?:they|he|she) lives?\b",
            r"\b(?:their|his|her|a stranger's|someone's) (?:pin|password|bank details)\b",
            r"\bhow much (?:they|he|she|a stranger|someone) (?:earns?|weighs?|paid)\b",
            r"\b(?:invite yourself|let yourself) in(?:to)?\b",
            r"\b(?:go|come|get|walk) (?:in(?:to)?|inside) (?:a stranger's|someone's|their|his|her)"
            r" (?:home|house|flat|apartment)\b",
            r"\bstare at\b",
        ),
        exceptions=(
            r"\bhand ?shakes?\b",
            r"\bshak(?:e|ing) (?:their|his|her|hands)\b",
            r"\bhigh[- ]?fives?\b",
            r"\bfist[- ]?bumps?\b",
            r"\b(?:get|getting|keep|keeping|stay|staying|be|been) in touch\b",
            r"\btouch base\b",
            r"\bfollow(?:s|ed|ing)? (?:\w+ ){0,3}on (?:instagram|social media|social|twitter|x|"
            r"tiktok|linkedin|mastodon|bluesky|youtube|strava|github|facebook)\b",
        ),
    ),
    Rule(
        code=RuleCode.STAFF_RULES,
        description=(
            "Asking staff to break their rules or risk their job; asking whether something is"
            " possible (and accepting 'it's policy') is fine."
        ),
        patterns=(
            r"\b(?:break|breaks|breaking|broke|ignore|ignores|ignoring|bypass\w*|"
            r"get (?:round|around)) (?:the |their |a |any |company |shop |store |house |"
            r"safety |hygiene )?(?:rules?|polic(?:y|ies)|regulations?|protocols?|procedures?)\b",
            r"\b(?:use|using|borrow|borrowing|get|getting|give you) (?:their|a|the|an) "
            r"(?:staff|employee|member's) (?:discount|card|badge|pass|login|password|code)\b",
            r"\bget (?:them|him|her|staff|someone|somebody|the \w+) "
            r"(?:fired|sacked|in trouble|into trouble|told off|disciplined)\b",
            r"\b(?:let|sneak|slip|smuggle|wave) you (?:in|through|backstage|past)\b[^.!?]{0,30}?"
            r"\b(?:for free|without (?:a |paying|paying for a )?(?:ticket|pass|paying))\b",
            r"\b(?:sneak|slip|smuggle) you\b",
            r"\b(?:serve|sell) (?:you|me) (?:alcohol|drinks?|a pint|beer|wine|cigarettes) "
            r"(?:after|past) (?:hours|closing)\b",
            r"\bkeep (?:the (?:shop|store|café|cafe|bar|restaurant|place)|it) open "
            r"(?:late |after (?:closing|hours) )?(?:just )?for you\b",
        ),
    ),
    Rule(
        code=RuleCode.UNSAFE,
        description=(
            "Anything that puts you or someone else at risk: alcohol-fuelled asks, lifts"
            " from strangers, stunts near traffic, water or heights, fire or weapons."
        ),
        patterns=(
            r"\b(?:drunk|tipsy|wasted|hammered|intoxicated|plastered)\b",
            r"\bdrink[- ]driv\w*",
            r"\b(?:hitchhik\w*|hitch a ride|thumb a lift)\b",
            r"\b(?:get|getting|climb|hop) (?:in|into) (?:a |the )?(?:stranger's|someone's|their|"
            r"his|her) (?:car|van|truck)\b",
            r"\b(?:lift|ride) (?:home )?(?:from|with) (?:a |the )?"
            r"(?:stranger|someone you don't know)",
            r"\b(?:ask|asks|asking)\b[^.!?]{0,30}?\bstrangers?\b[^.!?]{0,30}?"
            r"\b(?:lift|ride) (?:home|to)\b",
            r"\b(?:guns?|firearms?|weapons?)\b",
            r"\b(?:play|run|lie|stand|dance|sit) (?:in|into|on) (?:the )?(?:traffic|road|"
            r"motorway|highway|railway|tracks)\b",
            r"\b(?:jump|jumps|jumping) (?:off|from|into)\b",
            r"\b(?:climb|climbing|climbs) (?:onto|up|on) (?:a |the )?(?:roof|bridge|scaffolding|"
            r"statue|crane|tower|lamp-?post)\b",
            r"\bswim\w* (?:in|across) (?:a |the )?(?:river|canal|fountain|harbour|harbor|lake)\b",
            r"\b(?:dark alley|alone at night|in the middle of the night)\b",
            r"\bset (?:fire|light) to\b",
            r"\bdrugs?\b",
            r"\bunlicensed\b",
            r"\bstrangers?'s? (?:home|house|flat|apartment)\b",
        ),
        exceptions=(
            r"\bcar lift\b",
            r"\blift (?:with|from) (?:a |the )?(?:friend|colleague|neighbour|neighbor)\b",
            r"\bjump (?:in|into) (?:the )?(?:conversation|queue|game|next round)\b",
            r"\bdrugstore\b",
        ),
    ),
    Rule(
        code=RuleCode.ILLEGAL,
        description=(
            "Theft, trespass, sneaking in, vandalism, dodging fares or tickets, bribes,"
            " forged documents or driving without a licence."
        ),
        patterns=(
            r"\b(?:steal\w*|stole|stolen|shoplift\w*|pickpocket\w*|theft|burgl\w*|rob|robs|"
            r"robbed|robbing|robbery|loot\w*)\b",
            r"\btrespass\w*",
            r"\bsneak\w*",
            r"\b(?:break|breaks|breaking|broke|broken) in(?:to)?\b",
            r"\b(?:staff[- ]only|staff ?rooms?|employees[- ]only|restricted area|off[- ]limits|"
            r"private property|no entry)\b",
            r"\b(?:vandal\w*|graffiti|spray[- ]paint\w*|deface\w*)\b",
            r"\bfare[- ]dodg\w*|\bdodg\w* (?:the |a )?(?:fare|ticket)\b",
            r"\bjump (?:the |a )?(?:ticket )?(?:barriers?|turnstiles?|gates?|fence|wall)\b",
            r"\bclimb\w* (?:over )?(?:a |the |their )?(?:fence|wall|gate|barrier)\b",
            r"\bwithout (?:a |paying|buying a |buying )?ticket\b",
            r"\bbrib\w*",
            r"\b(?:forged|forgery|counterfeit\w*|fake id)\b",
            r"\bwithout (?:a |your )?(?:driving )?licen[cs]e\b",
            r"\b(?:cocaine|heroin|cannabis|ecstasy|mdma)\b",
            r"\bdeal(?:ing)? drugs\b",
            r"\bpick (?:a |the )?lock\b",
        ),
        exceptions=(
            r"\bsteal (?:the show|a glance|a look|the spotlight)\b",
            r"\bsneak (?:a )?peek\b",
            r"\bsneakers?\b",
            r"\b(?:break|breaks|breaking) into (?:a |the )?(?:smile|grin|song|laughter|run|dance|"
            r"tears|groups?|pairs|teams|industry|market|field)\b",
            r"\b(?:climbing|bouldering) (?:wall|gym|centre|center)s?\b",
            r"\bbreak(?:ing)? in (?:new )?(?:shoes|boots|trainers)\b",
        ),
    ),
    Rule(
        code=RuleCode.SEXUAL,
        description="Anything sexual, nudity, kissing strangers or sexual propositions.",
        patterns=(
            r"\b(?:sex|sexy|sexual\w*|sexting|nude|nudes|naked|nudity|porn\w*|erotic\w*|"
            r"fetish\w*|onlyfans|lingerie|underwear|cleavage|grope\w*|groping|"
            r"one[- ]night stands?|hook-?ups|hookup|strip ?clubs?|strippers?|striptease)\b",
            r"\bstrip(?:ping)? (?:off|naked|down)\b",
            r"\bundress\w*",
            r"\btake (?:their|his|her|your|my) clothes off\b",
            r"\bflash(?:es|ing)? (?:them|him|her|people|someone|a stranger|strangers)\b",
            r"\bkiss\w*\b[^.!?]{0,30}?\bstrangers?\b",
            r"\bstrangers?\b[^.!?]{0,30}?\bkiss\w*",
            r"\bkiss(?:es|ed|ing)? (?:a |the )?(?:someone|somebody|cashier|barista|waiter|"
            r"waitress|bartender|passer-?by|person)\b",
            r"\b(?:send|sends|sending) (?:them |him |her )?(?:pics|pictures|photos) of yourself\b",
        ),
    ),
    Rule(
        code=RuleCode.MINORS,
        description=(
            "Involving children or teenagers one doesn't know; one's own family and"
            " child-free uses of the words are fine."
        ),
        patterns=(
            r"\b(?:child|children|kids?|toddlers?|bab(?:y|ies)|infants?|teens?|teenagers?|"
            r"minors|schoolchildren|schoolkids?|schoolboys?|schoolgirls?|pupils?|underage|"
            r"under-?age|under-1[0-8]s|little (?:boy|girl)s?|young (?:boy|girl)s?)\b",
            r"\bunder (?:the age of )?1[0-8](?: ?years? old|-year-olds?)?\b(?! ?(?:minutes?|mins?|"
            r"seconds?|hours?|days?|weeks?|months?|km|miles?|metres?|meters?|kg|pounds|quid|"
            r"euros?|dollars?|people|items?|words?|[%£$€]))",
        ),
        exceptions=(
            r"\byour (?:own )?(?:child|children|kids?|bab(?:y|ies)|toddlers?|teenagers?|teens?)\b",
            r"\b(?:child|kid|baby|family)[- ]friendly\b",
            r"\bchildren's (?:books?|section|authors?|menu|library|literature)\b",
            r"\bbaby (?:spinach|carrots?|shower|steps?|grand|food|plants?|leaf|leaves|"
            r"potatoes|tomatoes|corn)\b",
            r"\bkid gloves\b",
            r"\bkids'? (?:menu|section)\b",
        ),
    ),
)

#: Rules by code, including the two whole-text rules that have no patterns of their own.
RULES_BY_CODE: Mapping[RuleCode, Rule] = MappingProxyType(
    {
        RuleCode.LENGTH: Rule(
            code=RuleCode.LENGTH,
            description=(
                f"The text is empty, only whitespace or longer than {MAX_IDEA_LENGTH} characters."
            ),
            patterns=(),
        ),
        RuleCode.NO_OTHER_PERSON: Rule(
            code=RuleCode.NO_OTHER_PERSON,
            description=(
                "Nothing in the text points to another person; every challenge involves one."
            ),
            patterns=(),
        ),
        **{rule.code: rule for rule in RULES},
    }
)


# ---------------------------------------------------------------------------------------------
# Who counts as "another person"
# ---------------------------------------------------------------------------------------------

# Comma-separated so the formatter keeps the groups readable.
_PEOPLE_WORDS_BY_KIND: Mapping[str, str] = MappingProxyType(
    {
        "people in general": """
            stranger, someone, somebody, anyone, anybody, everyone, everybody, person, people,
            passer-by, passers-by, passerby, locals, tourist, commuter, fellow, others, guest,
            customer, shopper, diner, crowd, audience, listener, follower
        """,
        "people you know": """
            friend, friend-of-a-friend, neighbour, neighbor, colleague, coworker, co-worker,
            classmate, teammate, roommate, flatmate, housemate, partner, family, relative,
            parent, mum, mom, dad, brother, sister, sibling, cousin, aunt, uncle, grandparent,
            grandma, grandmother, grandad, grandpa, grandfather, acquaintance
        """,
        "roles": """
            staff, employee, worker, assistant, cashier, barista, waiter, waitress, bartender,
            chef, baker, butcher, fishmonger, greengrocer, florist, pharmacist, librarian,
            bookseller, receptionist, concierge, guard, driver, conductor, attendant, coach,
            personal trainer, instructor, teacher, tutor, mentor, expert, professional, author,
            writer, artist, musician, busker, performer, organiser, organizer, host, owner,
            landlord, landlady, tenant, manager, boss, employer, recruiter, interviewer,
            founder, ceo, editor, journalist, creator, vendor, stallholder, seller, trader,
            hairdresser, barber, mechanic, tradesperson, plumber, gardener, volunteer, member,
            regular, runner, climber, dancer, singer, agent, representative, advisor, adviser,
            insurer, provider, council, councillor, official, lifeguard, ranger, porter,
            courier, postie, postman, postwoman
        """,
        "groups and organisations": """
            team, club, group, class, community, company, companies, business, firm,
            organisation, organization, charity, society, choir, podcast, magazine,
            publication, newspaper, radio, forum, meetup
        """,
        "places that only work with people in them": """
            shop, store, café, cafe, coffee shop, restaurant, bakery, bookshop, bookstore,
            library, hotel, gym, pub, market, stall, museum, gallery, cinema, theatre, theater,
            salon, reception, deli, pharmacy, venue
        """,
        "verbs that need someone on the other end": """
            ask, asks, asking, invite, invites, inviting, compliment, greet, chat, talk to,
            say hello, say hi, say good morning, introduce yourself, thank, pitch, negotiate,
            haggle, reply, high five, handshake, request, apply, applies, applying, application,
            interview, cold-email, cold email, cold-call, cold call
        """,
    }
)

#: Words that show another person is involved: people and roles, groups and organisations,
#: places that only work with people in them, and verbs that need someone on the other end.
#: Matched case-insensitively with word boundaries; a trailing "s", "es" or "'s" is accepted.
#: Ambiguous words ("bar", "bank", "desk", "phone", "call", "text") are left out on purpose:
#: "sit at your desk" or "put your phone away" involve nobody.
PEOPLE_VOCABULARY: tuple[str, ...] = tuple(
    word.strip()
    for words in _PEOPLE_WORDS_BY_KIND.values()
    for word in words.split(",")
    if word.strip()
)

_PEOPLE_RX = re.compile(
    r"\b(?:"
    + "|".join(sorted((re.escape(w) for w in PEOPLE_VOCABULARY), key=len, reverse=True))
    + r")(?:s|es|'s|s')?\b",
    _FLAGS,
)
# Talking to yourself does not count.
_SELF_ONLY_RX = re.compile(
    r"\b(?:ask|asks|asking|text|message|email|call|phone|ring|thank|compliment|pitch|"
    r"greet|invite|wave (?:at|to)|talk to|say hello to|say hi to|reply to|introduce)"
    r" (?:yourself|myself|your reflection|the mirror|your mirror|your journal|a journal|"
    r"your diary|a diary|your notes?|your phone|chatgpt|an ai|a chatbot|the ai)\b",
    _FLAGS,
)


def involves_another_person(text: str) -> bool:
    """Whether ``text`` points to another person (see :data:`PEOPLE_VOCABULARY`).

    Phrases that only involve yourself ("ask yourself", "text your journal") are ignored.
    """
    cleaned = _SELF_ONLY_RX.sub(" ", tidy(text))
    return _PEOPLE_RX.search(cleaned) is not None


def screen_idea(text: str) -> ScreenResult:
    """Screen an idea text against every respect rule.

    Never raises for any ``str``. An empty or whitespace-only text yields only a ``length``
    violation; otherwise every rule is checked, so all problems are reported at once (for an
    over-length text, within its first :data:`SCAN_LIMIT` characters).
    """
    normalised = tidy(text)
    if not normalised:
        return ScreenResult(ok=False, violations=(Violation(RuleCode.LENGTH, ""),))
    violations: list[Violation] = []
    if len(text.strip()) > MAX_IDEA_LENGTH:
        violations.append(Violation(RuleCode.LENGTH, ""))
        normalised = normalised[:SCAN_LIMIT]
    if not involves_another_person(normalised):
        violations.append(Violation(RuleCode.NO_OTHER_PERSON, ""))
    for rule in RULES:
        violations.extend(Violation(rule.code, phrase) for phrase in rule.find(normalised))
    return ScreenResult(ok=not violations, violations=tuple(violations))
