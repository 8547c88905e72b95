"""What the Stakeholders view shows, derived in one go (``explorer.analysis.positions``): the
positions of the chosen actors on the chosen issues under A, who moves between A and B and who
moved since the decision, each limited to what is shown, with its sentence and its table in
full. Checked for every set, under each scenario and date, with every actor and with one group."""

from __future__ import annotations

import datetime as dt

import pytest

from explorer.analysis import stance_changes, stance_moves, stances_under, tables
from explorer.analysis.positions import positions, since_labels
from explorer.analysis.summaries import changes_summary
from explorer.content import Actor, ScenarioSet
from explorer.views import as_of_choices
from tests.conftest import SETS, set_id

EVERY_SET = list(SETS.values())


def dates(scenario_set: ScenarioSet) -> list[dt.date | None]:
    return [None, *as_of_choices(scenario_set)]


def actor_choices(scenario_set: ScenarioSet) -> list[list[Actor]]:
    """Every actor, and the actors of the first one's kind (a smaller filter)."""
    first = scenario_set.actors[0]
    return [list(scenario_set.actors), [x for x in scenario_set.actors if x.kind == first.kind]]


def names(scenario_set: ScenarioSet) -> dict[str, str]:
    return {x.id: x.name for x in scenario_set.actors} | {
        i.id: i.label for i in scenario_set.issues
    }


@pytest.mark.parametrize("scenario_set", EVERY_SET, ids=set_id)
def test_the_positions_shown_are_the_chosen_actors_and_issues_under_a(
    scenario_set: ScenarioSet,
) -> None:
    issues = [i.id for i in scenario_set.issues][:2]
    for a in scenario_set.scenarios:
        for as_of in dates(scenario_set):
            for actors in actor_choices(scenario_set):
                found = positions(scenario_set, a, None, actors, issues, as_of, dated=True)
                under = stances_under(scenario_set, a, as_of)
                expected = {(x.id, i): under[(x.id, i)] for x in actors for i in issues}
                assert found.shown == expected
                assert found.between is None


@pytest.mark.parametrize("scenario_set", EVERY_SET, ids=set_id)
def test_who_moves_between_a_and_b_lists_each_shown_change_in_full(
    scenario_set: ScenarioSet,
) -> None:
    issues = [i.id for i in scenario_set.issues]
    a = scenario_set.scenario(scenario_set.info.default_pair[0])
    for b in scenario_set.scenarios:
        for actors in actor_choices(scenario_set):
            found = positions(scenario_set, a, b, actors, issues, None, dated=False)
            ids = {x.id for x in actors}
            changes = [c for c in stance_changes(scenario_set, a, b) if c.actor in ids]
            labels = [a.label, b.label]
            assert found.between is not None
            assert found.between.summary == changes_summary(changes, labels)
            if not changes:
                assert found.between.table is None
                continue
            table = tables.changes_table(changes, names(scenario_set), labels)
            assert found.between.table == tables.full_text(table)
            assert len(found.between.table.split("\n")) == len(changes) + 2


@pytest.mark.parametrize("scenario_set", EVERY_SET, ids=set_id)
def test_who_moved_since_the_decision_is_shown_for_a_dated_set_unless_the_date_is_the_decision(
    scenario_set: ScenarioSet,
) -> None:
    issues = [i.id for i in scenario_set.issues]
    a = scenario_set.scenarios[0]
    decision = scenario_set.info.decision_date
    actors = list(scenario_set.actors)
    for as_of in dates(scenario_set):
        assert positions(scenario_set, a, None, actors, issues, as_of, dated=False).since is None
        since = positions(scenario_set, a, None, actors, issues, as_of, dated=True).since
        if as_of == decision:
            assert since is None
            continue
        assert since is not None
        moved = stance_moves(scenario_set, decision, as_of)
        labels = since_labels(decision, as_of)
        assert since.summary == changes_summary(moved, labels)
        expected = tables.changes_table(moved, names(scenario_set), labels)
        assert since.table == (tables.full_text(expected) if moved else None)


def test_the_full_text_table_escapes_every_cell_and_keeps_every_row() -> None:
    import pandas as pd

    table = pd.DataFrame({"actor": ["A*", "B"], "basis": ["costs $5\nin\tfull", "[x](y)"]})
    assert tables.full_text(table).split("\n") == [
        "| actor | basis |",
        "| --- | --- |",
        "| A\\* | costs \\$5 in full |",
        "| B | \\[x\\]\\(y\\) |",
    ]
