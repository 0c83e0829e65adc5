"""Harsh self-talk and tiredness in what a person writes: the gentler care signals.

Self-criticism in a reflection earns one kind reframe; tiredness earns a rest offer (the
"vulnerability hangover"). Both lean to recall, since a false flag costs one kind sentence.
Crisis language is a different job with its own package (``bot.domain.crisis``). Matching
is the shared engine in ``bot.domain.phrases`` over the shared normaliser's chat tokens.
Self-criticism is read in the person's language *and* English (people mix them); Spanish
("soy un fracasado", "qué idiota soy", "siempre la cago") and Russian ("я такой
неудачник", "вечно всё порчу", "ненавижу себя") have their own rules below, written over
chat tokens (no accents, "ё" -> "е", "й" -> "и", doubled letters squashed). Exhaustion is
English only for now.

Decisions the tests pin: "I felt stupid for a second but it passed" is *not* self-criticism
(the feeling is named and let go), "I felt so stupid" is; "I hate myself" is self-criticism,
not a crisis on its own; "tired of waiting in line" is not exhaustion, "tired of being
rejected" is; "not tired" is not.
"""

from __future__ import annotations

import re

from bot.domain.normalise import chat_tokens
from bot.domain.phrases import Context, PhraseRule, compile_suffix, compile_tokens, first_match

__all__ = [
    "EXHAUSTION_RULES",
    "SELF_CRITICISM_RULES",
    "detect_exhaustion",
    "detect_rumination",
    "detect_self_criticism",
]


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


def _rule(
    name: str,
    source: str,
    *,
    cancel_near: re.Pattern[str] | None = None,
    negation: re.Pattern[str] = _NEGATION,
    intensifier: re.Pattern[str] | None = _INTENSIFYING_NEVER,
) -> PhraseRule:
    return PhraseRule(name, compile_tokens(source), Context(negation, intensifier, cancel_near))


def _any_match(rules: tuple[PhraseRule, ...], text: str, language: str = "en") -> bool:
    normalised = chat_tokens(text, language)
    return any(first_match(rule, normalised) is not None for rule in rules)


# ---------------------------------------------------------------------------------------------
# Self-criticism
# ---------------------------------------------------------------------------------------------

