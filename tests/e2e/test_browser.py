"""What only a real browser shows: drawn charts, the address bar, clicks, a phone screen."""

from __future__ import annotations

import re

from playwright.sync_api import Browser, Page, expect

from explorer.views import VIEWS
from scripts.server import wait_for_app
from tests.e2e.conftest import FIRST, drawn, other_scenario, shoot

EXCEPTION = '[data-testid="stException"]'
CHART = '[data-testid="stPlotlyChart"]'


def drawn_traces(page: Page) -> list[int]:
    """Per chart on the page, how many data traces plotly drew into its SVG."""
    return page.eval_on_selector_all(
        CHART,
        "charts => charts.map(c => c.querySelectorAll('.trace, .hm').length)",
    )


def choose(page: Page, label: str, option: str) -> None:
    page.get_by_role("combobox", name=label).click()
    page.get_by_role("option", name=option).click()


def test_the_first_screen_renders_with_charts_and_no_error(page: Page, app_url: str) -> None:
    page.goto(app_url)
    wait_for_app(page)
    assert page.locator(EXCEPTION).count() == 0
    assert page.locator('[data-testid="stAlertContentError"]').count() == 0
    counts = drawn_traces(page)
    assert counts and all(n > 0 for n in counts)
    expect(page.locator(CHART).first.locator("text.gtitle")).to_have_text(
        [drawn("Scenario tree: the decision and its paths")]
    )
    shoot(page, "first-screen")


def test_switching_a_and_b_changes_the_page_and_the_address(page: Page, app_url: str) -> None:
    a = other_scenario(FIRST.a, FIRST.b)
    b = other_scenario(a.id, FIRST.b)
    page.goto(app_url)
    wait_for_app(page)
    choose(page, "Scenario A", a.label)
    wait_for_app(page)
    expect(page).to_have_url(re.compile(rf"a={a.id}"))
    expect(page.locator(CHART).first).to_contain_text(drawn(f"A: {a.label}"))
    choose(page, "Compare with B", b.label)
    wait_for_app(page)
    expect(page).to_have_url(re.compile(rf"b={b.id}"))
    expect(page.locator(CHART).first).to_contain_text(drawn(f"B: {b.label}"))
    shoot(page, "switched-pair")


def test_every_view_of_a_compared_pair_draws_its_charts(page: Page, app_url: str) -> None:
    for view in VIEWS:
        page.goto(f"{app_url}/?view={view}")
        wait_for_app(page, charts=view not in {"texts", "sources"})
        assert page.locator(EXCEPTION).count() == 0, view
        assert all(n > 0 for n in drawn_traces(page)), view
        shoot(page, f"view-{view}")


def test_a_copied_link_reopens_the_same_view_in_a_new_browser(
    page: Page, app_url: str, browser: Browser
) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=app_url)
    page.goto(f"{app_url}/?view=timeline&tracks=security~humanitarian&a=implementation-stalls")
    wait_for_app(page)
    box = page.locator('[data-testid="stSidebar"] [data-testid^="stBidiComponent"]')
    shown, copy = box.locator("code"), box.get_by_role("button")
    expect(copy).to_have_text("Copy")
    copy.click()
    expect(copy).to_have_text("Copied")
    link = page.evaluate("navigator.clipboard.readText()")
    assert link == shown.inner_text()
    assert link.startswith(app_url) and "view=timeline" in link
    fresh = browser.new_context().new_page()
    fresh.goto(link)
    wait_for_app(fresh)
    expect(fresh.get_by_role("radio", name="Timeline")).to_be_checked()
    expect(fresh.get_by_role("combobox", name="Scenario A")).to_have_value("Implementation stalls")
    tracks = fresh.locator('[data-testid="stMultiSelect"]', has_text="Tracks")
    expect(tracks).to_contain_text("Humanitarian")
    expect(tracks).not_to_contain_text("Diplomacy")
    shoot(fresh, "reopened-link")
    fresh.context.close()


def test_bad_parameters_show_the_notice_then_the_defaults(page: Page, app_url: str) -> None:
    page.goto(f"{app_url}/?a=nope&view=%3Cscript%3Ealert(1)%3C/script%3E&b=../../etc")
    wait_for_app(page)
    notice = page.locator('[data-testid="stAlertContentWarning"]')
    expect(notice).to_contain_text("Ignored a='nope'")
    expect(notice).to_contain_text("<script>alert(1)</script>")
    assert page.locator(EXCEPTION).count() == 0
    expect(page.get_by_role("radio", name="Overview")).to_be_checked()
    shoot(page, "bad-parameters")


def test_a_phone_sized_screen_is_usable(browser: Browser, app_url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{app_url}/?view=outcomes")
    wait_for_app(page)
    assert page.locator(EXCEPTION).count() == 0
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390 + 2, "the page scrolls sideways"
    shoot(page, "phone-outcomes")
    page.locator(
        '[data-testid="stExpandSidebarButton"], [data-testid="stSidebarCollapsedControl"] button'
    ).first.click()
    expect(page.locator('[data-testid="stSidebar"]')).to_be_visible()
    expect(page.get_by_text("Scenario A")).to_be_visible()
    shoot(page, "phone-sidebar")
    context.close()
