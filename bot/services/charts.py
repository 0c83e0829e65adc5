"""The /stats chart as a phone-sized PNG: anxiety before/after each ask, and asks per week.

Pure rendering: no database, no Telegram, and no user-facing words of its own (every title and
legend comes in through ``ChartLabels``, from prompts.yaml). matplotlib is imported only when a
chart is drawn, so a bot that never draws one never pays for it. Each call builds its own
``Figure`` on an Agg canvas (never ``pyplot``, never global rcParams), so it is safe to run via
``asyncio.to_thread``.
"""

from __future__ import annotations

import io
import itertools
import math
import struct
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from bot.domain.dates import day_month

if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

# 1080×1350 (4:5 portrait) fills a phone screen in Telegram without being scaled down much.
WIDTH_PX = 1080
HEIGHT_PX = 1350
DPI = 150

BASE_PT = 15.0
TITLE_PT = 19.0
MAX_TICKS = 6
TICK_GAP_PX = 6  # the least room between two date labels

BEFORE_COLOUR = "#E07A5F"  # warm terracotta
AFTER_COLOUR = "#2A9D8F"  # calm teal
ASKS_COLOUR = "#A8D5CE"  # soft teal
NOES_COLOUR = "#E9A26B"  # soft amber
LINK_COLOUR = "#7A7A7A"
TEXT_COLOUR = "#333333"
GRID_COLOUR = "#E4E4E4"
SPINE_COLOUR = "#BBBBBB"
DAY_BAND_COLOUR = "#F4F4F4"

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@dataclass(frozen=True)
class AttemptPoint:
    day: date  # local date of the attempt
    anxiety_before: float | None  # 0..10, half steps
    anxiety_after: float | None


@dataclass(frozen=True)
class WeekCount:
    week_start: date  # Monday
    asks: int  # asks tried (not counting "didn't ask")
    noes: int  # of which the answer was a no


@dataclass(frozen=True)
class ChartLabels:
    title_anxiety: str
    before: str
    after: str
    axis_anxiety: str
    title_weeks: str
    asks: str
    noes: str
    language: str = "en"  # dates on the axis are written the way this language writes them


def render_stats_png(
    points: Sequence[AttemptPoint], weeks: Sequence[WeekCount], labels: ChartLabels
) -> bytes:
    """Both panels, stacked, as PNG bytes. Never raises on empty or ragged data."""
    return _to_png(stats_figure(points, weeks, labels))


def stats_figure(
    points: Sequence[AttemptPoint], weeks: Sequence[WeekCount], labels: ChartLabels
) -> Figure:
    """The drawn figure behind :func:`render_stats_png` (tests measure what is on it)."""
    figure = _new_figure()
    top, bottom = figure.subplots(2, 1, height_ratios=(3, 2))
    _draw_anxiety(top, sorted(points, key=lambda point: point.day), labels)
    _draw_weeks(bottom, _weekly_series(weeks), labels)
    for axes in (top, bottom):
        _thin_overlapping_ticks(figure, axes)
    return figure


def tick_label_boxes(figure: Figure, axes: Axes) -> list[tuple[float, float]]:
    """(left, right) in pixels of each drawn x tick label, left to right."""
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    boxes = [
        label.get_window_extent(renderer)
        for label in axes.get_xticklabels()
        if label.get_visible() and label.get_text()
    ]
    return sorted((box.x0, box.x1) for box in boxes)


def _overlaps(boxes: Sequence[tuple[float, float]]) -> bool:
    return any(
        left < previous_right + TICK_GAP_PX
        for (_, previous_right), (left, _) in itertools.pairwise(boxes)
    )


def _thin_overlapping_ticks(figure: Figure, axes: Axes) -> None:
    """Drop every other date label until none touches its neighbour (long month names,
    bigger fonts), keeping the first one: the start of the person's story."""
    figure.canvas.draw()
    while _overlaps(tick_label_boxes(figure, axes)):
        ticks = list(axes.get_xticks())
        texts = [label.get_text() for label in axes.get_xticklabels()]
        keep = range(0, len(ticks), 2)
        axes.set_xticks([ticks[i] for i in keep], [texts[i] for i in keep])
        figure.canvas.draw()


def png_size(data: bytes) -> tuple[int, int]:
    """(width, height) from a PNG's IHDR chunk."""
    if not data.startswith(PNG_SIGNATURE) or data[12:16] != b"IHDR":
        raise ValueError("not a PNG")
    width, height = struct.unpack(">II", data[16:24])
    return int(width), int(height)


# --- figure plumbing -------------------------------------------------------------------------


