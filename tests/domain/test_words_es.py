"""Spanish answers, understood everywhere English ones are: each parser's table here holds
at least as many cases as its English table (tests/domain/test_answers.py,
test_timezones.py, test_parse_quiet_hours.py, test_choices.py), read through
``bot/domain/words/es.yaml``. The last test checks the counts, so a table that shrinks fails."""

from __future__ import annotations

import time as clock
from collections.abc import Sized
from datetime import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.answers import (
    Control,
    NotYet,
    Outcome,
    QuickLog,
    parse_anxiety,
    parse_control,
    parse_no_chance,
    parse_outcome,
    parse_quick_log,
    parse_scale,
    parse_yes_no,
)
from bot.domain.answers.choices import (
    IdeaRequest,
    parse_idea_request,
    parse_level,
    parse_pace,
    parse_weekday,
    parse_weekdays,
    parse_weekly_limit,
)
from bot.domain.answers.pauses import parse_pause_days
from bot.domain.flows.log import Step, read_typed
from bot.domain.schedule import Pace
from bot.domain.timezones import parse_nudge_time, parse_quiet_hours, resolve_timezone

ES = "es"
N, Y, NA, P, D = Outcome.NO, Outcome.YES, Outcome.NO_ANSWER, Outcome.PARTIAL, Outcome.DIDNT_ASK

# ─── Scales ──────────────────────────────────────────────────────────────────
# English: 46 values + 11 ranges + 8 half steps = 65 anxiety cases.
ANXIETY = [
    ("7", 7.0), ("como un 7", 7.0), ("¿como un 7?", 7.0), ("7/10", 7.0), ("7 sobre 10", 7.0),
    ("7 de 10", 7.0), ("un 8 sobre 10", 8.0), ("un 8 clarísimo", 8.0), ("70%", 7.0),
    ("70 %", 7.0), ("65 por ciento", 6.5), ("siete", 7.0), ("¡Siete!", 7.0), ("diez", 10.0),
    ("6,5", 6.5), ("6.5", 6.5), ("seis y medio", 6.5), ("6 y medio", 6.5), ("7 y pico", 7.0),
    ("quizás un 3", 3.0), ("10!!!", 10.0), ("cero", 0.0), ("0", 0.0), ("nada", 0.0),
    ("nada de nada", 0.0), ("para nada", 0.0), ("ninguna", 0.0), ("en absoluto", 0.0),
    ("al máximo", 10.0), ("máximo", 10.0), ("por las nubes", 10.0), ("a tope", 10.0),
    ("un siete", 7.0), ("Un ocho", 8.0), ("nueve", 9.0), ("cuatro", 4.0), ("cinco", 5.0),
    ("dos", 2.0), ("tres", 3.0), ("uno", 1.0), ("la verdad, un 6", 6.0), ("pues un 4", 4.0),
    ("creo que un 5", 5.0), ("ahora mismo un 2", 2.0), ("setenta por ciento", 7.0),
    ("sesenta y cinco por ciento", 6.5), ("dos personas, un 7", 7.0),
    # ranges store the midpoint
    ("unos 6 o 7", 6.5), ("6 o 7", 6.5), ("6-7", 6.5), ("6 a 7", 6.5), ("de 6 a 7", 6.5),
    ("entre 6 y 7", 6.5), ("entre seis y siete", 6.5), ("seis o siete", 6.5), ("del 6 al 8", 7.0),
    ("6 ó 7", 6.5), ("60-70%", 6.5),
    # half steps
    ("6,3", 6.5), ("6.25", 6.5), ("6,2", 6.0), ("6.75", 7.0), ("un 7,4", 7.5), ("3,1", 3.0),
    ("siete y medio", 7.5), ("ocho y medio", 8.5),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), ANXIETY)
def test_anxiety(text: str, expected: float) -> None:
    answer = parse_anxiety(text, ES)
    assert answer is not None
    assert answer.value == expected


# English: 32.
NO_CHANCE = [
    ("70%", 70), ("70 %", 70), ("un 70 %", 70), ("70 por ciento", 70), ("setenta por ciento", 70),
    ("como un 70%", 70), ("7/10", 70), ("7 sobre 10", 70), ("7 de 10", 70), ("0,7", 70),
    ("4/5", 80), ("entre 60 y 70%", 65), ("60-75%", 68), ("62,5%", 63), ("unos 50", 50),
    ("cincuenta cincuenta", 50), ("50/50", 50), ("mitad y mitad", 50), ("a cara o cruz", 50),
    ("seguro", 100), ("segurísimo", 100), ("casi seguro", 90), ("muy probable", 85),
    ("lo más probable", 80), ("probable", 70), ("probablemente", 70),
    ("bastante probable", 70), ("improbable", 30), ("poco probable", 30),
    ("probablemente no", 30), ("casi imposible", 10), ("imposible", 0), ("nada", 0),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), NO_CHANCE)
def test_chance_of_a_no(text: str, expected: float) -> None:
    answer = parse_no_chance(text, ES)
    assert answer is not None
    assert answer.value == expected


