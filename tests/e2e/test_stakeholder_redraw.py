"""Stakeholder charts (the heat map and the position and salience map) are drawn once when
scenario A or the issue changes: the margins the figure keeps are those plotly draws, so its
automargin never grows one and draws the chart a second time. Checked for every set (each
folder served by its own app), with each scenario as A and each issue on the map, on a phone and
a desktop; their texts still read (the faults of test_chart_text)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from explorer.views import offered
from tests.e2e.test_chart_text import CATALOGS, SCREENS, redraw_faults

CASES = [
    (root, set_id)
    for root, catalog in CATALOGS.items()
    for set_id in catalog.ids
    if any(v.id == "stakeholders" for v in offered(catalog[set_id]))
]


def test_some_set_has_stakeholders() -> None:
    assert any(root == "scenarios" for root, _ in CASES)


@pytest.mark.parametrize("screen", list(SCREENS))
@pytest.mark.parametrize(("root", "set_id"), CASES)
def test_stakeholder_charts_keep_the_margins_they_are_drawn_with(
    browser: Browser, app_urls: dict[str, str], root: str, set_id: str, screen: str
) -> None:
    scenario_set = CATALOGS[root][set_id]
    first = scenario_set.scenarios[0].id
    links = [(f"A = {s.id}", f"a={s.id}") for s in scenario_set.scenarios] + [
        (f"issue {i.id}", f"a={first}&salience={i.id}") for i in scenario_set.issues[1:]
    ]
    width, height = SCREENS[screen]
    page = browser.new_context(viewport={"width": width, "height": height}).new_page()
    base = f"{app_urls[root]}/?set={set_id}&view=stakeholders&b=none"
    faults = redraw_faults(page, [(where, f"{base}&{query}") for where, query in links], "lrtb")
    page.context.close()
    assert not faults, f"{set_id} on a {screen}:\n" + "\n".join(faults)
