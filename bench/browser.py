"""Browser: a click in the sidebar until every chart of the view is redrawn, in Chromium, for
every view; against the minimal app's selectbox measured in the same run.

"Redrawn" is the last change to the page's main area (charts and text) after the click, once
the script has finished, nothing is stale, every chart is drawn and the area has been quiet for
``QUIET_MS``: a chart whose data did not change need not be drawn again.

`uv run python bench/browser.py [--runs 7] [--views outcomes reality]`: median per view (every
view the first set offers, or only those named). The minimal app, open in a page of its own,
takes a click in turn with each of the app's, so that the machine's drift during a run weighs
on both sides of each ratio alike.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from common import APP, MINIMAL_APP, Measure, machine, measures_table, median_ms
from playwright.sync_api import Page, sync_playwright

from explorer.content import open_catalog
from explorer.views import offered
from scripts.server import CHROMIUM_ARGS, SYSTEM_CHROMIUM, start_server, stop_server, wait_for_app

TARGET = 2.5
QUIET_MS = 400
WATCH = """() => {
    const main = document.querySelector('[data-testid="stMain"]');
    window.__lastChange = performance.now();
    new MutationObserver(() => { window.__lastChange = performance.now(); })
        .observe(main, {subtree: true, childList: true, attributes: true, characterData: true});
}"""
SETTLED = """([start, quiet]) => {
    const app = document.querySelector('[data-testid="stApp"]');
    if (app.getAttribute('data-test-script-state') !== 'notRunning') return false;
    if (document.querySelector('[data-testid="stMain"] [data-stale="true"]')) return false;
    const charts = [...document.querySelectorAll('[data-testid="stPlotlyChart"]')];
    if (!charts.every(c => c.querySelector('.main-svg'))) return false;
    return window.__lastChange > start && performance.now() - window.__lastChange > quiet;
}"""


def pick(page: Page, label: str, option: str) -> float:
    """Open the selectbox ``label``, click ``option``; seconds until the main area settled."""
    page.get_by_role("combobox", name=label).click()
    start = page.evaluate("performance.now()")
    page.get_by_role("option", name=option, exact=True).click()
    page.wait_for_function(SETTLED, arg=[start, QUIET_MS], timeout=60_000, polling=20)
    return (page.evaluate("window.__lastChange") - start) / 1000


def opened(page: Page, url: str) -> Page:
    page.goto(url)
    wait_for_app(page, charts=False)
    page.evaluate(WATCH)
    return page


def floor_click(floor: Page) -> float:
    """The minimal app's selectbox moved to the option after the one it shows."""
    options = ["one", "two", "three"]
    shown = floor.get_by_role("combobox", name="Series").input_value()
    return pick(floor, "Series", options[(options.index(shown) + 1) % len(options)])


def paired(app: Page, label: str, options: list[str], floor: Page, runs: int) -> list[list[float]]:
    """Seconds per click on the app's ``label`` and, each just before, on the minimal app's."""
    found: list[list[float]] = [[], []]
    for i in range(runs + 2):
        found[1].append(floor_click(floor))
        found[0].append(pick(app, label, options[(i + 1) % len(options)]))
    return [seconds[2:] for seconds in found]  # the first two build what later clicks reuse


def measures(runs: int, views: Sequence[str] = ()) -> list[Measure]:
    catalog = open_catalog()
    shown = catalog[catalog.ids[0]]
    labels = [s.label for s in shown.scenarios[:2]]
    floor_process, floor_url = start_server(MINIMAL_APP)
    app_process, app_url = start_server(APP)
    found = []
    try:
        with sync_playwright() as playwright:
            executable = str(SYSTEM_CHROMIUM) if SYSTEM_CHROMIUM.exists() else None
            browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
            viewport = {"width": 1400, "height": 1000}
            floor_page = opened(browser.new_page(viewport=viewport), floor_url)
            page = browser.new_page(viewport=viewport)
            for view in (v.id for v in offered(shown) if not views or v.id in views):
                opened(page, f"{app_url}/?view={view}&b=none")
                value, floor = (
                    median_ms(s) for s in paired(page, "Scenario A", labels, floor_page, runs)
                )
                note = f"{value:.0f} ms vs {floor:.0f} ms"
                found.append(
                    Measure(f"browser, {view}: switch scenario A", value / floor, TARGET, note=note)
                )
            browser.close()
    finally:
        stop_server(floor_process)
        stop_server(app_process)
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--views", nargs="*", default=[], help="view ids (default: every view)")
    args = parser.parse_args()
    runs = args.runs
    found = measures(runs, args.views)
    print(f"Browser click to every chart redrawn, median of {runs} ({machine()})\n")
    print(measures_table(found))


if __name__ == "__main__":
    main()
