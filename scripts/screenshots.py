"""Regenerate the README's screenshots: `uv run python scripts/screenshots.py`.

Starts the app on a free loopback port, opens two views of the default compared pair in
Chromium and writes docs/overview.png and docs/outcomes.png.
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

SHOTS = {"overview.png": "", "outcomes.png": "?view=outcomes"}


def main() -> None:
    process, url = start_server(ROOT / "app.py")
    try:
        with sync_playwright() as playwright:
            executable = str(SYSTEM_CHROMIUM) if SYSTEM_CHROMIUM.exists() else None
            browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1100})
            for name, query in SHOTS.items():
                page.goto(f"{url}/{query}")
                wait_for_app(page)
                page.screenshot(path=str(ROOT / "docs" / name))
                print(f"wrote docs/{name}")
            browser.close()
    finally:
        stop_server(process)


if __name__ == "__main__":
    main()
