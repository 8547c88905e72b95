"""The one-sentence findings under each chart (its alt text and caption): each states counts
that agree with what the chart draws, for every set; the tiny set's are checked word for word."""

from __future__ import annotations

import re

import pytest

from explorer.analysis import (
    EventSeries,
    TrajectorySeries,
    scenario_events,
    stance_changes,
    stances_under,
    summaries,
)
from explorer.content import Scenario, ScenarioSet, TrajectoryPoint
from tests.conftest import SETS, set_id

EVERY_SET = list(SETS.values())
SCENARIOS = [(s, scenario) for s in EVERY_SET for scenario in s.scenarios]
SCENARIO_IDS = [f"{s.id}-{scenario.id}" for s, scenario in SCENARIOS]


def end_values(point: TrajectoryPoint) -> tuple[float, float, float]:
    return point.value, point.low, point.high


def numbers(text: str) -> list[int]:
    return [int(n) for n in re.findall(r"\d+", text)]


@pytest.mark.parametrize(("scenario_set", "scenario"), SCENARIOS, ids=SCENARIO_IDS)
def test_the_timeline_summary_counts_each_scenarios_events_by_certainty(
    scenario_set: ScenarioSet, scenario: Scenario
) -> None:
    events = scenario_events(scenario_set, scenario)
    text = summaries.timeline_summary([EventSeries(scenario.label, events)])
    noun = "event" if len(events) == 1 else "events"
    assert text.startswith(f"Timeline. {scenario.label}: {len(events)} {noun} (")
    for certainty in ("observed", "scheduled", "projected"):
        count = sum(e.certainty == certainty for e in events)
        assert (f"{count} {certainty}" in text) == bool(count)


def test_the_timeline_summary_of_the_tiny_set(tiny: ScenarioSet) -> None:
    series = [
        EventSeries(s.label, scenario_events(tiny, s)) for s in tiny.scenarios if s.id == "adopted"
    ]
    assert summaries.timeline_summary([*series, EventSeries("Empty", [])]) == (
        "Timeline. Adopted: 3 events (2 observed, 1 projected); Empty: 0 events (none)."
    )


@pytest.mark.parametrize(("scenario_set", "scenario"), SCENARIOS, ids=SCENARIO_IDS)
def test_the_heatmap_summary_counts_every_cell_once_and_unknown_as_unknown(
    scenario_set: ScenarioSet, scenario: Scenario
) -> None:
    views = stances_under(scenario_set, scenario)
    actors, issues = len(scenario_set.actors), len(scenario_set.issues)
    text = summaries.heatmap_summary(views, actors, issues)
    shown_actors, shown_issues, known, unknown, favour, against = numbers(text)
    values = [v.value for v in views.values()]
    assert (shown_actors, shown_issues) == (actors, issues)
    assert known + unknown == actors * issues == len(values)
    assert unknown == values.count("unknown")
    assert favour == sum(1 for v in values if v != "unknown" and v > 0)
    assert against == sum(1 for v in values if v != "unknown" and v < 0)
    assert "unknown (no public statement found)" in text


def test_the_heatmap_summary_of_the_tiny_set(tiny: ScenarioSet) -> None:
    views = stances_under(tiny, tiny.scenario("adopted"))
    assert summaries.heatmap_summary(views, 3, 2) == (
        "Positions of 3 actors on 2 issues: 2 known, 4 unknown (no public statement found); "
        "1 in favour, 1 against."
    )


@pytest.mark.parametrize("scenario_set", EVERY_SET, ids=set_id)
def test_the_changes_summary_counts_positions_and_actors_that_move(
    scenario_set: ScenarioSet,
) -> None:
    a, b = (scenario_set.scenario(s) for s in scenario_set.info.default_pair)
    changes = stance_changes(scenario_set, a, b)
    text = summaries.changes_summary(changes, [a.label, b.label])
    assert text.endswith(f"between {a.label} and {b.label}.")
    if changes:
        assert numbers(text.split(" differ ")[0]) == [
            len(changes),
            len({c.actor for c in changes}),
        ]
    else:
        assert text.startswith("No actor's position differs")