# English: 33.
SCALE_UNSURE = [
    "", "   ", "no sé", "ni idea", "no estoy segura", "quién sabe", "11", "150%", "11/10",
    "a las 7:30", "el 12/05/2024", "2 personas", "10 minutos", "3 días", "5 euros", "€5",
    "6 o 8 o 9", "7 a 3", "no creo que fuera probable", "no sé, muy probable", "hola",
    "3 veces", "2 semanas", "20 años", "7, no, 8", "nada, al máximo", "8 y 3",
    "siete u ocho",
]  # fmt: skip
SCALE_UNSURE_ANXIETY = ["muy probable", "probable", "imposible", "12", "mil", "cien"]


@pytest.mark.parametrize("text", SCALE_UNSURE)
def test_scales_say_none_when_unsure(text: str) -> None:
    assert parse_anxiety(text, ES) is None
    assert parse_scale(text, 0, 10, ES) is None


@pytest.mark.parametrize("text", SCALE_UNSURE_ANXIETY)
def test_likelihood_words_are_not_anxiety(text: str) -> None:
    assert parse_anxiety(text, ES) is None


# English: 6.
RAW = [
    ("Unos siete", "siete"), ("como un 7, la verdad", "7"), ("6 o 7", "6 o 7"),
    ("un 8 sobre 10", "8 sobre 10"), ("70 %", "70 %"), ("seis y medio", "seis y medio"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "raw"), RAW)
def test_raw_quotes_what_was_written(text: str, raw: str) -> None:
    answer = parse_anxiety(text, ES)
    assert answer is not None and answer.raw == raw


# ─── Yes / no ────────────────────────────────────────────────────────────────
# English: 32 yes, 30 no, 15 unclear.
YES = [
    "sí", "Sí!", "SÍ", "si", "Si.", "sí, lo hice", "lo hice", "ya lo hice", "hecho",
    "Hecho ✅", "👍", "✅", "listo", "claro", "por supuesto", "¡Sí, pregunté!", "pregunté",
    "le pregunté", "me atreví", "me lancé", "fui a por ello", "lo intenté",
    "pregunté y me dijeron que no", "pregunté pero dijo que no", "me dijeron que no",
    "me llevé un no", "me ignoró", "me dejó en visto", "me dijo que lo va a pensar",
    "pregunté pero no contestaron", "sí 🎉", "sí, aceptaron",
]  # fmt: skip
NO = [
    "no", "No.", "NO", "nop", "n", "N", "la verdad es que no", "no lo hice", "no, no lo hice",
    "esta vez no", "todavía no", "aún no", "hoy no", "ahora no", "me rajé", "me acobardé",
    "me eché para atrás", "👎", "❌", "claro que no", "no pregunté", "nunca", "mañana",
    "lo haré mañana", "me dio miedo", "perdí el valor", "no pude", "no me atreví",
    "más tarde", "luego",
]  # fmt: skip
YES_NO_UNCLEAR = [
    "", "   ", "mmm", "sí y no", "sí, pero la verdad es que no", "más o menos", "quizás",
    "tal vez", "no sé", "no estoy seguro", "👍👎", "🙂", "¿qué?", "depende",
    "no, me dijeron que no",
]  # fmt: skip


@pytest.mark.parametrize("text", YES)
def test_yes(text: str) -> None:
    assert parse_yes_no(text, ES) is True


@pytest.mark.parametrize("text", NO)
def test_no(text: str) -> None:
    assert parse_yes_no(text, ES) is False


@pytest.mark.parametrize("text", YES_NO_UNCLEAR)
def test_yes_no_unclear(text: str) -> None:
    assert parse_yes_no(text, ES) is None


# ─── Outcomes ────────────────────────────────────────────────────────────────
# English: 69 outcomes, 12 unclear.
OUTCOMES = [
    ("no", N), ("me dijeron que no", N), ("me dijo que no", N), ("dijo que no", N),
    ("Dijeron que NO", N), ("me contestó que no", N), ("me llevé un no", N),
    ("me dieron un no", N), ("me rechazó", N), ("me rechazaron", N), ("rechazada", N),
    ("se negó", N), ("se negaron en redondo", N), ("no me dejaron", N), ("no quiso", N),
    ("no aceptaron", N), ("no se podía", N), ("no pudieron", N), ("sin suerte", N),
    ("no hubo suerte", N), ("por desgracia no", N), ("lamentablemente no", N),
    ("ni hablar", N), ("claro que no", N), ("me dio calabazas", N), ("no funcionó", N),
    ("❌", N), ("🙅", N),
    ("sí", Y), ("Sí!", Y), ("me dijeron que sí", Y), ("dijo que sí", Y), ("dijo que si", Y),
    ("me dijo que vale", Y), ("aceptaron", Y), ("aceptó encantado", Y), ("accedió", Y),
    ("funcionó", Y), ("salió bien", Y), ("lo conseguí", Y), ("me lo dieron", Y),
    ("me dejaron probarlo", Y), ("con mucho gusto", Y), ("sin problema", Y),
    ("no hay problema", Y), ("claro", Y),
    ("✅", Y), ("🎉 sí", Y),
    ("no contestaron", NA), ("no contestó", NA), ("no me respondió", NA),
    ("no me han contestado", NA), ("sin respuesta", NA), ("me ignoró", NA),
    ("me ignoraron por completo", NA), ("me dejó en visto", NA), ("me hizo ghosting", NA),
    ("sigo esperando", NA), ("nadie contestó", NA), ("no lo cogió", NA), ("buzón de voz", NA),
    ("más o menos", P), ("en parte", P), ("a medias", P), ("quizás más adelante", P),
    ("lo va a pensar", P), ("me dirán algo", P), ("tiene que preguntar a su jefe", P),
    ("me ofrecieron otra cosa", P), ("depende", P), ("primero dijo que no y luego que sí", P),
    ("no me atreví", D), ("no pregunté", D), ("no lo hice", D), ("me rajé", D),
    ("me acobardé", D), ("me eché para atrás", D), ("me dio miedo", D), ("me bloqueé", D),
    ("me quedé en blanco", D), ("perdí el valor", D), ("no pude", D), ("no fui capaz", D),
]  # fmt: skip
# Figurative speech and chatter: no outcome may be read from these.
OUTCOME_UNCLEAR = [
    "", "   ", "mmm", "hola", "me mató de risa", "me muero de vergüenza",
    "me morí de la vergüenza", "no veas qué nervios", "sí que estaba nervioso",
    "estaba muerta de miedo antes", "el café estaba de muerte", "me temblaban las piernas",
    "qué fuerte", "me comí los nervios", "no pasa nada", "me dejó sin palabras",
    "sí y no", "👍", "no sé",
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), OUTCOMES)
def test_outcome(text: str, expected: Outcome) -> None:
    assert parse_outcome(text, ES) is expected


