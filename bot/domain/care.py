"""Care detectors: crisis language, harsh self-talk and tiredness in what a user writes.

The people using Rejection Coach are anxious by definition, and some are struggling more than
a bot can help with. DESIGN.md rule 4 says crisis language is answered with support and
helpline pointers, never with a challenge. These detectors decide *which* reply a message
gets; the replies themselves (and the helplines) live in ``prompts.yaml``. Everything here is
pure and local: no network, no logging, nothing sent anywhere.

How a message is read
---------------------
1. :func:`normalise` folds the many ways people type the same words into one spelling:
   lower case, accents stripped, zero-width characters removed, apostrophes dropped
   ("don't" -> "dont" -> "do not"), leetspeak inside words ("k1ll" -> "kill"), common text
   speak ("wanna" -> "want to", "4ever" -> "forever"), punctuation turned into spaces, emoji
   kept as separate tokens, spelled-out letters joined ("d i e" -> "die"), and **every run
   of a repeated letter squashed to one letter** ("dieeee" -> "die", but also "kill" ->
   "kil" and "better" -> "beter"). Squashing all
   doubles (not only long runs) is what makes misspellings such as "kil" or "sucide" line up
   with the real word without listing each one.
2. The phrase tables below are regular expressions written in *plain* spelling. :func:`_rule`
   squashes their doubled letters the same way, so a maintainer writes "kill myself" and it
   matches "kill myself", "kil myself" and "killl myself". Each pattern is matched on whole
   tokens (it cannot start or end inside a word).
3. A match can be cancelled by context around it (see :class:`PhraseRule`):

   * **negation** right before the phrase ("I'm *not* suicidal", "I *don't* want to die",
     "I *haven't* self-harmed in a month");
   * for **weak** crisis phrases only, a figurative or humour marker nearby ("I'd rather die
     than do that again *lol*", "wanted to die *of embarrassment*").

Decisions for ambiguous cases (the tests pin each one)
------------------------------------------------------
* Strong phrases always count, even with "lol" or 😂: "kill myself", "kms", "kys", "suicidal",
  "want to die", "end my life", self-harm words. People often wrap real distress in a joke,
  and a false alarm costs one gentle check-in while a miss costs far more.
* Weak phrases are common hyperbole after an awkward moment: "I'd rather die", "I *wanted*
  to die" (past tense), "just kill me now", "I want to disappear", "goodbye everyone",
  "I can't do this anymore". They count unless a humour or embarrassment marker is within a
  few words. So "I'd rather die than do that again lol" is ordinary, but the same sentence
  without "lol" gets a check-in.
* Plain figurative speech is not matched at all: "I almost died of embarrassment", "I could
  have died", "dying to try", "killing it", "this is killing me", "dead tired", "my phone
  died", "kill the anxiety", "the barista cut me off", "social suicide".
* Negation cancels: "I'm not suicidal, just sad" and "I don't want to die" are not flagged.
  Only a negation *directly* in front of the phrase counts, so "I'm not ok, I want to die"
  is still flagged. Negations that are part of the phrase ("I don't want to live") are
  written into the phrase itself.
* "I hate myself" is self-criticism, not a crisis on its own: it is very common in
  reflections and gets a kind reframe. "I hate myself and want to die" is a crisis through
  its second half.
* "I'm a burden" / "burden to everyone" is a risk signal (strong), but "I feel like a burden
  when I ask / asking for help" is the social anxiety this bot exists for and is not flagged.
* "can't go on" counts at the end of a sentence or before "like this", "anymore", "and";
  "can't go on the rollercoaster" does not.
* "kys" normally targets someone else; in a message to a coaching bot it is read as being
  about the writer (strong), as the brief asks.
* "I felt stupid for a second but it passed" is *not* self-criticism (the feeling is named
  and let go); "I felt so stupid" is. Self-criticism leans to recall: a false positive only
  yields one kind reframe.
* "tired of waiting in line" is not exhaustion (a mundane annoyance), but "tired of being
  rejected" is (emotional weariness is what pacing is for); "not tired" is not.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum

__all__ = [
    "CRISIS_SET",
    "EXHAUSTION_RULES",
    "SELF_CRITICISM_RULES",
    "CrisisKind",
    "CrisisSet",
    "CrisisSignal",
    "PhraseRule",
    "detect_crisis",
    "detect_exhaustion",
    "detect_self_criticism",
    "normalise",
]


class CrisisKind(StrEnum):
    """What a crisis message is about; prompts.yaml may key its support texts by these."""

    SUICIDE = "suicide"
    SELF_HARM = "self_harm"


@dataclass(frozen=True)
class CrisisSignal:
    """A message that should be answered with support, not a challenge.

    ``rule`` names the table entry that fired and is safe to log. ``phrase`` is the matched
    (normalised) words, kept for tests only; it is excluded from ``repr`` so that an
    accidental ``log.info("%r", signal)`` does not leak what the user wrote.
    """

    kind: CrisisKind
    rule: str
    phrase: str = field(repr=False)


# ---------------------------------------------------------------------------------------------
# Normalisation
# ---------------------------------------------------------------------------------------------

#: Any letter (Unicode aware), used to squash runs of one repeated letter.
_REPEATED_LETTER = re.compile(r"([^\W\d_])\1+")

#: Apostrophe look-alikes. Inside a word they are dropped ("don't" -> "dont") so that
#: contractions have one spelling; elsewhere they are just punctuation.
_APOSTROPHES = "'’‘ʼ`´"
_TO_APOSTROPHE = str.maketrans(dict.fromkeys(_APOSTROPHES, "'"))
_INNER_APOSTROPHE = re.compile(r"(?<=\w)'+(?=\w)")

#: Emoticons, read before punctuation is dropped. Happy ones become a humour token because
#: ":)" after "I'd rather die" means the same as "lol"; sad ones are kept as a plain token.
_HAPPY_EMOTICON = re.compile(r"(?<!\S)(?:[:;=]-?[)dp\]]+|x-?d+)(?!\S)")
_SAD_EMOTICON = re.compile(r"(?<!\S)(?:[:;=]['’]?-?[(\[]+)(?!\S)")
_HAPPY_TOKEN = "🙂"
_SAD_TOKEN = "🙁"

#: Two-letter shorthands that contain a slash and would otherwise be split apart.
_SLASH_SHORTHANDS = re.compile(r"(?<!\S)w/o(?!\S)|(?<!\S)w/(?=\s|\w)")

#: Tokens: a word (letters, digits and the leetspeak symbols @ $, plus "!" between letters as
#: in "k!ll"), an ellipsis (a pause, ignored), a sentence end (kept as "."), or any other
#: single visible character (emoji are kept, other punctuation dropped).
_TOKEN = re.compile(
    r"(?P<word>(?:[^\W_]|[@$])+(?:!+(?:[^\W_]|[@$])+)*)"
    r"|(?P<ellipsis>\.{2,}|…)"
    r"|(?P<stop>[.!?]+|\n)"
    r"|(?P<other>\S)"
)

#: Whole raw tokens rewritten before leetspeak and squashing (their digits are words).
_RAW_TEXT_SPEAK: dict[str, str] = {
    "2": "to",
    "4": "for",
    "4ever": "forever",
    "4eva": "forever",
    "b4": "before",
    "2day": "today",
    "2nite": "tonight",
    "2morrow": "tomorrow",
    "h8": "hate",
    "every1": "everyone",
    "no1": "no one",
    "any1": "anyone",
    "some1": "someone",
    "noone": "no one",
}

#: Leetspeak inside words that also contain a letter ("d13", "su1c1de", "k!ll", "$elf").
#: Numbers on their own ("7 -> 3", "2 companies") are left alone.
_LEET = str.maketrans(
    {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i"}
)

#: Contractions and text speak, written in plain spelling; keys are squashed at import so
#: they match squashed tokens. Contractions are opened up so that negation has one form
#: ("not") and patterns need not list "dont|don't|do not".
_TEXT_SPEAK: dict[str, str] = {
    "im": "i am",
    "ive": "i have",
    "dont": "do not",
    "didnt": "did not",
    "doesnt": "does not",
    "cant": "can not",
    "cannot": "can not",
    "couldnt": "could not",
    "wont": "will not",
    "wouldnt": "would not",
    "shouldnt": "should not",
    "isnt": "is not",
    "arent": "are not",
    "wasnt": "was not",
    "werent": "were not",
    "havent": "have not",
    "hasnt": "has not",
    "aint": "am not",
    "whats": "what is",
    "thats": "that is",
    "theres": "there is",
    "wanna": "want to",
    "wan": "want",
    "wnt": "want",
    "gonna": "going to",
    "gotta": "got to",
    "tryna": "trying to",
    "kinda": "kind of",
    "dunno": "do not know",
    "idk": "i do not know",
    "u": "you",
    "ur": "your",
    "r": "are",
    "ded": "dead",
    "selfharm": "self harm",
    "myslf": "myself",
    "mysef": "myself",
    "meself": "myself",
    "alot": "a lot",
}


def _squash(word: str) -> str:
    """Collapse every run of one repeated letter: "dieeee" -> "die", "kill" -> "kil"."""
    return _REPEATED_LETTER.sub(r"\1", word)


_TEXT_SPEAK_SQUASHED = {_squash(key): _squash(value) for key, value in _TEXT_SPEAK.items()}


def _fold(text: str) -> str:
    """Lower-case, strip accents and drop invisible characters, keeping emoji."""
    # Apostrophe look-alikes first: NFKD would turn "´" into a space plus an accent.
    # Case-fold before decomposing: folding can itself produce marks ("İ" -> "i" + dot).
    decomposed = unicodedata.normalize("NFKD", text.translate(_TO_APOSTROPHE).casefold())
    # Mn: accents and emoji variation selectors; Cf: zero-width joiners and spaces, soft
    # hyphens, BOM, bidi marks; Sk: emoji skin-tone modifiers and stray accents used as
    # apostrophes ("don´t"). None of them change the meaning of a word.
    return "".join(ch for ch in decomposed if unicodedata.category(ch) not in {"Mn", "Cf", "Sk"})


def _word(raw: str) -> str:
    """Normalise one word token: text speak, leetspeak, squashing, contractions."""
    raw = _RAW_TEXT_SPEAK.get(raw, raw)
    if any(ch.isalpha() for ch in raw):
        raw = raw.translate(_LEET)
    word = _squash(raw)
    return _TEXT_SPEAK_SQUASHED.get(word, word)


def _is_kept_symbol(char: str) -> bool:
    """Emoji and other pictographs carry meaning (🔪, 😂); plain punctuation does not."""
    return unicodedata.category(char) == "So"


def normalise(text: str) -> str:
    """Return *text* as space-separated normalised tokens, sentence ends kept as ".".

    Total on any input: never raises, runs in linear time.
    """
    folded = _fold(text)
    folded = _INNER_APOSTROPHE.sub("", folded)
    folded = _HAPPY_EMOTICON.sub(f" {_HAPPY_TOKEN} ", folded)
    folded = _SAD_EMOTICON.sub(f" {_SAD_TOKEN} ", folded)
    folded = _SLASH_SHORTHANDS.sub(
        lambda m: " without " if m.group() == "w/o" else " with ", folded
    )
    tokens: list[str] = []
    spelled: list[str] = []  # a run of single letters, as in "k m s" or "d i e"
    for match in _TOKEN.finditer(folded):
        raw = match.group("word")
        if raw is not None and len(raw) == 1 and raw.isalpha():
            spelled.append(raw)
            continue
        tokens.extend(_spelled_out(spelled))
        spelled.clear()
        if raw is not None:
            tokens.append(_word(raw))
        elif match.group("stop") is not None:
            tokens.append(".")
        elif (other := match.group("other")) is not None and _is_kept_symbol(other):
            tokens.append(other)
    tokens.extend(_spelled_out(spelled))
    return " ".join(tokens)


def _spelled_out(letters: list[str]) -> list[str]:
    """Join three or more single letters into one word ("d i e" -> "die").

    Two are left alone: "i a" or "a b" occur in ordinary text, three in a row hardly ever.
    """
    if len(letters) >= 3:
        return [_word("".join(letters))]
    return [_word(letter) for letter in letters]


# ---------------------------------------------------------------------------------------------
# Phrase rules
# ---------------------------------------------------------------------------------------------

#: How far (in characters of normalised text) to look around a match for context. About
#: eight to ten words: enough for "I'd rather die than do that again lol", short enough that
#: a joke two sentences earlier does not cancel a later, serious sentence.
_CONTEXT_CHARS = 60


def _squash_pattern(source: str) -> str:
    """Squash doubled letters in a regex source, leaving escapes such as ``\\b`` intact."""
    out: list[str] = []
    previous = ""
    i = 0
    while i < len(source):
        char = source[i]
        if char == "\\" and i + 1 < len(source):
            out.append(source[i : i + 2])
            previous = ""
            i += 2
            continue
        if not (char.isalpha() and char == previous):
            out.append(char)
        previous = char if char.isalpha() else ""
        i += 1
    return "".join(out)


def _compile(source: str) -> re.Pattern[str]:
    """Compile a plain-spelling pattern for whole-token matching on normalised text."""
    return re.compile(rf"(?<!\S)(?:{_squash_pattern(source)})(?!\S)")


def _compile_suffix(source: str) -> re.Pattern[str]:
    """Compile a pattern that must match at the *end* of the text before a phrase."""
    return re.compile(rf"(?<!\S)(?:{_squash_pattern(source)}) $")


#: Words allowed between a negation and the phrase it negates ("not *really* suicidal",
#: "do not *want to* die", "have not *been* cutting"). At most three of them.
_NEGATION_FILLERS = (
    r"(?: (?:really|actually|at all|even|ever|currently|remotely|that|too|so|as|feeling|feel|"
    r"felt|being|be|been|going to|planning to|want to|wanting to|thinking of|thinking about|"
    r"about to|trying to|particularly|any|more|have|had|done|do|did)){0,3}"
)

#: Negation right before a crisis or self-criticism phrase: "I'm not suicidal", "I don't
#: want to die", "no more suicidal thoughts", "I haven't self-harmed in a month".
_NEGATION = _compile_suffix(rf"(?:not|never|no longer|no|zero|without){_NEGATION_FILLERS}")

#: Tiredness is also negated by "hardly", "barely", "less" ("less tired than I expected").
#: These are *not* used for crisis phrases: "I feel less suicidal today" still gets care.
_SOFT_NEGATION = _compile_suffix(
    rf"(?:not|never|no longer|no|zero|without|hardly|barely|less){_NEGATION_FILLERS}"
)

#: "never been so tired", "never felt more alone": an intensifier, not a negation.
_INTENSIFYING_NEVER = _compile_suffix(r"(?:never|not ever) (?:been|felt) (?:so|this|more|as)")

#: Humour and embarrassment markers: near a *weak* crisis phrase they mark it as hyperbole.
#: Deliberately absent: "literally" and "not to be dramatic", which preface sincere
#: statements as often as jokes.
_FIGURATIVE_CONTEXT = _compile(
    r"lol\w*|lmf?ao\w*|rofl\w*|a?(?:ha){2,}h?|he(?:he)+|heh|jk|just kidding|kidding|joking|"
    r"xd|😂|🤣|😅|😆|😹|😜|🤪|😄|😁|🙃|🙂|💀|☠|"
    r"embarrass\w*|awkward\w*|cringe\w*|cringy|mortif\w*|humiliat\w*|blush\w*|of shame"
)

#: Context that lets a harsh feeling pass: "I felt stupid for a second but it passed".
_PASSING_CONTEXT = _compile(
    r"for a (?:second|sec|moment|minute|bit)|at first|passed|faded|went away|wore off|"
    r"then (?:it|i) (?:was fine|felt fine|laughed)"
)


@dataclass(frozen=True)
class PhraseRule:
    """One documented pattern and the context that cancels it.

    ``negation``: matched against the text right before the phrase; a hit cancels it.
    ``cancel_near``: matched within ``_CONTEXT_CHARS`` either side; a hit cancels it (weak
    crisis phrases use the humour markers, "felt stupid" uses "but it passed").
    """

    name: str
    pattern: re.Pattern[str]
    kind: CrisisKind | None = None
    negation: re.Pattern[str] | None = _NEGATION
    cancel_near: re.Pattern[str] | None = None


def _rule(
    name: str,
    source: str,
    kind: CrisisKind | None = None,
    *,
    negation: re.Pattern[str] | None = _NEGATION,
    cancel_near: re.Pattern[str] | None = None,
) -> PhraseRule:
    return PhraseRule(name, _compile(source), kind, negation, cancel_near)


# Shared fragments (plain spelling; squashed when compiled).

#: "die", unless a figurative tail follows ("die of embarrassment", "die on this hill").
_DIE = (
    r"die(?! (?:of|from) (?:embarrassment|shame|cringe|laughter|laughing|awkwardness|boredom|"
    r"curiosity|jealousy|cuteness)| laughing| on (?:this|that|the|a) hill| a little| inside"
    r"| for| on(?: \.|$))"  # "the hill I want to die on."
)
#: "want to", "just want to", "really need to", "would like to".
_WANT_TO = (
    r"(?:really |just |honestly |kind of |so |literally |actually )?"
    r"(?:want|need|wish|would like) to"
)
#: suicide, sucide, suiside, suicde, suicid, suicidal, sucidal, suisidal, suicidial ...
_SUICIDE_WORD = r"su(?:i|ie)?(?:c|s|cs|sc)i?d(?:e|es|al|ally|ality|ial)?"
_MYSELF = r"(?:myself|my self|me self|my own self)"
#: What follows "cut/hurt/burn myself" in accidents and idioms: "cut myself shaving",
#: "hurt myself at the gym", "cut myself some slack".
_BENIGN_AFTER = (
    r"(?! (?:shaving|cooking|chopping|slicing|at|on|in|while|when|during|playing|lifting|"
    r"running|falling|by accident|accidentally|training|slightly|a bit|a little|badly at|"
    r"laughing|doing|some slack|slack|a break|off|with (?:the|a) (?:knife|paper|iron|pan|"
    r"kettle|oven|stove))(?!\S))"
)


@dataclass(frozen=True)
class CrisisSet:
    """The crisis phrase tables.

    ``strong`` phrases count whatever the tone (only a negation right before cancels them);
    ``weak`` phrases are common hyperbole and count unless humour or embarrassment is near.
    Strong rules are tried first, so a signal names the most certain rule.
    """

    strong: tuple[PhraseRule, ...]
    weak: tuple[PhraseRule, ...]

    @property
    def rules(self) -> tuple[PhraseRule, ...]:
        return self.strong + self.weak


_S = CrisisKind.SUICIDE
_H = CrisisKind.SELF_HARM

_STRONG: tuple[PhraseRule, ...] = (
    # --- suicide, named ---------------------------------------------------------------------
    # The word and its misspellings. "social/career suicide" and the film are idioms.
    _rule(
        "suicide_word",
        rf"(?<!social )(?<!career )(?<!political )(?:{_SUICIDE_WORD})(?! squad)",
        _S,
    ),
    # Algospeak used to get past filters on social media.
    _rule("unalive", r"un ?aliv\w*|sewer ?slide\w*", _S),
    # "kill myself", "kil myself", "killing my self", "off myself". Not "almost killed myself
    # on the stairs", "killing myself laughing" or "killing myself at work".
    _rule(
        "kill_myself",
        rf"(?<!almost )(?<!nearly )(?:kill|killing|killed|kills|off|offing|end|ending) "
        rf"{_MYSELF}(?! laughing| at work| at the gym| over| trying| to (?:get|make|finish))",
        _S,
    ),
    # Chat shorthands for "kill myself" / "kill yourself" (read as about the writer).
    _rule("kms_kys", r"kms|kys|kmys", _S),
    _rule(
        "end_my_life",
        r"(?:end|ending|ended|take|taking|took) (?:my|my own) life|"
        r"(?:end|ending) (?:it all|everything|things|it for good)(?! with| on)|"
        r"(?:(?:want|wanting|going|ready|planning|plan) to end|(?:feel like|thinking of|"
        r"thinking about|considering) ending) it(?: all)?(?: now| tonight| today)?"
        r"(?! with| there| here| early| before| after| by| soon| on)|"
        r"want (?:it all|everything|my life|life) to (?:end|stop|be over)",
        _S,
    ),
    # --- wanting to be dead -----------------------------------------------------------------
    # Present tense only: "I *wanted* to die" (after an awkward moment) is a weak rule below.
    _rule(
        "want_to_die",
        rf"{_WANT_TO} {_DIE}|(?:wanting|ready|deserve|deserving) to {_DIE}|"
        rf"(?:hope|wish|pray) i (?:would |could |just )?{_DIE}|"
        r"want to be dead|better off dead",
        _S,
    ),
    _rule(
        "wish_not_alive",
        r"wish (?:i was|i were|i had|id) (?:not alive|not here|dead|gone|never born|not born|"
        r"never been born|not been born|never existed)|"
        r"wish i (?:could|would) (?:just )?(?:stop existing|not exist|disappear forever|"
        r"not wake up|sleep forever|cease to exist)",
        _S,
    ),
    # The negation is part of these phrases, so a negation *before* them is not looked for
    # separately: "I don't want to live" starts matching at "not".
    _rule(
        "not_want_to_live",
        r"not (?:really |even )?(?:want|wish|feel like) to (?:live|be alive|exist|keep living|"
        r"go on|be here any ?more|be here on earth|be on this earth|wake up (?:again|tomorrow|"
        r"ever|any ?more))|"
        r"(?:not sure|do not know if|do not know why|not know why) i (?:want to|should) "
        r"(?:live|be alive|keep living|keep going|exist)|"
        r"want to not (?:exist|be alive|be here any ?more|live|wake up)|"
        r"(?:stop|stopped) (?:existing|living)|cease to exist|"
        r"(?:do not|can not) see (?:a|any) way out|no way out(?! of)|"
        r"(?:do not know|not sure) how (?:much )?longer i can (?:keep going|go on|take it|"
        r"hold on|do this)",
        _S,
    ),
    _rule(
        "no_reason_to_live",
        r"(?:no|nothing|not a single|not any) (?:reason|point) (?:to|in|for) (?:live|living|"
        r"go on|going on|be alive|being alive|stay|staying|keep going|exist|existing)|"
        r"nothing (?:left )?to live for|"
        r"point (?:of|in) (?:living|being alive|going on|existing|life any ?more)|"
        r"not worth living|life (?:is|is just) not worth it",
        _S,
    ),
    _rule(
        "tired_of_living",
        r"(?:tired|sick|done) (?:of|with) (?:living|being alive|life|existing)|"
        r"(?:give|gave|giving) up on (?:life|living)",
        _S,
    ),
    # "can't go on" at the end of a sentence or before "like this", "anymore", "and ..."; not
    # "can't go on the trip".
    _rule(
        "cant_go_on",
        r"can not (?:go on|keep going|do life|live like this)"
        r"(?= \.|$| [^\w\s.]| (?:like this|any ?more|any longer|living|i|and|with (?:life|this|"
        r"it))(?!\S))|"
        r"can not (?:take|handle|bear|stand) (?:it|this|life|living) any ?(?:more|longer)",
        _S,
    ),
    # Perceived burdensomeness, a well-known risk signal.
    _rule(
        "better_off_without_me",
        r"better off without me|"
        r"(?:better|happier|easier) (?:off )?(?:if i (?:was|were|was not|were not) (?:gone|dead|"
        r"here|around|alive|born)|if i died|if i disappeared)|"
        r"(?:nobody|no one|anyone) (?:would |will )?(?:even |really )?(?:miss|care|notice) "
        r"(?:me )?if i (?:died|was gone|were gone|disappeared|was dead|killed)|"
        # ... but "I feel like a burden when I ask" is the social anxiety this bot is for.
        r"(?:i am|i feel like|i am just) (?:a|such a|just a) burden(?: to (?:everyone|everybody|"
        r"my family|my friends|them|all))?(?! (?:when|asking|for asking|by asking|if i ask|"
        r"to ask)(?!\S))",
        _S,
    ),
    _rule(
        "disappear_forever",
        r"(?:disappear|vanish|be gone) (?:forever|for good|permanently)|"
        r"disappear and never come back",
        _S,
    ),
    _rule(
        "never_wake_up",
        r"(?:sleep|go to sleep|fall asleep|close my eyes)(?: and| then)? (?:never|not) wake up|"
        r"(?:hope|wish|pray) i (?:do not|never|will not|would not) wake up|"
        r"want to never wake up|never wake up again|sleep forever",
        _S,
    ),
    _rule(
        "goodbye_forever",
        r"good ?bye (?:forever|cruel world)|(?:bye|farewell) forever|"
        r"this is (?:my|the) (?:last|final) (?:message|goodbye|post)|my (?:last|final) goodbye|"
        r"(?:wrote|writing|write|left|leaving) (?:a|my) (?:goodbye|last) note",
        _S,
    ),
    # Methods and plans. "jump off" alone is not here: people jump off diving boards.
    _rule(
        "method",
        rf"hang {_MYSELF}|noose|"
        r"(?:plan\w*|going|want\w*|thinking (?:of|about)|about|ready) to (?:overdose|od|slit)|"
        r"(?:took|take|taking|swallow|swallowed) (?:all|a bunch of|a handful of|too many|"
        r"loads of|all of) (?:my |the )?(?:pills|meds|tablets|medication)|"
        r"(?:stockpiling|saving up|hoarding|collecting) (?:my |the )?"
        r"(?:pills|meds|tablets|medication)|"
        r"(?:slit|slice|cut) (?:my|both) (?:wrists?|throat)",
        _S,
    ),
    # --- self-harm --------------------------------------------------------------------------
    _rule(
        "self_harm_word",
        r"self ?(?:harm\w*|injur\w*|mutilat\w*)|sh (?:relapse\w*|urges?)|relapsed? (?:on|into) sh",
        _H,
    ),
    # "cut myself" unless shaving or cooking; "been cutting", "cutting again"; not "cutting
    # back on sugar", "cutting in line" or "the barista cut me off".
    _rule(
        "cutting",
        rf"(?:cut|cutting|cuts) {_MYSELF}{_BENIGN_AFTER}|"
        r"(?:been|started|start|keep|kept|back to|resumed|can not stop|relapsed|urge to|"
        r"urges to|want to|wanting to|thinking about|thinking of) cutting(?! (?:back|down|"
        r"carbs|sugar|out|corners|costs|class|classes|my hair|hair|in|of|the|a|it|up|ties)"
        r"(?!\S))|cutting again|(?:want|need|urge|urges) to cut(?= \.|$| again)|"
        r"(?:cut|cutting|cuts|scratch|scratching|burn|burning|burnt) (?:my|my own) "
        rf"(?:wrists?|arms?|thighs?|skin|legs?|stomach){_BENIGN_AFTER}",
        _H,
    ),
    # "I hurt myself" is self-harm unless an accident is described right after it.
    _rule(
        "hurt_myself",
        r"(?<!almost )(?<!nearly )(?:hurt|hurting|hurts|harm|harming|harmed|burn|burning|"
        rf"burned|burnt) {_MYSELF}{_BENIGN_AFTER}|"
        rf"make {_MYSELF} bleed|until (?:i|it) bleeds?",
        _H,
    ),
    # --- emoji ------------------------------------------------------------------------------
    # Knife/dagger/razor/scissors next to a blood drop, either order, at most one token apart.
    _rule("emoji_blade_blood", r"(?:🔪|🗡|🪒|✂)(?: \S+)? 🩸|🩸(?: \S+)? (?:🔪|🗡|🪒|✂)", _H),
)


def _weak(name: str, source: str) -> PhraseRule:
    return _rule(name, source, _S, cancel_near=_FIGURATIVE_CONTEXT)


_WEAK: tuple[PhraseRule, ...] = (
    # "I'd rather die than ask again" is usually hyperbole; without humour it still gets a
    # gentle check-in.
    _weak("rather_die", rf"rather (?:{_DIE}|be dead)"),
    # Past tense is usually about an awkward moment ("when she said no I wanted to die").
    _weak(
        "wanted_to_die",
        rf"wanted to {_DIE}|could (?:just )?{_DIE}(?= \.|$)|feel like dying",
    ),
    _weak("want_it_over", r"want (?:it|this) to (?:end|stop|be over)(?= \.|$)"),
    _weak("kill_me", r"(?:just|someone|somebody|please|pls|plz|god) kill me|kill me now"),
    # "want to disappear" (present); "wanted to disappear" after a no is ordinary and not
    # matched; "disappear forever" is strong above.
    _weak("want_to_disappear", rf"{_WANT_TO} (?:just )?(?:disappear|vanish)"),
    _weak("goodbye_everyone", r"good ?bye (?:everyone|everybody|world|all)(?! at| to)"),
    _weak("cant_do_this", r"can not (?:do this|do it|keep doing this) any ?(?:more|longer)"),
    _weak("pain_to_stop", r"(?:the|this|my) pain to (?:stop|end)|end (?:my|the) suffering"),
    _weak(
        "jump_in_front",
        r"(?:jump|step|walk|throw myself) off (?:a|the) (?:bridge|building|roof|cliff)|"
        r"(?:jump|step|walk|throw myself) in front of (?:a|the) (?:train|bus|car|truck)|"
        r"walk into traffic|drive (?:off a cliff|into a wall)",
    ),
    # "overdosed on coffee" is a joke, so the bare word is weak; *planning* one is strong.
    _weak(
        "overdose_word",
        r"overdos\w*(?! on (?:coffee|caffeine|espresso|sugar|cute\w*|dogs?|puppies|candy|"
        r"chocolate|serotonin|dopamine|anime|cringe|compliments|kindness)(?!\S))|"
        r"od(?:ed|ing)? on (?:pills|meds|tablets|my meds)",
    ),
    _weak("emoji_death", r"(?:🪢|⚰)(?: \S+)? (?:me|myself|🙁|😢|😭|💔)"),
)

#: Every crisis phrase the bot knows. Add a phrase by adding a ``_rule`` (strong) or
#: ``_weak`` entry above, a line to tests/domain/data/crisis_phrases.txt, and run the tests.
CRISIS_SET = CrisisSet(strong=_STRONG, weak=_WEAK)


def _negated(rule: PhraseRule, normalised: str, start: int) -> bool:
    if rule.negation is None:
        return False
    before = normalised[max(0, start - _CONTEXT_CHARS) : start]
    if _INTENSIFYING_NEVER.search(before):
        return False
    return rule.negation.search(before) is not None


def _cancelled_by_context(rule: PhraseRule, normalised: str, start: int, end: int) -> bool:
    if rule.cancel_near is None:
        return False
    window = normalised[max(0, start - _CONTEXT_CHARS) : end + _CONTEXT_CHARS]
    return rule.cancel_near.search(window) is not None


def _first_match(rule: PhraseRule, normalised: str) -> re.Match[str] | None:
    """The first match of *rule* in *normalised* that no context cancels."""
    for match in rule.pattern.finditer(normalised):
        start, end = match.span()
        if _negated(rule, normalised, start):
            continue
        if _cancelled_by_context(rule, normalised, start, end):
            continue
        return match
    return None


def _any_match(rules: tuple[PhraseRule, ...], text: str) -> bool:
    normalised = normalise(text)
    return any(_first_match(rule, normalised) is not None for rule in rules)


def detect_crisis(text: str, *, crisis_set: CrisisSet = CRISIS_SET) -> CrisisSignal | None:
    """Return a signal if *text* speaks of suicide or self-harm, else ``None``."""
    normalised = normalise(text)
    for rule in crisis_set.rules:
        match = _first_match(rule, normalised)
        if match is not None and rule.kind is not None:
            return CrisisSignal(kind=rule.kind, rule=rule.name, phrase=match.group())
    return None


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
    return _rule(name, source, negation=_SOFT_NEGATION)


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
