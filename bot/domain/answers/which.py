"""/log with an idea still open: "this one, or something else?" read from a typed answer.

A typed answer is one of three things: a pick ("this one", "something else"), a plain
answer about the open idea ("yes", "got a no", "not yet"), or a description of another ask
("asked my boss for Friday off, she said no"). The last is told apart by its content: words
that are not answer vocabulary (yes/no, outcome phrases, pronouns, little words). Two or
more such words describe an ask; fewer are an answer about the open idea.
"""

from __future__ import annotations

import re
from enum import StrEnum

from bot.domain.answers.outcomes import outcome_hits
from bot.domain.answers.replies import parse_not_yet
from bot.domain.normalise import fold, phrase_re
from bot.domain.words import SOURCE_LANGUAGE


class Which(StrEnum):
    THIS = "this"
    OTHER = "other"


# The picks, per language (short whole-message answers; kept here rather than in the shared
# rewrites, where "esta" or "другое" would change how every other answer is read).
_PICKS: dict[str, dict[Which, re.Pattern[str]]] = {
    "en": {
        Which.THIS: phrase_re([r"(?:yes,? )?(?:this|that|the same|same)(?: one| idea)?"]),
        Which.OTHER: phrase_re(
            [
                r"(?:no,? )?(?:something|someone|anything) else",
                r"(?:a |an )?(?:other|another|different)(?: one| ask| thing)?",
                r"new one",
            ]
        ),
    },
    "es": {
        Which.THIS: phrase_re([r"(?:s[ií],? )?(?:esta|esa|este|ese|la misma|el mismo)(?: idea)?"]),
        Which.OTHER: phrase_re(
            [r"otra cosa", r"algo (?:distinto|diferente|m[aá]s)", r"otra(?: idea)?", r"otro"]
        ),
    },
    "ru": {
        Which.THIS: phrase_re(
            [r"(?:да,? )?(?:эта|эту|этот|это|та же|ту же|ту самую|та самая)(?: идея| идею)?"]
        ),
        Which.OTHER: phrase_re(
            [
                r"(?:что-то|что-нибудь) другое",
                r"друг(?:ое|ую|ая|ой)(?: идея| идею)?",
                r"не эт(?:а|у|о)",
            ]
        ),
    },
}
_PICK_MAX_WORDS = 4

# Answer vocabulary and little words: what is left after them is what the ask was about.
_LITTLE_WORDS = phrase_re(
    [
        r"i", r"me", r"my", r"mine", r"it", r"its", r"they", r"them", r"their", r"she", r"he",
        r"her", r"him", r"his", r"we", r"us", r"you", r"the", r"a", r"an", r"and", r"but",
        r"so", r"then", r"just", r"did", r"do", r"was", r"were", r"is", r"got", r"get",
        r"yes", r"yeah", r"yep", r"no", r"nope", r"ok", r"okay", r"said", r"say", r"asked",
        r"ask", r"this", r"that", r"one", r"idea", r"today", r"yesterday", r"really", r"very",
        r"too", r"about", r"at", r"to", r"for", r"of", r"in", r"on", r"with", r"nicely",
        r"politely", r"kindly", r"actually", r"went", r"well", r"fine", r"badly", r"not",
        r"yet", r"later", r"tomorrow", r"maybe", r"sure", r"of course", r"it went",
    ]
)  # fmt: skip
_WORD_RE = re.compile(r"[^\W\d_]{3,}")
_CONTENT_WORDS_FOR_AN_ASK = 2


def parse_which(text: str, language: str = SOURCE_LANGUAGE) -> Which | None:
    """A typed pick between the open idea and something else; None if it isn't one."""
    folded = fold(text, language).text.strip(" .!?,")
    if not folded or len(folded.split()) > _PICK_MAX_WORDS:
        return None
    picks = _PICKS.get(language, {})
    for which in (Which.OTHER, Which.THIS):  # "not this one" / "другое" before "this"
        for table in (picks, _PICKS["en"]):
            pattern = table.get(which)
            if pattern is not None and pattern.fullmatch(folded):
                return which
    return None


def describes_an_ask(text: str, language: str = SOURCE_LANGUAGE) -> bool:
    """True when the text says what was asked (content beyond answer words); never for a
    "not yet" ("haven't had the chance")."""
    if parse_not_yet(text, language) is not None:
        return False
    folded = fold(text, language).text
    chars = list(folded)
    for hit in outcome_hits(folded):
        chars[hit.start : hit.end] = " " * (hit.end - hit.start)
    rest = _LITTLE_WORDS.sub(" ", "".join(chars))
    return len(_WORD_RE.findall(rest)) >= _CONTENT_WORDS_FOR_AN_ASK
