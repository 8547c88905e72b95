"""Hostile links and hostile content in a real browser: a visible notice, the default view, no
exception, and no script run (no dialog, no injected element, no flag set by a payload)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest
from playwright.sync_api import Page, expect

from explorer.content import ROOT_VARIABLE
from scripts.server import ROOT, start_server, stop_server, wait_for_app
from tests.security.conftest import write_hostile_set

EXCEPTION = '[data-testid="stException"]'
NOTICE = '[data-testid="stAlertContentWarning"]'
PWNED = "window.__pwned"
HOSTILE_URLS = {
    "html and script": {
        "a": f"<img src=x onerror={PWNED}=1>",
        "view": f"<script>{PWNED}=1;alert(1)</script>",
        "<svg onload=alert(1)>": "1",
    },
    "markdown": {"b": "[x](javascript:alert(1))", "view": "$x^2$ **bold** :red[red]"},
    "oversized and repeated": {"a": ["x" * 3000, "y"], "z" * 500: "1"},
    "path-like and unicode": {
        "set": "../../../etc/passwd",
        "actor": "file:///etc/passwd",
        "issues": "\u202eevil\u202c~\U0001f642",
    },
}
INJECTED = "script:not([src]):has-text('alert'), img[src='x'], svg[onload], a[href^='javascript']"


def _watch(page: Page) -> list[str]:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    return dialogs


def _nothing_ran(page: Page, dialogs: list[str]) -> None:
    assert dialogs == []
    assert page.evaluate(f"typeof {PWNED}") == "undefined"
    assert page.locator(INJECTED).count() == 0
    assert page.locator(EXCEPTION).count() == 0


@pytest.mark.parametrize("case", list(HOSTILE_URLS))
def test_a_hostile_link_shows_a_notice_and_runs_nothing(
    page: Page, app_url: str, case: str
) -> None:
    dialogs = _watch(page)
    query = urlencode(HOSTILE_URLS[case], doseq=True, quote_via=quote)
    page.goto(f"{app_url}/?{query}")
    wait_for_app(page)
    expect(page.locator(NOTICE)).to_be_visible()
    expect(page.locator(NOTICE)).to_contain_text("could not be used")
    expect(page.get_by_role("radio", name="Overview")).to_be_checked()
    _nothing_ran(page, dialogs)


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app on a hostile copy of the tiny set (markup in every text field)."""
    root: Path = tmp_path_factory.mktemp("hostile") / "sets"
    write_hostile_set(root / "tiny-set")
    process, url = start_server(ROOT / "app.py", env={ROOT_VARIABLE: str(root)})
    yield url
    stop_server(process)


@pytest.mark.parametrize("view", ["overview", "outcomes", "stakeholders&actor=north"])
def test_markup_in_content_shows_as_text_in_the_browser(
    page: Page, hostile_url: str, view: str
) -> None:
    dialogs = _watch(page)
    page.goto(f"{hostile_url}/?view={view}")
    wait_for_app(page)
    main = page.locator('[data-testid="stMain"]')
    expect(main).to_contain_text("<script>alert(1)</script>")
    expect(main).to_contain_text("[link](javascript:alert(1))")
    assert page.locator("[data-testid='stMarkdownContainer'] .katex").count() == 0  # no maths
    _nothing_ran(page, dialogs)
