"""Cold start: process start until /_stcore/health answers, and page open until the first chart
is drawn in a fresh browser context; for the app and the minimal app, alternating, in one run.

`uv run python bench/cold_start.py [--runs 5]`.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Mapping
from pathlib import Path

from common import APP, MINIMAL_APP, Measure, machine, measures_table, median_ms
from playwright.sync_api import Browser, Playwright, sync_playwright

from scripts.server import CHROMIUM_ARGS, SYSTEM_CHROMIUM, start_server, stop_server

TARGET = 1.3


def launch(playwright: Playwright) -> Browser:
    executable = str(SYSTEM_CHROMIUM) if SYSTEM_CHROMIUM.exists() else None
    return playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)


COMPILED = {"PYTHONDONTWRITEBYTECODE": ""}
"""Servers run with bytecode caches, as an installed app does (pip compiles modules when it
installs them, and the Dockerfile compiles the app's own): this machine sets
``PYTHONDONTWRITEBYTECODE``, under which every start compiled every module from source again."""


def one_start(
    app: Path, browser: Browser, env: Mapping[str, str] | None = None
) -> tuple[float, float]:
    """Seconds from process start to health, and from page open to the first chart drawn."""
    start = time.perf_counter()
    process, url = start_server(app, env={**COMPILED, **(env or {})})
    healthy = time.perf_counter() - start
    try:
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        page = context.new_page()
        opened = time.perf_counter()
        page.goto(url)
        page.wait_for_selector('[data-testid="stPlotlyChart"] .main-svg', timeout=120_000)
        first_chart = time.perf_counter() - opened
        context.close()
    finally:
        stop_server(process)
    return healthy, first_chart


def measures(runs: int) -> list[Measure]:
    health: dict[Path, list[float]] = {MINIMAL_APP: [], APP: []}
    chart: dict[Path, list[float]] = {MINIMAL_APP: [], APP: []}
    with sync_playwright() as playwright:
        browser = launch(playwright)
        for app in (MINIMAL_APP, APP):  # warm the disk cache, the bytecode caches and Chromium
            one_start(app, browser)
        for _ in range(runs):
            for app in (MINIMAL_APP, APP):
                healthy, first = one_start(app, browser)
                health[app].append(healthy)
                chart[app].append(first)
        browser.close()
    h_floor, h_app = median_ms(health[MINIMAL_APP]), median_ms(health[APP])
    c_floor, c_app = median_ms(chart[MINIMAL_APP]), median_ms(chart[APP])
    return [
        Measure(
            "cold start: process start to health",
            h_app / h_floor,
            TARGET,
            note=f"{h_app:.0f} ms vs {h_floor:.0f} ms",
        ),
        Measure(
            "cold start: page open to first chart",
            c_app / c_floor,
            TARGET,
            note=f"{c_app:.0f} ms vs {c_floor:.0f} ms",
        ),
    ]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    found = measures(runs)
    print(f"Cold start, median of {runs} ({machine()})\n")
    print(measures_table(found))


if __name__ == "__main__":
    main()
