"""Logging an ask: one short question at a time, buttons or free text, each answer saved
the moment it arrives. The pending question lives in the database (conversations), so a
restart mid-flow loses nothing. Also /log, /undo, and the one-line quick log."""

from __future__ import annotations

from collections.abc import Sequence

from telegram import Update

from bot.db import repo
from bot.db.models import Attempt, Conversation, User
from bot.domain import ladder
from bot.domain.answers import (
    Control,
    NotYet,
    Outcome,
    QuickLog,
    parse_control,
    parse_outcome,
    parse_quick_log,
)
from bot.domain.answers.which import describes_an_ask
from bot.domain.questions import (
    FIX_STEPS,
    PERCENT_CHOICES,
    QUESTIONS,
    Answer,
    Field,
    Kind,
    Step,
    next_after_ask,
    next_before_ask,
    read_button,
    read_typed,
)
from bot.services import attempts, care, ideas
from bot.services.attempts import Completion
from bot.telegram import views
from bot.telegram.compose import Part
from bot.telegram.context import CoachContext
from bot.telegram.handlers import buddy_notes, checkins
from bot.telegram.handlers import care as care_handlers
from bot.telegram.handlers.common import (
    button,
    clear_pressed,
    clip,
    current_user,
    fresh_text,
    gentler_keyboard,
    label,
    say,
    text,
    texts_of,
)
from bot.telegram.keyboards import Button, Callback, Cb, Keyboard, pack, rows_of

LOG = "log"
FIX = "fix"
MAX_REASKS = 2  # then we offer to skip the question
BEFORE_ASK = (Step.PREDICT, Step.ANXIETY_NOW)
SKIP = "s"


def score(value: float) -> str:
    """6.5 -> "6.5", 7.0 -> "7"."""
    return f"{value:g}"


# -- starting -------------------------------------------------------------------------------


async def begin_before_ask(ctx: CoachContext, user: User, attempt: Attempt) -> None:
    """Right after "I'll try it": the optional warm-up questions, then "off you go"."""
    step = next_before_ask(attempts.progress_of(attempt))
    await ask(ctx, user, attempt, step)


async def log_typed(ctx: CoachContext, user: User, typed: str) -> None:
    """`/log asked for a discount, got a no, 7 -> 3`, or `/log asked my boss for Friday off`
    (with "she said no" in it, the outcome is taken too)."""
    parsed = parse_quick_log(typed, ctx.turn.language)
    if parsed is not None:
        await record_quick_log(ctx, user, parsed)
        return
    turn = ctx.turn
    attempt = await attempts.start_free(turn.session, user, now=turn.now, description=typed)
    # Only an explicit outcome counts here: "asked my neighbour ..." says nothing of theirs.
    outcome = parse_outcome(typed, turn.language)
    if outcome is None:
        await ask(ctx, user, attempt, Step.OUTCOME)
        return
    conversation = await repo.set_conversation(
        turn.session,
        user.id,
        flow=LOG,
        step=Step.OUTCOME.value,
        attempt_id=attempt.id,
        now=turn.now,
    )
    await _apply(ctx, user, conversation, attempt, Step.OUTCOME, Answer(outcome))


# -- asking ---------------------------------------------------------------------------------


async def ask(
    ctx: CoachContext,
    user: User,
    attempt: Attempt,
    step: Step,
    *,
    flow: str = LOG,
    skipped: Sequence[str] = (),
    resume: bool = False,
) -> None:
    await repo.set_conversation(
        ctx.turn.session,
        user.id,
        flow=flow,
        step=step.value,
        attempt_id=attempt.id,
        data={"skipped": list(skipped)},
        now=ctx.turn.now,
    )
    question = await _question_text(ctx, attempt, step, resume=resume)
    keyboard = keyboard_for(ctx, attempt.id, step)
    ctx.turn.send(ctx.person_chat, question, keyboard, part=Part.QUESTION)


async def _question_text(ctx: CoachContext, attempt: Attempt, step: Step, *, resume: bool) -> str:
    if step is Step.ASKED:
        if resume:
            idea = await attempts.idea_text(
                ctx.turn.session, attempt, texts_of(ctx).ideas_by_id
            ) or label(ctx, "history.untitled")
            return text(ctx, "log.resume", idea=idea)
        return text(ctx, "log.ready")
    return text(ctx, f"log.{step.value}")


