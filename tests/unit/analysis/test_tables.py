"""The data behind each chart and panel ("its data a click away"): fixed columns, one row per
item drawn, names rather than ids, unknown written as unknown, and no raw None for a reader to
puzzle over. Checked for every set; the tiny set's rows by value."""

from __future__ import annotations

import pandas as pd
import pytest

from explorer.analysis import (
    EventSeries,
    TrajectorySeries,
    observed_points,
    scenario_events,
    source_usage,
    stance_changes,
    stances_under,
    tables,
)
from explorer.content import ScenarioSet
from tests.conftest import SETS, set_id

EVERY_SET = list(SETS.values())


def pair(scenario_set: ScenarioSet) -> tuple:
    a, b = scenario_set.info.default_pair
    return scenario_set.scenario(a), scenario_set.scenario(b)


def events(scenario_set: ScenarioSet) -> pd.DataFrame:
    series = [EventSeries(s.label, scenario_events(scenario_set, s)) for s in pair(scenario_set)]
    return tables.events_table(series, {s.id: s.publisher for s in scenario_set.sources})


def stances(scenario_set: ScenarioSet) -> pd.DataFrame:
    views = stances_under(scenario_set, pair(scenario_set)[0])
    return tables.stances_table(scenario_set.actors, scenario_set.issues, views)


def changes(scenario_set: ScenarioSet) -> pd.DataFrame:
    a, b = pair(scenario_set)
    names = {x.id: x.name for x in scenario_set.actors} | {
        i.id: i.label for i in scenario_set.issues
    }
    return tables.changes_table(stance_changes(scenario_set, a, b), names, [a.label, b.label])


def trajectories(scenario_set: ScenarioSet) -> pd.DataFrame:
    series = [TrajectorySeries(s.label, s.trajectories) for s in pair(scenario_set)]
    labels = {i.id: i.label for i in scenario_set.indicators}
    return tables.trajectories_table(series, observed_points(scenario_set), labels)


def sources(scenario_set: ScenarioSet) -> pd.DataFrame:
    return tables.sources_table(scenario_set)


TABLES = {
    "events": events,
    "stances": stances,
    "changes": changes,
    "trajectories": trajectories,
    "sources": sources,
}


@pytest.mark.parametrize("scenario_set", EVERY_SET, ids=set_id)
def test_the_events_table_has_a_row_per_event_of_each_scenario_shown(
    scenario_set: ScenarioSet,
) -> None:
    table = events(scenario_set)
    assert list(table.columns) == [
        *("scenario", "date", "end", "track", "certainty", "event", "window", "basis"),
        *("sources", "resolution"),
    ]
    for scenario in pair(scenario_set):
        shown = table[table["scenario"] == scenario.label]
        drawn = scenario_events(scenario_set, scenario)
        assert shown["event"].tolist() == [e.title for e in drawn]
        outcomes = [e.resolution.outcome if e.resolution else "" for e in drawn]
        assert shown["resolution"].tolist() == outcomes
    ids = {s.id for s in scenario_set.sources if s.id != s.publisher}
    cited = {name for cell in table["sources"] for name in cell.split(", ") if cell}
    assert not cited & ids, "sources are named by publisher, not by id"


@pytest.mark.parametrize("scenario_set", EVERY_SET, ids=set_id)
def test_the_stances_table_has_a_row_per_actor_and_issue_with_unknown_as_unknown(
    scenario_set: ScenarioSet,
) -> None:
    table = stances(scenario_set)
    assert list(table.columns) == ["actor", "issue", "position", "salience", "basis"]
    assert len(table) == len(scenario_set.actors) * len(scenario_set.issues)
    views = stances_under(scenario_set, pair(scenario_set)[0])
    unknown = sum(v.value == "unknown" for v in views.values())
    assert (table["position"] == "unknown").sum() == unknown
    assert set(table["position"]) <= {"unknown", "-2", "-1", "0", "+1", "+2"}


