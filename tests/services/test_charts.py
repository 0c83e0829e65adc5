"""The /stats chart: always a phone-sized PNG, whatever the data, and matplotlib stays lazy."""

from __future__ import annotations

import itertools
import math
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import numpy
import pytest

from bot.services.charts import (
    AttemptPoint,
    ChartLabels,
    WeekCount,
    png_size,
    render_stats_png,
    stats_figure,
    tick_label_boxes,
)

ROOT = Path(__file__).resolve().parents[2]
PNG = b"\x89PNG\r\n\x1a\n"
START = date(2026, 9, 7)  # a Monday

LABELS = ChartLabels(
    title_anxiety="Anxiety before and after each ask",
    before="before",
    after="after",
    axis_anxiety="anxiety (0-10)",
    title_weeks="Asks and no's per week",
    asks="asks",
    noes="no's",
)


def attempts(count: int) -> list[AttemptPoint]:
    """A plausible, deterministic history: anxiety easing off, a few answers missing."""
    points = []
    for number in range(count):
        before = round(min(10.0, max(0.0, 8 - number * 0.1 + number % 3)) * 2) / 2
        after = max(0.0, before - 2.5 - number % 2)
        points.append(
            AttemptPoint(
                START + timedelta(days=number * 10 // 7),
                None if number % 9 == 4 else before,
                None if number % 11 == 6 else after,
            )
        )
    return points


def weeks(count: int) -> list[WeekCount]:
    return [
        WeekCount(START + timedelta(weeks=number), number % 7 + 1, (number % 7 + 1) // 2)
        for number in range(count)
    ]


def assert_phone_png(data: bytes) -> None:
    assert data.startswith(PNG)
    width, height = png_size(data)
    assert 600 <= width <= 1280
    assert 600 <= height <= 2000


@pytest.mark.parametrize(
    ("points", "counts"),
    [
        pytest.param([], [], id="empty"),
        pytest.param(attempts(1), weeks(1), id="single"),
        pytest.param(attempts(1), [], id="single-attempt-no-weeks"),
        pytest.param([], weeks(3), id="weeks-only"),
        pytest.param(attempts(12), weeks(4), id="typical"),
        pytest.param(attempts(150), weeks(52), id="150-attempts-52-weeks"),
    ],
)
def test_renders_a_phone_sized_png(points: list[AttemptPoint], counts: list[WeekCount]) -> None:
    assert_phone_png(render_stats_png(points, counts, LABELS))


@pytest.mark.parametrize(
    "points",
    [
        pytest.param([AttemptPoint(START, 7.5, None)], id="before-only"),
        pytest.param([AttemptPoint(START, None, 3.0)], id="after-only"),
        pytest.param([AttemptPoint(START, None, None)], id="neither"),
        pytest.param([AttemptPoint(START, None, None)] * 40, id="many-with-neither"),
        pytest.param([AttemptPoint(START, 6.0, 6.0)], id="before-equals-after"),
        pytest.param([AttemptPoint(START, 0.0, 10.0)], id="extremes"),
        pytest.param([AttemptPoint(START, -3.0, 14.5)], id="out-of-range"),
        pytest.param([AttemptPoint(START, math.nan, 4.0)], id="nan"),
        pytest.param([AttemptPoint(START, 5.0, 2.0)] * 5, id="all-on-one-day"),
        pytest.param(list(reversed(attempts(20))), id="out-of-order"),
    ],
)
def test_missing_or_odd_anxiety_values_never_raise(points: list[AttemptPoint]) -> None:
    assert_phone_png(render_stats_png(points, weeks(2), LABELS))


@pytest.mark.parametrize(
    "counts",
    [
        pytest.param([WeekCount(START, 0, 0)], id="a-quiet-week"),
        pytest.param([WeekCount(START, 3, 5)], id="more-noes-than-asks"),
        pytest.param([WeekCount(START, -1, -2)], id="negative"),
        pytest.param([WeekCount(START + timedelta(days=3), 2, 1)], id="not-a-monday"),
        pytest.param([WeekCount(START, 2, 1), WeekCount(START, 3, 1)], id="same-week-twice"),
        pytest.param(
            [WeekCount(START + timedelta(weeks=10), 1, 0), WeekCount(START, 4, 2)],
            id="gap-and-out-of-order",
        ),
        pytest.param([WeekCount(START, 500, 250)], id="big-numbers"),
    ],
)
def test_odd_week_counts_never_raise(counts: list[WeekCount]) -> None:
    assert_phone_png(render_stats_png(attempts(3), counts, LABELS))


def test_labels_are_drawn() -> None:
    """Every caller-supplied string ends up in the picture: change one, the PNG changes."""
    base = render_stats_png(attempts(8), weeks(3), LABELS)
    for field in ("title_anxiety", "before", "after", "axis_anxiety", "title_weeks", "asks"):
        changed = replace(LABELS, **{field: "Something else entirely"})
        assert render_stats_png(attempts(8), weeks(3), changed) != base, field
    noes = render_stats_png(attempts(8), weeks(3), replace(LABELS, noes="refusals"))
    assert noes != base
    russian = render_stats_png(attempts(8), weeks(3), replace(LABELS, language="ru"))
    assert russian != base  # dates on the axis follow the language


def test_labels_are_drawn_literally() -> None:
    """Text from prompts.yaml is not mathtext: dollar signs and backslashes are harmless."""
    odd = ChartLabels(
        title_anxiety="$5 asks $",
        before="$before$",
        after=r"\after",
        axis_anxiety="0-10 $\\frac{",
        title_weeks="Ça va? Привет",
        asks="asks & tries",
        noes="no's 100%",
        language="ru",
    )
    assert_phone_png(render_stats_png(attempts(8), weeks(3), odd))


def test_the_same_data_gives_the_same_picture() -> None:
    first = render_stats_png(attempts(30), weeks(6), LABELS)
    assert render_stats_png(attempts(30), weeks(6), LABELS) == first


def test_renders_from_several_threads_at_once() -> None:
    """The bot draws via asyncio.to_thread; parallel charts must not tangle."""
    expected = render_stats_png(attempts(20), weeks(5), LABELS)
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(
            pool.map(lambda _: render_stats_png(attempts(20), weeks(5), LABELS), range(8))
        )
    assert all(result == expected for result in results)


def test_is_quick_enough() -> None:
    render_stats_png([], [], LABELS)  # matplotlib's import and font cache are one-off costs
    started = time.perf_counter()
    render_stats_png(attempts(120), weeks(52), LABELS)
    assert time.perf_counter() - started < 10


def run_python(code: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_importing_the_module_does_not_import_matplotlib() -> None:
    result = run_python("import bot.services.charts, sys; assert 'matplotlib' not in sys.modules")
    assert result.returncode == 0, result.stderr


def test_ignores_the_mplbackend_setting() -> None:
    code = (
        "from bot.services.charts import ChartLabels, render_stats_png\n"
        "labels = ChartLabels('a', 'b', 'c', 'd', 'e', 'f', 'g')\n"
        "assert render_stats_png([], [], labels).startswith(b'\\x89PNG')\n"
        "import sys; assert 'matplotlib.pyplot' not in sys.modules\n"
    )
    result = run_python(code, MPLBACKEND="module://no.such.backend")
    assert result.returncode == 0, result.stderr


def test_png_size_reads_the_header() -> None:
    header = PNG + b"\x00\x00\x00\x0dIHDR" + (1080).to_bytes(4, "big") + (1350).to_bytes(4, "big")
    assert png_size(header + b"\x08\x06\x00\x00\x00") == (1080, 1350)


@pytest.mark.parametrize("data", [b"", b"GIF89a" + bytes(30), PNG + bytes(4) + b"IDAT" + bytes(8)])
def test_png_size_rejects_what_is_not_a_png(data: bytes) -> None:
    with pytest.raises(ValueError, match="not a PNG"):
        png_size(data)


# --- charts that read at a glance (issue 15, item 12) -----------------------------------------
# Three people drawn as they would see /stats; the PNGs are saved under artifacts/charts/.

ARTIFACTS = ROOT / "artifacts" / "charts"
LONG_LABELS = replace(LABELS, language="ru")  # longer month names: the hardest axis to fit


def _window(asks_by_week: dict[int, int]) -> list[WeekCount]:
    """The fixed eight-week window /stats passes in, with empty weeks before the first ask."""
    return [
        WeekCount(START + timedelta(weeks=n), asks_by_week.get(n, 0), asks_by_week.get(n, 0) // 2)
        for n in range(8)
    ]


def first_week_person() -> tuple[list[AttemptPoint], list[WeekCount]]:
    monday = START + timedelta(weeks=7)
    points = [
        AttemptPoint(monday + timedelta(days=1), 8.0, 5.0),
        AttemptPoint(monday + timedelta(days=1), 6.0, 6.0),  # same day, before == after
        AttemptPoint(monday + timedelta(days=3), 7.0, 7.0),
    ]
    return points, _window({7: 3})


def twelve_week_person() -> tuple[list[AttemptPoint], list[WeekCount]]:
    points = attempts(30)
    return points, weeks(12)


def sixty_asks_person() -> tuple[list[AttemptPoint], list[WeekCount]]:
    points = [
        AttemptPoint(START + timedelta(days=n // 3), 7.0 - (n % 5), 7.0 - (n % 5) - n % 2)
        for n in range(60)
    ]
    return points, weeks(3)


PEOPLE = {
    "first_week": first_week_person,
    "twelve_weeks": twelve_week_person,
    "sixty_asks": sixty_asks_person,
}


@pytest.mark.parametrize("person", PEOPLE)
@pytest.mark.parametrize("labels", [LABELS, LONG_LABELS], ids=["en", "ru"])
def test_tick_labels_never_overlap(person: str, labels: ChartLabels) -> None:
    points, counts = PEOPLE[person]()
    figure = stats_figure(points, counts, labels)
    for axes in figure.axes:
        boxes = tick_label_boxes(figure, axes)
        assert boxes, "every panel names its dates"
        for (_, right), (left, _) in itertools.pairwise(boxes):
            assert left >= right, (person, boxes)


@pytest.mark.parametrize("person", PEOPLE)
def test_saves_each_person_as_an_artifact(person: str) -> None:
    points, counts = PEOPLE[person]()
    data = render_stats_png(points, counts, LABELS)
    assert_phone_png(data)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / f"{person}.png").write_bytes(data)


def _marker_xs(figure_axes: object, colour: str) -> list[float]:
    from matplotlib.axes import Axes

    assert isinstance(figure_axes, Axes)
    line = next(line for line in figure_axes.get_lines() if line.get_color() == colour)
    return [float(x) for x in numpy.asarray(line.get_xdata(), dtype=float)]


def test_equal_before_and_after_are_drawn_side_by_side() -> None:
    from bot.services.charts import AFTER_COLOUR, BEFORE_COLOUR

    points, counts = first_week_person()
    top = stats_figure(points, counts, LABELS).axes[0]
    befores, afters = _marker_xs(top, BEFORE_COLOUR), _marker_xs(top, AFTER_COLOUR)
    assert befores[0] == afters[0]  # 8 -> 5: one above the other, nothing hidden
    assert befores[1] < afters[1] and befores[2] < afters[2]  # 6 -> 6, 7 -> 7: side by side


def test_several_asks_on_one_day_are_separate_points() -> None:
    from bot.services.charts import BEFORE_COLOUR

    points, counts = sixty_asks_person()
    top = stats_figure(points, counts, LABELS).axes[0]
    xs = _marker_xs(top, BEFORE_COLOUR)
    assert len(set(xs)) == 60  # three asks a day, each at its own place
    assert top.patches  # and the days are banded, so each day's asks read as a group


def test_the_week_axis_starts_at_the_first_week_with_an_ask() -> None:
    points, counts = first_week_person()
    bottom = stats_figure(points, counts, LABELS).axes[1]
    assert len(bottom.patches) == 2  # one week: an asks bar and a no's bar, no empty weeks