async def reask(ctx: CoachContext, user: User, conversation: Conversation) -> None:
    """Show the pending question again (after a sticker, a command mid-flow, /log)."""
    attempt = await _attempt_of(ctx, user, conversation)
    if attempt is None:
        await repo.clear_conversation(ctx.turn.session, user.id)
        return
    step = Step(conversation.step)
    question = await _question_text(ctx, attempt, step, resume=step is Step.ASKED)
    keyboard = keyboard_for(ctx, attempt.id, step)
    ctx.turn.send(ctx.person_chat, question, keyboard, part=Part.QUESTION)


def keyboard_for(ctx: CoachContext, attempt_id: int, step: Step) -> Keyboard:
    kind = QUESTIONS[step].kind

    def answer(code: str | int, shown: str) -> Button:
        return Button(shown, pack(Cb.ANSWER, attempt_id, step.value, code))

    skip = button(ctx, "buttons.log.skip", pack(Cb.ANSWER, attempt_id, step.value, SKIP))
    if kind is Kind.PERCENT:
        return [[answer(value, f"{value}%") for value in PERCENT_CHOICES], [skip]]
    if kind is Kind.SCALE:
        numbers = [answer(value, str(value)) for value in range(11)]
        return [numbers[:6], numbers[6:], [skip]]
    if kind is Kind.OUTCOME:
        codes = ("no", "yes", "na", "mid")
        return rows_of([answer(code, label(ctx, f"buttons.log.{code}")) for code in codes], 2)
    if kind is Kind.ASKED:
        return [
            [
                answer("y", label(ctx, "buttons.log.i_asked")),
                answer("n", label(ctx, "buttons.log.asked_no")),
            ],
            [answer("l", label(ctx, "buttons.log.not_yet"))],
        ]
    if step is Step.LESSON:
        return [[skip]]
    return []


# -- answering ------------------------------------------------------------------------------


async def on_text(ctx: CoachContext, user: User, conversation: Conversation, message: str) -> None:
    """A typed answer to the pending question (flows "log" and "fix")."""
    typed = clip(message)
    control = parse_control(typed, ctx.turn.language)
    if control is Control.CANCEL:
        await repo.clear_conversation(ctx.turn.session, user.id)
        say(ctx, "cancel.left_flow")
        return
    if control is Control.UNDO:
        await undo(ctx, user)
        return
    attempt = await _attempt_of(ctx, user, conversation)
    if attempt is None:
        await repo.clear_conversation(ctx.turn.session, user.id)
        say(ctx, "fallback.text")
        return
    step = Step(conversation.step)
    answer = read_typed(QUESTIONS[step], typed, ctx.turn.language)
    if answer is not None and answer.no_guess and conversation.flow == FIX:
        answer = None  # a fix needs a value; "no idea" there is asked again
    if control is Control.SKIP or (answer is not None and answer.no_guess):
        await _skip(ctx, user, conversation, attempt, step)
        return
    if step is Step.ASKED:
        quick = parse_quick_log(typed, ctx.turn.language)
        if quick is not None:
            await _apply_quick_log_to(ctx, user, conversation, attempt, quick)
            return
    if answer is None:
        await _reask_kindly(ctx, user, conversation, attempt, step)
        return
    if step is Step.LESSON:
        care_handlers.reframe_once(ctx, conversation, typed)
    await _apply(ctx, user, conversation, attempt, step, answer)


async def on_answer_button(ctx: CoachContext, user: User, callback: Callback) -> str | None:
    """A tapped answer: `q:<attempt>:<step>:<code>`, checked against this person's rows."""
    attempt_id, step_name, code = callback.int_part(0), callback.part(1), callback.part(2)
    conversation = await repo.get_conversation(ctx.turn.session, user.id)
    if (
        attempt_id is None
        or code is None
        or conversation is None
        or conversation.flow not in (LOG, FIX)
        or conversation.attempt_id != attempt_id
        or conversation.step != step_name
    ):
        return label(ctx, "stale.question")
    attempt = await attempts.owned(ctx.turn.session, user.id, attempt_id)
    if attempt is None:
        return label(ctx, "stale.question")
    step = Step(conversation.step)
    clear_pressed(ctx)
    if code == SKIP:
        await _skip(ctx, user, conversation, attempt, step)
        return None
    answer = read_button(QUESTIONS[step], code)
    if answer is None:
        return label(ctx, "stale.button")
    await _apply(ctx, user, conversation, attempt, step, answer)
    return None


