"""Derived tables: a scenario's timeline, stances under a scenario, A vs B, drafts, sources."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from explorer.analysis.compare import (
    aligned_clauses,
    observed_points,
    scenario_events,
    source_usage,
    stance_changes,
    stances_under,
)
from explorer.content import ScenarioSet, load_set


def test_a_scenario_timeline_starts_with_the_shared_history(tiny: ScenarioSet) -> None:
    events = scenario_events(tiny, tiny.scenario("adopted"))
    assert [e.id for e in events] == ["draft-circulated", "vote", "force-deploys"]


def test_a_branch_inherits_its_parents_events_before_the_branch_point(tiny_set: Path) -> None:
    path = tiny_set / "scenarios" / "rejected.yaml"
    path.write_text(
        path.read_text().replace(
            "status: counterfactual",
            "status: open\nparent: adopted\nbranch_point: {date: 2026-01-01, description: stall}",
        )
    )
    loaded = load_set(tiny_set).set
    assert loaded is not None
    events = scenario_events(loaded, loaded.scenario("rejected"))
    assert [e.id for e in events] == ["draft-circulated", "vote"]


def test_a_reaction_replaces_the_recorded_stance_and_missing_ones_are_unknown(
    tiny: ScenarioSet,
) -> None:
    base = stances_under(tiny, tiny.scenario("adopted"))
    under = stances_under(tiny, tiny.scenario("rejected"))
    assert base[("militia", "force-now")].value == -2
    assert under[("militia", "force-now")].value == -1
    assert under[("militia", "force-now")].reaction_basis == "Less to oppose without a force."
    assert base[("north", "statehood")].value == "unknown"
    assert len(base) == 3 * 2


def test_stance_changes_list_only_what_differs_with_its_shift(tiny: ScenarioSet) -> None:
    changes = stance_changes(tiny, tiny.scenario("adopted"), tiny.scenario("rejected"))
    assert [(c.actor, c.issue, c.a, c.b, c.shift) for c in changes] == [
        ("militia", "force-now", -2, -1, 1)
    ]


def test_drafts_are_aligned_by_issue_with_silence_as_none(tiny: ScenarioSet) -> None:
    force, statehood = aligned_clauses(tiny)
    assert force.issue == "force-now" and statehood.issue == "statehood"
    assert [[c.summary for c in cell] for cell in force.cells] == [["Authorises a force."], []]
    assert force.silent_in == (1,)
    assert [[c.quote for c in cell] for cell in statehood.cells] == [[], ["a state for all"]]
    assert statehood.silent_in == (0,)


def test_source_usage_names_each_place_a_source_is_cited(tiny: ScenarioSet) -> None:
    usage = source_usage(tiny)
    assert "stance north on force-now: sources" in usage["un-record"]
    assert "scenario Adopted: trajectories.sources" in usage["wire-report"]
    assert "history Draft circulated: sources" in usage["wire-report"]


def test_observed_points_come_from_observations(tiny: ScenarioSet) -> None:
    (point,) = observed_points(tiny)
    assert (point.indicator, point.date, point.value) == ("aid-trucks", dt.date(2025, 12, 7), 120)
