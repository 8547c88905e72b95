"""Timeline: the chosen scenarios' events by track on one time axis."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from components.chart import ChartContent, show_chart
from components.data import memo
from explorer import figures
from explorer.analysis import tables as tables
from explorer.analysis.compare import scenario_by_id, scenario_events
from explorer.analysis.series import EventSeries
from explorer.analysis.summaries import timeline_summary
from explorer.content.model import ScenarioSet
from explorer.views.state import ViewState


def _content(scenario_set: ScenarioSet, state: ViewState, today: dt.date) -> ChartContent | None:
    series = []
    for scenario_id in (s for s in (state.a, state.b) if s):
        scenario = scenario_by_id(scenario_set, scenario_id)
        events = [
            e
            for e in scenario_events(scenario_set, scenario)
            if e.track in state.tracks and state.dates[0] <= e.when <= state.dates[1]
        ]
        series.append(EventSeries(scenario.label, events))
    if not any(one.events for one in series):
        return None
    names = {s.id: s.publisher for s in scenario_set.sources}
    return ChartContent(
        figures.timeline(series, state.tracks, today, state.dates, names),
        timeline_summary(series),
        tables.events_table(series, names),
    )


def render(scenario_set: ScenarioSet, state: ViewState) -> None:
    today = dt.date.today()
    key = "timeline.events"
    content = memo(
        (key, scenario_set.content_hash, state, today), lambda: _content(scenario_set, state, today)
    )
    if content is None:
        st.info("No events match the chosen tracks and dates. Widen the filters in the sidebar.")
        return
    st.caption(
        "Filled markers: observed. Open markers: scheduled. Crossed markers: projected. "
        "Bars: uncertain timing windows. Hover a marker for its date, certainty and sources."
    )
    show_chart(key, content)