@pytest.mark.parametrize("text", OUTCOME_UNCLEAR)
def test_no_outcome_from_figurative_speech(text: str) -> None:
    assert parse_outcome(text, ES) is None


# ─── Control words ───────────────────────────────────────────────────────────
# English: 32 control, 13 not.
S, C, U = Control.SKIP, Control.CANCEL, Control.UNDO
CONTROL = [
    ("saltar", S), ("Saltar.", S), ("salta", S), ("sáltala", S), ("sáltate esta", S),
    ("siguiente", S), ("siguiente pregunta por favor", S), ("paso", S),
    ("prefiero no decirlo", S), ("prefiero no contestar", S), ("sin comentarios", S),
    ("por favor, saltar", S), ("saltar por ahora", S), ("⏭", S), ("/skip", S),
    ("cancelar", C), ("¡CANCELAR!", C), ("cancela", C), ("cancélalo", C), ("para", C),
    ("basta", C), ("olvídalo", C), ("déjalo", C), ("da igual", C), ("salir", C),
    ("vale, cancela por favor", C), ("/cancel", C),
    ("deshacer", U), ("ups", U), ("¡Uy!", U), ("volver atrás", U), ("ups, atrás", U),
    ("me equivoqué de botón", U), ("pregunta anterior", U), ("↩️", U),
]  # fmt: skip
NOT_CONTROL = [
    "quiero dejar de estar nervioso", "para la próxima pregunto", "cancelar mi suscripción",
    "paso de todo", "la semana siguiente lo intento", "saltarme la comida fue un error",
    "no", "7", "", "por favor", "vuelvo a la tienda mañana", "❌", "saltar " * 100,
    "para nada",
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), CONTROL)
def test_control(text: str, expected: Control) -> None:
    assert parse_control(text, ES) is expected


@pytest.mark.parametrize("text", NOT_CONTROL)
def test_not_control(text: str) -> None:
    assert parse_control(text, ES) is None


# ─── Quick logs ──────────────────────────────────────────────────────────────
# English: 25 logs, 14 not.
def _log(description: str | None, outcome: Outcome, before: float, after: float) -> QuickLog:
    return QuickLog(description, outcome, before, after)


