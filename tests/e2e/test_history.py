"""Back and Forward in a real browser: each change a person makes is one history entry, and
going back or forward restores that state, the page and the address bar agreeing."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from explorer.content import load_catalog
from scripts.server import wait_for_app

FIRST_SET = load_catalog()[load_catalog().ids[0]]
DEFAULT_A = FIRST_SET.scenario(FIRST_SET.info.default_pair[0])
OTHER = next(s for s in FIRST_SET.scenarios if s.id not in FIRST_SET.info.default_pair)


WAIT = 30_000  # ms that an expectation keeps retrying while the rerun redraws the page


def settled(page: Page) -> None:
    wait_for_app(page)


def shows(page: Page, scenario_label: str, view_label: str) -> None:
    """The sidebar shows this state (retried until the rerun has redrawn it)."""
    a = page.get_by_role("combobox", name="Scenario A")
    expect(a).to_have_value(scenario_label, timeout=WAIT)
    expect(page.get_by_role("radio", name=view_label)).to_be_checked(timeout=WAIT)


def test_back_and_forward_walk_through_each_change_with_page_and_address_agreeing(
    page: Page, app_url: str
) -> None:
    page.goto(app_url)
    wait_for_app(page)
    page.get_by_role("combobox", name="Scenario A").click()
    page.get_by_role("option", name=OTHER.label, exact=True).click()
    settled(page)
    expect(page).to_have_url(re.compile(rf"a={OTHER.id}"))
    page.locator('[data-testid="stSidebar"]').get_by_text("Timeline", exact=True).click()
    settled(page)
    expect(page).to_have_url(re.compile(r"view=timeline"))
    shows(page, OTHER.label, "Timeline")

    page.go_back()
    settled(page)
    expect(page).not_to_have_url(re.compile(r"view=timeline"))
    expect(page).to_have_url(re.compile(rf"a={OTHER.id}"))
    shows(page, OTHER.label, "Overview")

    page.go_back()
    settled(page)
    expect(page).not_to_have_url(re.compile(r"a="))
    shows(page, DEFAULT_A.label, "Overview")

    page.go_forward()
    settled(page)
    expect(page).to_have_url(re.compile(rf"a={OTHER.id}"))
    shows(page, OTHER.label, "Overview")

    page.go_forward()
    settled(page)
    expect(page).to_have_url(re.compile(r"view=timeline"))
    shows(page, OTHER.label, "Timeline")
