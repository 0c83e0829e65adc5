"""Numbers for charts and captions: each ask's anxiety before and after, asks per week.

The chart itself is drawn later, when the message is sent (see bot.delivery.outbox), from
the plain data built here, so a database transaction never waits on matplotlib.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Any

from bot.domain import schedule
from bot.domain.recap import ASKED, WeekAttempt
from bot.services.charts import AttemptPoint, ChartLabels, WeekCount, render_stats_png

CHART_WEEKS = 8
# The newest this many asks are plotted: more would not be readable, and drawing time grows
# with them (the weekly counts still include every ask).
MAX_POINTS = 200


def chart_data(
    attempts: Sequence[WeekAttempt], *, tz_name: str, now: datetime, weeks: int = CHART_WEEKS
) -> dict[str, Any]:
    """JSON-ready chart data for one person's recent asks (oldest first)."""
    tz = schedule.zone(tz_name)
    this_week = schedule.local_week_of(now, tz_name)
    first_week = this_week - timedelta(weeks=weeks - 1)
    counts = {first_week + timedelta(weeks=index): [0, 0] for index in range(weeks)}
    points = []
    for attempt in attempts:
        if attempt.outcome not in ASKED:
            continue
        day = attempt.created_at.astimezone(tz).date()
        points.append([day.isoformat(), attempt.anxiety_before, attempt.anxiety_after])
        week = schedule.week_start(day)
        if week in counts:
            counts[week][0] += 1
            counts[week][1] += attempt.outcome == "no"
    return {
        "points": points[-MAX_POINTS:],
        "weeks": [[week.isoformat(), asks, noes] for week, (asks, noes) in counts.items()],
    }


def average_change(attempts: Sequence[WeekAttempt]) -> float | None:
    """Mean of (after - before) over asks that have both; negative means it settled."""
    pairs = [
        a.anxiety_after - a.anxiety_before
        for a in attempts
        if a.outcome in ASKED and a.anxiety_before is not None and a.anxiety_after is not None
    ]
    return round(sum(pairs) / len(pairs), 1) if pairs else None


def render(data: dict[str, Any], labels: dict[str, str]) -> bytes:
    """Draw the chart from `chart_data` output (blocking; run it in a thread)."""
    points = [
        AttemptPoint(date.fromisoformat(day), before, after)
        for day, before, after in data.get("points", [])
    ]
    weeks = [
        WeekCount(date.fromisoformat(week), int(asks), int(noes))
        for week, asks, noes in data.get("weeks", [])
    ]
    return render_stats_png(points, weeks, ChartLabels(**labels))
