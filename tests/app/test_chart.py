"""A chart is serialised once, when it is built: Streamlit then sends exactly what it sends for
the plain figure, on every rerun, for every set's figures. Its data table is sent only while its
"Data behind this chart" expander is open, and then exactly as Streamlit sends the plain table."""

from __future__ import annotations

import datetime as dt

import plotly.graph_objects as go
import pytest
from streamlit.testing.v1 import AppTest

from components.chart import DATA_LABEL, ChartContent, SentFigure, data_key
from explorer import figures
from explorer.analysis.compare import observed_points
from explorer.content import Catalog, ScenarioSet
from explorer.views import default_state
from explorer.views.selection import (
    event_series,
    shown_actors,
    shown_issues,
    trajectory_series,
)
from tests.conftest import SETS, set_id, sets_where


def built(scenario_set: ScenarioSet) -> list[go.Figure]:
    """The indicators' trajectories and the timeline of the set's default view."""
    state = default_state(Catalog({scenario_set.id: scenario_set}))
    series = trajectory_series(scenario_set, state)
    observed = observed_points(scenario_set)
    labels = {t.id: t.label for t in scenario_set.vocabulary.tracks}
    names = {s.id: s.publisher for s in scenario_set.sources}
    timeline = figures.timeline(
        event_series(scenario_set, state),
        state.tracks,
        dt.date(2026, 1, 1),
        state.dates,
        names,
        labels,
    )
    return [figures.trajectories(scenario_set.indicators, series, observed), timeline]


# AppTest runs this function's source as a script of its own, where annotations are evaluated
# at definition: hence the quoted names.
def both_ways(plain: "list", sent: "list") -> None:  # noqa: UP037
    import streamlit as st

    from components.chart import show_chart

    for index, (figure, content) in enumerate(zip(plain, sent, strict=True)):
        st.plotly_chart(figure, key=f"plain.{index}")
        show_chart(f"sent.{index}", content)


@pytest.mark.parametrize("scenario_set", list(SETS.values()), ids=set_id)
def test_a_sent_chart_is_what_streamlit_sends_for_the_plain_figure(
    scenario_set: ScenarioSet,
) -> None:
    sent = [ChartContent(figure, "alt") for figure in built(scenario_set)]
    assert all(isinstance(content.figure, SentFigure) for content in sent)
    at = AppTest.from_function(
        both_ways, default_timeout=60, kwargs={"plain": built(scenario_set), "sent": sent}
    )
    for _ in range(2):  # the second run sends the dict made once, again
        at.run()
        assert not at.exception
        specs = [chart.proto.spec for chart in at.get("plotly_chart")]
        assert len(specs) == 2 * len(sent)
        assert specs[0::2] == specs[1::2]


def test_a_sent_figure_is_not_copied_again_on_a_rerun() -> None:
    scenario_set = next(iter(SETS.values()))
    content = ChartContent(built(scenario_set)[-1], "alt")
    assert content.figure.to_dict() is content.figure.to_dict()
    assert content.figure.to_dict() == ChartContent(built(scenario_set)[-1], "alt").figure.to_dict()


def tables_both_ways(plain: "list", sent: "list") -> None:  # noqa: UP037
    import streamlit as st

    from components.chart import show_chart

    for index, (table, content) in enumerate(zip(plain, sent, strict=True)):
        st.dataframe(table, hide_index=True, key=f"plain.{index}")
        show_chart(f"sent.{index}", content)


@pytest.mark.parametrize("scenario_set", list(SETS.values()), ids=set_id)
def test_a_chart_table_converted_once_is_what_streamlit_sends_for_the_plain_table(
    scenario_set: ScenarioSet,
) -> None:
    from explorer.views import data

    state = default_state(Catalog({scenario_set.id: scenario_set}))
    tables = [data.timeline_table(scenario_set, state), data.outcomes_table(scenario_set, state)]
    sent = [
        ChartContent(figure, "alt", table)
        for figure, table in zip(built(scenario_set)[-1:] * 2, tables, strict=True)
    ]
    at = AppTest.from_function(
        tables_both_ways, default_timeout=60, kwargs={"plain": tables, "sent": sent}
    )
    for index in range(len(sent)):
        at.session_state[data_key(f"sent.{index}")] = True
    at.run()
    assert not at.exception
    sent_data = [frame.proto.arrow_data.data for frame in at.dataframe]
    assert len(sent_data) == 2 * len(tables)
    assert sent_data[0::2] == sent_data[1::2]
    assert [frame.value.shape for frame in at.dataframe] == [t.shape for t in tables for _ in "ab"]


def chart_tables(scenario_set: ScenarioSet) -> list[ChartContent]:
    from explorer.views import data

    state = default_state(Catalog({scenario_set.id: scenario_set}))
    figure = built(scenario_set)[-1]
    return [ChartContent(figure, "alt", data.timeline_table(scenario_set, state))]


def sent_only(sent: "list") -> None:  # noqa: UP037
    from components.chart import show_chart

    for index, content in enumerate(sent):
        show_chart(f"sent.{index}", content)


@pytest.mark.parametrize("scenario_set", list(SETS.values()), ids=set_id)
def test_a_closed_data_expander_sends_no_table_and_opening_it_sends_it(
    scenario_set: ScenarioSet,
) -> None:
    sent = chart_tables(scenario_set)
    at = AppTest.from_function(sent_only, default_timeout=60, kwargs={"sent": sent})
    at.run()
    assert not at.exception
    assert [e.label for e in at.expander] == [DATA_LABEL]
    assert not at.dataframe
    at.session_state[data_key("sent.0")] = True
    at.run()
    assert not at.exception
    assert [e.label for e in at.expander] == [DATA_LABEL]
    (frame,) = at.dataframe
    assert frame.value.shape == sent[0].table.shape  # type: ignore[union-attr]
    at.session_state[data_key("sent.0")] = False
    at.run()
    assert not at.dataframe


def test_a_chart_without_a_table_has_no_data_expander() -> None:
    content = ChartContent(built(next(iter(SETS.values())))[-1], "alt")
    at = AppTest.from_function(sent_only, default_timeout=60, kwargs={"sent": [content]})
    at.run()
    assert not at.exception and not at.expander and not at.dataframe


def stakeholders_page(scenario_set: "ScenarioSet") -> None:  # noqa: UP037
    from tests.app.conftest import linked_view

    linked_view(scenario_set, "stakeholders", {})


@pytest.mark.parametrize("scenario_set", sets_where(lambda s: s.stances), ids=set_id)
def test_the_heat_map_data_opens_by_its_own_key_and_shows_the_positions_drawn(
    scenario_set: ScenarioSet,
) -> None:
    from explorer.analysis import stances_under, tables

    kwargs = {"scenario_set": scenario_set}
    at = AppTest.from_function(stakeholders_page, default_timeout=60, kwargs=kwargs).run()
    assert not at.exception
    assert [e.label for e in at.expander] == [DATA_LABEL]  # the salience map has no table
    assert not at.dataframe
    at.session_state[data_key("stakeholders.heatmap")] = True
    at.run()
    assert not at.exception
    state = default_state(Catalog({scenario_set.id: scenario_set}))
    actors, issues = shown_actors(scenario_set, state), shown_issues(scenario_set, state)
    shown = stances_under(scenario_set, scenario_set.scenario(state.a))
    expected = tables.stances_table(actors, issues, shown)
    (frame,) = at.dataframe
    assert list(frame.value.columns) == list(expected.columns)
    assert frame.value.astype(str).values.tolist() == expected.astype(str).values.tolist()