@pytest.mark.parametrize("scenario_set", EVERY_SET, ids=set_id)
def test_the_changes_table_names_both_scenarios_and_the_shift(scenario_set: ScenarioSet) -> None:
    a, b = pair(scenario_set)
    table = changes(scenario_set)
    assert list(table.columns) == ["actor", "issue", a.label, b.label, "shift", "basis"]
    moved = stance_changes(scenario_set, a, b)
    assert len(table) == len(moved)
    for row, change in zip(table.itertuples(index=False), moved, strict=True):
        assert row.shift == ("" if change.shift is None else f"{change.shift:+d}")


@pytest.mark.parametrize("scenario_set", EVERY_SET, ids=set_id)
def test_the_trajectories_table_has_a_row_per_projected_point_and_observed_value(
    scenario_set: ScenarioSet,
) -> None:
    table = trajectories(scenario_set)
    assert list(table.columns) == [
        *("indicator", "scenario", "kind", "date", "value", "low", "high", "note"),
    ]
    projected = sum(len(t.points) for s in pair(scenario_set) for t in s.trajectories)
    observed = len(observed_points(scenario_set))
    assert (table["kind"] == "projected").sum() == projected
    assert (table["kind"] == "observed").sum() == observed
    assert len(table) == projected + observed
    assert not table["note"].eq("").any(), "every row says where its number comes from"


@pytest.mark.parametrize("scenario_set", EVERY_SET, ids=set_id)
def test_the_sources_table_has_a_row_per_source_and_says_where_each_is_used(
    scenario_set: ScenarioSet,
) -> None:
    table = sources(scenario_set)
    assert list(table.columns) == [
        *("id", "title", "publisher", "via", "published", "kind", "language", "url", "used"),
        "where used",
        "reading",
    ]
    assert table["reading"].tolist() == [
        "headline only" if s.reading == "headline" else "page" for s in scenario_set.sources
    ]
    assert table["id"].tolist() == [s.id for s in scenario_set.sources]
    usage = source_usage(scenario_set)
    assert table["used"].tolist() == [len(usage.get(s.id, [])) for s in scenario_set.sources]


@pytest.mark.parametrize("name", list(TABLES))
@pytest.mark.parametrize("scenario_set", EVERY_SET, ids=set_id)
def test_no_text_cell_is_a_raw_none(scenario_set: ScenarioSet, name: str) -> None:
    """Streamlit shows a missing value as the word None; a reader should see a word that says
    what is missing (unknown, none) or an empty cell in a text column."""
    table = TABLES[name](scenario_set)
    text_columns = [c for c in table.columns if not pd.api.types.is_numeric_dtype(table[c])]
    raw = [(c, i) for c in text_columns for i, v in enumerate(table[c]) if v is None]
    assert not raw, raw


def test_the_tiny_sets_tables_read_as_written(tiny: ScenarioSet) -> None:
    first = events(tiny).iloc[0]
    assert (first["scenario"], first["date"], first["event"], first["sources"]) == (
        "Adopted",
        "3 November 2025",
        "Draft circulated",
        "Example Wire",
    )
    table = stances(tiny)
    south = table[(table["actor"] == "Southland") & (table["issue"] == "Force now")].iloc[0]
    assert south["position"] == "unknown"
    north = table[(table["actor"] == "Northland") & (table["issue"] == "Force now")].iloc[0]
    assert (north["position"], north["salience"]) == ("+2", "0.9")
    assert south["salience"] == "", "no statement found: nothing to judge salience by"
    assert changes(tiny).iloc[0].tolist() == [
        "The Militia",
        "Force now",
        "-2",
        "-1",
        "+1",
        "Less to oppose without a force.",
    ]
    observed = trajectories(tiny).query("kind == 'observed'").iloc[0]
    assert (observed["indicator"], observed["value"], observed["note"]) == (
        "Aid trucks per day",
        "120",
        "Trucks counted",
    )
    wire = sources(tiny).set_index("id").loc["wire-report"]
    assert (wire["publisher"], wire["url"], wire["via"]) == (
        "Example Wire",
        "https://example.org/wire",
        "",
    )
