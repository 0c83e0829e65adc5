"""Russian answers, understood everywhere English ones are: one table per parser, each at
least as long as that parser's English tables (tests/domain/test_answers.py,
test_timezones.py, test_parse_quiet_hours.py, test_choices.py). The words are data
(bot/domain/words/ru.yaml); these tables are what tells you a rewrite broke something."""

from __future__ import annotations

import time as clock
from datetime import time

import pytest

from bot.domain.answers import (
    Control,
    Outcome,
    QuickLog,
    parse_anxiety,
    parse_control,
    parse_no_chance,
    parse_outcome,
    parse_quick_log,
    parse_yes_no,
)
from bot.domain.answers.choices import (
    parse_idea_request,
    parse_level,
    parse_pace,
    parse_weekdays,
    parse_weekly_limit,
)
from bot.domain.answers.pauses import parse_pause_days
from bot.domain.schedule import Pace
from bot.domain.timezones import parse_nudge_time, parse_quiet_hours, resolve_timezone

RU = "ru"

# ─────────────────────────────────────────────────────────────────────────────
# Scales: anxiety 0..10 and the chance of a no 0..100 %
# ─────────────────────────────────────────────────────────────────────────────

ANXIETY = [
    ("7", 7.0),
    ("семь", 7.0),
    ("Семь!", 7.0),
    ("на семь", 7.0),
    ("где-то на семь", 7.0),
    ("семёрка", 7.0),
    ("семерка", 7.0),
    ("на семёрочку", 7.0),
    ("примерно 8", 8.0),
    ("около восьми", 8.0),
    ("восьмёрка", 8.0),
    ("десять", 10.0),
    ("десятка", 10.0),
    ("на все десять", 10.0),
    ("ноль", 0.0),
    ("нуль", 0.0),
    ("на нуле", 0.0),
    ("пять", 5.0),
    ("пятёрка", 5.0),
    ("три", 3.0),
    ("тройка", 3.0),
    ("два", 2.0),
    ("двойка", 2.0),
    ("один", 1.0),
    ("единица", 1.0),
    ("четыре", 4.0),
    ("шесть", 6.0),
    ("девять", 9.0),
    ("девятка", 9.0),
    ("7 из 10", 7.0),
    ("семь из десяти", 7.0),
    ("4 из 5", 8.0),
    ("7/10", 7.0),
    ("70 %", 7.0),
    ("70%", 7.0),
    ("70 процентов", 7.0),
    ("семьдесят процентов", 7.0),
    ("процентов семьдесят", 7.0),
    ("шесть с половиной", 6.5),
    ("6,5", 6.5),
    ("6.5", 6.5),
    ("нисколько", 0.0),
    ("совсем нет", 0.0),
    ("вообще нет", 0.0),
    ("ни капли", 0.0),
    ("ничего", 0.0),
    ("максимум", 10.0),
    ("на максимум", 10.0),
    ("зашкаливало", 10.0),
    ("2 человека, 8/10", 8.0),
    ("двое людей, 8", 8.0),
    ("в 5 вечера было 7", 7.0),
    ("было 10:30, и я был на 8", 8.0),
    ("наверное 3", 3.0),
    ("ну, 7... да, 7", 7.0),
    ("7️⃣", 7.0),
    ("где-то 7 или около того", 7.0),
]

ANXIETY_RANGES = [
    ("где-то 6-7", 6.5),
    ("6-7", 6.5),
    ("6 или 7", 6.5),
    ("шесть или семь", 6.5),
    ("между 6 и 7", 6.5),
    ("между шестью и семью", 6.5),
    ("6–7", 6.5),
    ("6 или 8", 7.0),
    ("от 6 до 7", 6.5),
    ("5 или 6", 5.5),
    ("где-то 8-9", 8.5),
    ("7 либо 8", 7.5),
]

ANXIETY_HALF_STEPS = [
    ("6,3", 6.5),
    ("6,2", 6.0),
    ("6,75", 7.0),
    ("6.25", 6.5),
    ("семь с половиной", 7.5),
    ("полтора", 1.5),
    ("65 процентов", 6.5),
    ("63 %", 6.5),
    ("2,5", 2.5),
]

CHANCE_OF_NO = [
    ("70", 70.0),
    ("70 %", 70.0),
    ("70 процентов", 70.0),
    ("семьдесят процентов", 70.0),
    ("процентов семьдесят", 70.0),
    ("процентов 70", 70.0),
    ("7 из 10", 70.0),
    ("семь из десяти", 70.0),
    ("0.7", 70.0),
    ("60-70%", 65.0),
    ("где-то 60-70 %", 65.0),
    ("50 на 50", 50.0),
    ("пятьдесят на пятьдесят", 50.0),
    ("фифти-фифти", 50.0),
    ("как повезёт", 50.0),
    ("точно", 100.0),
    ("наверняка", 100.0),
    ("сто процентов", 100.0),
    ("почти наверняка", 90.0),
    ("почти точно", 90.0),
    ("очень вероятно", 85.0),
    ("скорее всего", 80.0),
    ("вероятно", 70.0),
    ("наверное", 70.0),
    ("скорее да", 80.0),
    ("вряд ли", 30.0),
    ("маловероятно", 30.0),
    ("скорее нет", 30.0),
    ("скорее всего нет", 30.0),
    ("почти невозможно", 10.0),
    ("невозможно", 0.0),
    ("нисколько", 0.0),
    ("сто", 100.0),
    ("девяносто", 90.0),
    ("восемьдесят пять", 85.0),
]