async def _apply(
    ctx: CoachContext,
    user: User,
    conversation: Conversation,
    attempt: Attempt,
    step: Step,
    answer: Answer,
) -> None:
    now = ctx.turn.now
    session = ctx.turn.session
    if step is Step.ASKED:
        if answer.value is True:
            await ask(ctx, user, attempt, Step.OUTCOME, skipped=_skipped(conversation))
            return
        if isinstance(answer.value, NotYet):  # still ahead: not a "didn't ask"
            await checkins.not_yet(ctx, user, [attempt], answer.value)
            return
        await attempts.save(session, attempt, Field.OUTCOME, answer.value, now=now)
        if answer.value == Outcome.DIDNT_ASK:
            await _not_this_time(ctx, user, attempt)
            return
    else:
        field = QUESTIONS[step].field
        if field is not None:
            await attempts.save(session, attempt, field, answer.value, now=now)
    await _advance(ctx, user, conversation, attempt, step)


async def _advance(
    ctx: CoachContext,
    user: User,
    conversation: Conversation,
    attempt: Attempt,
    step: Step,
) -> None:
    """Go to the next question, or finish."""
    if conversation.flow == FIX:
        await repo.clear_conversation(ctx.turn.session, user.id)
        field = QUESTIONS[step].field
        if field is not None:  # "Updated ✓" always says to what
            value = _shown(ctx, field, getattr(attempt, field.value))
            what = label(ctx, f"log.fields.{field.value}")
            say(ctx, "history.updated", what=what, value=value or "—")
        return
    skipped = _skipped(conversation)
    progress = attempts.progress_of(attempt, set(skipped))
    if step in BEFORE_ASK:
        await ask(ctx, user, attempt, next_before_ask(progress), skipped=skipped)
        return
    if step is Step.WHAT:
        await ask(ctx, user, attempt, Step.OUTCOME, skipped=skipped)
        return
    following = next_after_ask(progress)
    if following is None:
        await finish(ctx, user, attempt)
        return
    await ask(ctx, user, attempt, following, skipped=skipped)


async def _skip(
    ctx: CoachContext,
    user: User,
    conversation: Conversation,
    attempt: Attempt,
    step: Step,
) -> None:
    field = QUESTIONS[step].field
    if field is None or field in (Field.OUTCOME, Field.DESCRIPTION):
        # "Did you ask" and "what did they say" are the heart of the log: ask again.
        await _reask_kindly(ctx, user, conversation, attempt, step)
        return
    conversation.data = {"skipped": [*_skipped(conversation), field.value]}
    await _advance(ctx, user, conversation, attempt, step)


async def _reask_kindly(
    ctx: CoachContext,
    user: User,
    conversation: Conversation,
    attempt: Attempt,
    step: Step,
) -> None:
    """Re-ask with the buttons; after two misses, offer to skip (when skipping is fine)."""
    conversation.retries += 1
    keyboard = keyboard_for(ctx, attempt.id, step)
    skippable = QUESTIONS[step].field not in (None, Field.OUTCOME, Field.DESCRIPTION)
    if conversation.retries > MAX_REASKS and skippable:
        say(ctx, "log.offer_skip", keyboard, part=Part.QUESTION)
        return
    say(ctx, f"log.reask.{QUESTIONS[step].kind.value}", keyboard, part=Part.QUESTION)


def _skipped(conversation: Conversation) -> list[str]:
    raw = conversation.data.get("skipped", []) if isinstance(conversation.data, dict) else []
    return [str(item) for item in raw] if isinstance(raw, list) else []


