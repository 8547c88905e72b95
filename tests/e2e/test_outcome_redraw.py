"""Outcome charts (Outcomes and Reality check) are drawn once when scenario A changes: the room
kept for the y axis fits its labels, so plotly's automargin never grows the margin and draws the
chart a second time. Checked for every set (each folder served by its own app), with each
scenario that has projections as A, on a phone and a desktop; their texts still read (the
faults of test_chart_text, which covers Outcomes but not Reality check)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from explorer.views import offered
from tests.e2e.test_chart_text import CATALOGS, SCREENS, redraw_faults

VIEWS = ("outcomes", "reality")
CASES = [
    (root, set_id)
    for root, catalog in CATALOGS.items()
    for set_id in catalog.ids
    if any(s.trajectories for s in catalog[set_id].scenarios)
]


def test_some_set_has_projections() -> None:
    assert any(root == "scenarios" for root, _ in CASES)


@pytest.mark.parametrize("screen", list(SCREENS))
@pytest.mark.parametrize(("root", "set_id"), CASES)
def test_outcome_charts_keep_room_for_their_labels_for_every_scenario(
    browser: Browser, app_urls: dict[str, str], root: str, set_id: str, screen: str
) -> None:
    scenario_set = CATALOGS[root][set_id]
    views = [v.id for v in offered(scenario_set) if v.id in VIEWS]
    links = [
        (f"{view}, A = {s.id}", f"{app_urls[root]}/?set={set_id}&view={view}&a={s.id}&b=none")
        for view in views
        for s in scenario_set.scenarios
        if s.trajectories
    ]
    width, height = SCREENS[screen]
    page = browser.new_context(viewport={"width": width, "height": height}).new_page()
    faults = redraw_faults(page, links, "l")
    page.context.close()
    assert not faults, f"{set_id} on a {screen}:\n" + "\n".join(faults)
