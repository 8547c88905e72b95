"""Every benchmark in sequence, each measured against the minimal app in the same run, and one
Markdown table of every measure with its target (about 10 minutes on 2 quiet cores).

`uv run python bench/all.py [--quick]`: ``--quick`` takes fewer repetitions (a check that the
benchmarks run, not a result to record).
"""

from __future__ import annotations

import argparse
import time

import browser
import cold_start
import rerun
import scale
from common import Measure, machine, measures_table


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    quick = parser.parse_args().quick
    started = time.perf_counter()
    found: list[Measure] = []
    for name, run in (
        ("rerun", lambda: rerun.measures(runs=3 if quick else 15)),
        ("browser", lambda: browser.measures(runs=2 if quick else 7)),
        ("cold start", lambda: cold_start.measures(runs=1 if quick else 5)),
        ("scale", lambda: scale.measures(runs=1 if quick else 3, count=10 if quick else 50)),
    ):
        print(f"... {name}", flush=True)
        found += run()
    minutes = (time.perf_counter() - started) / 60
    targets = [m for m in found if m.target is not None]
    met = f"{sum(bool(m.met) for m in targets)} of {len(targets)} met"
    print(f"\nEvery benchmark, one run ({machine()}), {minutes:.1f} min: {met}\n")
    print(measures_table(found))


if __name__ == "__main__":
    main()