def test_the_changes_summary_of_the_tiny_set(tiny: ScenarioSet) -> None:
    a, b = tiny.scenario("adopted"), tiny.scenario("rejected")
    changes = stance_changes(tiny, a, b)
    assert numbers(summaries.changes_summary(changes, ["Adopted", "Rejected"])) == [1, 1]
    assert summaries.changes_summary([], ["Adopted", "Rejected"]) == (
        "No actor's position differs between Adopted and Rejected."
    )


@pytest.mark.parametrize("scenario_set", EVERY_SET, ids=set_id)
def test_the_salience_summary_places_only_known_positions_with_a_salience(
    scenario_set: ScenarioSet,
) -> None:
    a = scenario_set.scenario(scenario_set.info.default_pair[0])
    views = stances_under(scenario_set, a)
    names = {actor.id: actor.name for actor in scenario_set.actors}
    for issue in scenario_set.issues:
        values = {
            names[actor]: (v.value, v.stance.salience if v.stance else None)
            for (actor, issue_id), v in views.items()
            if issue_id == issue.id
        }
        known = [v for v in values.values() if v[0] != "unknown"]
        placed = [v for v in known if v[1] is not None]
        text = summaries.salience_summary(issue.label, values)
        assert text.startswith(f"{issue.label}: {len(known)} of {len(values)} actors")
        assert f"the {len(placed)} whose salience" in text


def test_the_salience_summary_of_the_tiny_set() -> None:
    values = {"Northland": (2, 0.9), "Southland": ("unknown", None), "The Militia": (-2, 1.0)}
    assert summaries.salience_summary("Force now", values) == (
        "Force now: 2 of 3 actors have a known position; the 2 whose salience is judged from "
        "their statements are placed on the map."
    )


@pytest.mark.parametrize("scenario_set", EVERY_SET, ids=set_id)
def test_the_trajectory_summary_gives_where_each_projection_ends(
    scenario_set: ScenarioSet,
) -> None:
    series = [TrajectorySeries(s.label, s.trajectories) for s in scenario_set.scenarios]
    for indicator in scenario_set.indicators:
        text = summaries.trajectory_summary(indicator, series)
        assert text.startswith(f"{indicator.label}: ")
        ends = [
            (s.label, next(t for t in s.trajectories if t.indicator == indicator.id).points[-1])
            for s in scenario_set.scenarios
            if any(t.indicator == indicator.id for t in s.trajectories)
        ]
        for label, end in ends:
            # As precise as the content gives the end point: its value and range alike.
            places = max(len(f"{v:.6f}".rstrip("0").split(".")[1]) for v in end_values(end))
            value, low, high = (f"{v:.{places}f}" for v in end_values(end))
            assert f"{label} projects {value} {indicator.unit} by " in text
            assert f"(range {low} to {high})" in text
        assert ("no projection" in text) == (not ends)


def test_the_trajectory_summary_of_the_tiny_set(tiny: ScenarioSet) -> None:
    (trucks,) = tiny.indicators
    adopted, rejected = (tiny.scenario(s) for s in ("adopted", "rejected"))
    text = summaries.trajectory_summary(
        trucks, [TrajectorySeries(adopted.label, adopted.trajectories)]
    )
    assert text.startswith("Aid trucks per day: Adopted projects 400 trucks/day by ")
    assert text.endswith(" (range 200 to 600).")
    only_rejected = [TrajectorySeries(rejected.label, rejected.trajectories)]
    assert summaries.trajectory_summary(trucks, only_rejected) == (
        "Aid trucks per day: no projection."
    )


@pytest.mark.parametrize("scenario_set", EVERY_SET, ids=set_id)
def test_the_tree_summary_counts_the_scenarios_by_status(scenario_set: ScenarioSet) -> None:
    text = summaries.tree_summary(scenario_set)
    scenarios = scenario_set.scenarios
    assert text.startswith(f"{len(scenarios)} scenarios branch from the decision: ")
    for status in {s.status for s in scenarios}:
        assert f"{sum(s.status == status for s in scenarios)} {status}" in text


def test_the_tree_summary_of_the_tiny_set(tiny: ScenarioSet) -> None:
    assert summaries.tree_summary(tiny) == (
        "2 scenarios branch from the decision: 1 realized, 1 counterfactual."
    )