#: Harsh labels a person puts on themselves.
_LABEL = (
    r"(?:idiot|idiotic|stupid|dumb|moron|moronic|imbecile|loser|failure|fail|pathetic|"
    r"useless|worthless|hopeless|incompetent|joke|disgrace|disappointment|embarrassment|mess|"
    r"wreck|coward|cowardly|chicken|wimp|spineless|weak|weirdo|freak|clown|fool|ridiculous|unlovable|"
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
    # "what an idiot I am", "so stupid of me", "how pathetic of me".
    _rule(
        "what_a_label",
        rf"what {_INTENSIFIERS}{_LABEL} (?:i am|i was)|(?:so|how|that was|really) {_LABEL} of me",
    ),
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


# Spanish: "soy un fracasado", "me sentí tan tonta", "qué idiota soy", "siempre la cago".
_ES_NEGATION = compile_suffix(
    r"(?:no|nunca|jamas|tampoco)(?: (?:soy|fui|era|me|tan|creo que)){0,2}"
)
_ES_LABEL = (
    r"(?:idiota|estupid[oa]|tont[oa]|imbecil|fracasad[oa]|(?:un )?fracaso|inutil|patetic[oa]|"
    r"ridicul[oa]|cobarde|(?:un )?desastre|(?:un )?caso perdido|lo peor|basura|torpe|"
    r"(?:una )?verguenza|payaso|pringad[oa]|perdedora?|incapaz|penos[oa]|lamentable|debil|"
    r"gilipollas|pendej[oa]|bob[oa]|mens[oa]|(?:un )?cero a la izquierda|bich[oa] rar[oa])"
)
_ES_INTENSIFIERS = (
    r"(?:(?:tan|muy|un|una|tremend[oa]|complet[oa]|total|realmente|de verdad|siempre|otra vez|"
    r"el mas|la mas|lo mas|super|re|bien|tod[oa]|un poco|como|el|la|lo) )*"
)
_ES_PASSING = compile_tokens(
    r"por un (?:momento|segundo|rato)|al principio|se me paso|se paso|luego me rei|"
    r"(?:pero|luego) (?:bien|ya esta|nada)"
)


def _es(name: str, source: str, *, cancel_near: re.Pattern[str] | None = None) -> PhraseRule:
    return _rule(name, source, cancel_near=cancel_near, negation=_ES_NEGATION, intensifier=None)


SPANISH_SELF_CRITICISM_RULES: tuple[PhraseRule, ...] = (
    _es("soy_label", rf"(?:soy|fui|yo era|estoy hech[oa]) {_ES_INTENSIFIERS}{_ES_LABEL}"),
    _es(
        "me_senti_label",
        rf"(?:me siento|me senti|me sentia|parezco|parecia|quede como|me vi como|me veo como) "
        rf"{_ES_INTENSIFIERS}{_ES_LABEL}",
        cancel_near=_ES_PASSING,
    ),
    _es("que_label_soy", rf"que {_ES_INTENSIFIERS}{_ES_LABEL} (?:soy|fui|que soy)"),
    _es(
        "siempre_la_cago",
        r"(?:siempre|otra vez|de nuevo|como siempre|para variar) (?:la cago|la cague|lo estropeo|"
        r"lo estropee|lo arruino|lo arruine|meto la pata|meti la pata|la fastidio|la fastidie|"
        r"lo hago mal|lo hice mal|me bloqueo|me bloquee|me trabo|me trabe|"
        r"me (?:quedo|quede) en blanco)|"
        r"lo (?:arruino|estropeo|arruine|estropee) todo|hice el (?:ridiculo|tonto|payaso)",
    ),
    _es(
        "no_hago_nada_bien",
        r"(?:no|nunca) (?:hago|puedo hacer|hice) nada bien|no sirvo para nada|no valgo (?:nada|"
        r"para nada)|nunca (?:sere|voy a ser) (?:normal|suficiente|capaz|valiente)|"
        r"no soy (?:lo )?(?:suficientemente|bastante) (?:buen[oa]|valiente|capaz)",
    ),
    _es(
        "que_me_pasa",
        r"que (?:demonios |diablos |narices |carajo )?(?:me pasa|pasa conmigo|esta mal conmigo)|"
        r"por que soy (?:asi|tan \w+)|por que no puedo (?:ser normal|hacer esto|hablar|pedir)",
    ),
    _es(
        "me_odio",
        r"me odio|me doy (?:asco|verguenza|pena|rabia)|odio como soy|"
        r"(?:decepcionad[oa]|avergonzad[oa]) (?:de|conmigo) (?:mi )?mism[oa]|"
        r"me averguenzo de mi",
    ),
)

# Russian: "я такой неудачник", "чувствую себя идиоткой", "вечно всё порчу", "ненавижу себя".
_RU_NEGATION = compile_suffix(
    r"(?:не|ни|никогда не|вовсе не|совсем не)"
    r"(?: (?:такои|такая|уж|совсем|думаю что|считаю что)){0,2}"
)
_RU_LABEL = (
    r"(?:идиот\w*|дурак\w*|дура|дурои|дурочк\w*|тупица|тупои|тупая|неудачни\w*|лузер\w*|"
    r"ничтожеств\w*|ничтожн\w*|бестолоч\w*|бесполезн\w*|никчемн\w*|жалк(?:ии|ая|им|ои)|"
    r"позорищ\w*|посмешищ\w*|трус|трусом|трусиха|трусихои|тряпк\w*|слабак\w*|слабачк\w*|"
    r"урод\w*|клоун\w*|размазн\w*|кретин\w*|дебил\w*|лох|лохом|лошар\w*|неумех\w*|"
    r"растяп\w*|(?:полныи |полным )?(?:ноль|нулем)|пустое место|пустым местом|"
    r"ходяч\w* катастроф\w*|разочаровани\w*)"
)
_RU_INTENSIFIERS = (
    r"(?:(?:такои|такая|такое|полныи|полная|полным|полнои|полнеишии|полнеишая|просто|совсем|"
    r"настоящии|настоящая|круглыи|круглая|самыи|самая|последнии|последняя|вообще|опять|снова|"
    r"редкостныи|редкостная|же|ну|и|как|какои то|какая то|тот еще|та еще) )*"
)
_RU_PASSING = compile_tokens(
    r"на (?:секунду|минуту|мгновение|миг)|сначала|поначалу|прошло|отпустило|потом посмеял\w*"
)


def _ru(name: str, source: str, *, cancel_near: re.Pattern[str] | None = None) -> PhraseRule:
    return _rule(name, source, cancel_near=cancel_near, negation=_RU_NEGATION, intensifier=None)


RUSSIAN_SELF_CRITICISM_RULES: tuple[PhraseRule, ...] = (
    _ru("ya_label", rf"я {_RU_INTENSIFIERS}{_RU_LABEL}"),
    _ru(
        "chuvstvuyu_sebya_label",
        rf"(?:чувствую себя|почувствовал\w* себя|чувствовал\w* себя|выгляжу|выглядел\w*|"
        rf"выставил\w* себя|показал\w* себя) {_RU_INTENSIFIERS}{_RU_LABEL}",
        cancel_near=_RU_PASSING,
    ),
    _ru(
        "vechno_vse_portchu",
        r"(?:вечно|всегда|опять|снова|как всегда|как обычно) (?:все )?(?:порчу|испортил\w*|"
        r"облажал\w*|лажаю|косячу|накосячил\w*|туплю|затупил\w*|сплоховал\w*|запорол\w*|"
        r"проваливаю|провалил\w*|мямлю|замираю|теряюсь)|я все (?:порчу|испортил\w*)|"
        r"опозорил(?:ся|ась)",
    ),
    _ru(
        "nichego_ne_mogu",
        r"ничего не могу (?:сделать )?(?:нормально|как надо|правильно)|"
        r"(?:никогда )?ничего (?:у меня )?не получается|у меня (?:никогда )?ничего не получается|"
        r"никогда не (?:буду|стану) (?:нормальн\w*|уверенн\w*|смел\w*)|"
        r"ни на что не (?:способ\w*|годен|годна|гожусь)|я ничего не стою|"
        r"я недостаточно (?:хорош\w*|смел\w*)",
    ),
    _ru(
        "chto_so_mnoi_ne_tak",
        r"что со мнои не так|что не так со мнои|со мнои что то не так|"
        r"почему я (?:такои|такая|всегда|вечно|не могу (?:просто |нормально )?\w+)",
    ),
    _ru(
        "nenavizhu_sebya",
        r"(?:я )?(?:себя ненавижу|ненавижу себя|презираю себя)|стыдно за себя|"
        r"я себе (?:противен|противна|отвратителен|отвратительна)|разочарован\w* в себе",
    ),
)

_SELF_CRITICISM_BY_LANGUAGE: dict[str, tuple[PhraseRule, ...]] = {
    "en": SELF_CRITICISM_RULES,
    "es": SPANISH_SELF_CRITICISM_RULES,
    "ru": RUSSIAN_SELF_CRITICISM_RULES,
}


def detect_self_criticism(text: str, language: str = "en") -> bool:
    """Whether a reflection contains harsh self-talk worth one kind reframe, read in the
    person's language and in English."""
    return any(
        _any_match(_SELF_CRITICISM_BY_LANGUAGE[code], text, code)
        for code in dict.fromkeys((language, "en"))
        if code in _SELF_CRITICISM_BY_LANGUAGE
    )


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


# ---------------------------------------------------------------------------------------------
# Rumination: a long unhappy message that answers nothing
# ---------------------------------------------------------------------------------------------

#: How long a message must be (in words) before it reads as going over and over something.
RUMINATION_MIN_WORDS = 30

#: Unhappy words over chat tokens (en, es, ru); one is enough in a message that long.
_UNHAPPY = re.compile(  # written over chat tokens: doubled letters squashed, "can't" -> "can not"
    r"\b(?:"
    r"kep (?:thinking|replaying|going over)|can ?not stop|replay\w*|overthink\w*|"
    r"embaras\w*|ashamed|humiliat\w*|awful|terib\w*|horib\w*|stupid|cringe\w*|"
    r"anxious|anxiety|wor(?:y|ied|ying)|scared|afraid|nervous|upset|sad|miserable|hurt\w*|"
    r"why (?:did|do|can ?not) i|what if|hate|regret\w*|"
    r"verguenza|avergonzad\w*|ansiedad|ansios\w*|nervios\w*|miedo|triste|"
    r"no dejo de|no puedo dejar|vueltas|por que (?:lo hice|hice|soy)|"
    r"стыдн\w*|стыд|тревож\w*|страшн\w*|боюсь|грустн\w*|ужасн\w*|обидн\w*|"
    r"не могу перестать|прокручива\w*|кручу|зачем я|почему я"
    r")(?!\w)"
)


def detect_rumination(text: str) -> bool:
    """Whether a message is long and unhappy: someone going over something that stung,
    who needs to be heard before being offered anything."""
    tokens = chat_tokens(text)
    return len(tokens.split()) >= RUMINATION_MIN_WORDS and _UNHAPPY.search(tokens) is not None
