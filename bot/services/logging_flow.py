"""Logging an ask, and fixing one of its values from /history: the conversation engine.

It runs the table in `bot.domain.flows.log` over one attempt: every answer is saved the
moment it arrives (bot.services.attempts), the open question is kept by the flow runner
(bot.services.flows), and each call returns a decision for the handler to render.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import Attempt, User
from bot.domain.answers import (
    Control,
    NotYet,
    Outcome,
    QuickLog,
    parse_outcome,
    parse_quick_log,
)
from bot.domain.answers.asks import Answer
from bot.domain.answers.which import describes_an_ask
from bot.domain.flows import MAX_REASKS
from bot.domain.flows.log import (
    FIX,
    FIX_STEPS,
    LOG,
    NEVER_SKIPPED,
    Field,
    Kind,
    Reply,
    Step,
    field_of,
    kind_of,
    next_before_ask,
    read_button,
    read_reply,
    read_typed,
)
from bot.services import attempts, flows, ideas, nudges
from bot.services.attempts import Completion
from bot.services.flows import Left, Pending, Stale

SKIP = "s"  # the "Skip" button's code
REFRAMED = "reframed"  # harsh self-talk in a lesson got its one kind reframe


# -- decisions: what the handler renders -------------------------------------------------------


@dataclass(frozen=True)
class Ask:
    """Ask `step` about `attempt` (it is the open question); `resume`: "still on <idea>?"."""

    attempt: Attempt
    step: Step
    resume: bool = False


@dataclass(frozen=True)
class Reask:
    """Not understood (or not skippable): ask again with the buttons, or offer to skip."""

    attempt: Attempt
    step: Step
    offer_skip: bool = False

    @property
    def kind(self) -> Kind:
        return kind_of(self.step)


@dataclass(frozen=True)
class Finished:
    """The ask is logged: credit it."""

    completion: Completion


@dataclass(frozen=True)
class NotThisTime:
    """ "I didn't ask this time": the attempt is closed kindly (it still counts)."""

    completion: Completion


@dataclass(frozen=True)
class QuickLogged:
    """A whole ask from one line, logged."""

    completion: Completion


@dataclass(frozen=True)
class Postponed:
    """ "Not yet": the asks stay planned; the check-in comes again then (None: no more)."""

    next_checkin: datetime | None


@dataclass(frozen=True)
class Fixed:
    """A value fixed from /history, now `value`."""

    field: Field
    value: object


@dataclass(frozen=True)
class Undone:
    """The last answer was taken back: `field` is `value` again (field None: a whole quick
    log was removed); `again` asks it once more when that attempt is the open question."""

    field: Field | None
    value: object = None
    again: Ask | None = None


@dataclass(frozen=True)
class NothingToUndo:
    pass


@dataclass(frozen=True)
class NotOurs:
    """A button code none of our buttons carries."""


Decision = (
    Ask
    | Reask
    | Finished
    | NotThisTime
    | QuickLogged
    | Postponed
    | Fixed
    | Undone
    | NothingToUndo
    | NotOurs
    | Left
    | Stale
)


# -- starting ----------------------------------------------------------------------------------


async def ask(
    session: AsyncSession,
    user: User,
    attempt: Attempt,
    step: Step,
    *,
    now: datetime,
    flow: str = LOG.name,
    skipped: tuple[str, ...] = (),
    resume: bool = False,
) -> Ask:
    """Make `step` about `attempt` the open question."""
    await flows.ask(
        session, user.id, flow, step.value, now=now, attempt_id=attempt.id, skipped=skipped
    )
    return Ask(attempt, step, resume)


async def begin_before_ask(
    session: AsyncSession, user: User, attempt: Attempt, *, now: datetime
) -> Ask:
    """Right after "I'll try it": the optional warm-up questions, then "off you go"."""
    return await ask(
        session, user, attempt, next_before_ask(attempts.progress_of(attempt)), now=now
    )


async def start_free(session: AsyncSession, user: User, *, now: datetime) -> Ask:
    """/log for an ask that came from no idea: "what did you ask?"."""
    attempt = await attempts.start_free(session, user, now=now)
    return await ask(session, user, attempt, Step.WHAT, now=now)


async def resume(session: AsyncSession, user: User, attempt: Attempt, *, now: datetime) -> Ask:
    """Back to an open "I'll try it": "did you ask?", naming the idea."""
    return await ask(session, user, attempt, Step.ASKED, now=now, resume=True)


async def fix(
    session: AsyncSession, user: User, attempt: Attempt, field: Field, *, now: datetime
) -> Ask:
    """/history: ask `field`'s question again about a logged ask."""
    return await ask(session, user, attempt, FIX_STEPS[field], now=now, flow=FIX.name)


