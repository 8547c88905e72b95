"""The Outcomes view's "Data and basis of these projections" is built only when opened: closed,
the page holds no table; opened, it shows the table and each projection's basis."""

from __future__ import annotations

from playwright.sync_api import Browser, expect

from scripts.server import wait_for_app
from tests.e2e.conftest import CATALOG, FIRST, drawn

PANEL = "Data and basis of these projections"


def test_the_data_panel_is_built_when_opened(browser: Browser, app_url: str) -> None:
    scenario_set = CATALOG[FIRST.set]
    a = next(s for s in scenario_set.scenarios if s.trajectories)
    page = browser.new_context(viewport={"width": 1440, "height": 900}).new_page()
    page.goto(f"{app_url}/?view=outcomes&a={a.id}&b=none")
    wait_for_app(page)
    main = page.locator('[data-testid="stMain"]')
    expect(main.get_by_text(PANEL)).to_be_visible()
    assert main.locator('[data-testid="stDataFrame"]').count() == 0
    main.get_by_text(PANEL).click()
    expect(main.locator('[data-testid="stDataFrame"]')).to_have_count(1)
    basis = a.trajectories[0].basis
    written = main.locator('[data-testid="stMarkdownContainer"]')  # not the table's own cells
    expect(written.get_by_text(drawn(basis[:60])).first).to_be_visible()
    page.context.close()
