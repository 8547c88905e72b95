"""Positions over time in the Stakeholders view, for every set with positions on more than one
date: the date is in the link, the heat map shows the positions recorded by then, and who moved
since the decision is listed."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from streamlit.testing.v1 import AppTest

from explorer.analysis import stance_moves, stances_under
from explorer.content import ScenarioSet
from explorer.views import as_of_choices
from tests.app.conftest import figures_of
from tests.conftest import SETS, set_id

DATED = [s for s in SETS.values() if len(as_of_choices(s)) > 1]
OpenApp = Callable[..., AppTest]
OnlySet = Callable[[str], ScenarioSet]


def heat_map_values(at: AppTest) -> list[str]:
    """The position labels drawn in the heat map's cells."""
    (heat_map,) = [f for f in figures_of(at) if any(t.get("type") == "heatmap" for t in f["data"])]
    cells = next(t for t in heat_map["data"] if t.get("type") == "heatmap")["text"]
    return [value for row in cells for value in row]


@pytest.mark.parametrize("scenario_set", DATED, ids=set_id)
def test_a_link_to_positions_at_the_decision_shows_them_and_keeps_the_date(
    open_app: Callable[..., AppTest],
    only_set: Callable[[str], ScenarioSet],
    scenario_set: ScenarioSet,
) -> None:
    only_set(scenario_set.id)
    decision = scenario_set.info.decision_date
    at = open_app(view="stakeholders", asof=decision.isoformat())
    assert not at.exception, at.exception
    assert not at.warning
    assert at.segmented_control(key="stakeholders.when").value == "At the decision"
    assert at.query_params["asof"] == decision.isoformat()
    a = scenario_set.scenario(scenario_set.info.default_pair[0])
    shown = stances_under(scenario_set, a, decision)
    drawn = heat_map_values(at)
    assert sum(v.value == "unknown" for v in shown.values()) == drawn.count("?")


@pytest.mark.parametrize("scenario_set", DATED, ids=set_id)
def test_choosing_the_decision_date_writes_it_to_the_link_and_newest_removes_it(
    open_app: Callable[..., AppTest],
    only_set: Callable[[str], ScenarioSet],
    scenario_set: ScenarioSet,
) -> None:
    only_set(scenario_set.id)
    at = open_app(view="stakeholders")
    assert "asof" not in at.query_params
    at.segmented_control(key="stakeholders.when").set_value("At the decision").run()
    assert at.query_params["asof"] == scenario_set.info.decision_date.isoformat()
    at.segmented_control(key="stakeholders.when").set_value("Newest").run()
    assert "asof" not in at.query_params


@pytest.mark.parametrize("scenario_set", DATED, ids=set_id)
def test_who_moved_since_the_decision_lists_each_recorded_move(
    open_app: Callable[..., AppTest],
    only_set: Callable[[str], ScenarioSet],
    scenario_set: ScenarioSet,
) -> None:
    only_set(scenario_set.id)
    at = open_app(view="stakeholders")
    moved = stance_moves(scenario_set, scenario_set.info.decision_date)
    tables = [m.value.split("\n") for m in at.markdown if m.value.startswith("| ")]
    rows = [len(lines) - 2 for lines in tables if "shift" in lines[0]]
    if moved:
        assert len(moved) in rows
    assert any("since the decision" in m.value for m in at.markdown)


def test_a_date_no_position_is_recorded_on_is_named_and_ignored(
    open_app: OpenApp, only_set: OnlySet
) -> None:
    scenario_set = DATED[0]
    only_set(scenario_set.id)
    at = open_app(view="stakeholders", asof="1900-01-01")
    assert [w.value for w in at.warning] and "asof" not in at.query_params