async def log_typed(
    session: AsyncSession, user: User, told: str, language: str, *, now: datetime
) -> Decision:
    """`/log asked for a discount, got a no, 7 -> 3`, or `/log asked my boss for Friday off`
    (with "she said no" in it, the outcome is taken too)."""
    parsed = parse_quick_log(told, language)
    if parsed is not None:
        return await quick_log(session, user, parsed, now=now)
    attempt = await attempts.start_free(session, user, now=now, description=told)
    # Only an explicit outcome counts here: "asked my neighbour ..." says nothing of theirs.
    outcome = parse_outcome(told, language)
    question = await ask(session, user, attempt, Step.OUTCOME, now=now)
    if outcome is None:
        return question
    return await _apply(session, user, LOG.name, (), attempt, Step.OUTCOME, Answer(outcome), now)


async def quick_log(
    session: AsyncSession, user: User, parsed: QuickLog, *, now: datetime
) -> QuickLogged:
    return QuickLogged(await attempts.quick_log(session, user, parsed, now=now))


async def reask(session: AsyncSession, user: User, pending: Pending) -> Ask | None:
    """The open question again, as it stands (None: its attempt is gone; the question is let go)."""
    attempt = await _attempt_of(session, user, pending)
    if attempt is None:
        await flows.end(session, user.id)
        return None
    step = Step(pending.step)
    return Ask(attempt, step, resume=step is Step.ASKED)


async def at_did_you_ask(
    session: AsyncSession, user: User, attempt: Attempt, *, now: datetime
) -> Pending:
    """Make "did you ask?" about `attempt` the open question (its answer comes now)."""
    await ask(session, user, attempt, Step.ASKED, now=now)
    pending = await flows.pending(session, user.id)
    assert pending is not None
    return pending


# -- answering ---------------------------------------------------------------------------------


async def typed(
    session: AsyncSession, user: User, pending: Pending, reply: Reply, *, now: datetime
) -> Decision:
    """A typed answer to the open question (flows "log" and "fix")."""
    if reply.control is Control.CANCEL:
        await flows.end(session, user.id)
        return Left()
    if reply.control is Control.UNDO:
        return await undo(session, user, now=now)
    attempt = await _attempt_of(session, user, pending)
    if attempt is None:
        await flows.end(session, user.id)
        return Stale()
    step = Step(pending.step)
    answer = reply.answer
    if answer is not None and answer.no_guess and pending.flow == FIX.name:
        answer = None  # a fix needs a value; "no idea" there is asked again
    if reply.control is Control.SKIP or (answer is not None and answer.no_guess):
        return await _skip(session, user, pending, attempt, step, now)
    if step is Step.ASKED and reply.quick is not None:
        return await _quick_log_into(session, user, pending.skipped, attempt, reply.quick, now)
    if answer is None:
        return await _reask(session, user, attempt, step)
    return await _apply(session, user, pending.flow, pending.skipped, attempt, step, answer, now)


async def pressed(
    session: AsyncSession,
    user: User,
    attempt_id: int | None,
    step_name: str | None,
    code: str | None,
    *,
    now: datetime,
) -> Decision:
    """A tapped answer, checked against this person's open question."""
    pending = await flows.pending(session, user.id)
    if (
        attempt_id is None
        or code is None
        or pending is None
        or pending.flow not in (LOG.name, FIX.name)
        or pending.attempt_id != attempt_id
        or pending.step != step_name
    ):
        return Stale()
    attempt = await attempts.owned(session, user.id, attempt_id)
    if attempt is None:
        return Stale()
    step = Step(pending.step)
    if code == SKIP:
        return await _skip(session, user, pending, attempt, step, now)
    answer = read_button(step, code)
    if answer is None:
        return NotOurs()
    return await _apply(session, user, pending.flow, pending.skipped, attempt, step, answer, now)