SCALE_UNSURE = [
    ("не знаю", 0, 10),
    ("понятия не имею", 0, 100),
    ("без понятия", 0, 100),
    ("хз", 0, 100),
    ("не уверен", 0, 100),
    ("не уверена", 0, 10),
    ("сложно сказать", 0, 100),
    ("кто знает", 0, 100),
    ("11", 0, 10),
    ("одиннадцать", 0, 10),
    ("150 %", 0, 100),
    ("11 из 10", 0, 10),
    ("7 и 3", 0, 100),
    ("7 до 3", 0, 10),
    ("3 часа", 0, 10),
    ("в 7:30", 0, 10),
    ("12.05.2024", 0, 10),
    ("20 человек", 0, 10),
    ("5 минут", 0, 10),
    ("3 дня", 0, 10),
    ("2 недели", 0, 10),
    ("5 рублей", 0, 10),
    ("$5", 0, 10),
    ("2024", 0, 100),
    ("", 0, 10),
    ("   ", 0, 10),
    ("🙂", 0, 10),
    ("тревожно", 0, 10),
    ("страшно", 0, 10),
    ("я не думаю, что вероятно", 0, 100),
    ("вероятно", 0, 10),
    ("сначала 3, потом 8", 0, 10),
    ("нормально", 0, 10),
    ("так себе", 0, 10),
    ("3, а может 8", 0, 10),
    ("и да и нет", 0, 100),
    ("скорее всего, но не знаю", 0, 100),
]

SCALE_RAW = [
    ("ну где-то 6-7 наверное", "6-7"),
    ("на семь", "семь"),
    ("процентов семьдесят", "процентов семьдесят"),
    ("70 %", "70 %"),
    ("шесть с половиной", "шесть с половиной"),
    ("семь из десяти", "семь из десяти"),
    ("вряд ли", "вряд ли"),
]


@pytest.mark.parametrize(("text", "expected"), ANXIETY + ANXIETY_RANGES + ANXIETY_HALF_STEPS)
def test_anxiety(text: str, expected: float) -> None:
    answer = parse_anxiety(text, RU)
    assert answer is not None, text
    assert answer.value == expected


@pytest.mark.parametrize("text", [text for text, _ in ANXIETY_RANGES])
def test_anxiety_ranges_store_the_midpoint(text: str) -> None:
    answer = parse_anxiety(text, RU)
    assert answer is not None and answer.was_range


@pytest.mark.parametrize(("text", "expected"), CHANCE_OF_NO)
def test_chance_of_no(text: str, expected: float) -> None:
    answer = parse_no_chance(text, RU)
    assert answer is not None, text
    assert answer.value == expected


@pytest.mark.parametrize(("text", "low", "high"), SCALE_UNSURE)
def test_scale_says_none_when_unsure(text: str, low: int, high: int) -> None:
    parse = parse_anxiety if high == 10 else parse_no_chance
    assert parse(text, RU) is None


@pytest.mark.parametrize(("text", "raw"), SCALE_RAW)
def test_raw_quotes_what_the_person_wrote(text: str, raw: str) -> None:
    answer = parse_no_chance(text, RU)
    assert answer is not None and answer.raw == raw


# ─────────────────────────────────────────────────────────────────────────────
# Did you ask? (yes / no)
# ─────────────────────────────────────────────────────────────────────────────

YES = [
    "да",
    "Да!",
    "да, спросил",
    "да, спросила",
    "спросил",
    "спросила",
    "попросил",
    "попросила",
    "ага",
    "угу",
    "конечно",
    "разумеется",
    "сделал",
    "сделала",
    "готово",
    "попробовал",
    "попробовала",
    "да, попросил и мне отказали",
    "попросил и мне отказали",
    "спросил, но мне отказали",
    "они проигнорировали",
    "не ответили",
    "согласились!",
    "сказали да",
    "сказали нет",
    "отказали",
    "мне отказали, но я спросил",
    "✅",
    "👍",
    "ну да",
    "было дело",
    "да, сделал это",
    "ок, спросил",
]

NO = [
    "нет",
    "Нет.",
    "неа",
    "не-а",
    "ещё нет",
    "еще нет",
    "пока нет",
    "не решился",
    "не решилась",
    "струсил",
    "струсила",
    "не спросил",
    "не спросила",
    "не успел",
    "забыл",
    "забыла",
    "потом",
    "позже",
    "попозже",
    "завтра",
    "на следующей неделе",
    "в другой раз",
    "не особо",
    "никогда",
    "духу не хватило",
    "язык не повернулся",
    "передумал",
    "не смог",
    "👎",
    "нет, испугался",
    "не сегодня",
]

YES_NO_UNCLEAR = [
    "не знаю",
    "может быть",
    "вроде того",
    "типа того",
    "частично",
    "отчасти",
    "наполовину",
    "да и нет",
    "не уверен",
    "как бы да",
    "умираю от стыда",
    "",
    "🤷",
    "хм",
    "да нет, наверное, не знаю",
    "сердце колотилось",
]


@pytest.mark.parametrize("text", YES)
def test_yes(text: str) -> None:
    assert parse_yes_no(text, RU) is True


@pytest.mark.parametrize("text", NO)
def test_no(text: str) -> None:
    assert parse_yes_no(text, RU) is False


