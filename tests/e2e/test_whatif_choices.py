"""The What-if view's choices in a real browser: a link carrying a changed judgment opens the
judgments' expander with its slider at the link's value; the descriptors' expander, closed,
draws no controls until a click opens it; Back and Forward move a fixed descriptor with the
address bar. The first screen's set, its matrix and its first judgment, whatever they are."""

from __future__ import annotations

import re
from dataclasses import replace
from urllib.parse import urlencode

import pytest
from playwright.sync_api import Page, expect

from components.whatif import FREE
from explorer.cib import from_cib_file
from explorer.views import encode
from scripts.server import wait_for_app
from tests.e2e.conftest import CATALOG, FIRST

WAIT = 30_000  # ms that an expectation keeps retrying while the rerun redraws the page


def test_a_linked_judgment_opens_its_expander_and_a_fixed_descriptor_follows_the_history(
    page: Page, app_url: str
) -> None:
    cib = CATALOG[FIRST.set].cib
    if cib is None:
        pytest.skip(f"{FIRST.set} has no cross-impact matrix")
    m = from_cib_file(cib)
    first, second = m.descriptors[0], m.descriptors[1]
    cell = (first.name, first.variants[0], second.name, second.variants[0])
    value = -m.scale if m.judgment(cell) != -m.scale else m.scale
    linked = replace(FIRST, view="whatif", judgments=((cell, value),))
    page.goto(f"{app_url}?{urlencode(encode(linked, CATALOG))}")
    wait_for_app(page)
    expanders = page.get_by_test_id("stExpander")
    judgments = expanders.filter(has_text="Change judgments")
    fixes = expanders.filter(has_text="Fix descriptors")
    slider = judgments.get_by_role("slider").first
    expect(slider).to_have_value(str(value), timeout=WAIT)
    expect(fixes.get_by_role("combobox")).to_have_count(0)

    fixes.get_by_text("Fix descriptors").click()
    expect(fixes.get_by_role("combobox")).to_have_count(len(m.descriptors), timeout=WAIT)
    wait_for_app(page)
    fixes.get_by_role("combobox", name=second.name).click()
    page.get_by_role("option", name=second.variants[-1], exact=True).click()
    wait_for_app(page)
    expect(page).to_have_url(re.compile(r"[?&]fix="), timeout=WAIT)
    chosen = fixes.get_by_role("combobox", name=second.name)
    expect(chosen).to_have_value(second.variants[-1])

    page.go_back()
    wait_for_app(page)
    expect(page).not_to_have_url(re.compile(r"[?&]fix="), timeout=WAIT)
    expect(chosen).to_have_value(FREE, timeout=WAIT)
    expect(slider).to_have_value(str(value))

    page.go_forward()
    wait_for_app(page)
    expect(page).to_have_url(re.compile(r"[?&]fix="), timeout=WAIT)
    expect(chosen).to_have_value(second.variants[-1], timeout=WAIT)
    expect(slider).to_have_value(str(value))