QUICK_LOGS = [
    ("pedí un descuento, me dijeron que no, 7 -> 3", _log("pedí un descuento", N, 7, 3)),
    ("pedí un descuento y me dijeron que no, de 7 a 3", _log("pedí un descuento", N, 7, 3)),
    ("me dijeron que no, 7→3", _log(None, N, 7, 3)),
    ("me llevé un no 8 -> 4", _log(None, N, 8, 4)),
    ("le pedí una foto al camarero, dijo que sí, antes 8 después 4",
     _log("le pedí una foto al camarero", Y, 8, 4)),
    ("pregunté por una mesa mejor: aceptaron. 6 a 2", _log("pregunté por una mesa mejor", Y, 6, 2)),
    ("pedí agua del grifo, sin problema, 5 -> 1", _log("pedí agua del grifo", Y, 5, 1)),
    ("escribí a un antiguo amigo; no contestó; 7 -> 5",
     _log("escribí a un antiguo amigo", NA, 7, 5)),
    ("invité a una compañera a comer, me dejó en visto, 9 -> 6",
     _log("invité a una compañera a comer", NA, 9, 6)),
    ("llamé a la tienda y no lo cogieron, 4 → 3", _log(None, NA, 4, 3)),
    ("propuse una idea en la reunión, lo van a pensar, 8 -> 5",
     _log("propuse una idea en la reunión", P, 8, 5)),
    ("pedí un aumento, tiene que preguntar a su jefe, 9 -> 7", _log("pedí un aumento", P, 9, 7)),
    ("quería preguntar pero me rajé, 8 -> 8", _log("quería preguntar", D, 8, 8)),
    ("me dio miedo, 9 -> 9", _log(None, D, 9, 9)),
    ("pedí un descuento, me rechazaron, antes 7, después 3", _log("pedí un descuento", N, 7, 3)),
    ("pedí un descuento, me rechazaron, 7 antes y 3 después", _log("pedí un descuento", N, 7, 3)),
    ("pedí un descuento: no. 7 -> 3", _log("pedí un descuento", N, 7, 3)),
    ("pedí un descuento ❌ 7->3", _log("pedí un descuento", N, 7, 3)),
    ("pedí probar el café ✅ 6 → 2", _log("pedí probar el café", Y, 6, 2)),
    ("me dijeron que no, ansiedad de 7 a 3", _log(None, N, 7, 3)),
    ("me dijeron que no, los nervios bajaron de siete a tres", _log(None, N, 7, 3)),
    ("me dijeron que no, siete -> tres", _log(None, N, 7, 3)),
    ("dijo que sí!! 6,5 -> 2", _log(None, Y, 6.5, 2)),
    ("pedí indicaciones a un desconocido, me ignoró, 70% -> 40%",
     _log("pedí indicaciones a un desconocido", NA, 7, 4)),
    ("pedí un descuento, me dijeron que no, 7/10 -> 3/10", _log("pedí un descuento", N, 7, 3)),
    ("al principio 8, al final 4, me dijeron que sí", _log(None, Y, 8, 4)),
]  # fmt: skip
NOT_QUICK_LOGS = [
    "no", "me dijeron que no", "7 -> 3", "antes estaba a un 7 y fue bien",
    "pedí un descuento", "pedí un descuento, 7 -> 3", "mmm 7 -> 3", "",
    "me dijeron que no, 7 -> 3 y luego 8 -> 2", "me dijeron que no 15 -> 3",
    "sí y no, 7 -> 3", "a las 7 -> 3", "me muero de vergüenza, 7 -> 3",
    "qué fuerte, de 7 a 3",
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), QUICK_LOGS)
def test_quick_log(text: str, expected: QuickLog) -> None:
    assert parse_quick_log(text, ES) == expected


@pytest.mark.parametrize("text", NOT_QUICK_LOGS)
def test_not_a_quick_log(text: str) -> None:
    assert parse_quick_log(text, ES) is None