async def _attempt_of(ctx: CoachContext, user: User, conversation: Conversation) -> Attempt | None:
    if conversation.attempt_id is None:
        return None
    return await attempts.owned(ctx.turn.session, user.id, conversation.attempt_id)


# -- finishing ------------------------------------------------------------------------------


async def _not_this_time(ctx: CoachContext, user: User, attempt: Attempt) -> None:
    completion = await attempts.complete(ctx.turn.session, user, attempt, now=ctx.turn.now)
    await repo.clear_conversation(ctx.turn.session, user.id)
    await buddy_notes.share_effort(ctx, user)  # "not this time" is effort too
    paragraphs = [text(ctx, "log.not_this_time")]
    moved = level_line(ctx, completion.level_change, attempt.level)
    if moved is not None:  # a second skip in a row makes the next ideas smaller: say so
        paragraphs.append(moved)
    reply = "\n\n".join(paragraphs)
    ctx.turn.send(ctx.person_chat, reply, gentler_keyboard(ctx), part=Part.CREDIT)


async def finish(ctx: CoachContext, user: User, attempt: Attempt) -> None:
    completion = await attempts.complete(ctx.turn.session, user, attempt, now=ctx.turn.now)
    await repo.clear_conversation(ctx.turn.session, user.id)
    await buddy_notes.share_effort(ctx, user)
    summary = "\n\n".join(summary_paragraphs(ctx, completion))
    ctx.turn.send(ctx.person_chat, summary, part=Part.CREDIT)
    await care_handlers.after_logged(ctx, user, attempt)


def summary_paragraphs(ctx: CoachContext, completion: Completion) -> list[str]:
    """Credit the ask, name the anxiety change plainly, frame a no as the brain's update.

    Still at 8 or more after asking, the person gets a short, gentle line instead: no
    numbers, no "proof a no is survivable" next to a 10/10. The anxiety and brain-update
    lines are left out when every variant was said lately (a run of logs stays fresh)."""
    attempt = completion.attempt
    moved = level_line(ctx, completion.level_change, attempt.level)
    if care.rough(attempt):
        return [text(ctx, "log.rough_credit"), *([moved] if moved is not None else [])]
    paragraphs = [text(ctx, "log.credit")]
    change = _anxiety_line(ctx, attempt)
    # The brain-update line already says where anxiety is now; don't say it twice.
    said_in_update = attempt.outcome == Outcome.NO and attempt.anxiety_before is None
    if change is not None and not said_in_update:
        paragraphs.append(change)
    outcome_line = _outcome_line(ctx, attempt)
    if outcome_line is not None:
        paragraphs.append(outcome_line)
    if moved is not None:
        paragraphs.append(moved)
    return paragraphs


def _anxiety_line(ctx: CoachContext, attempt: Attempt) -> str | None:
    before, after = attempt.anxiety_before, attempt.anxiety_after
    if after is None:
        return None
    if before is None:
        return fresh_text(ctx, "log.after_only", after=score(after))
    key = "change_down" if after < before else "change_up" if after > before else "change_same"
    return fresh_text(ctx, f"log.{key}", before=score(before), after=score(after))


def _outcome_line(ctx: CoachContext, attempt: Attempt) -> str | None:
    predicted, after = attempt.predicted_no_pct, attempt.anxiety_after
    if attempt.outcome == Outcome.NO:
        if predicted is not None and after is not None:
            return fresh_text(ctx, "log.brain_update_no", predicted=predicted, after=score(after))
        return fresh_text(ctx, "log.brain_update_no_plain")
    if attempt.outcome == Outcome.YES:
        if predicted is not None and predicted >= 60:
            return fresh_text(ctx, "log.brain_update_yes", predicted=predicted)
        return fresh_text(ctx, "log.yes_plain")
    if attempt.outcome == Outcome.NO_ANSWER:
        return fresh_text(ctx, "log.no_answer")
    if attempt.outcome == Outcome.PARTIAL:
        return fresh_text(ctx, "log.partial")
    return None


def level_line(ctx: CoachContext, change: ladder.LevelChange, old: int | None) -> str | None:
    if change.move is ladder.Move.UP:
        return text(ctx, "log.level_up", old=old or change.level - 1, new=change.level)
    if change.move is ladder.Move.DOWN:
        key = (
            "log.level_down_rough"
            if change.reason is ladder.Reason.ROUGH
            else ("log.level_down_skips")
        )
        return text(ctx, key, new=change.level)
    return None


