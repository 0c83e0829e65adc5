"""Messages built outside a handler too (the scheduler): idea cards, nudges, follow-ups.

Everything takes the Texts and a random source explicitly, so the scheduler (no update,
no handler context) and the handlers render exactly the same thing.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date

from bot.domain import dates, forecasts
from bot.domain.forecasts import Prediction
from bot.domain.recap import WeekSummary
from bot.services.ideas import Idea
from bot.telegram.keyboards import Button, Cb, IdeaAction, Keyboard, pack
from bot.texts import Markup, Texts

# The care button that lifts the weekly pace for the week (bot.telegram.handlers.care).
CARE_KEEP_GOING = "more"


def menu_commands(texts: Texts) -> list[dict[str, str]]:
    """The command menu in one language, as setMyCommands takes it: every command with a
    description under `commands` in the texts, in file order. /start is left out, since
    Telegram shows its own Start button."""
    return [
        {"command": key.removeprefix("commands."), "description": texts.plain(key)}
        for key in texts.section("commands")
        if key != "commands.start"
    ]


def idea_card(texts: Texts, rng: random.Random, idea: Idea) -> str:
    # A catalog idea in the person's language (the database keeps the English source).
    spec = texts.ideas_by_id.get(idea.catalog_key or "")
    text, tip = (spec.text, spec.tip) if spec is not None else (idea.text, idea.tip)
    if idea.personal:
        card = texts("ideas.personal_card", rng, level=idea.level, text=text)
    else:
        category = texts.plain(f"categories.{idea.category}", rng)
        card = texts("ideas.card", rng, level=idea.level, category=category, text=text)
    if tip:
        card += "\n\n" + texts("ideas.tip", rng, tip=tip)
    return card


def idea_keyboard(texts: Texts, rng: random.Random, idea: Idea) -> Keyboard:
    """The buttons under an idea from /idea."""

    def make(key: str, action: IdeaAction) -> Button:
        return Button(texts.plain(key, rng), pack(Cb.IDEA, action, idea.id))

    return [
        [make("buttons.idea.try", IdeaAction.TRY)],
        [
            make("buttons.idea.another", IdeaAction.ANOTHER),
            make("buttons.idea.nope", IdeaAction.NOT_FOR_ME),
        ],
        [
            make("buttons.idea.easier", IdeaAction.EASIER),
            make("buttons.idea.bolder", IdeaAction.BOLDER),
        ],
    ]


def nudge_keyboard(texts: Texts, rng: random.Random, idea: Idea) -> Keyboard:
    """A nudge's buttons: I'll try it, Another idea, Not today."""

    def make(key: str, action: IdeaAction) -> Button:
        return Button(texts.plain(key, rng), pack(Cb.NUDGE, action, idea.id))

    return [
        [make("buttons.idea.try", IdeaAction.TRY)],
        [
            make("buttons.nudge.another", IdeaAction.ANOTHER),
            make("buttons.nudge.not_today", IdeaAction.NOT_TODAY),
        ],
    ]


def nudge_text(
    texts: Texts,
    rng: random.Random,
    idea: Idea,
    *,
    name: str,
    welcome_back: bool,
    recent: Sequence[str] = (),
) -> tuple[str, str]:
    """The nudge and its opening's tag; the opening rotates away from the person's `recent`
    lines, so daily nudges don't greet them with the same sentence twice in a row."""
    opening_key = "nudge.welcome_back" if welcome_back else "nudge.opening"
    opening, tag = texts.rotate(
        opening_key, rng, recent, name=name or texts.plain("nudge.friend", rng)
    )
    card = Markup(idea_card(texts, rng, idea))
    return texts("nudge.layout", rng, opening=Markup(opening), card=card), tag


# The "Not yet" under several folded check-ins answers for all of them.
ALL_CHECKINS = 0


def cap_keyboard(texts: Texts, rng: random.Random) -> Keyboard:
    """Under the weekly-pace note: lift the pace for this week."""
    label = texts.plain("buttons.care.keep_nudging", rng)
    return [[Button(label, pack(Cb.CARE, CARE_KEEP_GOING))]]