# ─── Time zones ──────────────────────────────────────────────────────────────
# English: 121 zones, 31 unknown or ambiguous.
MADRID, MEX, BA = "Europe/Madrid", "America/Mexico_City", "America/Argentina/Buenos_Aires"
ZONES = [
    ("Madrid", MADRID), ("madrid", MADRID), ("MADRID", MADRID), ("Barcelona", MADRID),
    ("Sevilla", MADRID), ("Valencia", MADRID), ("Bilbao", MADRID), ("Málaga", MADRID),
    ("Zaragoza", MADRID), ("Palma de Mallorca", MADRID), ("Granada", MADRID),
    ("A Coruña", MADRID), ("San Sebastián", MADRID), ("Santiago de Compostela", MADRID),
    ("España", MADRID), ("espana", MADRID), ("hora peninsular", MADRID),
    ("Canarias", "Atlantic/Canary"), ("Islas Canarias", "Atlantic/Canary"),
    ("Tenerife", "Atlantic/Canary"), ("Las Palmas de Gran Canaria", "Atlantic/Canary"),
    ("Lanzarote", "Atlantic/Canary"), ("hora de Canarias", "Atlantic/Canary"),
    ("Ciudad de México", MEX), ("ciudad de mexico", MEX), ("CDMX", MEX), ("México DF", MEX),
    ("Guadalajara", MEX), ("Puebla", MEX), ("Monterrey", "America/Monterrey"),
    ("Tijuana", "America/Tijuana"), ("Cancún", "America/Cancun"), ("Mérida", "America/Merida"),
    ("Hermosillo", "America/Hermosillo"), ("Buenos Aires", BA), ("buenos aires", BA),
    ("Rosario", BA), ("Argentina", BA), ("Bogotá", "America/Bogota"),
    ("Bogota", "America/Bogota"), ("Medellín", "America/Bogota"), ("Cali", "America/Bogota"),
    ("Colombia", "America/Bogota"), ("Lima", "America/Lima"), ("Perú", "America/Lima"),
    ("Santiago", "America/Santiago"), ("Santiago de Chile", "America/Santiago"),
    ("Valparaíso", "America/Santiago"), ("Chile", "America/Santiago"),
    ("Caracas", "America/Caracas"), ("Venezuela", "America/Caracas"),
    ("Quito", "America/Guayaquil"), ("Guayaquil", "America/Guayaquil"),
    ("Ecuador", "America/Guayaquil"), ("La Paz", "America/La_Paz"),
    ("Bolivia", "America/La_Paz"), ("Asunción", "America/Asuncion"),
    ("Paraguay", "America/Asuncion"), ("Montevideo", "America/Montevideo"),
    ("Uruguay", "America/Montevideo"), ("La Habana", "America/Havana"),
    ("Cuba", "America/Havana"), ("Santo Domingo", "America/Santo_Domingo"),
    ("República Dominicana", "America/Santo_Domingo"), ("San Juan", "America/Puerto_Rico"),
    ("Puerto Rico", "America/Puerto_Rico"), ("San José", "America/Costa_Rica"),
    ("Costa Rica", "America/Costa_Rica"), ("Panamá", "America/Panama"),
    ("Guatemala", "America/Guatemala"), ("Tegucigalpa", "America/Tegucigalpa"),
    ("El Salvador", "America/El_Salvador"), ("Managua", "America/Managua"),
    ("Nueva York", "America/New_York"), ("Los Ángeles", "America/Los_Angeles"),
    ("Miami", "America/New_York"), ("Londres", "Europe/London"), ("París", "Europe/Paris"),
    ("Berlín", "Europe/Berlin"), ("Múnich", "Europe/Berlin"), ("Roma", "Europe/Rome"),
    ("Lisboa", "Europe/Lisbon"), ("Moscú", "Europe/Moscow"), ("Tokio", "Asia/Tokyo"),
    ("Varsovia", "Europe/Warsaw"), ("Bruselas", "Europe/Brussels"), ("Viena", "Europe/Vienna"),
    ("Praga", "Europe/Prague"), ("Atenas", "Europe/Athens"), ("Estambul", "Europe/Istanbul"),
    ("Ginebra", "Europe/Zurich"), ("Estocolmo", "Europe/Stockholm"),
    ("Singapur", "Asia/Singapore"), ("Seúl", "Asia/Seoul"), ("Alemania", "Europe/Berlin"),
    ("Francia", "Europe/Paris"), ("Reino Unido", "Europe/London"),
    ("Inglaterra", "Europe/London"), ("Japón", "Asia/Tokyo"), ("Kiev", "Europe/Kyiv"),
    # Sentences, lead-ins and parts
    ("vivo en Madrid", MADRID), ("Vivo en Barcelona", MADRID), ("soy de Bogotá", "America/Bogota"),
    ("estoy en Lima ahora mismo", "America/Lima"), ("en Santiago", "America/Santiago"),
    ("mi zona horaria es Europe/Madrid", MADRID), ("zona horaria de Madrid", MADRID),
    ("la hora de Buenos Aires", BA), ("horario de Canarias", "Atlantic/Canary"),
    ("Sevilla, España", MADRID), ("Barcelona (España)", MADRID),
    ("Buenos Aires, Argentina", BA), ("Guadalajara, México", MEX),
    ("Lima, Perú", "America/Lima"), ("Medellín, Colombia", "America/Bogota"),
    ("me mudé a Madrid el año pasado", MADRID), ("cerca de Valencia", MADRID),
    ("Madrid por favor", MADRID), ("Madrid, gracias", MADRID),
    ("vivo en la Ciudad de México", MEX), ("estoy viviendo en Montevideo", "America/Montevideo"),
    # IANA names and offsets
    ("Europe/Madrid", MADRID), ("america/bogota", "America/Bogota"),
    ("America/Argentina/Buenos_Aires", BA), ("UTC+1", "Etc/GMT-1"), ("GMT-5", "Etc/GMT+5"),
    ("utc -3", "Etc/GMT+3"), ("UTC-6", "Etc/GMT+6"), ("UTC", "UTC"), ("+05:30", "Asia/Kolkata"),
    ("Madrid (UTC+1)", MADRID), ("mi zona es UTC-4", "Etc/GMT+4"), ("CET", "Europe/Berlin"),
    ("Bogtá", "America/Bogota"), ("Barcelna", MADRID), ("Montevido", "America/Montevideo"),
]  # fmt: skip
NO_ZONE = [
    "", "   ", "México", "mexico", "Estados Unidos", "EEUU", "EE.UU.", "Canadá", "Brasil",
    "Rusia", "Australia", "Europa", "Córdoba", "Georgia", "IST", "CST", "la Tierra", "mi casa",
    "no sé", "hola", "en el trabajo", "UTC+25", "GMT+15", "París, Texas", "Londres, Ontario",
    "España o Portugal", "entre Madrid y Londres", "vivo en Madrid y trabajo en Lisboa",
    "🙂", "???", "12345", "Marte",
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), ZONES)
def test_time_zone(text: str, expected: str) -> None:
    assert resolve_timezone(text, ES) == expected


@pytest.mark.parametrize("text", NO_ZONE)
def test_unknown_or_ambiguous_time_zone(text: str) -> None:
    assert resolve_timezone(text, ES) is None


