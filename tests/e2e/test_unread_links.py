"""A link of more parameters than Streamlit reads (1,000) reaches the script as no link at all:
the page still says so, with the usual notice over the defaults, and a link at the limit is
read as before."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from explorer.views.url import MAX_PARAMETERS, TOO_MANY_PARAMETERS
from scripts.server import wait_for_app

NOTICE = '[data-testid="stAlertContentWarning"]'


def _fields(count: int) -> str:
    """``view=timeline`` and junk parameters: ``count`` in all."""
    return "&".join(["view=timeline", *(f"k{i}=x" for i in range(count - 1))])


UNREAD = {
    "one parameter too many": _fields(MAX_PARAMETERS + 1),
    "far too many": _fields(5 * MAX_PARAMETERS),
}


@pytest.mark.parametrize("case", list(UNREAD))
def test_a_link_streamlit_cannot_read_gives_the_notice_and_the_defaults(
    page: Page, app_url: str, case: str
) -> None:
    page.goto(f"{app_url}/?{UNREAD[case]}")
    wait_for_app(page)
    expect(page.locator(NOTICE)).to_contain_text(TOO_MANY_PARAMETERS)
    expect(page.get_by_role("radio", name="Overview")).to_be_checked()


def test_a_link_at_the_limit_is_read_without_that_notice(page: Page, app_url: str) -> None:
    page.goto(f"{app_url}/?{_fields(MAX_PARAMETERS)}")
    wait_for_app(page)
    expect(page.get_by_role("radio", name="Timeline")).to_be_checked()
    expect(page.locator(NOTICE)).to_contain_text("unknown parameter")
    expect(page.locator(NOTICE)).not_to_contain_text(TOO_MANY_PARAMETERS)


def test_a_plain_page_open_has_no_notice(page: Page, app_url: str) -> None:
    page.goto(app_url)
    wait_for_app(page)
    page.wait_for_timeout(500)  # the page's measure of the link has been sent, if any
    expect(page.locator(NOTICE)).to_have_count(0)