@pytest.mark.parametrize("text", YES_NO_UNCLEAR)
def test_yes_no_unclear(text: str) -> None:
    assert parse_yes_no(text, RU) is None


# ─────────────────────────────────────────────────────────────────────────────
# What they said (outcomes)
# ─────────────────────────────────────────────────────────────────────────────

OUTCOMES = [
    # No
    ("отказали", Outcome.NO),
    ("Отказали.", Outcome.NO),
    ("мне отказали", Outcome.NO),
    ("вежливо отказали", Outcome.NO),
    ("она отказала", Outcome.NO),
    ("он отказал", Outcome.NO),
    ("получил отказ", Outcome.NO),
    ("отказ", Outcome.NO),
    ("сказали нет", Outcome.NO),
    ("сказала, что нет", Outcome.NO),
    ("ответили нет", Outcome.NO),
    ("нет", Outcome.NO),
    ("неа", Outcome.NO),
    ("не согласились", Outcome.NO),
    ("не разрешили", Outcome.NO),
    ("не дали", Outcome.NO),
    ("не получилось", Outcome.NO),
    ("не вышло", Outcome.NO),
    ("нельзя", Outcome.NO),
    ("не положено", Outcome.NO),
    ("не могут", Outcome.NO),
    ("к сожалению, нет", Outcome.NO),
    ("увы", Outcome.NO),
    ("ни за что", Outcome.NO),
    ("конечно нет", Outcome.NO),
    ("отшили", Outcome.NO),
    ("послали меня подальше", Outcome.NO),
    ("да нет", Outcome.NO),
    ("попросил, и они сказали нет", Outcome.NO),
    ("❌", Outcome.NO),
    ("🙅", Outcome.NO),
    # Yes
    ("согласились", Outcome.YES),
    ("согласился", Outcome.YES),
    ("согласилась", Outcome.YES),
    ("сказали да", Outcome.YES),
    ("ответила, что да", Outcome.YES),
    ("да!", Outcome.YES),
    ("ДА", Outcome.YES),
    ("получилось", Outcome.YES),
    ("сработало", Outcome.YES),
    ("удалось", Outcome.YES),
    ("разрешили", Outcome.YES),
    ("дали скидку", Outcome.YES),
    ("без проблем", Outcome.YES),
    ("с радостью согласился", Outcome.YES),
    ("конечно", Outcome.YES),
    ("ага", Outcome.YES),
    ("✅", Outcome.YES),
    ("🎉", Outcome.YES),
    # No answer
    ("не ответили", Outcome.NO_ANSWER),
    ("не ответил", Outcome.NO_ANSWER),
    ("не ответила", Outcome.NO_ANSWER),
    ("проигнорировали", Outcome.NO_ANSWER),
    ("проигнорировала", Outcome.NO_ANSWER),
    ("игнор", Outcome.NO_ANSWER),
    ("тишина", Outcome.NO_ANSWER),
    ("ответа пока нет", Outcome.NO_ANSWER),
    ("прочитали и не ответили", Outcome.NO_ANSWER),
    ("всё ещё жду", Outcome.NO_ANSWER),
    ("никто не взял трубку", Outcome.NO_ANSWER),
    ("не перезвонили", Outcome.NO_ANSWER),
    ("молчат", Outcome.NO_ANSWER),
    # Didn't ask
    ("не решился", Outcome.DIDNT_ASK),
    ("не решилась", Outcome.DIDNT_ASK),
    ("струсил", Outcome.DIDNT_ASK),
    ("испугалась", Outcome.DIDNT_ASK),
    ("не спросил", Outcome.DIDNT_ASK),
    ("не спросила", Outcome.DIDNT_ASK),
    ("язык не повернулся", Outcome.DIDNT_ASK),
    ("духу не хватило", Outcome.DIDNT_ASK),
    ("передумал", Outcome.DIDNT_ASK),
    ("ещё не спрашивал", Outcome.DIDNT_ASK),
    ("не смогла подойти", Outcome.DIDNT_ASK),
    # Something in between
    ("частично", Outcome.PARTIAL),
    ("отчасти", Outcome.PARTIAL),
    ("может быть", Outcome.PARTIAL),
    ("не сейчас", Outcome.PARTIAL),
    ("сказали, что подумают", Outcome.PARTIAL),
    ("обещали перезвонить", Outcome.PARTIAL),
    ("надо спросить у начальника", Outcome.PARTIAL),
    ("предложили другое", Outcome.PARTIAL),
    ("сначала отказали, потом согласились", Outcome.PARTIAL),
    ("нет, но может позже", Outcome.PARTIAL),
]

# Figurative speech and everyday talk: nothing here says what the other person did.
OUTCOME_UNCLEAR = [
    "умираю от стыда",
    "убил бы за кофе",
    "чуть сквозь землю не провалился",
    "сердце колотилось",
    "отказ от сахара даётся тяжело",
    "время летит",
    "я в шоке",
    "не знаю",
    "послал письмо",
    "руки тряслись",
    "это было что-то",
    "ну такое",
    "",
    "🤷",
    "мне бы их смелость",
]


@pytest.mark.parametrize(("text", "expected"), OUTCOMES)
def test_outcome(text: str, expected: Outcome) -> None:
    assert parse_outcome(text, RU) is expected


@pytest.mark.parametrize("text", OUTCOME_UNCLEAR)
def test_outcome_unclear(text: str) -> None:
    assert parse_outcome(text, RU) is None