async def _apply(
    session: AsyncSession,
    user: User,
    flow: str,
    skipped: tuple[str, ...],
    attempt: Attempt,
    step: Step,
    answer: Answer,
    now: datetime,
) -> Decision:
    """Store the answer, then the next question (or the end)."""
    if step is Step.ASKED:
        if answer.value is True:
            return await ask(session, user, attempt, Step.OUTCOME, now=now, skipped=skipped)
        if isinstance(answer.value, NotYet):  # still ahead: not a "didn't ask"
            return await postpone(session, user, [attempt], answer.value, now=now)
        await attempts.save(session, attempt, Field.OUTCOME, answer.value, now=now)
        if answer.value == Outcome.DIDNT_ASK:
            return await _not_this_time(session, user, attempt, now)
        step = Step.OUTCOME  # they said what happened: on as from "what did they say?"
    else:
        field = field_of(step)
        if field is not None:
            await attempts.save(session, attempt, field, answer.value, now=now)
    return await _advance(session, user, flow, skipped, attempt, step, now)


async def _advance(
    session: AsyncSession,
    user: User,
    flow: str,
    skipped: tuple[str, ...],
    attempt: Attempt,
    step: Step,
    now: datetime,
) -> Decision:
    """Go to the next question, or finish."""
    if flow == FIX.name:
        await flows.end(session, user.id)
        field = field_of(step)
        assert field is not None  # every fixable question writes a field
        return Fixed(field, getattr(attempt, field.value))
    following = LOG.after(step, attempts.progress_of(attempt, set(skipped)))
    if following is None:
        return await _finish(session, user, attempt, now)
    return await ask(session, user, attempt, Step(following), now=now, skipped=skipped)


async def _skip(
    session: AsyncSession, user: User, pending: Pending, attempt: Attempt, step: Step, now: datetime
) -> Decision:
    field = field_of(step)
    if field is None or field in NEVER_SKIPPED:
        return await _reask(session, user, attempt, step)  # the heart of the log: ask again
    skipped = await flows.skip(session, user.id, field.value)
    return await _advance(session, user, pending.flow, skipped, attempt, step, now)


async def _reask(session: AsyncSession, user: User, attempt: Attempt, step: Step) -> Reask:
    """Ask again; after two misses, offer to skip (when skipping is fine)."""
    retries = await flows.missed(session, user.id)
    field = field_of(step)
    skippable = field is not None and field not in NEVER_SKIPPED
    return Reask(attempt, step, offer_skip=retries > MAX_REASKS and skippable)


async def _quick_log_into(
    session: AsyncSession,
    user: User,
    skipped: tuple[str, ...],
    attempt: Attempt,
    quick: QuickLog,
    now: datetime,
) -> Decision:
    """At "did you ask?", a one-line answer fills the open attempt itself."""
    await attempts.save(session, attempt, Field.OUTCOME, quick.outcome, now=now)
    if quick.outcome is Outcome.DIDNT_ASK:
        return await _not_this_time(session, user, attempt, now)
    if quick.anxiety_before is not None:
        await attempts.save(session, attempt, Field.ANXIETY_BEFORE, quick.anxiety_before, now=now)
    if quick.anxiety_after is not None:
        await attempts.save(session, attempt, Field.ANXIETY_AFTER, quick.anxiety_after, now=now)
    return await _advance(session, user, LOG.name, skipped, attempt, Step.OUTCOME, now)


async def _attempt_of(session: AsyncSession, user: User, pending: Pending) -> Attempt | None:
    if pending.attempt_id is None:
        return None
    return await attempts.owned(session, user.id, pending.attempt_id)


# -- finishing ---------------------------------------------------------------------------------


async def _finish(session: AsyncSession, user: User, attempt: Attempt, now: datetime) -> Finished:
    return Finished(await _closed(session, user, attempt, now))


async def _not_this_time(
    session: AsyncSession, user: User, attempt: Attempt, now: datetime
) -> NotThisTime:
    return NotThisTime(await _closed(session, user, attempt, now))


async def _closed(session: AsyncSession, user: User, attempt: Attempt, now: datetime) -> Completion:
    """The attempt is done (the ladder reacts) and so is the conversation."""
    completion = await attempts.complete(session, user, attempt, now=now)
    await flows.end(session, user.id)
    return completion


# -- check-ins ---------------------------------------------------------------------------------


