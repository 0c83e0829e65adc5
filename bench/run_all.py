"""Run every benchmark, one after the other, each in its own process.

    python -m bench.run_all            full scale (see BENCHMARKS.md; about half an hour)
    python -m bench.run_all --smoke    about 1/100 scale, a minute or two: CI runs this so
                                       the scripts never rot (it does not judge the numbers)

PostgreSQL runs are included when BENCH_DATABASE_URL or TEST_DATABASE_URL is set.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time

from bench.common import ROOT


def plan(smoke: bool, backends: list[str]) -> list[list[str]]:
    """(module, arguments) for each run, at full or smoke scale."""
    scale = 100 if smoke else 1
    runs = [
        [
            "bench.conversation",
            f"--logs={2000 // scale}",
            f"--users={max(2, 50 // scale)}",
            f"--step-users={max(2, 200 // scale)}",
            f"--seconds={3 if smoke else 30}",
            f"--backends={','.join(backends)}",
        ]
    ]
    for backend in backends:
        runs.append(
            [
                "bench.fanout",
                f"--people={100_000 // scale}",
                f"--small={10_000 // scale}",
                f"--limited={max(60, 1_500 // scale)}",
                f"--backend={backend}",
            ]
        )
        runs.append(["bench.recaps", f"--people={100_000 // scale}", f"--backend={backend}"])
    runs.append(["bench.footprint", f"--runs={1 if smoke else 5}", f"--idle={1 if smoke else 5}"])
    return runs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--smoke", action="store_true", help="about 1/100 scale")
    args = parser.parse_args()
    postgres = os.environ.get("BENCH_DATABASE_URL") or os.environ.get("TEST_DATABASE_URL")
    backends = ["sqlite", "postgres"] if postgres else ["sqlite"]
    failed = []
    for module, *arguments in plan(args.smoke, backends):
        started = time.perf_counter()
        code = subprocess.call([sys.executable, "-m", module, *arguments], cwd=ROOT)
        print(f"-- {module} finished in {time.perf_counter() - started:.0f} s", flush=True)
        if code != 0:
            failed.append(f"{module} {' '.join(arguments)} (exit {code})")
    for failure in failed:
        print(f"FAILED: {failure}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