# ─────────────────────────────────────────────────────────────────────────────
# Control words
# ─────────────────────────────────────────────────────────────────────────────

CONTROLS = [
    ("пропустить", Control.SKIP),
    ("Пропустить", Control.SKIP),
    ("пропусти", Control.SKIP),
    ("пропустим", Control.SKIP),
    ("пропускаю", Control.SKIP),
    ("пропустить этот вопрос", Control.SKIP),
    ("следующий вопрос", Control.SKIP),
    ("следующий", Control.SKIP),
    ("дальше", Control.SKIP),
    ("пас", Control.SKIP),
    ("не хочу отвечать", Control.SKIP),
    ("без комментариев", Control.SKIP),
    ("давай пропустим", Control.SKIP),
    ("пропусти пожалуйста", Control.SKIP),
    ("/пропустить", Control.SKIP),
    ("⏭", Control.SKIP),
    ("отмена", Control.CANCEL),
    ("Отмена!", Control.CANCEL),
    ("отменить", Control.CANCEL),
    ("отмени пожалуйста", Control.CANCEL),
    ("стоп", Control.CANCEL),
    ("хватит", Control.CANCEL),
    ("забудь", Control.CANCEL),
    ("забудь об этом", Control.CANCEL),
    ("неважно", Control.CANCEL),
    ("проехали", Control.CANCEL),
    ("ой, отмена", Control.CANCEL),
    ("просто отмена, спасибо", Control.CANCEL),
    ("назад", Control.UNDO),
    ("упс", Control.UNDO),
    ("вернись", Control.UNDO),
    ("не та кнопка", Control.UNDO),
    ("ок, назад", Control.UNDO),
    ("↩", Control.UNDO),
]

NOT_CONTROL = [
    "пропустил автобус",
    "не пропускай",
    "отмена рейса была вчера",
    "назад в будущее смотрел вчера",
    "семь",
    "да",
    "нет",
    "отказали",
    "стоп-кран дёрнул бы",
    "дальше было страшнее",
    "",
    "пропустить? нет, я отвечу: 7",
    "хватит мне уже бояться",
    "🙂",
]


@pytest.mark.parametrize(("text", "expected"), CONTROLS)
def test_control(text: str, expected: Control) -> None:
    assert parse_control(text, RU) is expected


@pytest.mark.parametrize("text", NOT_CONTROL)
def test_not_control(text: str) -> None:
    assert parse_control(text, RU) is None


# ─────────────────────────────────────────────────────────────────────────────
# A whole attempt in one line (quick logs)
# ─────────────────────────────────────────────────────────────────────────────

QUICK_LOGS = [
    ("попросил скидку, отказали, 7 -> 3", QuickLog("попросил скидку", Outcome.NO, 7.0, 3.0)),
    ("попросила скидку, отказали, 7 -> 3", QuickLog("попросила скидку", Outcome.NO, 7.0, 3.0)),
    ("Попросил скидку, отказали, 7→3", QuickLog("Попросил скидку", Outcome.NO, 7.0, 3.0)),
    ("попросила скидку, мне отказали, 8→2", QuickLog("попросила скидку", Outcome.NO, 8.0, 2.0)),
    ("попросил скидку и мне отказали 7->3", QuickLog("попросил скидку", Outcome.NO, 7.0, 3.0)),
    ("попросил скидку, отказали, семь -> три", QuickLog("попросил скидку", Outcome.NO, 7.0, 3.0)),
    ("попросил скидку, отказали, 70% -> 30%", QuickLog("попросил скидку", Outcome.NO, 7.0, 3.0)),
    ("попросил скидку - нет - 8→2", QuickLog("попросил скидку", Outcome.NO, 8.0, 2.0)),
    (
        "попросил у начальника выходной: согласился! 9 потом 4",
        QuickLog("попросил у начальника выходной", Outcome.YES, 9.0, 4.0),
    ),
    (
        "спросил дорогу у прохожего. Сказали да. 6/10 до, 2/10 после",
        QuickLog("спросил дорогу у прохожего", Outcome.YES, 6.0, 2.0),
    ),
    (
        "пригласила коллегу на обед, согласился, тревога 7 -> 2",
        QuickLog("пригласила коллегу на обед", Outcome.YES, 7.0, 2.0),
    ),
    (
        "попросил бесплатный кофе — не ответили — 6 -> 6",
        QuickLog("попросил бесплатный кофе", Outcome.NO_ANSWER, 6.0, 6.0),
    ),
    (
        "написал соседу насчёт парковки, проигнорировал, 5 -> 4",
        QuickLog("написал соседу насчёт парковки", Outcome.NO_ANSWER, 5.0, 4.0),
    ),
    (
        "спросил про скидку, частично, 5 → 3",
        QuickLog("спросил про скидку", Outcome.PARTIAL, 5.0, 3.0),
    ),
    (
        "попросила поменять столик, сказали подумают, 6 => 4",
        QuickLog("попросила поменять столик", Outcome.PARTIAL, 6.0, 4.0),
    ),
    ("не решился, 8 -> 9", QuickLog(None, Outcome.DIDNT_ASK, 8.0, 9.0)),
    ("не решилась, 8 -> 8", QuickLog(None, Outcome.DIDNT_ASK, 8.0, 8.0)),
    ("отказали, 7→3", QuickLog(None, Outcome.NO, 7.0, 3.0)),
    ("нет 8>2", QuickLog(None, Outcome.NO, 8.0, 2.0)),
    ("согласились! 9 → 1", QuickLog(None, Outcome.YES, 9.0, 1.0)),
    ("до 7, после 3, отказали", QuickLog(None, Outcome.NO, 7.0, 3.0)),
    (
        "попросил скидку, отказали, до 7, после 3",
        QuickLog("попросил скидку", Outcome.NO, 7.0, 3.0),
    ),
    (
        "попросил скидку, отказали, 7 до, 3 после",
        QuickLog("попросил скидку", Outcome.NO, 7.0, 3.0),
    ),
    (
        "спросила, можно ли погладить собаку — разрешили, 6,5 -> 2",
        QuickLog("спросила, можно ли погладить собаку", Outcome.YES, 6.5, 2.0),
    ),
    (
        "попросил незнакомца сфотографировать меня, он согласился, 8 -> 3",
        QuickLog("попросил незнакомца сфотографировать меня", Outcome.YES, 8.0, 3.0),
    ),
    ("отказали 🙅 7 -> 4", QuickLog(None, Outcome.NO, 7.0, 4.0)),
]