# ─── Nudge times ─────────────────────────────────────────────────────────────
# English: 66 times, 16 invalid.
NUDGE_TIMES = [
    ("a las 7 de la tarde", time(19)), ("a las siete de la tarde", time(19)),
    ("7 de la tarde", time(19)), ("a las 8", time(8)), ("a las ocho", time(8)),
    ("a las 8 de la mañana", time(8)), ("8 de la mañana", time(8)),
    ("a las siete y media", time(7, 30)), ("siete y media", time(7, 30)),
    ("a las 7 y media de la tarde", time(19, 30)), ("a las ocho y cuarto", time(8, 15)),
    ("a las nueve menos cuarto", time(8, 45)), ("a las ocho menos diez", time(7, 50)),
    ("a la una", time(13)), ("a la una y media", time(13, 30)), ("19:30", time(19, 30)),
    ("a las 19:30", time(19, 30)), ("19.30", time(19, 30)), ("19h", time(19)),
    ("a las 19 h", time(19)), ("20h30", time(20, 30)), ("08:30", time(8, 30)),
    ("8:30", time(8, 30)), ("0830", time(8, 30)), ("20:15", time(20, 15)),
    ("17:00", time(17)), ("00:00", time(0)), ("7:07", time(7, 7)), ("7", time(7)),
    ("12", time(12)), ("3", time(15)), ("03:00", time(3)), ("13", time(13)),
    ("8 pm", time(20)), ("8 p. m.", time(20)), ("8 a. m.", time(8)),
    ("a las 8 en punto", time(8)), ("sobre las 7 y pico", time(7)),
    ("a las nueve de la noche", time(21)), ("9 de la noche", time(21)),
    ("esta noche a las 8", time(20)), ("a las 3 de la madrugada", time(3)),
    ("a las 6 después del trabajo", time(18)), ("a las 19 de la tarde", time(19)),
    ("todos los días a las 9", time(9)), ("a las siete y treinta", time(7, 30)),
    ("ocho", time(8)), ("las diez", time(10)),
    # named times
    ("mediodía", time(12)), ("al mediodía", time(12)), ("medianoche", time(0)),
    ("por la mañana", time(9)), ("por las mañanas", time(9)), ("temprano por la mañana", time(7)),
    ("a primera hora", time(7)), ("a media mañana", time(11)),
    ("a la hora de comer", time(12, 30)), ("por la tarde", time(15)),
    ("por las tardes", time(15)), ("después del trabajo", time(18)),
    ("al salir del cole", time(16)), ("a la hora de cenar", time(19)),
    ("después de cenar", time(20)), ("esta noche", time(19)), ("por la noche", time(21)),
    ("antes del trabajo", time(8)), ("en el desayuno", time(8)), ("tarde", time(15)),
]  # fmt: skip
NO_NUDGE_TIME = [
    "", "plátano", "🙂", "25:00", "24:00", "8:60", "a las 8:5", "a las 8 pm de la mañana",
    "a las 15 de la mañana", "a las 8 o a las 9", "entre las 8 y las 9",
    "por la mañana y por la tarde", "cuando sea", "12345", "8 o 9", "13 pm",
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), NUDGE_TIMES)
def test_nudge_time(text: str, expected: time) -> None:
    assert parse_nudge_time(text, ES) == expected


@pytest.mark.parametrize("text", NO_NUDGE_TIME)
def test_invalid_nudge_time(text: str) -> None:
    assert parse_nudge_time(text, ES) is None


# ─── Quiet hours ─────────────────────────────────────────────────────────────
# English: 42 ranges, 26 unclear.
QUIET_HOURS = [
    ("de 22 a 7", time(22), time(7)), ("de 22:00 a 7:30", time(22), time(7, 30)),
    ("22:00-7:30", time(22), time(7, 30)), ("22 - 7", time(22), time(7)),
    ("23:00–06:30", time(23), time(6, 30)), ("de las 22 a las 7", time(22), time(7)),
    ("desde las 23:00 hasta las 7:00", time(23), time(7)),
    ("desde las 23 hasta las 7", time(23), time(7)), ("22 hasta 7", time(22), time(7)),
    ("entre las 11 y las 6", time(23), time(6)), ("entre las 22 y las 8", time(22), time(8)),
    ("de 10 de la noche a 7 de la mañana", time(22), time(7)),
    ("de las 10 de la noche a las 7 de la mañana", time(22), time(7)),
    ("de 10 de la noche a 7", time(22), time(7)), ("de diez a siete", time(22), time(7)),
    ("de las diez a las siete", time(22), time(7)),
    ("de veintidós a siete", time(22), time(7)), ("de medianoche a 9", time(0), time(9)),
    ("de medianoche a las nueve", time(0), time(9)), ("de mediodía a 8 pm", time(12), time(20)),
    ("de 10 pm a 7 am", time(22), time(7)), ("de 22h a 7h", time(22), time(7)),
    ("2200-0700", time(22), time(7)), ("de 21:30 a 8:00", time(21, 30), time(8)),
    ("de 9 y media de la noche a 7", time(21, 30), time(7)),
    ("silencio de 22 a 7 por favor", time(22), time(7)), ("de 22 a 7, gracias", time(22), time(7)),
    ("no me escribas de 23 a 8", time(23), time(8)), ("de 22 a 12", time(22), time(12)),
    ("de 0 a 8", time(0), time(8)), ("de 10:00 a 18:00", time(10), time(18)),
    ("de 10 a 7", time(22), time(7)), ("de 10 a 6", time(22), time(6)),
    ("de 1 a 9", time(1), time(9)), ("de 12 a 8", time(0), time(8)),
    ("de 9 a 5", time(21), time(5)), ("de 7 a 7", time(19), time(7)),
    ("de 10 de la mañana a 6 de la tarde", time(10), time(18)),
    ("de 22 de la noche a 7 de la mañana", time(22), time(7)),
    ("de 11 de la noche a 6 de la madrugada", time(23), time(6)),
    ("de 7 a 7 de la mañana", time(19), time(7)), ("de 22:00 a 22:00", time(22), time(22)),
    ("entre las diez y las seis", time(22), time(6)),
]  # fmt: skip
NO_QUIET_HOURS = [
    "", "   ", "cuando sea", "por la noche", "🙂", "22", "de 22", "a las 22", "22 7",
    "de 22 a 7 a 8", "de 10 u 11 a 7", "de 22 a 7 y de 23 a 8", "de 25 a 7", "de 22:60 a 7",
    "de 13 pm a 7 am", "de 10 pm de la mañana a 7", "de 15 de la mañana a 20",
    "de 10 a 7 menos cuarto", "de 11 menos cuarto a 7", "no de 22 a 7", "de 730 a 22",
    "22:00/07:00", "de 10 de la mañana y de la tarde a 7", "nunca", "toda la noche",
    "de 0 am a 7 am",
]  # fmt: skip


