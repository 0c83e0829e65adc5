"""Crisis detector: time per message on the whole corpus (tests/domain/crisis_corpus/).

    python -m bench.crisis [--repeats 20]

Each message is run ``repeats`` times. "best" is the fastest run per message (the
detector's own cost); "all runs" includes whatever else the machine was doing.
"""

from __future__ import annotations

import argparse
import statistics
import time

from bench.common import ROOT
from bot.domain.crisis import detect_crisis

CORPUS = ROOT / "tests" / "domain" / "crisis_corpus"


def messages() -> list[str]:
    lines = []
    for path in sorted(CORPUS.glob("*.txt")):
        for raw in path.read_text(encoding="utf-8").splitlines():
            line = raw.strip()
            if line and not line.startswith("#"):
                lines.append(line)
    return lines


def percentile(ordered: list[float], share: float) -> float:
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=20)
    repeats = parser.parse_args().repeats
    corpus = messages()
    for text in corpus:
        detect_crisis(text)  # compile and warm caches
    best, every = [], []
    for text in corpus:
        runs = []
        for _ in range(repeats):
            started = time.perf_counter()
            detect_crisis(text)
            runs.append(time.perf_counter() - started)
        best.append(min(runs))
        every += runs
    for label, timings in (("best", sorted(best)), ("all runs", sorted(every))):
        print(
            f"{label:>8}: {len(timings)} timings over {len(corpus)} messages, median "
            f"{statistics.median(timings) * 1e6:.0f} µs, p99 {percentile(timings, 0.99) * 1e6:.0f}"
            f" µs, max {timings[-1] * 1e6:.0f} µs"
        )


if __name__ == "__main__":
    main()