NOT_QUICK_LOGS = [
    "попросил скидку, отказали",
    "отказали",
    "7 -> 3",
    "было 7 до и 3 после, просто мысли",
    "попросил скидку, думал 7 -> 3 будет",
    "нет",
    "",
    "попросил скидку 7 -> 3",
    "отказали, 7 -> 3, а потом 8 -> 2",
    "отказали, 7 -> 15",
    "сказали нет, в 7:30 -> 8:00",
    "умираю от стыда, 9 -> 9",
    "скидка 5 рублей -> 3 рубля, отказали",
    "попросил, сначала 7, потом 3",
]


@pytest.mark.parametrize(("text", "expected"), QUICK_LOGS)
def test_quick_log(text: str, expected: QuickLog) -> None:
    assert parse_quick_log(text, RU) == expected


@pytest.mark.parametrize("text", NOT_QUICK_LOGS)
def test_not_a_quick_log(text: str) -> None:
    assert parse_quick_log(text, RU) is None


# ─────────────────────────────────────────────────────────────────────────────
# Time zones: cities, countries and phrasing, in every case form people type
# ─────────────────────────────────────────────────────────────────────────────

_CITIES = {
    "Europe/Moscow": [
        "Москва", "москва", "МОСКВА", "в Москве", "из Москвы", "живу в Москве",
        "я живу в Москве", "я из Москвы", "сейчас в Москве", "по Москве", "мск", "МСК",
        "московское время", "Москва, Россия", "Санкт-Петербург", "санкт петербург",
        "Петербург", "в Петербурге", "Питер", "в Питере", "СПб", "Казань", "в Казани",
        "Нижний Новгород", "Сочи", "Краснодар", "Ростов", "Воронеж",
        "мой часовой пояс — Москва", "часовой пояс Москвы",
    ],
    "Europe/Kyiv": [
        "Киев", "Київ", "в Киеве", "живу в Києві", "Украина", "в Украине", "Україна",
        "Харьков", "Харків", "Одесса", "в Одессе", "Львов", "Львів", "Днепр",
    ],
    "Asia/Almaty": ["Алматы", "Алма-Ата", "в Алматы", "Астана", "в Астане"],
    "Europe/Minsk": ["Минск", "в Минске", "Беларусь", "Белоруссия", "из Беларуси"],
    "Asia/Novosibirsk": ["Новосибирск", "в Новосибирске", "Новосиб"],
    "Asia/Yekaterinburg": [
        "Екатеринбург", "в Екатеринбурге", "ЕКБ", "Челябинск", "Пермь", "Уфа", "Тюмень",
        "МСК+2",
    ],
    "Asia/Vladivostok": ["Владивосток", "во Владивостоке", "Хабаровск", "мск+7"],
    "Asia/Tashkent": ["Ташкент", "в Ташкенте", "Узбекистан"],
    "Asia/Tbilisi": ["Тбилиси", "в Тбилиси", "Грузия", "в Грузии"],
    "Asia/Yerevan": ["Ереван", "Армения"],
    "Asia/Baku": ["Баку", "Азербайджан"],
    "Asia/Bishkek": ["Бишкек", "Кыргызстан", "Киргизия"],
    "Asia/Dushanbe": ["Душанбе", "Таджикистан"],
    "Europe/Chisinau": ["Кишинёв", "Кишинев", "Молдова"],
    "Europe/Riga": ["Рига", "в Риге", "Латвия"],
    "Europe/Vilnius": ["Вильнюс", "Литва"],
    "Europe/Tallinn": ["Таллин", "Таллинн", "Эстония"],
    "Asia/Omsk": ["Омск", "МСК+3"],
    "Asia/Krasnoyarsk": ["Красноярск", "в Красноярске"],
    "Asia/Irkutsk": ["Иркутск", "мск +5"],
    "Asia/Yakutsk": ["Якутск"],
    "Europe/Samara": ["Самара", "в Самаре"],
    "Europe/Kaliningrad": ["Калининград", "мск-1"],
    "Asia/Magadan": ["Магадан"],
    "Europe/Berlin": ["Берлин", "в Берлине", "Германия"],
    "Europe/London": ["Лондон", "в Лондоне"],
    "Europe/Paris": ["Париж"],
    "America/New_York": ["Нью-Йорк", "в Нью-Йорке"],
    "Europe/Warsaw": ["Варшава", "Польша"],
    "Europe/Prague": ["Прага"],
    "Europe/Istanbul": ["Стамбул", "Турция"],
    "Asia/Dubai": ["Дубай"],
    "Asia/Jerusalem": ["Тель-Авив", "Израиль"],
    "Europe/Belgrade": ["Белград", "Сербия"],
    "Asia/Bangkok": ["Бангкок", "Таиланд"],
    "Europe/Lisbon": ["Лиссабон", "Португалия"],
    "Europe/Helsinki": ["Финляндия"],
    "Europe/Madrid": ["Испания"],
    "Etc/GMT-3": ["UTC+3", "часовой пояс UTC+3"],
    "Etc/GMT-5": ["GMT+5"],
}  # fmt: skip
TIMEZONES = [(text, zone) for zone, texts in _CITIES.items() for text in texts]

