"""Messages built outside a handler too (the scheduler): idea cards, nudges, follow-ups.

Everything takes the Texts and a random source explicitly, so the scheduler (no update,
no handler context) and the handlers render exactly the same thing.
"""

from __future__ import annotations

import random
from datetime import date

from bot.domain import dates, forecasts
from bot.domain.forecasts import Prediction
from bot.domain.recap import WeekSummary
from bot.services.ideas import Idea
from bot.telegram.keyboards import Button, Cb, IdeaAction, Keyboard, pack
from bot.texts import Markup, Texts

# Commands shown in Telegram's menu, in this order (descriptions live in prompts.yaml).
MENU_COMMANDS = (
    "idea",
    "log",
    "history",
    "recap",
    "stats",
    "buddy",
    "settings",
    "language",
    "pause",
    "resume",
    "export",
    "delete",
    "help",
    "about",
    "cancel",
)


def menu_commands(texts: Texts) -> list[dict[str, str]]:
    """The command menu in one language, as setMyCommands takes it."""
    return [
        {"command": name, "description": texts.plain(f"commands.{name}")} for name in MENU_COMMANDS
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
    texts: Texts, rng: random.Random, idea: Idea, *, name: str, welcome_back: bool
) -> str:
    opening_key = "nudge.welcome_back" if welcome_back else "nudge.opening"
    opening = texts(opening_key, rng, name=name or texts.plain("nudge.friend", rng))
    return texts(
        "nudge.layout", rng, opening=Markup(opening), card=Markup(idea_card(texts, rng, idea))
    )


def followup_keyboard(texts: Texts, rng: random.Random, attempt_id: int) -> Keyboard:
    return [
        [
            Button(texts.plain("buttons.log.i_asked", rng), pack(Cb.FOLLOWUP, attempt_id, "y")),
            Button(texts.plain("buttons.log.asked_no", rng), pack(Cb.FOLLOWUP, attempt_id, "n")),
        ]
    ]


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
    body = _recap_body(texts, rng, summary, level)
    if buddy is not None and summary.asked + summary.not_asked > 0:
        # Only "you both practised": never what, how often or how it went for the buddy.
        body.insert(-1, texts("recap.buddy_both", rng, name=buddy))
    return "\n\n".join([heading, *body])


def _recap_body(texts: Texts, rng: random.Random, summary: WeekSummary, level: int) -> list[str]:
    if summary.asked == 0:
        key = "recap.only_not_asked" if summary.not_asked else "recap.empty"
        return [texts(key, rng)]
    paragraphs = [
        texts("recap.asked_one", rng)
        if summary.asked == 1
        else texts("recap.asked_many", rng, count=summary.asked)
    ]
    paragraphs.append(_outcomes_line(texts, rng, summary))
    if summary.not_asked:
        paragraphs.append(texts("recap.not_asked_too", rng, count=summary.not_asked))
    paragraphs += _numbers(texts, rng, summary)
    if summary.bravest is not None and summary.bravest.title and summary.asked > 1:
        title = short_title(summary.bravest.title, limit=80)
        paragraphs.append(texts("recap.bravest", rng, title=title))
    if summary.lessons:
        quotes = [texts("recap.lesson", rng, lesson=lesson) for lesson in summary.lessons]
        paragraphs.append("\n".join([texts("recap.lessons_intro", rng), *quotes]))
    next_level = min(level + 1, 5)
    paragraphs.append(texts(f"recap.suggestion.{summary.suggestion.value}", rng, level=next_level))
    return paragraphs


def _outcomes_line(texts: Texts, rng: random.Random, summary: WeekSummary) -> str:
    counts = (
        ("no", summary.noes),
        ("yes", summary.yeses),
        ("no_answer", summary.no_answers),
        ("partial", summary.partials),
    )
    # Rendered fragments are safe HTML already: passed on as Markup, not escaped twice.
    parts = [
        texts(f"recap.parts.{name}_{'one' if count == 1 else 'many'}", rng, count=count)
        for name, count in counts
        if count
    ]
    joined = (
        parts[0]
        if len(parts) == 1
        else (", ".join(parts[:-1]) + f" {texts('recap.and', rng)} " + parts[-1])
    )
    line = texts("recap.outcomes", rng, parts=Markup(joined))
    if summary.noes:
        line += " " + texts("recap.noes_credit", rng)
    return line


def _numbers(texts: Texts, rng: random.Random, summary: WeekSummary) -> list[str]:
    lines = []
    before, after = summary.average_before, summary.average_after
    if before is not None and after is not None:
        line = texts("recap.anxiety", rng, before=f"{before:g}", after=f"{after:g}")
        if after < before:
            line += " " + texts("recap.anxiety_settles", rng)
        lines.append(line)
    if summary.prediction is not None:
        lines.append(forecast_sentence(texts, rng, summary.prediction))
    return lines


def forecast_sentence(texts: Texts, rng: random.Random, found: Prediction) -> str:
    """ "You expected a no about 72% of the time; you heard one 38% of the time." plus a
    kind word: the same sentence in the weekly recap and on the dashboard."""
    line = texts("recap.prediction", rng, expected=found.expected_no_pct, heard=found.heard_no_pct)
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
