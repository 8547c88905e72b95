"""Every shipped set in a real browser, on a desktop and a phone: each view it offers opens with
no error box and no empty chart, and each view it cannot fill is not offered. Screenshots go to
tests/e2e/screenshots/ to be looked at."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from explorer.content import load_catalog
from explorer.views import VIEWS, offered
from scripts.server import wait_for_app
from tests.e2e.conftest import shoot
from tests.e2e.test_browser import EXCEPTION, drawn_traces

CATALOG = load_catalog()
SCREENS = {"desktop": (1440, 900), "phone": (390, 844)}


@pytest.mark.parametrize("screen", list(SCREENS))
@pytest.mark.parametrize("set_id", CATALOG.ids)
def test_each_offered_view_of_each_set_draws_without_an_error(
    browser: Browser, app_url: str, set_id: str, screen: str
) -> None:
    width, height = SCREENS[screen]
    page = browser.new_context(viewport={"width": width, "height": height}).new_page()
    scenario_set = CATALOG[set_id]
    views = [v.id for v in offered(scenario_set)]
    for view in views:
        page.goto(f"{app_url}/?set={set_id}&view={view}")
        wait_for_app(page, charts=view not in {"texts", "sources"})
        where = f"{set_id} {view} on a {screen}"
        assert page.locator(EXCEPTION).count() == 0, where
        assert page.locator('[data-testid="stAlertContentError"]').count() == 0, where
        assert all(n > 0 for n in drawn_traces(page)), f"empty chart: {where}"
        shoot(page, f"{screen}-{set_id}-{view}")
    radios = page.locator('[data-testid="stSidebar"] [role="radiogroup"] label')
    if screen == "desktop":
        shown = {label.inner_text().strip() for label in radios.all()}
        assert shown == {VIEWS[v].label for v in views}