# Several zones, two places, or no place at all: never guessed.
TIMEZONES_UNKNOWN = [
    "Россия",
    "в России",
    "РФ",
    "Казахстан",
    "США",
    "Америка",
    "Канада",
    "Москва или Киев",
    "Москва, Берлин",
    "где-то на Луне",
    "не знаю",
    "дома",
    "на работе",
    "",
    "🙂",
    "часовой пояс",
    "мой город",
    "в деревне",
    "у моря",
    "далеко",
    "здесь",
    "сейчас",
    "утро",
    "семь",
    "да",
    "нет",
    "пропустить",
    "отказали",
    "Новосибирк",
    "там, где холодно",
    "в Сибири",
]


@pytest.mark.parametrize(("text", "zone"), TIMEZONES)
def test_resolve_timezone(text: str, zone: str) -> None:
    assert resolve_timezone(text, RU) == zone


@pytest.mark.parametrize("text", TIMEZONES_UNKNOWN)
def test_unknown_or_ambiguous_timezone(text: str) -> None:
    assert resolve_timezone(text, RU) is None


# ─────────────────────────────────────────────────────────────────────────────
# Clock times for the daily nudge
# ─────────────────────────────────────────────────────────────────────────────

NUDGE_TIMES = [
    ("в 19:30", time(19, 30)),
    ("19:30", time(19, 30)),
    ("в 19.30", time(19, 30)),
    ("в семь вечера", time(19)),
    ("семь вечера", time(19)),
    ("в 7 вечера", time(19)),
    ("в 7 часов вечера", time(19)),
    ("в семь часов вечера", time(19)),
    ("в 10 вечера", time(22)),
    ("в 11 ночи", time(23)),
    ("в 12 ночи", time(0)),
    ("в 2 ночи", time(2)),
    ("в 8 утра", time(8)),
    ("в 8 часов утра", time(8)),
    ("в восемь утра", time(8)),
    ("в 6 утра", time(6)),
    ("в шесть утра", time(6)),
    ("в 7:30 утра", time(7, 30)),
    ("в 7:30 вечера", time(19, 30)),
    ("в 3 часа дня", time(15)),
    ("в 3 дня", time(15)),
    ("в час дня", time(13)),
    ("в час ночи", time(1)),
    ("в полвосьмого", time(7, 30)),
    ("полвосьмого вечера", time(19, 30)),
    ("в половине восьмого", time(7, 30)),
    ("в полдевятого утра", time(8, 30)),
    ("в полдесятого вечера", time(21, 30)),
    ("без четверти восемь", time(7, 45)),
    ("без четверти 9", time(8, 45)),
    ("в полдень", time(12)),
    ("полдень", time(12)),
    ("в полночь", time(0)),
    ("в 8", time(8)),
    ("в восемь", time(8)),
    ("8", time(8)),
    ("в 3", time(15)),
    ("в 9:15", time(9, 15)),
    ("в 07:00", time(7)),
    ("в 03:00", time(3)),
    ("в 20:15", time(20, 15)),
    ("в двадцать два", time(22)),
    ("в 7 часов 30 минут", time(7, 30)),
    ("около девяти", time(9)),
    ("в 9 утра, пожалуйста", time(9)),
    ("часов в 8 вечера", time(20)),
    ("утром", time(9)),
    ("по утрам", time(9)),
    ("рано утром", time(7)),
    ("вечером", time(19)),
    ("по вечерам", time(19)),
    ("днём", time(15)),
    ("днем", time(15)),
    ("после обеда", time(15)),
    ("ночью", time(21)),
    ("в обед", time(12, 30)),
    ("за завтраком", time(8)),
    ("перед работой", time(8)),
    ("после работы", time(18)),
    ("после школы", time(16)),
    ("после ужина", time(20)),
    ("за ужином", time(19)),
    ("вечером в 8", time(20)),
    ("утром в 7", time(7)),
    ("в 9 утра по Москве", time(9)),
    ("в 18:00", time(18)),
    ("в шесть вечера", time(18)),
]

NUDGE_TIMES_INVALID = [
    "в 8 или 9",
    "в 25:00",
    "в 8 вечера утром",
    "в 19:75",
    "завтра",
    "не знаю",
    "",
    "когда-нибудь",
    "утром или вечером",
    "в 13 утра",
    "в 7 утра и в 7 вечера",
    "в любое время",
    "🙂",
    "пропустить",
    "нет",
    "в 8 или в 9",
    "как получится",
]