# -- quick log and undo -----------------------------------------------------------------------


async def record_quick_log(ctx: CoachContext, user: User, parsed: QuickLog) -> None:
    """A whole attempt in one line: confirm what we understood, with an Undo button."""
    turn = ctx.turn
    completion = await attempts.quick_log(turn.session, user, parsed, now=turn.now)
    attempt = completion.attempt
    undo_button = button(ctx, "buttons.undo", pack(Cb.UNDO, attempt.id))
    summary = quick_summary(ctx, attempt)
    say(ctx, "log.quick_logged", [[undo_button]], summary=summary, part=Part.UNDERSTOOD)
    turn.send(ctx.person_chat, "\n\n".join(summary_paragraphs(ctx, completion)), part=Part.CREDIT)
    await buddy_notes.share_effort(ctx, user)
    await care_handlers.after_logged(ctx, user, attempt)


def quick_summary(ctx: CoachContext, attempt: Attempt) -> str:
    parts = []
    if attempt.description:
        parts.append(attempt.description)
    if attempt.outcome:
        parts.append(label(ctx, f"log.outcomes.{attempt.outcome}"))
    if attempt.anxiety_before is not None and attempt.anxiety_after is not None:
        parts.append(
            label(
                ctx,
                "log.summary_anxiety",
                before=score(attempt.anxiety_before),
                after=score(attempt.anxiety_after),
            )
        )
    return " · ".join(parts)


async def _apply_quick_log_to(
    ctx: CoachContext,
    user: User,
    conversation: Conversation,
    attempt: Attempt,
    quick: QuickLog,
) -> None:
    """At "did you ask?", a one-line answer fills the pending attempt itself."""
    session, now = ctx.turn.session, ctx.turn.now
    await attempts.save(session, attempt, Field.OUTCOME, quick.outcome, now=now)
    if quick.outcome is Outcome.DIDNT_ASK:
        await _not_this_time(ctx, user, attempt)
        return
    if quick.anxiety_before is not None:
        await attempts.save(session, attempt, Field.ANXIETY_BEFORE, quick.anxiety_before, now=now)
    if quick.anxiety_after is not None:
        await attempts.save(session, attempt, Field.ANXIETY_AFTER, quick.anxiety_after, now=now)
    await _advance(ctx, user, conversation, attempt, Step.OUTCOME)


async def on_undo(update: Update, ctx: CoachContext) -> None:
    user = await current_user(ctx, update)
    if user is None:
        say(ctx, "log.nothing_to_undo")
        return
    await undo(ctx, user)


async def undo(ctx: CoachContext, user: User) -> None:
    """Take back the last answer; if we're mid-flow on that attempt, ask it again."""
    session = ctx.turn.session
    undone = await attempts.undo_last(session, user.id, now=ctx.turn.now)
    if undone is None:
        say(ctx, "log.nothing_to_undo")
        return
    if undone.attempt is None:
        say(ctx, "log.undone_quick")
        return
    what = label(ctx, f"log.fields.{undone.field}")
    value = _shown(ctx, Field(undone.field), getattr(undone.attempt, undone.field))
    if value is None:
        say(ctx, "log.undone", what=what)
    else:
        say(ctx, "log.undone_to", what=what, value=value)
    conversation = await repo.get_conversation(session, user.id)
    in_this_flow = conversation is not None and conversation.attempt_id == undone.attempt_id
    # Only the question we are in is asked again: an old ask is never reopened, and no
    # praise is replayed.
    if in_this_flow:
        step = _step_for(Field(undone.field), undone.attempt)
        skipped = _skipped(conversation) if conversation is not None else []
        await ask(ctx, user, undone.attempt, step, skipped=skipped)


def _shown(ctx: CoachContext, field: Field, value: object) -> str | None:
    """A value put back by /undo, as the person reads it (None: the field is empty again)."""
    if value is None:
        return None
    if field is Field.OUTCOME:
        return label(ctx, f"log.outcomes.{value}")
    if field is Field.PREDICTED:
        return f"{value}%"
    if isinstance(value, float):
        return f"{score(value)}/10"
    return clip(str(value))[:60]


