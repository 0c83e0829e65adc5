"""How logging an ask reads: its questions and their buttons, the credit once it is logged,
a quick log's one-line summary, and a stored value as the person reads it."""

from __future__ import annotations

from bot.db.models import Attempt
from bot.domain import ladder
from bot.domain.answers import Outcome
from bot.domain.answers.asks import PERCENT_CHOICES
from bot.domain.flows.log import Field, Kind, Step, kind_of
from bot.services import care
from bot.services.attempts import Completion
from bot.services.logging_flow import SKIP, Ask
from bot.telegram.context import CoachContext
from bot.telegram.handlers.common import button, clip, fresh_text, idea_of, label, text
from bot.telegram.keyboards import Button, Cb, Keyboard, pack, rows_of


def score(value: float) -> str:
    """6.5 -> "6.5", 7.0 -> "7"."""
    return f"{value:g}"


# -- questions ---------------------------------------------------------------------------------


async def question_text(ctx: CoachContext, ask: Ask) -> str:
    if ask.step is Step.ASKED:
        if ask.resume:
            return text(ctx, "log.resume", idea=await idea_of(ctx, ask.attempt))
        return text(ctx, "log.ready")
    return text(ctx, f"log.{ask.step.value}")


def keyboard_for(ctx: CoachContext, attempt_id: int, step: Step) -> Keyboard:
    kind = kind_of(step)

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


# -- credit ------------------------------------------------------------------------------------


def not_this_time(ctx: CoachContext, completion: Completion) -> str:
    paragraphs = [text(ctx, "log.not_this_time")]
    moved = level_line(ctx, completion.level_change, completion.attempt.level)
    if moved is not None:  # a second skip in a row makes the next ideas smaller: say so
        paragraphs.append(moved)
    return "\n\n".join(paragraphs)


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


# -- summaries and values ----------------------------------------------------------------------


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


def shown(ctx: CoachContext, field: Field, value: object) -> str | None:
    """A stored value as the person reads it (None: the field is empty)."""
    if value is None:
        return None
    if field is Field.OUTCOME:
        return label(ctx, f"log.outcomes.{value}")
    if field is Field.PREDICTED:
        return f"{value}%"
    if isinstance(value, float):
        return f"{score(value)}/10"
    return clip(str(value))[:60]
