"""Cold start: process start until /_stcore/health answers, and page open until the first chart
is drawn in a fresh browser context; for the app and the minimal app, in the same run.

`uv run python bench/cold_start.py [--runs 5]`.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from common import APP, MINIMAL_APP, machine, median_ms, table
from playwright.sync_api import Browser, sync_playwright

from scripts.server import CHROMIUM_ARGS, SYSTEM_CHROMIUM, start_server, stop_server


def one_start(app: Path, browser: Browser) -> tuple[float, float]:
    start = time.perf_counter()
    process, url = start_server(app)
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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    results: dict[str, tuple[list[float], list[float]]] = {}
    with sync_playwright() as playwright:
        executable = str(SYSTEM_CHROMIUM) if SYSTEM_CHROMIUM.exists() else None
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        for _ in range(runs):
            for app in (MINIMAL_APP, APP):
                healthy, chart = one_start(app, browser)
                results.setdefault(app.name, ([], []))[0].append(healthy)
                results[app.name][1].append(chart)
        browser.close()
    floor_health, floor_chart = (median_ms(s) for s in results[MINIMAL_APP.name])
    rows = []
    for name, (health, chart) in results.items():
        h, c = median_ms(health), median_ms(chart)
        rows.append(
            [name, f"{h:.0f}", f"{h / floor_health:.2f}", f"{c:.0f}", f"{c / floor_chart:.2f}"]
        )
    print(f"Cold start, median of {runs} ({machine()})\n")
    print(table(["app", "start to health ms", "ratio", "open to first chart ms", "ratio"], rows))


if __name__ == "__main__":
    main()
