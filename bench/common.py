"""Shared helpers for the benchmarks: timing statistics, a measure against its target, a
results table, the machine."""

from __future__ import annotations

import os
import platform
import statistics
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("STREAMLIT_LOGGER_LEVEL", "error")  # AppTest warns of a missing context

MINIMAL_APP = ROOT / "bench" / "minimal_app.py"
APP = ROOT / "app.py"


@dataclass(frozen=True)
class Measure:
    """One figure of a benchmark against its target: a ratio to the minimal app measured in the
    same run (at most ``target``), or a plain value with its unit; with no target, a value
    recorded beside the others (what a measured figure excludes, say)."""

    name: str
    value: float
    target: float | None
    unit: str = "x"
    at_least: bool = False
    note: str = ""

    @property
    def met(self) -> bool | None:
        if self.target is None:
            return None
        return self.value >= self.target if self.at_least else self.value <= self.target

    def row(self) -> list[str]:
        value = f"{self.value:.2f}" if self.unit == "x" else f"{self.value:.0f} {self.unit}"
        if self.target is None:
            return [self.name, value, "-", "-", self.note]
        sign = ">=" if self.at_least else "<="
        target = f"{sign} {self.target:g}" + ("" if self.unit == "x" else f" {self.unit}")
        return [self.name, value, target, "yes" if self.met else "no", self.note]


MEASURE_HEADERS = ["measure", "ratio / value", "target", "met", "absolute"]


def median_ms(samples: Sequence[float]) -> float:
    return 1000 * statistics.median(samples)


def p95_ms(samples: Sequence[float]) -> float:
    ordered = sorted(samples)
    return 1000 * ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def machine() -> str:
    return f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A Markdown table, ready to paste into bench/RESULTS.md."""
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def measures_table(measures: Sequence[Measure]) -> str:
    return table(MEASURE_HEADERS, [m.row() for m in measures])