@pytest.mark.parametrize(("text", "expected"), NUDGE_TIMES)
def test_parse_nudge_time(text: str, expected: time) -> None:
    assert parse_nudge_time(text, RU) == expected


@pytest.mark.parametrize("text", NUDGE_TIMES_INVALID)
def test_invalid_nudge_time(text: str) -> None:
    assert parse_nudge_time(text, RU) is None


# ─────────────────────────────────────────────────────────────────────────────
# Quiet hours
# ─────────────────────────────────────────────────────────────────────────────

QUIET_HOURS = [
    ("с 22 до 7", (time(22), time(7))),
    ("С 22 до 7", (time(22), time(7))),
    ("с 22:00 до 07:00", (time(22), time(7))),
    ("с 22:00 до 7:00", (time(22), time(7))),
    ("с 23 до 8", (time(23), time(8))),
    ("с 23:00 до 06:30", (time(23), time(6, 30))),
    ("с 22:30 до 6:30", (time(22, 30), time(6, 30))),
    ("с 21 до 9", (time(21), time(9))),
    ("с 0 до 8", (time(0), time(8))),
    ("с 10 вечера до 7 утра", (time(22), time(7))),
    ("с десяти вечера до семи утра", (time(22), time(7))),
    ("с 11 вечера до 7", (time(23), time(7))),
    ("с 11 вечера до 6 утра", (time(23), time(6))),
    ("с 9 вечера до 9 утра", (time(21), time(9))),
    ("с 12 ночи до 8 утра", (time(0), time(8))),
    ("с 1 ночи до 9 утра", (time(1), time(9))),
    ("с полуночи до 9", (time(0), time(9))),
    ("с полуночи до 8 утра", (time(0), time(8))),
    ("с 22 до полуночи", (time(22), time(0))),
    ("с 11 до 6", (time(23), time(6))),
    ("с 10 до 7", (time(22), time(7))),
    ("с 1 до 9", (time(1), time(9))),
    ("с 12 до 8", (time(0), time(8))),
    ("с 7 до 7", (time(19), time(7))),
    ("с одиннадцати до шести", (time(23), time(6))),
    ("с двадцати двух до семи", (time(22), time(7))),
    ("между 11 и 6", (time(23), time(6))),
    ("между 23 и 7", (time(23), time(7))),
    ("22-7", (time(22), time(7))),
    ("22 - 7", (time(22), time(7))),
    ("23:00–06:30", (time(23), time(6, 30))),
    ("2200-0700", (time(22), time(7))),
    ("22ч-7ч", (time(22), time(7))),
    ("ночью с 23 до 7", (time(23), time(7))),
    ("с 23 до 7 ночью", (time(23), time(7))),
    ("с 10:00 до 18:00", (time(10), time(18))),
    ("с 22 до 7.", (time(22), time(7))),
    ("с 22 до 8, пожалуйста", (time(22), time(8))),
    ("с 22 по 7", (time(22), time(7))),
    ("с 11 вечера до полвосьмого", None),
    ("с 21:30 до 7:15", (time(21, 30), time(7, 15))),
    ("с 20 до 6", (time(20), time(6))),
    ("с 23 до 9 утра", (time(23), time(9))),
]

QUIET_HOURS_UNCLEAR = [
    "с 22",
    "до 7",
    "с половины одиннадцатого до 7",
    "не беспокоить после 22",
    "кроме как с 22 до 7",
    "никогда",
    "",
    "ночью",
    "с 22 до 7 и с 13 до 14",
    "с 25 до 7",
    "с 22:70 до 7",
    "с 10 вечера до 7 вечера утром",
    "не с 22 до 7",
    "с 10 вечера до 7 утра вечером",
    "22",
    "всегда",
    "пропустить",
    "с четверти одиннадцатого до 7",
    "с 22 до 7 или до 8",
    "не знаю",
    "🙂",
    "с 10 вечера до 8 вечера утра",
    "после полуночи",
    "с 22 до 7 утра по будням, а в выходные до 10",
    "с 13 утра до 7",
    "до 7 утра с 22",
]


@pytest.mark.parametrize(("text", "expected"), [(t, e) for t, e in QUIET_HOURS if e])
def test_parse_quiet_hours(text: str, expected: tuple[time, time]) -> None:
    assert parse_quiet_hours(text, RU) == expected


@pytest.mark.parametrize("text", QUIET_HOURS_UNCLEAR + [t for t, e in QUIET_HOURS if e is None])
def test_unclear_quiet_hours_give_none(text: str) -> None:
    assert parse_quiet_hours(text, RU) is None


QUIET_PRESETS = [
    (time(21, 30), time(8)),
    (time(22), time(7)),
    (time(23), time(9)),
    (time(20), time(8)),
]


@pytest.mark.parametrize(("start", "end"), QUIET_PRESETS)
@pytest.mark.parametrize("pattern", ["{a}-{b}", "{a}–{b}", "{a} до {b}", "с {a} до {b}"])
def test_the_settings_labels_read_back_in_russian(start: time, end: time, pattern: str) -> None:
    typed = pattern.format(a=f"{start:%H:%M}", b=f"{end:%H:%M}")
    assert parse_quiet_hours(typed, RU) == (start, end)


# ─────────────────────────────────────────────────────────────────────────────
# Settings and /idea: pace, weekdays, weekly limit, level, easier/bolder/category
# ─────────────────────────────────────────────────────────────────────────────