def _new_figure() -> Figure:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.layout_engine import ConstrainedLayoutEngine

    figure = Figure(
        figsize=(WIDTH_PX / DPI, HEIGHT_PX / DPI),
        dpi=DPI,
        facecolor="white",
        layout=ConstrainedLayoutEngine(h_pad=0.15, w_pad=0.2, hspace=0.08),
    )
    FigureCanvasAgg(figure)  # attaches itself; Agg whatever MPLBACKEND says
    return figure


def _to_png(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()


def _plain(text: str) -> str:
    """Caller text drawn literally: a '$' in a label must not switch on mathtext."""
    return text.replace("$", r"\$")


def _style(axes: Axes, title: str) -> None:
    """Left-aligned bold title, no box, a light horizontal grid and nothing else."""
    axes.set_title(
        _plain(title), loc="left", fontsize=TITLE_PT, fontweight="bold", color=TEXT_COLOUR, pad=40
    )
    axes.set_facecolor("white")
    for side in ("top", "right", "left"):
        axes.spines[side].set_visible(False)
    axes.spines["bottom"].set_color(SPINE_COLOUR)
    axes.spines["bottom"].set_linewidth(1.2)
    axes.tick_params(labelsize=BASE_PT, colors=TEXT_COLOUR, length=0, pad=8)
    axes.grid(axis="y", color=GRID_COLOUR, linewidth=1.2)
    axes.set_axisbelow(True)


def _legend(axes: Axes, handles: Sequence[Artist]) -> None:
    """One row of legend between the title and the plot, so it never covers a point."""
    axes.legend(
        handles=list(handles),
        loc="lower left",
        bbox_to_anchor=(0.0, 1.0),
        ncol=2,
        frameon=False,
        fontsize=BASE_PT,
        handlelength=1.6,
        columnspacing=1.6,
        borderaxespad=0.2,
        borderpad=0.0,
        labelcolor=TEXT_COLOUR,
    )


def _span(axes: Axes, count: int, least: int) -> None:
    """x limits with a little air either side, at least ``least`` slots wide, data centred."""
    middle = (count - 1) / 2 if count else 0.0
    half = max(count, least) / 2 + 0.1
    axes.set_xlim(middle - half, middle + half)


def _date_ticks(axes: Axes, days: Sequence[date], language: str) -> None:
    """At most MAX_TICKS date labels, at the first position of each shown day."""
    firsts = [index for index, day in enumerate(days) if index == 0 or day != days[index - 1]]
    chosen = _spread(firsts, MAX_TICKS)
    axes.set_xticks(chosen, [_plain(day_month(days[index], language)) for index in chosen])


def _spread(items: Sequence[int], most: int) -> list[int]:
    """Up to ``most`` items, evenly spaced, always keeping the first and the last."""
    if len(items) <= most:
        return list(items)
    step = (len(items) - 1) / (most - 1)
    return sorted({items[round(number * step)] for number in range(most)})


# --- top panel: anxiety before and after -----------------------------------------------------


def _draw_anxiety(axes: Axes, points: Sequence[AttemptPoint], labels: ChartLabels) -> None:
    _style(axes, labels.title_anxiety)
    befores = [_level(point.anxiety_before) for point in points]
    afters = [_level(point.anxiety_after) for point in points]
    marker, line = _sizes(len(points))
    days = [point.day for point in points]
    _day_bands(axes, days)
    _links(axes, befores, afters, line)
    same = [b is not None and b == a for b, a in zip(befores, afters, strict=True)]
    _series(axes, befores, BEFORE_COLOUR, "o", marker, line, _dodged(same, -DODGE))
    _series(axes, afters, AFTER_COLOUR, "D", marker * 0.9, line, _dodged(same, DODGE))
    axes.set_ylim(-0.6, 10.6)
    axes.set_yticks([0, 2, 4, 6, 8, 10])
    axes.set_ylabel(_plain(labels.axis_anxiety), fontsize=BASE_PT, color=TEXT_COLOUR, labelpad=10)
    _span(axes, len(points), least=1)
    _date_ticks(axes, [point.day for point in points], labels.language)
    _legend(axes, [_key(BEFORE_COLOUR, "o", labels.before), _key(AFTER_COLOUR, "D", labels.after)])


DODGE = 0.22  # of one slot: how far apart a before and an after that are equal are drawn


def _dodged(same: Sequence[bool], offset: float) -> list[float]:
    """x of each attempt, nudged sideways where before equals after, so neither marker hides
    the other (the line still passes through both: "it stayed the same" reads as flat)."""
    return [index + (offset if equal else 0.0) for index, equal in enumerate(same)]


def _day_bands(axes: Axes, days: Sequence[date]) -> None:
    """A faint band behind every other day, so several asks on one day read as one group
    of separate points rather than one smudge."""
    start = 0
    shade = False
    for index in range(1, len(days) + 1):
        if index == len(days) or days[index] != days[start]:
            if shade and index - start:
                axes.axvspan(start - 0.5, index - 0.5, color=DAY_BAND_COLOUR, zorder=0, lw=0)
            shade, start = not shade, index


def _level(value: float | None) -> float | None:
    """A value on the 0..10 scale, or None when there is nothing to draw."""
    if value is None or math.isnan(value):
        return None
    return min(10.0, max(0.0, float(value)))


def _sizes(count: int) -> tuple[float, float]:
    """(marker size, line width) in points: big for a handful, smaller so 100+ stay apart."""
    if count <= 20:
        return 12.0, 3.0
    if count <= 50:
        return 8.0, 2.5
    return 5.0, 1.6


def _links(
    axes: Axes, befores: Sequence[float | None], afters: Sequence[float | None], width: float
) -> None:
    """A faint vertical segment joining the before and after of the same attempt."""
    pairs = [
        (index, before, after)
        for index, (before, after) in enumerate(zip(befores, afters, strict=True))
        if before is not None and after is not None and before != after
    ]
    if pairs:
        xs, lows, highs = zip(*pairs, strict=True)
        alpha = 0.3 if len(befores) <= 50 else 0.2
        axes.vlines(xs, lows, highs, colors=LINK_COLOUR, alpha=alpha, linewidth=width, zorder=1)


def _series(
    axes: Axes,
    values: Sequence[float | None],
    colour: str,
    marker: str,
    size: float,
    width: float,
    xs: Sequence[float],
) -> None:
    """One line through the attempts that have this value; gaps are simply stepped over."""
    known = [(xs[index], value) for index, value in enumerate(values) if value is not None]
    axes.plot(
        [x for x, _ in known],
        [value for _, value in known],
        color=colour,
        linewidth=width,
        marker=marker,
        markersize=size,
        markeredgecolor="white",
        markeredgewidth=1.5,
        zorder=3,
        solid_capstyle="round",
        solid_joinstyle="round",
    )


def _key(colour: str, marker: str, label: str) -> Line2D:
    """A legend entry at full size, however dense the plotted points are."""
    from matplotlib.lines import Line2D

    return Line2D(
        [], [], color=colour, linewidth=3.0, marker=marker, markersize=11.0, label=_plain(label)
    )


# --- bottom panel: asks and no's per week ----------------------------------------------------


def _weekly_series(weeks: Sequence[WeekCount]) -> list[WeekCount]:
    """One entry per Monday from the first week with an ask to the last week given, quiet
    weeks in between filled with zeros."""
    totals: dict[date, tuple[int, int]] = {}
    for week in weeks:
        monday = week.week_start - timedelta(days=week.week_start.weekday())
        asks, noes = totals.get(monday, (0, 0))
        totals[monday] = (asks + max(week.asks, 0), noes + max(week.noes, 0))
    if not totals:
        return []
    # The axis starts at the person's first week with an ask, not at the start of a fixed
    # window: a newcomer sees their one week, not a row of empty weeks before they arrived.
    active = [monday for monday, (asks, _noes) in totals.items() if asks > 0]
    first, last = min(active or [max(totals)]), max(totals)
    count = (last - first).days // 7 + 1
    mondays = [first + timedelta(weeks=number) for number in range(count)]
    return [WeekCount(monday, *totals.get(monday, (0, 0))) for monday in mondays]


def _draw_weeks(axes: Axes, weeks: Sequence[WeekCount], labels: ChartLabels) -> None:
    from matplotlib.ticker import MaxNLocator

    _style(axes, labels.title_weeks)
    xs = [float(index) for index in range(len(weeks))]
    asks = [week.asks for week in weeks]
    noes = [week.noes for week in weeks]
    axes.bar(xs, asks, width=0.8, color=ASKS_COLOUR, zorder=2)
    axes.bar(xs, noes, width=0.45, color=NOES_COLOUR, zorder=3)
    axes.set_ylim(0, max([*asks, *noes, 1]) * 1.08)
    axes.yaxis.set_major_locator(MaxNLocator(nbins=5, integer=True, min_n_ticks=2))
    _span(axes, len(weeks), least=4)
    _date_ticks(axes, [week.week_start for week in weeks], labels.language)
    _legend(axes, [_swatch(ASKS_COLOUR, labels.asks), _swatch(NOES_COLOUR, labels.noes)])


def _swatch(colour: str, label: str) -> Patch:
    from matplotlib.patches import Patch

    return Patch(facecolor=colour, label=_plain(label))
