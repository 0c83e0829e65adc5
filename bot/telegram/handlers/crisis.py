"""Crisis language, wherever the person is: support and helplines first, and a gentle
follow-through after.

Runs before every other handler on every private text, edit and caption (group -1). A
strong signal gets the crisis reply and *nothing else* in that reply (no praise, no
challenge, no recap, no rest offer): the update stops here. The flow in progress is kept
as it was (the message is not taken as an answer), no challenge is sent that day, and
``crisis_hold_at`` holds every unasked message (nudges, follow-ups) until the person
writes again or taps "I'm okay". The next message, whatever it says, gets a short
check-in with the lines on request and a way back to practice when the person chooses.

A weak signal (common hyperbole such as "kill me now") gets one light line that leaves
room for a joke, and the flow continues. What was written is dropped from the inbox row
and never logged; the operator sees a count.
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import ApplicationHandlerStop

from bot.db.models import User
from bot.domain.crisis import detect_crisis
from bot.domain.crisis.helplines import DIRECTORY, country_of, lines_for
from bot.services import care, privacy
from bot.telegram.compose import Part
from bot.telegram.context import CoachContext
from bot.telegram.handlers.common import button, clear_pressed, current_user, label, say, text
from bot.telegram.keyboards import Callback, Cb, Keyboard, pack
from bot.texts import Markup

LINES, OKAY = "lines", "okay"


async def on_any_text(update: Update, ctx: CoachContext) -> None:
    message = update.effective_message
    typed = (message.text or message.caption or "") if message is not None else ""
    if not typed:
        return
    user = await current_user(ctx, update)
    signal = detect_crisis(typed, ctx.turn.language)
    if signal is None:
        if user is not None and user.crisis_hold_at is not None:
            check_in(ctx, user)
            raise ApplicationHandlerStop
        return
    if signal.weak:
        say(ctx, "crisis.light", part=Part.CARE)  # the flow carries on in the same reply
        return
    await privacy.forget_message(ctx.turn.session, update.update_id)
    if user is not None:
        care.rest_for_today(user, ctx.turn.now)
        user.crisis_hold_at = user.crisis_at = ctx.turn.now
        user.crisis_count += 1
    say(ctx, "care.crisis", part=Part.CARE, helplines=Markup(helpline_list(ctx, user)))
    raise ApplicationHandlerStop


def check_in(ctx: CoachContext, user: User) -> None:
    """The message after a crisis reply, whatever it says: writing again lifts the hold."""
    user.crisis_hold_at = None
    say(ctx, "crisis.check_in", follow_through_keyboard(ctx))


def follow_through_keyboard(ctx: CoachContext) -> Keyboard:
    return [
        [button(ctx, "buttons.crisis.lines", pack(Cb.CRISIS, LINES))],
        [button(ctx, "buttons.crisis.okay", pack(Cb.CRISIS, OKAY))],
    ]


def helpline_list(ctx: CoachContext, user: User | None) -> str:
    """The person's country's lines (from their time zone), its emergency number, and
    findahelpline.com always last."""
    country = country_of(user.timezone) if user is not None else None
    rows: list[str] = []
    if country is not None:
        for line in lines_for(country, ctx.turn.language):
            rows.append(
                text(ctx, "crisis.helpline", flag=country.flag, name=line.name, number=line.number)
            )
        rows.append(text(ctx, "crisis.emergency", number=country.emergency))
    rows.append(text(ctx, "crisis.directory", directory=DIRECTORY))
    return "\n".join(rows)


async def on_crisis_button(ctx: CoachContext, user: User, callback: Callback) -> str | None:
    choice = callback.part(0)
    clear_pressed(ctx)
    user.crisis_hold_at = None
    if choice == LINES:
        say(
            ctx,
            "crisis.lines_again",
            follow_through_keyboard(ctx)[1:],
            helplines=Markup(helpline_list(ctx, user)),
        )
    elif choice == OKAY:
        say(ctx, "crisis.back_to_practice")
    else:
        return label(ctx, "stale.button")
    return None
