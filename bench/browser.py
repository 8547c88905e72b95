"""Browser: a click in the sidebar until every chart of the view is redrawn, in Chromium;
against the minimal app's radio click measured in the same run.

`uv run python bench/browser.py [--runs 10]`: median per view (Overview, Timeline, Outcomes).
"""

from __future__ import annotations

import argparse
import time

from common import APP, MINIMAL_APP, machine, median_ms, table
from playwright.sync_api import Page, sync_playwright

from scripts.server import CHROMIUM_ARGS, SYSTEM_CHROMIUM, start_server, stop_server, wait_for_app

SNAPSHOT = """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"]')]
    .map(c => c.innerHTML.length + ':' + c.textContent).join('|')"""
REDRAWN = """(before) => {
    const app = document.querySelector('[data-testid="stApp"]');
    if (app.getAttribute('data-test-script-state') !== 'notRunning') return false;
    const charts = [...document.querySelectorAll('[data-testid="stPlotlyChart"]')];
    if (!charts.every(c => c.querySelector('.main-svg'))) return false;
    const now = charts.map(c => c.innerHTML.length + ':' + c.textContent);
    const old = before.split('|');
    return now.length === old.length && now.every((s, i) => s !== old[i]);
}"""


def click_until_redrawn(page: Page, click: callable) -> float:
    before = page.evaluate(SNAPSHOT)
    start = time.perf_counter()
    click()
    page.wait_for_function(REDRAWN, arg=before, timeout=60_000, polling=20)
    return time.perf_counter() - start


def minimal(page: Page, url: str, runs: int) -> list[float]:
    page.goto(url)
    wait_for_app(page)
    options = ["one", "two", "three"]
    return [
        click_until_redrawn(
            page, lambda i=i: page.get_by_text(options[(i + 1) % 3], exact=True).click()
        )
        for i in range(runs)
    ]


def app(page: Page, url: str, view: str, runs: int) -> list[float]:
    page.goto(f"{url}/?view={view}&b=none")
    wait_for_app(page)
    choices = ["Council deadlock", "US draft adopted"]

    def pick(name: str) -> None:
        page.get_by_role("combobox", name="Scenario A").click()
        page.get_by_role("option", name=name).click()

    return [click_until_redrawn(page, lambda i=i: pick(choices[i % 2])) for i in range(runs)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    runs = parser.parse_args().runs
    floor_process, floor_url = start_server(MINIMAL_APP)
    app_process, app_url = start_server(APP)
    try:
        with sync_playwright() as playwright:
            executable = str(SYSTEM_CHROMIUM) if SYSTEM_CHROMIUM.exists() else None
            browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            floor = median_ms(minimal(page, floor_url, runs))
            rows = [["minimal app: radio click", f"{floor:.0f}", "1.00"]]
            for view in ("overview", "timeline", "outcomes"):
                value = median_ms(app(page, app_url, view, runs))
                rows.append([f"{view}: switch scenario A", f"{value:.0f}", f"{value / floor:.2f}"])
            browser.close()
    finally:
        stop_server(floor_process)
        stop_server(app_process)
    print(f"Browser click to every chart redrawn, median of {runs} ({machine()})\n")
    print(table(["measurement", "median ms", "ratio"], rows))


if __name__ == "__main__":
    main()
