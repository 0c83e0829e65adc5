"""Short replies: yes / no to "did you ask?", and the control words skip, cancel and undo."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from bot.domain.answers.outcomes import outcome_hits
from bot.domain.answers.types import Control, NotYet, Outcome
from bot.domain.normalise import fold, phrase_re
from bot.domain.words import SOURCE_LANGUAGE

_HEDGE_RE = phrase_re(
    [
        r"sort of",
        r"sorta",
        r"kind of",
        r"kinda",
        r"maybe",
        r"not sure",
        r"unsure",
        r"dunno",
        r"idk",
        r"i don'?t know",
        r"don'?t know",
        r"partly",
        r"partially",
        r"half",
        r"not exactly",
        r"i guess",
        r"ish",
        r"depends",
        r"it depends",
    ]
)
# Checked before outcome phrases, so "not yet" is a no rather than "no answer yet".
_YN_FIRST_NO_RE = phrase_re(
    [
        r"not yet",
        r"not this time",
        r"not today",
        r"not really",
        r"of course not",
        r"absolutely not",
        r"definitely not",
        r"certainly not",
        r"hell no",
        r"not now",
        r"another time",
        r"some other time",
        r"later",
        r"tomorrow",
        r"next time",
        r"next week",
    ]
)
_YN_NO_RE = phrase_re(
    [
        r"did ?n'?t",
        r"did not",
        r"have ?n'?t",
        r"have not",
        r"has ?n'?t",
        r"has not",
        r"could ?n'?t",
        r"could not",
        r"can'?t",
        r"was ?n'?t able",
        r"wasn'?t",
        r"never",
        r"no+",
        r"nope+",
        r"nah+",
        r"nay",
        r"not",
        r"negative",
        r"no way",
    ]
)
_YN_YES_RE = phrase_re(
    [
        r"ye+s+",
        r"yeah+",
        r"yea",
        r"yep+",
        r"yup+",
        r"ya",
        r"yah",
        r"yas+",
        r"sure",
        r"of course",
        r"absolutely",
        r"definitely",
        r"certainly",
        r"totally",
        r"indeed",
        r"affirmative",
        r"i did",
        r"did it",
        r"did",
        r"done",
        r"asked",
        r"i asked",
        r"went for it",
        r"made it",
        r"tried",
        r"i tried",
    ]
)
_YN_YES_EMOJI = frozenset("👍✅✔☑👌")
_YN_NO_EMOJI = frozenset("👎❌✖🚫🙅⛔")


def _mask(text: str, spans: Iterable[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def parse_yes_no(text: str, language: str = SOURCE_LANGUAGE) -> bool | None:
    """Did it happen? ``True``/``False``, or ``None`` if unclear or both."""
    folded = fold(text, language).text
    stripped = folded.strip(" \n.!?,")
    if stripped in ("y", "n"):
        return stripped == "y"
    if _HEDGE_RE.search(folded):
        return None
    first_no = list(_YN_FIRST_NO_RE.finditer(folded))
    folded = _mask(folded, (m.span() for m in first_no))
    # Any report of what the other person did means the ask happened.
    hits = [h for h in outcome_hits(folded) if h.strong]
    folded = _mask(folded, ((h.start, h.end) for h in hits))
    said_no = bool(first_no) or any(h.outcome is Outcome.DIDNT_ASK for h in hits)
    said_yes = any(h.outcome is not Outcome.DIDNT_ASK for h in hits)
    no_words = list(_YN_NO_RE.finditer(folded))
    folded = _mask(folded, (m.span() for m in no_words))
    said_no = said_no or bool(no_words) or any(ch in _YN_NO_EMOJI for ch in folded)
    said_yes = (
        said_yes
        or _YN_YES_RE.search(folded) is not None
        or any(ch in _YN_YES_EMOJI for ch in folded)
    )
    if said_yes == said_no:
        return None
    return said_yes


# "Did you ask?" answered with "not yet": the ask is still ahead, not skipped. Read only
# when the line says nothing of the other person's reply (the caller checks that too).
_NOT_YET_RE = phrase_re(
    [
        r"not yet",
        r"not (?:asked|done|tried) (?:it |them )?yet",
        r"(?:have|has) ?n'?t (?:asked|done|tried|gone|been)(?: (?:it|them|there))? yet",
        r"(?:have|has) ?n'?t (?:had|got|gotten) (?:the |a )?(?:chance|time|opportunity|moment)",
        r"not had (?:the |a )?(?:chance|time|opportunity)",
        r"did ?n'?t (?:get|have) (?:the |a )?(?:chance|time|opportunity)",
        r"(?:have|has) ?n'?t got(?:ten)? (?:round|around) to it",
        r"no (?:chance|time) yet",
        r"(?:maybe |probably )?later(?: today| on)?",
        r"(?:maybe |probably )?tomorrow",
        r"still (?:planning|working on it|on it|going to)",
        r"(?:i'?ll|i will|going to|gonna) (?:do|try|ask) (?:it |them )?(?:later|tomorrow|soon)",
        r"soon",
        r"working on it",
    ]
)
# Words that make "not yet" something else: a reply already given, or a decision not to.
_NOT_YET_BLOCKERS = phrase_re([r"said", r"replied", r"answered", r"never", r"not this time"])


_TOMORROW_RE = phrase_re([r"tomorrow"])


def parse_not_yet(text: str, language: str = SOURCE_LANGUAGE) -> NotYet | None:
    """Not None when "did you ask?" is answered "not yet" ("later", "tomorrow", "haven't had the
    chance"): the ask is still planned. A report of the other person's answer ("they said
    maybe later") or a clear "not this time" is not a "not yet"."""
    folded = fold(text, language).text
    found = list(_NOT_YET_RE.finditer(folded))
    if not found or _NOT_YET_BLOCKERS.search(folded):
        return None
    rest = _mask(folded, (m.span() for m in found))
    if any(h.strong for h in outcome_hits(rest)) or _YN_YES_RE.search(rest) is not None:
        return None
    return NotYet.TOMORROW if _TOMORROW_RE.search(folded) else NotYet.LATER


_CONTROL_PHRASES: dict[str, Control] = {
    **dict.fromkeys(
        (
            "skip", "pass", "next", "skip it", "skip this", "skip this one", "skip that",
            "skip question", "skip this question", "next question", "rather not say",
            "i'd rather not say", "id rather not say", "i would rather not say", "rather not",
            "i'd rather not", "prefer not to say", "i prefer not to say", "no comment",
            "i'll pass", "ill pass", "i pass", "⏭",
        ),
        Control.SKIP,
    ),
    **dict.fromkeys(
        (
            "cancel", "stop", "never mind", "nevermind", "nvm", "quit", "exit", "abort",
            "forget it", "forget about it", "cancel that", "cancel this", "stop this",
        ),
        Control.CANCEL,
    ),
    **dict.fromkeys(
        (
            "undo", "oops", "go back", "back", "undo that", "wrong button", "oops go back",
            "oops undo", "oops wrong button", "i pressed the wrong button", "take that back",
            "previous", "previous question", "↩",
        ),
        Control.UNDO,


    ),
}  # fmt: skip
_CONTROL_LEADING = (
    "please", "pls", "plz", "ok", "okay", "oh", "ah", "um", "uh", "hmm", "ugh", "just", "no",
    "actually", "sorry", "wait", "let's", "lets", "can we", "can i", "could we", "i want to",
    "i wanna", "i'd like to", "id like to", "i will", "i'll",
)  # fmt: skip
_CONTROL_TRAILING = (
    "please", "pls", "plz", "thanks", "thank you", "thx", "for now", "now", "then", "lol",
    "it", "this", "that", "this one",
)  # fmt: skip
_CONTROL_MAX_CHARS = 60
_CONTROL_STRIP_RE = re.compile(r"[^\w\s'⏭↩]+")
_BOT_SUFFIX_RE = re.compile(r"@\w+$")


def _strip_words(text: str, words: Sequence[str], *, leading: bool) -> str | None:
    for word in words:
        if leading and text.startswith(word + " "):
            return text[len(word) + 1 :]
        if not leading and text.endswith(" " + word):
            return text[: -len(word) - 1]
    return None


def parse_control(text: str, language: str = SOURCE_LANGUAGE) -> Control | None:
    """Skip / cancel / undo, only when that is the whole message (fillers aside)."""
    if len(text) > _CONTROL_MAX_CHARS * 4:
        return None
    folded = fold(text, language).text.strip()
    folded = _BOT_SUFFIX_RE.sub("", folded.lstrip("/"))
    folded = " ".join(_CONTROL_STRIP_RE.sub(" ", folded).split())
    if len(folded) > _CONTROL_MAX_CHARS:
        return None
    for _ in range(8):  # a few fillers at most: "ok just skip it please"
        if folded in _CONTROL_PHRASES:
            return _CONTROL_PHRASES[folded]
        shorter = _strip_words(folded, _CONTROL_LEADING, leading=True)
        if shorter is None:
            shorter = _strip_words(folded, _CONTROL_TRAILING, leading=False)
        if shorter is None:
            return None
        folded = shorter.strip()
    return None