@pytest.mark.parametrize(("text", "start", "end"), QUIET_HOURS)
def test_quiet_hours(text: str, start: time, end: time) -> None:
    assert parse_quiet_hours(text, ES) == (start, end)


@pytest.mark.parametrize("text", NO_QUIET_HOURS)
def test_unclear_quiet_hours(text: str) -> None:
    assert parse_quiet_hours(text, ES) is None


# ─── "Did you ask?" in the logging conversation ──────────────────────────────
# English (tests/domain/flows/test_log.py): 13.
DID_YOU_ASK: list[tuple[str, object]] = [
    ("sí", True), ("sí, lo hice", True), ("¡sí!", True), ("lo pregunté", True),
    ("no", D), ("nop", D), ("esta vez no", D), ("todavía no", NotYet.LATER), ("me rajé", D),
    ("mañana", NotYet.TOMORROW),
    ("me dijeron que no", N), ("me llevé un no 🙅", N), ("¡me dijo que sí!", Y),
    ("me dejó en visto", NA), ("no me contestaron", NA), ("plátano", None),
]  # fmt: skip


@pytest.mark.parametrize(("typed", "expected"), DID_YOU_ASK)
def test_did_you_ask(typed: str, expected: object) -> None:
    answer = read_typed(Step.ASKED, typed, ES)
    assert (answer.value if answer else None) == expected


@given(text=st.text(max_size=80))
@settings(max_examples=300, deadline=None)
def test_every_parser_is_total_in_spanish(text: str) -> None:
    for parse in (parse_anxiety, parse_no_chance, parse_outcome, parse_yes_no, parse_control,
                  parse_quick_log, parse_nudge_time, parse_quiet_hours, resolve_timezone,
                  parse_pace, parse_weekdays):  # fmt: skip
        parse(text, ES)
    parse_pause_days(text, 0, ES)


# ─── Settings choices and /idea ──────────────────────────────────────────────
# English: pace 12, weekdays 5 (+3 single), weekly limit 8, level 5, idea 7.
PACE = [
    ("a diario", Pace.DAILY), ("Todos los días por favor", Pace.DAILY), ("cada día", Pace.DAILY),
    ("diario", Pace.DAILY), ("7 días a la semana", Pace.DAILY),
    ("entre semana", Pace.WEEKDAYS), ("de lunes a viernes", Pace.WEEKDAYS),
    ("días laborables", Pace.WEEKDAYS), ("solo laborables", Pace.WEEKDAYS),
    ("3 veces por semana", Pace.THREE_A_WEEK), ("tres veces a la semana", Pace.THREE_A_WEEK),
    ("TRES", Pace.THREE_A_WEEK), ("mmm", None), ("", None),
]  # fmt: skip
WEEKDAYS = [
    ("lun, mié y vie", {0, 2, 4}), ("lunes, miércoles y viernes", {0, 2, 4}),
    ("martes jueves sábado", {1, 3, 5}), ("dom", {6}), ("los domingos", {6}),
    ("Miercoles y Sabado", {2, 5}), ("este mes", set()), ("", set()),
]  # fmt: skip
ONE_WEEKDAY = [("el domingo por la tarde", 6), ("sábado o domingo", None), ("cuando sea", None),
               ("el lunes", 0)]  # fmt: skip
CAP_CHOICES = (2, 3, 5, 7, 0)
WEEKLY_LIMIT = [
    ("3", 3), ("3 por semana", 3), ("5 a la semana", 5), ("hasta 5", 5), ("sin límite", 0),
    ("¡Ilimitado!", 0), ("4", None), ("2 o 3", None), ("100", None), ("muchas", None),
]  # fmt: skip
LEVEL = [("1", 1), ("nivel 5", 5), ("el 3", 3), ("6", None), ("2 o 3", None), ("", None)]
IDEAS = [
    (["más", "fácil"], IdeaRequest(-1, None, None)), (["fácil"], IdeaRequest(-1, None, None)),
    (["Suave"], IdeaRequest(-1, None, None)), (["más", "difícil"], IdeaRequest(+1, None, None)),
    (["atrevida"], IdeaRequest(+1, None, None)),
    (["comida"], IdeaRequest(0, "food_and_drink", None)),
    (["Vecinos"], IdeaRequest(0, "neighbours_and_community", None)),
    (["trabajo"], IdeaRequest(0, "work_and_career", None)),
    (["ganchillo"], IdeaRequest(0, None, "ganchillo")), ([], IdeaRequest(0, None, None)),
]  # fmt: skip