PACES = [
    ("каждый день", Pace.DAILY),
    ("Каждый день, пожалуйста", Pace.DAILY),
    ("ежедневно", Pace.DAILY),
    ("7 дней в неделю", Pace.DAILY),
    ("по будням", Pace.WEEKDAYS),
    ("будни", Pace.WEEKDAYS),
    ("только в будни", Pace.WEEKDAYS),
    ("рабочие дни", Pace.WEEKDAYS),
    ("пн-пт", Pace.WEEKDAYS),
    ("с понедельника по пятницу", Pace.WEEKDAYS),
    ("три раза в неделю", Pace.THREE_A_WEEK),
    ("3 раза в неделю", Pace.THREE_A_WEEK),
    ("трижды", Pace.THREE_A_WEEK),
    ("ТРИ", Pace.THREE_A_WEEK),
    ("хм", None),
    ("иногда", None),
    ("", None),
]

WEEKDAYS = [
    ("пн, ср и пт", {0, 2, 4}),
    ("понедельник", {0}),
    ("по понедельникам и четвергам", {0, 3}),
    ("вторник, четверг", {1, 3}),
    ("в субботу", {5}),
    ("воскресенье", {6}),
    ("среда и пятница", {2, 4}),
    ("по средам", {2}),
    ("сб и вс", {5, 6}),
    ("в пятницу", {4}),
    ("никогда", set()),
]

WEEKLY_LIMITS = [
    ("3", 3),
    ("5 в неделю", 5),
    ("не больше 2", 2),
    ("7", 7),
    ("без ограничений", 0),
    ("без лимита", 0),
    ("сколько угодно", 0),
    ("4", None),
    ("2 или 3", None),
    ("много", None),
]

LEVELS = [("3", 3), ("уровень 2", 2), ("5", 5), ("6", None), ("2 или 3", None), ("первый", None)]

IDEA_REQUESTS = [
    (["полегче"], -1, None),
    (["попроще"], -1, None),
    (["проще"], -1, None),
    (["посмелее"], 1, None),
    (["посложнее"], 1, None),
    (["еда"], 0, "food_and_drink"),
    (["кофе"], 0, "food_and_drink"),
    (["работа"], 0, "work_and_career"),
    (["соседи"], 0, "neighbours_and_community"),
    (["друзья"], 0, "friends_and_family"),
    (["онлайн"], 0, "online_and_phone"),
    (["магазин"], 0, "shops_and_services"),
    (["незнакомцы"], 0, "everyday_strangers"),
    (["спорт"], 0, "fitness_and_hobbies"),
]


@pytest.mark.parametrize(("text", "pace"), PACES)
def test_pace(text: str, pace: Pace | None) -> None:
    assert parse_pace(text, RU) == pace


@pytest.mark.parametrize(("text", "days"), WEEKDAYS)
def test_weekdays(text: str, days: set[int]) -> None:
    assert parse_weekdays(text, RU) == days


@pytest.mark.parametrize(("text", "limit"), WEEKLY_LIMITS)
def test_weekly_limit(text: str, limit: int | None) -> None:
    assert parse_weekly_limit(text, (2, 3, 5, 7, 0), RU) == limit


@pytest.mark.parametrize(("text", "level"), LEVELS)
def test_level(text: str, level: int | None) -> None:
    assert parse_level(text, RU) == level


@pytest.mark.parametrize(("args", "step", "category"), IDEA_REQUESTS)
def test_idea_request(args: list[str], step: int, category: str | None) -> None:
    request = parse_idea_request(args, RU)
    assert (request.step, request.category, request.unknown_word) == (step, category, None)


def test_an_unknown_idea_word_is_quoted_back() -> None:
    assert parse_idea_request(["абракадабра"], RU).unknown_word == "абракадабра"


PAUSES = [
    ("3", 3),
    ("3 дня", 3),
    ("на 3 дня", 3),
    ("на три дня", 3),
    ("пять дней", 5),
    ("1 день", 1),
    ("день", 1),
    ("неделю", 7),
    ("на неделю", 7),
    ("две недели", 14),
    ("на 2 недели", 14),
    ("на месяц", 30),
    ("до понедельника", 5),
    ("до пятницы", 2),
    ("до среды", 7),
    ("3 или 4 дня", None),
    ("не знаю", None),
    ("пока", None),
]


@pytest.mark.parametrize(("text", "days"), PAUSES)
def test_pause_days(text: str, days: int | None) -> None:
    assert parse_pause_days(text, 2, RU) == days  # today is a Wednesday


# ─────────────────────────────────────────────────────────────────────────────
# Cost: the rewrites run on every message
# ─────────────────────────────────────────────────────────────────────────────

PARSERS = (
    parse_anxiety,
    parse_no_chance,
    parse_yes_no,
    parse_outcome,
    parse_control,
    parse_quick_log,
    resolve_timezone,
    parse_nudge_time,
    parse_quiet_hours,
)


@pytest.mark.parametrize(
    "text", ["попросил скидку, отказали, 7 -> 3", "я живу в Санкт-Петербурге", "ы" * 5000]
)
def test_every_parser_reads_a_russian_message_quickly(text: str) -> None:
    for parse in PARSERS:  # warm the caches (the rewrite table, the place index)
        parse(text, RU)
    started = clock.perf_counter()
    for parse in PARSERS:
        parse(text, RU)
    assert clock.perf_counter() - started < 0.5
