"""Outcome charts (Outcomes and Reality check) are drawn once when scenario A changes: the room
kept for the y axis fits its labels, so plotly's automargin never grows the margin and draws the
chart a second time. Checked for every set (each folder served by its own app), with each
scenario that has projections as A, on a phone and a desktop; their texts still read (the
faults of test_chart_text, which covers Outcomes but not Reality check)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from explorer.views import offered
from scripts.server import wait_for_app
from tests.e2e.test_chart_text import CATALOGS, CHART, SCREENS, TEXT_BOXES, text_faults

VIEWS = ("outcomes", "reality")
CASES = [
    (root, set_id)
    for root, catalog in CATALOGS.items()
    for set_id in catalog.ids
    if any(s.trajectories for s in catalog[set_id].scenarios)
]
MARGINS = """charts => charts.map(chart => {
    const plot = chart.querySelector('.js-plotly-plot');
    return [plot._fullLayout.margin.l, plot._fullLayout._size.l];
})"""


def test_some_set_has_projections() -> None:
    assert any(root == "scenarios" for root, _ in CASES)


@pytest.mark.parametrize("screen", list(SCREENS))
@pytest.mark.parametrize(("root", "set_id"), CASES)
def test_outcome_charts_keep_room_for_their_labels_for_every_scenario(
    browser: Browser, app_urls: dict[str, str], root: str, set_id: str, screen: str
) -> None:
    scenario_set = CATALOGS[root][set_id]
    views = [v.id for v in offered(scenario_set) if v.id in VIEWS]
    width, height = SCREENS[screen]
    page = browser.new_context(viewport={"width": width, "height": height}).new_page()
    faults = []
    for view in views:
        for scenario in (s for s in scenario_set.scenarios if s.trajectories):
            page.goto(f"{app_urls[root]}/?set={set_id}&view={view}&a={scenario.id}&b=none")
            wait_for_app(page)
            page.wait_for_timeout(300)  # as test_chart_text: a pushed margin would show by now
            where = f"{view}, A = {scenario.id}"
            for kept, drawn in page.eval_on_selector_all(CHART, MARGINS):
                if drawn != kept:
                    faults.append(f"{where}: plotly grew the left margin from {kept} to {drawn}")
            boxes = page.eval_on_selector_all(CHART, TEXT_BOXES)
            faults += [f"{where}: {fault}" for fault in text_faults(boxes)]
    page.context.close()
    assert not faults, f"{set_id} on a {screen}:\n" + "\n".join(faults)