def _step_for(field: Field, attempt: Attempt) -> Step:
    before_ask = attempt.outcome is None and attempt.status == "planned"
    if before_ask and field is Field.PREDICTED:
        return Step.PREDICT
    if before_ask and field is Field.ANXIETY_BEFORE:
        return Step.ANXIETY_NOW
    if field is Field.OUTCOME:
        return Step.ASKED if attempt.challenge_id is not None else Step.OUTCOME
    if field is Field.DESCRIPTION:
        return Step.WHAT
    return FIX_STEPS[field]


async def on_undo_button(ctx: CoachContext, user: User, callback: Callback) -> str | None:
    """The Undo button under a quick log."""
    attempt_id = callback.int_part(0)
    if attempt_id is None:
        return label(ctx, "stale.button")
    removed = await attempts.undo_quick_log(ctx.turn.session, user.id, attempt_id)
    if not removed:
        return label(ctx, "stale.button")
    clear_pressed(ctx)
    say(ctx, "log.undone_quick")
    return None


async def on_followup_button(ctx: CoachContext, user: User, callback: Callback) -> str | None:
    """The check-in's "I asked!" / "Not this time" / "Not yet": continue logging that
    attempt (or, for "Not yet", ask again later)."""
    attempt_id, code = callback.int_part(0), callback.part(1) or ""
    if attempt_id == views.ALL_CHECKINS and code == "l":
        return await checkins.not_yet_for_all(ctx, user)
    attempt = (
        await attempts.owned(ctx.turn.session, user.id, attempt_id)
        if attempt_id is not None
        else None
    )
    answer = read_button(QUESTIONS[Step.ASKED], code)
    if attempt is None or attempt.status != "planned" or answer is None:
        return label(ctx, "stale.question")
    clear_pressed(ctx)
    conversation = await at_did_you_ask(ctx, user, attempt)
    await _apply(ctx, user, conversation, attempt, Step.ASKED, answer)
    return None


async def at_did_you_ask(ctx: CoachContext, user: User, attempt: Attempt) -> Conversation:
    """Make "did you ask?" about `attempt` the pending question (its answer comes now)."""
    turn = ctx.turn
    return await repo.set_conversation(
        turn.session, user.id, flow=LOG, step=Step.ASKED.value, attempt_id=attempt.id, now=turn.now
    )


async def answer_check_in(ctx: CoachContext, user: User, typed: str) -> bool:
    """A typed answer to a recent check-in ("not yet", "yes!", "got a no 6->2") answers it,
    as its buttons would. False when there is none, or the text doesn't answer it."""
    pending = await checkins.unanswered(ctx, user)
    if not pending:
        return False
    typed = clip(typed)
    language = ctx.turn.language
    if describes_an_ask(typed, language):
        return False  # another ask, told in full: logged as itself, not as the check-in's
    answer = read_typed(QUESTIONS[Step.ASKED], typed, language)
    if answer is not None and isinstance(answer.value, NotYet):
        await checkins.not_yet(ctx, user, pending, answer.value)
        return True
    if answer is None and parse_quick_log(typed, language) is None:
        return False
    conversation = await at_did_you_ask(ctx, user, pending[0])  # the oldest check-in first
    await on_text(ctx, user, conversation, typed)
    return True


async def log_reply_to_idea(ctx: CoachContext, user: User, challenge_id: int, typed: str) -> bool:
    """A typed reply to a nudge or idea card ("got a no!") logs an ask for that idea.
    Returns False when the idea isn't one we offered this person."""
    turn = ctx.turn
    idea = await ideas.offered_idea(
        turn.session, user.id, challenge_id, now=turn.now, answered_ok=True
    )
    if idea is None:
        return False
    await ideas.record(turn.session, user.id, idea.id, ideas.Reaction.ACCEPTED, turn.now)
    attempt = await attempts.start_planned(turn.session, user, idea, source="reply", now=turn.now)
    conversation = await at_did_you_ask(ctx, user, attempt)
    await on_text(ctx, user, conversation, typed)
    return True
