"""Russian answers, understood everywhere English ones are (scales, yes/no, outcomes,
control words, quick logs): one table per parser, each at least as long as that parser's
English tables in tests/domain/test_answers.py. The words are data
(bot/domain/words/ru.yaml); these tables tell you when a rewrite broke something. Time
zones, clock times, settings words and pauses: tests/domain/test_words_ru_times.py."""

from __future__ import annotations

import time as clock

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
