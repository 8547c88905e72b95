"""Cross-impact balance: every consistent scenario of generated matrices, by the pruned search
(time and partial scenarios visited) beside brute force (run where it takes seconds, else
estimated from the cost of checking 2,000 random scenarios).

Matrices: 8, 12, 15 and 17 descriptors of 3-4 variants (10^4 to 10^10 scenarios), judgments
-3..+3 with rows summing to about zero, in two densities: "half" (each ordered pair of
descriptors judged with probability 0.5, as in real matrices) and "full" (every pair judged,
which leaves the bounds loosest). Seeds are fixed, so the table is reproducible.

`uv run python bench/cib.py [--runs 3]`.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

import numpy as np
from common import machine, table

from explorer.cib import CrossImpactMatrix, Descriptor, brute_force_consistent, evaluate, search

SIZES = {8: (4, 4), 12: (6, 6), 15: (3, 12), 17: (2, 15)}  # descriptors: (3-variant, 4-variant)
DENSITIES = {"half": 0.5, "full": 1.0}
BRUTE_FORCE_LIMIT = 100_000
SAMPLE = 2_000


def generate(three: int, four: int, density: float, seed: int) -> CrossImpactMatrix:
    rng = np.random.default_rng(seed)
    sizes = [3] * three + [4] * four
    descriptors = tuple(
        Descriptor(f"D{i}", tuple(f"v{i}.{b}" for b in range(n))) for i, n in enumerate(sizes)
    )
    starts = np.cumsum([0, *sizes[:-1]])
    cells = np.zeros((sum(sizes), sum(sizes)), dtype=int)
    for i, n_i in enumerate(sizes):
        for j, n_j in enumerate(sizes):
            if i == j or rng.random() >= density:
                continue
            for a in range(n_i):
                row = rng.integers(-3, 4, n_j)
                row = np.clip(np.round(row - row.mean()), -3, 3)
                cells[starts[i] + a, starts[j] : starts[j] + n_j] = row
    return CrossImpactMatrix(descriptors, tuple(tuple(int(x) for x in row) for row in cells))


def brute_force_seconds(m: CrossImpactMatrix) -> tuple[float, str]:
    """Measured when small, else the cost of SAMPLE random scenarios scaled to all of them."""
    if m.scenario_count <= BRUTE_FORCE_LIMIT:
        start = time.perf_counter()
        brute_force_consistent(m)
        return time.perf_counter() - start, "measured"
    rng = random.Random(0)
    picks = [[rng.choice(d.variants) for d in m.descriptors] for _ in range(SAMPLE)]
    start = time.perf_counter()
    for scenario in picks:
        evaluate(m, scenario)
    return (time.perf_counter() - start) / SAMPLE * m.scenario_count, "estimated"


def duration(seconds: float) -> str:
    if seconds < 1:
        return f"{1000 * seconds:.0f} ms"
    if seconds < 3600:
        return f"{seconds:.1f} s"
    return f"{seconds / 3600:.1f} h"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="timed runs per matrix (median)")
    runs = parser.parse_args().runs
    rows = []
    for descriptors, (three, four) in SIZES.items():
        for name, density in DENSITIES.items():
            m = generate(three, four, density, seed=descriptors)
            times, result = [], None
            for _ in range(runs):
                start = time.perf_counter()
                result = search(m)
                times.append(time.perf_counter() - start)
            assert result is not None
            if m.scenario_count <= BRUTE_FORCE_LIMIT:
                assert list(result.solutions) == brute_force_consistent(m), "search != brute force"
            brute, how = brute_force_seconds(m)
            rows.append(
                [
                    descriptors,
                    f"{three}x3 + {four}x4",
                    name,
                    f"{m.scenario_count:.1e}",
                    len(result.solutions),
                    f"{result.nodes:,}",
                    f"{result.nodes / m.scenario_count:.1e}",
                    duration(statistics.median(times)),
                    f"{duration(brute)} ({how})",
                ]
            )
            print(*rows[-1], sep=" | ", flush=True)
    headers = [
        "descriptors",
        "variants",
        "judged pairs",
        "scenarios",
        "consistent",
        "nodes visited",
        "nodes / scenario",
        f"search (median of {runs})",
        "brute force",
    ]
    print(f"\nCIB: every consistent scenario, on {machine()}\n")
    print(table(headers, rows))


if __name__ == "__main__":
    main()
