"""Regenerate the README's screenshots: `uv run python scripts/screenshots.py`.

Starts the app on a free loopback port, opens views of the default compared pair in Chromium
and writes docs/overview.png and docs/outcomes.png on a desktop screen, and
docs/stakeholders-phone.png on a phone's (390x844), scrolled to the view's first chart.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts.server import (
    CHROMIUM_ARGS,
    ROOT,
    SYSTEM_CHROMIUM,
    start_server,
    stop_server,
    wait_for_app,
)

DESKTOP = {"width": 1400, "height": 1100}
PHONE = {"width": 390, "height": 844}
SCROLL_TO = """chart => {
    chart.scrollIntoView({block: "start"});
    for (let n = chart.parentElement; n; n = n.parentElement) {
        if (n.scrollTop > 0) { n.scrollTop -= 64; break; }  // below the app's sticky header
    }
}"""
SHOTS = {
    "overview.png": ("", DESKTOP),
    "outcomes.png": ("?view=outcomes", DESKTOP),
    "stakeholders-phone.png": ("?view=stakeholders", PHONE),
}


def main() -> None:
    process, url = start_server(ROOT / "app.py")
    try:
        with sync_playwright() as playwright:
            executable = str(SYSTEM_CHROMIUM) if SYSTEM_CHROMIUM.exists() else None
            browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
            for name, (query, viewport) in SHOTS.items():
                page = browser.new_page(viewport=viewport)
                page.goto(f"{url}/{query}")
                wait_for_app(page)
                if viewport is PHONE:
                    page.locator('[data-testid="stPlotlyChart"]').first.evaluate(SCROLL_TO)
                    page.wait_for_timeout(300)
                page.screenshot(path=str(ROOT / "docs" / name))
                page.close()
                print(f"wrote docs/{name}")
            browser.close()
    finally:
        stop_server(process)


if __name__ == "__main__":
    main()
