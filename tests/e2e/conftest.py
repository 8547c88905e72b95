"""Browser tests: a real `streamlit run` on 127.0.0.1 driven by Playwright and Chromium.

Debian's Chromium (/usr/bin/chromium, installed by .ci/run) is used when present, else a
Playwright-managed one. Without either the tests are skipped, except under CI=true, where a
missing browser is a failure.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

from explorer.content import Scenario, load_catalog
from explorer.views import default_state
from scripts.server import CHROMIUM_ARGS, ROOT, SYSTEM_CHROMIUM, start_server, stop_server

HERE = Path(__file__).resolve().parent
SCREENSHOTS = HERE / "screenshots"
ROOTS = {"scenarios": ROOT / "scenarios", "fixtures": ROOT / "tests" / "fixtures"}
"""The folders of sets the app is served over: the shipped sets, and the fixtures."""


def _managed_chromium() -> bool:
    cache = Path(
        os.environ.get("PLAYWRIGHT_BROWSERS_PATH", Path.home() / ".cache" / "ms-playwright")
    )
    return cache.is_dir() and any(cache.glob("chromium*"))


@pytest.hookimpl(tryfirst=True)  # before ``-m`` deselects by marker
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test of this folder ``e2e`` (``-m "not e2e"`` leaves the browser out), and
    skip them where there is no Chromium to drive."""
    browser_tests = [item for item in items if HERE in item.path.parents]
    for item in browser_tests:
        item.add_marker(pytest.mark.e2e)
    if SYSTEM_CHROMIUM.exists() or _managed_chromium():
        return
    if os.environ.get("CI") == "true":
        raise pytest.UsageError("CI=true but no Chromium: .ci/run must install Debian's chromium")
    skip = pytest.mark.skip(
        reason="no Chromium here: apt-get install chromium to run browser tests"
    )
    for item in browser_tests:
        item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    args = {**browser_type_launch_args, "args": CHROMIUM_ARGS}
    if SYSTEM_CHROMIUM.exists():
        args["executable_path"] = str(SYSTEM_CHROMIUM)
    return args


@pytest.fixture(scope="session")
def app_url() -> Iterator[str]:
    process, url = start_server(ROOT / "app.py")
    yield url
    stop_server(process)


@pytest.fixture(scope="module")
def app_urls() -> Iterator[dict[str, str]]:
    """One app per folder of ``ROOTS``, each serving that folder as its catalog."""
    servers = {
        name: start_server(ROOT / "app.py", env={"SCENARIO_EXPLORER_SCENARIOS": str(folder)})
        for name, folder in ROOTS.items()
    }
    yield {name: url for name, (_, url) in servers.items()}
    for process, _ in servers.values():
        stop_server(process)


def shoot(page: Page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


CATALOG = load_catalog(ROOT / "scenarios")
FIRST = default_state(CATALOG)
"""What the app's first screen shows: its set, A and B."""


def other_scenario(*taken: str | None) -> Scenario:
    """A scenario of the first screen's set other than ``taken``."""
    found = [s for s in CATALOG[FIRST.set].scenarios if s.id not in taken]
    if not found:
        pytest.skip(f"{FIRST.set} has no scenario besides {', '.join(filter(None, taken))}")
    return found[0]


def drawn(text: str) -> re.Pattern[str]:
    """``text`` as a chart draws it: wrapped lines lose the space between their words."""
    return re.compile(r"\s*".join(map(re.escape, text.split())))
