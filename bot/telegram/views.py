"""Messages built outside a handler too (the scheduler): idea cards, nudges, follow-ups.

Everything takes the Texts and a random source explicitly, so the scheduler (no update,
no handler context) and the handlers render exactly the same thing.
"""

from __future__ import annotations

import random

from bot.services.ideas import Idea
from bot.telegram.keyboards import Button, Cb, IdeaAction, Keyboard, pack
from bot.texts import Markup, Texts


def idea_card(texts: Texts, rng: random.Random, idea: Idea) -> str:
    if idea.personal:
        card = texts("ideas.personal_card", rng, level=idea.level, text=idea.text)
    else:
        category = texts.plain(f"categories.{idea.category}", rng)
        card = texts("ideas.card", rng, level=idea.level, category=category, text=idea.text)
    if idea.tip:
        card += "\n\n" + texts("ideas.tip", rng, tip=idea.tip)
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
