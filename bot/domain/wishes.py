"""A plain wish for more practice ("keep them coming", "send me more") or for a break
("pause for 2 days"), in any language.

Read on the shared folded text (bot.domain.normalise.fold), which turns the common words of
every language into the English the parsers read, so each language adds only what the
folding leaves as it was. A wish said with a negation ("don't send more", "no more") is not
a wish; "don't stop" is.
"""

from __future__ import annotations

import re

from bot.domain.normalise import fold
from bot.domain.words import SOURCE_LANGUAGE

_WISH = {
    "en": (
        r"\bkeep (?:them|it|those|the (?:nudges|ideas|challenges)) coming\b",
        r"\b(?:send|give) (?:me )?(?:more|another|extra)\b",
        r"\bi (?:want|would like|d like) (?:more|to keep going)\b",
        r"\bkeep (?:nudging|sending|going)(?: me)?\b",
        r"\bmore (?:nudges|ideas|challenges|asks|please)\b",
        r"\b(?:don ?t|do not) (?:stop|hold (?:them )?back|pause)\b",
    ),
    "es": (
        r"\bsig(?:ue|an) (?:mand[aá]ndo|envi[aá]ndo)",
        r"\b(?:m[aá]s|otros?|otras?) (?:retos?|ideas?|desaf[ií]os?|recordatorios)\b",
        r"\b(?:m[aá]nda|env[ií]a|d[aá])me m[aá]s\b",
        r"\b(?:quiero|i want to) m[aá]s\b",
        r"\b(?:no|not) (?:pares|te detengas)\b",
    ),
    "ru": (
        r"(?:ещ[её]|больше) (?:заданий|идей|напоминаний|задач|челленджей)",
        r"(?:присылай(?:те)?|шли|давай(?:те)?|хочу|i want to) (?:ещ[её]|больше)",
        r"(?:не|not) (?:останавливайся|останавливайтесь|прекращай)",
    ),
}
_NEGATED = re.compile(
    r"\b(?:no more|not|don ?t|do not|stop|less|fewer|enough|too many)\b|"
    r"(?:^|\s)(?:не|хватит|меньше|нет)\s|\b(?:menos|basta|ya no)\b"
)
_UNNEGATED = re.compile(
    r"\b(?:don ?t|do not|not|no) (?:stop|hold|pause|pares|te detengas|останавлива|прекращ)"
    r"|(?:не|not) (?:останавлива|прекраща)"
)
_PATTERNS = {language: re.compile("|".join(rules)) for language, rules in _WISH.items()}


def wants_more(text: str, language: str = SOURCE_LANGUAGE) -> bool:
    """Whether `text` asks for more practice (nudges, ideas) than the weekly pace gives."""
    if len(text) > 200:
        return False
    folded = fold(text, language).text.replace("'", " ").replace("’", " ")
    english = _PATTERNS["en"]
    own = _PATTERNS.get(language)
    if not (english.search(folded) or (own is not None and own.search(folded))):
        return False
    return not _NEGATED.search(_UNNEGATED.sub(" ", folded))


#: "pause for 2 days", "can you pause the nudges till Monday", "pausa 3 días", "пауза на
#: неделю": a request that starts with the wish (so "I paused before asking" is not one).
_PAUSE_WISH = re.compile(
    r"^(?:(?:please|pls|can you|could you|would you|por favor|puedes|пожалуйста|можешь)\s+)?"
    r"(?:pause|take a break|break from|hold (?:the )?nudges|no nudges|stop (?:the )?nudges|"
    r"paus(?:a|ar|ame)|haz una pausa|пауз|постав\w* на паузу|перерыв)"
)


def wants_a_pause(text: str, language: str = SOURCE_LANGUAGE) -> bool:
    """Whether `text` asks, in a few words, for a break from nudges."""
    if len(text) > 80:
        return False
    return _PAUSE_WISH.search(fold(text, language).text.strip()) is not None