async def postpone(
    session: AsyncSession, user: User, planned: list[Attempt], when: NotYet, *, now: datetime
) -> Postponed:
    """ "Not yet": these asks stay planned, their check-ins come once more."""
    await flows.end(session, user.id)
    coming = [
        await nudges.postpone_followup(session, user, attempt, when, now=now) for attempt in planned
    ]
    upcoming = sorted(instant for instant in coming if instant is not None)
    return Postponed(upcoming[0] if upcoming else None)


async def postpone_all(session: AsyncSession, user: User, *, now: datetime) -> Postponed:
    """ "Not yet" under several folded check-ins: every ask they were about."""
    planned = await nudges.unanswered_checkins(session, user.id, now=now)
    return await postpone(session, user, planned, NotYet.LATER, now=now)


async def followup_pressed(
    session: AsyncSession, user: User, attempt_id: int | None, code: str, *, now: datetime
) -> Decision:
    """The check-in's "I asked!" / "Not this time" / "Not yet" under one ask."""
    attempt = await attempts.owned(session, user.id, attempt_id) if attempt_id is not None else None
    answer = read_button(Step.ASKED, code)
    if attempt is None or attempt.status != "planned" or answer is None:
        return Stale()
    await at_did_you_ask(session, user, attempt, now=now)
    return await _apply(session, user, LOG.name, (), attempt, Step.ASKED, answer, now)


async def answer_check_in(
    session: AsyncSession, user: User, typed_text: str, language: str, *, now: datetime
) -> Decision | None:
    """A typed answer to a recent check-in ("not yet", "yes!", "got a no 6->2") answers it,
    as its buttons would. None when there is none, or the text doesn't answer it."""
    planned = await nudges.unanswered_checkins(session, user.id, now=now)
    if not planned:
        return None
    if describes_an_ask(typed_text, language):
        return None  # another ask, told in full: logged as itself, not as the check-in's
    answer = read_typed(Step.ASKED, typed_text, language)
    if answer is not None and isinstance(answer.value, NotYet):
        return await postpone(session, user, planned, answer.value, now=now)
    if answer is None and parse_quick_log(typed_text, language) is None:
        return None
    return await answer_did_you_ask(session, user, planned[0], typed_text, language, now=now)


async def answer_did_you_ask(
    session: AsyncSession,
    user: User,
    attempt: Attempt,
    typed_text: str,
    language: str,
    *,
    now: datetime,
) -> Decision:
    """A typed answer to "did you ask?" about `attempt`, asked just now."""
    pending = await at_did_you_ask(session, user, attempt, now=now)
    reply = read_reply(Step.ASKED, typed_text, language)
    return await typed(session, user, pending, reply, now=now)


async def reply_to_idea(
    session: AsyncSession,
    user: User,
    challenge_id: int,
    typed_text: str,
    language: str,
    *,
    now: datetime,
) -> Decision | None:
    """A typed reply to a nudge or idea card ("got a no!") logs an ask for that idea.
    None when the idea isn't one we offered this person."""
    idea = await ideas.offered_idea(session, user.id, challenge_id, now=now, answered_ok=True)
    if idea is None:
        return None
    await ideas.record(session, user.id, idea.id, ideas.Reaction.ACCEPTED, now)
    attempt = await attempts.start_planned(session, user, idea, source="reply", now=now)
    return await answer_did_you_ask(session, user, attempt, typed_text, language, now=now)


# -- undo --------------------------------------------------------------------------------------


async def undo(session: AsyncSession, user: User, *, now: datetime) -> Undone | NothingToUndo:
    """Take back the last answer; if we're mid-flow on that attempt, ask it again."""
    undone = await attempts.undo_last(session, user.id, now=now)
    if undone is None:
        return NothingToUndo()
    if undone.attempt is None:
        return Undone(None)
    field = Field(undone.field)
    value = getattr(undone.attempt, undone.field)
    pending = await flows.pending(session, user.id)
    # Only the question we are in is asked again: an old ask is never reopened, and no
    # praise is replayed.
    if pending is None or pending.attempt_id != undone.attempt_id:
        return Undone(field, value)
    step = _step_for(field, undone.attempt)
    again = await ask(session, user, undone.attempt, step, now=now, skipped=pending.skipped)
    return Undone(field, value, again)


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


async def undo_quick_log(session: AsyncSession, user: User, attempt_id: int | None) -> bool:
    """The Undo button under a quick log: False when that press is stale."""
    return attempt_id is not None and await attempts.undo_quick_log(session, user.id, attempt_id)