@pytest.mark.parametrize(("typed", "pace"), PACE)
def test_pace(typed: str, pace: Pace | None) -> None:
    assert parse_pace(typed, ES) == pace


@pytest.mark.parametrize(("typed", "days"), WEEKDAYS)
def test_weekdays(typed: str, days: set[int]) -> None:
    assert parse_weekdays(typed, ES) == frozenset(days)


@pytest.mark.parametrize(("typed", "day"), ONE_WEEKDAY)
def test_one_weekday(typed: str, day: int | None) -> None:
    assert parse_weekday(typed, ES) == day


@pytest.mark.parametrize(("typed", "limit"), WEEKLY_LIMIT)
def test_weekly_limit(typed: str, limit: int | None) -> None:
    assert parse_weekly_limit(typed, CAP_CHOICES, ES) == limit


@pytest.mark.parametrize(("typed", "level"), LEVEL)
def test_level(typed: str, level: int | None) -> None:
    assert parse_level(typed, ES) == level


@pytest.mark.parametrize(("args", "request_"), IDEAS)
def test_idea_request(args: list[str], request_: IdeaRequest) -> None:
    assert parse_idea_request(args, ES) == request_


# ─── Pause durations ─────────────────────────────────────────────────────────
# English (tests/domain/test_pauses.py): 17 durations, 6 unclear. Today is a Wednesday.
PAUSE_DAYS = [
    ("3", 3), ("3 días", 3), ("3 dias", 3), ("durante 3 días por favor", 3), ("1 día", 1),
    ("un día", 1), ("una semana", 7), ("1 semana", 7), ("2 semanas", 14), ("dos semanas", 14),
    ("quince días", 15), ("diez días", 10), ("un mes", 30), ("hasta el lunes", 5),
    ("hasta el viernes", 2), ("hasta el miércoles que viene", 7), ("hasta el domingo", 4),
    ("hasta el sábado", 3),
]  # fmt: skip
NO_PAUSE_DAYS = ["", "plátano", "3 días o una semana", "hasta algún día", "un tiempo", "🙂"]


@pytest.mark.parametrize(("text", "days"), PAUSE_DAYS)
def test_pause_days(text: str, days: int) -> None:
    assert parse_pause_days(text, 2, ES) == days


@pytest.mark.parametrize("text", NO_PAUSE_DAYS)
def test_unclear_pause(text: str) -> None:
    assert parse_pause_days(text, 2, ES) is None


# ─── At least as many Spanish cases as English ones, and fast ────────────────
# The English counts, from `pytest --collect-only` on the English test files.
ENGLISH_CASES: dict[str, tuple[int, Sized]] = {
    "anxiety": (65, ANXIETY), "chance of a no": (32, NO_CHANCE),
    "scale unsure": (33, SCALE_UNSURE + SCALE_UNSURE_ANXIETY), "raw": (6, RAW),
    "yes": (32, YES), "no": (30, NO), "yes/no unclear": (15, YES_NO_UNCLEAR),
    "outcome": (69, OUTCOMES), "outcome unclear": (12, OUTCOME_UNCLEAR),
    "control": (32, CONTROL), "not control": (13, NOT_CONTROL),
    "did you ask": (13, DID_YOU_ASK),
    "quick log": (25, QUICK_LOGS), "not a quick log": (14, NOT_QUICK_LOGS),
    "time zone": (121, ZONES), "no time zone": (31, NO_ZONE),
    "nudge time": (66, NUDGE_TIMES), "no nudge time": (16, NO_NUDGE_TIME),
    "quiet hours": (42, QUIET_HOURS), "no quiet hours": (26, NO_QUIET_HOURS),
    "pause days": (17, PAUSE_DAYS), "no pause days": (6, NO_PAUSE_DAYS),
    "pace": (12, PACE), "weekdays": (8, WEEKDAYS + ONE_WEEKDAY),
    "weekly limit": (8, WEEKLY_LIMIT), "level": (5, LEVEL), "idea": (7, IDEAS),
}  # fmt: skip


@pytest.mark.parametrize("table", sorted(ENGLISH_CASES))
def test_spanish_tables_are_at_least_as_big_as_english_ones(table: str) -> None:
    english, spanish = ENGLISH_CASES[table]
    assert len(spanish) >= english


def test_a_spanish_message_parses_fast() -> None:
    """Every parser over a typical Spanish message, well under a millisecond each."""
    texts = [text for text, _ in QUICK_LOGS]
    started = clock.perf_counter()
    for text in texts:
        parse_quick_log(text, ES)
        parse_outcome(text, ES)
        parse_anxiety(text, ES)
        parse_yes_no(text, ES)
        parse_control(text, ES)
        parse_nudge_time(text, ES)
        resolve_timezone(text, ES)
    per_message = (clock.perf_counter() - started) / len(texts)
    assert per_message < 0.05  # generous for a shared 2-core machine
