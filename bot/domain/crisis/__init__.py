"""Crisis language: recognised by the structure of what people say, however it is typed.

DESIGN.md rule 4: crisis language is answered with support and helplines, never with a
challenge. This package decides *whether* a message gets that reply; the reply and the
helplines are in ``prompts.yaml`` and :mod:`bot.domain.crisis.helplines`. Everything is pure
and local: no network, no logging, no hosted model.

Why structure and not a list of examples
----------------------------------------
A keyword list passes its own tests and misses the phrasing nobody wrote down, and the
phrasings that matter most often name a *means* or a *place* rather than "kill myself". So
the rules describe the shapes risk takes in speech (from the warning signs crisis lines
train volunteers on: talk of wanting to die, of a method, of a plan, of being a burden,
of saying goodbye, of searching for a way), and the shape is what matches:

``explicit_intent``
    Saying it: "kill myself", "suicidal", "end my life", "want to die", chat shorthands
    ("kms") and algospeak ("unalive"). Strong whatever the tone: people wrap real distress
    in a joke, and a false alarm costs one gentle check-in while a miss costs far more.
``passive_ideation``
    Wishing not to be alive without a stated act: "hope I don't wake up", "wish a car would
    hit me", "no reason to live", "can't go on like this". Passive ideation is a risk signal
    in its own right.
``means``
    A method or place *plus* self-directed intent or planning, in either order, within a
    few words: pills, medication, rope, gun, blade, razor, heights, bridges, roofs, train
    tracks, traffic, water, overdose, "how many ... would it take". A means alone is
    ordinary ("took my vitamins", "crossed the bridge to the bakery"); stockpiling pills
    is a means on its own.
``plans``
    A time or a decision beside a final act: "tonight I end it", "I've decided",
    "picked the date", "once everyone is asleep I'll do it". "Tonight I'll ask my
    neighbour" has a time but no final act.
``preparations``
    Farewells and putting affairs in order: letters for afterwards, giving belongings or
    pets away, "this is my last message", saying goodbyes "before I go".
``burden``
    Perceived burdensomeness ("better off without me", "they'd be relieved if I died"),
    one of the strongest predictors in the interpersonal theory of suicide. "I feel like a
    burden when I ask" is the social anxiety this bot exists for and is not matched.
``self_harm``
    Cutting, burning, scratching, hitting or punching oneself, past or present, and
    "self harm" itself; accidents ("cut myself shaving") are not.
``research``
    Looking up a way: research verbs beside painless, lethal, methods, doses, "how high".
    "Googled how to ask someone out" is not.

How a message is read
---------------------
1. ``normalise.chat_tokens`` (the shared normaliser) folds case, accents, apostrophes,
   leetspeak, repeated letters ("dieeee"), text speak from per-language data
   (``words/chat.yaml``: "wanna", "rn", "2nite"), emoticons and spelled-out letters.
2. Each language's vocabulary (``english.py``, ``spanish.py``, ``russian.py``; shape in
   ``vocabulary.py``) lists, per category, *phrases* (one pattern) and *combinations*
   (every part within a window). A person is read in their own language *and* English,
   and the strongest signal wins (``detect_crisis``).
3. Context cancels: a negation right before ("I'm not suicidal", "I don't want to die");
   for *weak* phrases (common hyperbole: "I'd rather die", "kill me now", "jump off a
   cliff") and for combinations, a humour or figurative marker nearby ("lol", "😂",
   "embarrassment", "felt like"). A weak signal is still answered, more lightly (the
   reply allows "if you meant that lightly").
4. Only if no rule matched: a small learned model (``learned.py``, hashed n-grams, weights
   shipped as ``model_en.json.gz``) catches English paraphrases the rules were never written
   for. Its signal is always weak, and it stays silent where the rules' own context made a
   message ordinary (a negation or humour marker cancelled a rule, or humour is anywhere in
   the message): it adds recall, never overrules. Blind figures: ``HELDOUT_LOG.md`` (run 4).

The corpus that checks all of this is in ``tests/domain/crisis_corpus/`` with a held-out part
never tuned on; ``tests/domain/test_crisis_corpus.py`` reports recall per category.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.domain.crisis.detector import (
    CompiledVocabulary,
    CrisisSignal,
    compile_vocabulary,
    context_cancelled,
    detect_with,
)
from bot.domain.crisis.english import ENGLISH
from bot.domain.crisis.learned import RULE as LEARNED_RULE
from bot.domain.crisis.learned import english_model
from bot.domain.crisis.learned import flags as learned_flags
from bot.domain.crisis.russian import RUSSIAN
from bot.domain.crisis.spanish import SPANISH
from bot.domain.crisis.vocabulary import Category, Vocabulary

__all__ = ["VOCABULARIES", "Category", "CrisisSignal", "detect_crisis"]

VOCABULARIES: dict[str, Vocabulary] = {"en": ENGLISH, "es": SPANISH, "ru": RUSSIAN}
"""Crisis vocabulary per language code: a new language is one file and one line here."""

english_model()  # read the learned model's weights now, not on someone's first message


@lru_cache(maxsize=8)
def _compiled(language: str) -> CompiledVocabulary:
    return compile_vocabulary(VOCABULARIES[language])


_CYRILLIC = re.compile("[\u0400-\u04ff]")


def _scripted_languages(text: str) -> tuple[str, ...]:
    """Languages whose script alone shows the text is in them."""
    return ("ru",) if _CYRILLIC.search(text) else ()


def detect_crisis(text: str, language: str = "en") -> CrisisSignal | None:
    """A signal if *text* speaks of suicide or self-harm, else ``None``.

    The person's own language and English are read (people switch languages most when
    upset, and mix them: "me siento fatal, i want to die"), and Russian whenever the text
    is written in Cyrillic, whatever the person's setting (the script tells us; Spanish
    rules are not run over every English line, where stems such as "suicid" would misfire).
    The *strongest* signal wins:
    a strong one in either language beats a weak one in the other, so a Spanish hyperbole
    cannot hide a sincere English sentence in the same message. Between equals, the
    person's own language names the signal.
    When no rule matches at all, the learned English model (:mod:`bot.domain.crisis.learned`)
    may still read the message as crisis language: that signal is always *weak* (the light
    check-in, never the full crisis reply).
    """
    weak: CrisisSignal | None = None
    for code in dict.fromkeys((language, "en", *_scripted_languages(text))):
        if code in VOCABULARIES:
            signal = detect_with(_compiled(code), text)
            if signal is not None and not signal.weak:
                return signal
            weak = weak or signal
    if weak is not None:
        return weak
    if learned_flags(text) and not context_cancelled(_compiled("en"), text):
        return CrisisSignal(Category.PASSIVE_IDEATION, LEARNED_RULE, weak=True, phrase=text)
    return None