def followup_keyboard(texts: Texts, rng: random.Random, attempt_id: int) -> Keyboard:
    return [
        [
            Button(texts.plain("buttons.log.i_asked", rng), pack(Cb.FOLLOWUP, attempt_id, "y")),
            Button(texts.plain("buttons.log.asked_no", rng), pack(Cb.FOLLOWUP, attempt_id, "n")),
        ],
        [Button(texts.plain("buttons.log.not_yet", rng), pack(Cb.FOLLOWUP, attempt_id, "l"))],
    ]


def followup_message(
    texts: Texts, rng: random.Random, name: str, ideas: list[tuple[int, str]]
) -> tuple[str, Keyboard]:
    """One check-in message for one or several planned asks (oldest first): several
    overdue check-ins are folded into one list with a button per ask and one "Not yet"."""
    if len(ideas) == 1:
        [(attempt_id, idea)] = ideas
        text = texts("followup.text", rng, name=name, idea=idea)
        return text, followup_keyboard(texts, rng, attempt_id)
    items = [
        texts("followup.item", rng, number=number, idea=idea)
        for number, (_, idea) in enumerate(ideas, start=1)
    ]
    text = texts("followup.several", rng, name=name, ideas=Markup("\n".join(items)))
    rows: list[list[Button]] = [
        [
            Button(
                texts.plain("buttons.log.i_asked_number", rng, number=number),
                pack(Cb.FOLLOWUP, attempt_id, "y"),
            )
        ]
        for number, (attempt_id, _) in enumerate(ideas, start=1)
    ]
    rows.append(
        [Button(texts.plain("buttons.log.not_yet", rng), pack(Cb.FOLLOWUP, ALL_CHECKINS, "l"))]
    )
    return text, rows


# -- weekly recap -------------------------------------------------------------------------------


def recap_text(
    texts: Texts,
    rng: random.Random,
    summary: WeekSummary,
    *,
    name: str,
    dates: str,
    level: int,
    so_far: bool = False,
    buddy: str | None = None,
) -> str:
    """The recap in words: credit first, numbers in plain language, their own lessons,
    and one gentle suggestion. Empty weeks get warmth, never guilt."""
    heading = (
        texts("recap.heading_so_far", rng, dates=dates)
        if so_far
        else texts("recap.heading", rng, name=name or texts.plain("nudge.friend", rng), dates=dates)
    )
    both = None
    if buddy is not None and summary.asked + summary.not_asked > 0:
        # Only "you both practised": never what, how often or how it went for the buddy.
        both = texts("recap.buddy_both", rng, name=buddy)
    body = _recap_body(texts, rng, summary, level, both)
    return "\n\n".join([heading, *body])


# The recap is short: at most this many lines, the heading included (issue 15.10).
RECAP_LINES_MAX = 8


def _recap_body(
    texts: Texts, rng: random.Random, summary: WeekSummary, level: int, both: str | None
) -> list[str]:
    """One headline number (the asks), the forecast line, the person's own words, one
    suggestion, and an ending that is true of this week (never "it's working" after one
    ask). Outcome counts and averages live in /stats and the chart."""
    if summary.asked == 0:
        key = "recap.only_not_asked" if summary.not_asked else "recap.empty"
        return [texts(key, rng), *([both] if both else [])]
    headline = (
        texts("recap.asked_one", rng)
        if summary.asked == 1
        else texts("recap.asked_many", rng, count=summary.asked)
    )
    paragraphs = [headline]
    if summary.prediction is not None:
        paragraphs.append(forecast_sentence(texts, rng, summary.prediction))
    if summary.not_asked:
        paragraphs.append(texts("recap.not_asked_too", rng, count=summary.not_asked))
    if summary.lessons:
        paragraphs.append(texts("recap.in_their_words", rng, lesson=summary.lessons[0]))
    if both is not None:
        paragraphs.append(both)
    bravest = summary.bravest
    room = RECAP_LINES_MAX - 1 - len(paragraphs) - 2  # the heading; the suggestion, the ending
    if bravest is not None and bravest.title and summary.asked > 1 and room > 0:
        spec = texts.ideas_by_id.get(bravest.catalog_key or "")
        # The database keeps a catalog idea in English: name it in the person's language.
        title = short_title(spec.text if spec is not None else bravest.title, limit=80)
        paragraphs.append(texts("recap.bravest", rng, title=title))
    next_level = min(level + 1, 5)
    paragraphs.append(texts(f"recap.suggestion.{summary.suggestion.value}", rng, level=next_level))
    paragraphs.append(texts(f"recap.ending.{recap_ending(summary)}", rng))
    return paragraphs


