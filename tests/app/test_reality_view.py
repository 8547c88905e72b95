"""The Reality check view at the Streamlit seam, for every set: each scenario's signposts and
projections against what happened. Expected names come from each set. Caches are cleared
between tests by the autouse fixture in tests/app/conftest.py."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from explorer.content import ScenarioSet
from explorer.formats import day
from tests.app.conftest import figures_of, text
from tests.conftest import SETS, set_id

EVERY_SET = list(SETS.values())


# AppTest runs this function's source as a script of its own, where annotations are evaluated
# at definition: hence the quoted names.
def reality_page(scenario_set: "ScenarioSet", scenario_ids: list[str]) -> None:  # noqa: UP037
    from tests.app.conftest import linked_view

    a, b = (*scenario_ids, None)[:2]
    linked_view(scenario_set, "reality", {"a": a, "b": b})


def open_reality(scenario_set: ScenarioSet, scenario_ids: list[str]) -> AppTest:
    at = AppTest.from_function(
        reality_page,
        default_timeout=60,
        kwargs={"scenario_set": scenario_set, "scenario_ids": scenario_ids},
    )
    return at.run()


def pair(scenario_set: ScenarioSet) -> list[str]:
    return list(scenario_set.info.default_pair)


FRAMINGS = {
    "realized": "Realized: this is what happened.",
    "counterfactual": "Counterfactual. What would have had to differ:",
    "open": "Open: may still unfold",
}
"""How the reality check introduces a scenario of each status (an open branch goes on to say
where it leaves its parent)."""


@pytest.mark.parametrize("scenario_set", EVERY_SET, ids=set_id)
def test_the_reality_check_marks_signposts_and_states_the_as_of_date(
    scenario_set: ScenarioSet,
) -> None:
    at = open_reality(scenario_set, pair(scenario_set))
    assert not at.exception, at.exception
    assert not at.error and not at.warning
    page = text(at)
    newest = max(o.date for o in scenario_set.observations)
    assert f"As of {day(newest)}, the date of the newest observation." in page
    for scenario in (s for s in scenario_set.scenarios if s.id in pair(scenario_set)):
        assert FRAMINGS[scenario.status] in page
        statuses = []
        for signpost in scenario.signposts:
            bearing = [
                o for o in scenario_set.observations if signpost.id in (*o.supports, *o.contradicts)
            ]
            status = "Not yet observed"
            if bearing:
                newest_on = max(o.date for o in bearing)
                latest = [o for o in bearing if o.date == newest_on]
                status = (
                    "Supported"
                    if all(signpost.id in o.supports for o in latest)
                    else "Contradicted"
                )
            assert f"**{status}**: {signpost.text}" in page
            statuses.append(status)
            for o in bearing:
                verb = "supports" if signpost.id in o.supports else "contradicts"
                assert f"{day(o.date)}, {verb}: {o.title} (" in page
        if statuses:
            noun = "signpost" if len(statuses) == 1 else "signposts"
            assert (
                f"{statuses.count('Supported')} of {len(statuses)} {noun} observed, "
                f"{statuses.count('Contradicted')} contradicted"
            ) in page


@pytest.mark.parametrize("scenario_set", EVERY_SET, ids=set_id)
def test_the_reality_check_draws_observed_values_over_each_projection(
    scenario_set: ScenarioSet,
) -> None:
    at = open_reality(scenario_set, pair(scenario_set))
    scenarios = [s for s in scenario_set.scenarios if s.id in pair(scenario_set)]
    scenarios.sort(key=lambda s: pair(scenario_set).index(s.id))
    used = {t.indicator for s in scenarios for t in s.trajectories}
    indicators = [i for i in scenario_set.indicators if i.id in used]
    charts = figures_of(at)
    assert len(charts) == bool(indicators), "the indicators are one chart, a row each"
    observed = [(v.indicator, o.date) for o in scenario_set.observations for v in o.values]
    page = text(at)
    for row, indicator in enumerate(indicators, start=1):
        axis = "y" if row == 1 else f"y{row}"
        shown = [t.get("name") for t in charts[0]["data"] if t.get("yaxis", "y") == axis]
        assert ("Observed" in shown) == any(i == indicator.id for i, _ in observed)
        for letter, scenario in zip("AB", scenarios, strict=False):
            paths = [t for t in scenario.trajectories if t.indicator == indicator.id]
            assert (f"{letter}: {scenario.label} (projected)" in shown) == bool(paths)
            for path in paths:
                start, end = path.points[0].date, path.points[-1].date
                within = any(i == indicator.id and start <= d <= end for i, d in observed)
                stated = re.search(
                    re.escape(f"{indicator.label}, {scenario.label}: ")
                    + r"the latest observed value, .+? is (below|within|above) the projected range",
                    page,
                )
                none = f"{indicator.label}, {scenario.label}: no observed value within the"
                assert bool(stated) == within and (none in page) == (not within)


def test_the_reality_check_of_one_scenario_lists_its_evidence() -> None:
    tiny = SETS["tiny-set"]
    at = open_reality(tiny, ["adopted"])
    assert not at.exception, at.exception
    page = text(at)
    assert "1 of 1 signpost observed, 0 contradicted" in page
    assert "7 December 2025, supports: Trucks counted (Example Wire)" in page
    assert "Aid trucks per day, Adopted: no observed value within the projected period." in page
    assert len(figures_of(at)) == 1
