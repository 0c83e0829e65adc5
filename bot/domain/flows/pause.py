"""/pause: one question, "how long a break?".

Answered typed ("3 days", "a week", "till Monday", in any language we read) or tapped
(1, 3, 7 or 14 days); the answer pauses nudges (`services.pause_flow`). The question never
traps the chat: a message more than an hour after it, a quick log, or a third miss lets it
go, and the message is read as usual. An open question of another flow (a log in
progress) keeps the typed answers; the pause buttons still work there.
"""

from __future__ import annotations

from datetime import timedelta

from bot.domain.answers.pauses import BreakLength, parse_pause_length
from bot.domain.flows import Flow, Step

PAUSE = "pause"
DAYS = "days"
CHOICES = (1, 3, 7, 14)  # the buttons, in days
LIFETIME = timedelta(hours=1)  # a message later than this is about something else


def tapped(code: str) -> BreakLength | None:
    """A button's break, if it is one we offer."""
    return BreakLength(int(code)) if code.isdigit() and int(code) in CHOICES else None


TABLE = Flow(
    name=PAUSE,
    first=DAYS,
    steps={
        # The runner is handed the days (the length resolved on the person's clock).
        DAYS: Step(read=parse_pause_length, press=tapped, writes="paused_until", then=None),
    },
)