def recap_ending(summary: WeekSummary) -> str:
    """The closing line: the truest thing to say about this particular week."""
    if summary.asked == 1:
        return "one_ask"
    before, after = summary.average_before, summary.average_after
    if before is not None and after is not None and after < before:
        return "settled"
    if summary.noes:
        return "heard_no"
    return "showed_up"


def forecast_sentence(texts: Texts, rng: random.Random, found: Prediction) -> str:
    """ "You expected a no about 72% of the time; you heard one 38% of the time." plus a
    kind word: the same sentence in the weekly recap and on the dashboard. A single guess
    is told as one ask, so a week with other no's never reads "you heard one 0%"."""
    if found.asks == 1:  # "0% of the time" over one guess reads as "no no's at all"
        key = "recap.prediction_one_no" if found.heard_no_pct else "recap.prediction_one_spared"
        line = texts(key, rng, expected=found.expected_no_pct)
    else:
        expected, heard = found.expected_no_pct, found.heard_no_pct
        line = texts("recap.prediction", rng, expected=expected, heard=heard)
    if forecasts.kinder_than_feared(found):
        line += " " + texts("recap.prediction_kinder", rng)
    elif found.heard_no_pct > 0:
        line += " " + texts("recap.prediction_as_expected", rng)
    return line


def dashboard_keyboard(texts: Texts, rng: random.Random, webapp_url: str | None) -> Keyboard:
    """ "📊 Open dashboard" under /stats and the recap, only when the Mini App is served."""
    if webapp_url is None:
        return []
    return [[Button(texts.plain("dashboard.open_button", rng), "", web_app=webapp_url)]]


def menu_button(texts: Texts, webapp_url: str) -> dict[str, object]:
    """The button next to the message box that opens the dashboard, as
    setChatMenuButton takes it, labelled in one language."""
    return {
        "type": "web_app",
        "text": texts.plain("dashboard.menu_button"),
        "web_app": {"url": webapp_url},
    }


def short_title(idea: str, *, limit: int = 40) -> str:
    """The first sentence of an idea, cut at a word boundary (for lists and recaps)."""
    first = idea.split(". ")[0].rstrip(".")
    if len(first) <= limit:
        return first
    return first[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


# -- charts -------------------------------------------------------------------------------------


def chart_labels(texts: Texts, rng: random.Random) -> dict[str, str]:
    names = ("title_anxiety", "before", "after", "axis_anxiety", "title_weeks", "asks", "noes")
    labels = {name: texts.plain(f"stats.chart.{name}", rng) for name in names}
    return labels | {"language": texts.language}


def chart_caption(texts: Texts, rng: random.Random, *, weeks: int, change: float | None) -> str:
    if change is None:
        summary = texts("stats.caption_no_pairs", rng)
    elif change <= -0.5:
        summary = texts("stats.caption_change_down", rng, difference=f"{-change:g}")
    elif change >= 0.5:
        summary = texts("stats.caption_change_up", rng, difference=f"{change:g}")
    else:
        summary = texts("stats.caption_change_none", rng)
    return texts("stats.caption", rng, weeks=weeks, summary=Markup(summary))


def week_dates(start: date, language: str) -> str:
    return dates.week_span(start, language)
