"""Timeline: the chosen scenarios' events by track on one time axis."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from components.chart import chart
from explorer import figures, tables
from explorer.compare import scenario_by_id, scenario_events
from explorer.model import ScenarioSet
from explorer.state import ViewState
from explorer.summaries import timeline_summary


def render(scenario_set: ScenarioSet, state: ViewState) -> None:
    series = []
    for scenario_id in (s for s in (state.a, state.b) if s):
        scenario = scenario_by_id(scenario_set, scenario_id)
        events = [
            e
            for e in scenario_events(scenario_set, scenario)
            if e.track in state.tracks and state.dates[0] <= e.when <= state.dates[1]
        ]
        series.append(figures.EventSeries(scenario.label, events))
    if not any(one.events for one in series):
        st.info("No events match the chosen tracks and dates. Widen the filters in the sidebar.")
        return
    names = {s.id: s.publisher for s in scenario_set.sources}
    fig = figures.timeline(series, state.tracks, dt.date.today(), state.dates, names)
    st.caption(
        "Filled markers: observed. Open markers: scheduled. Faded, dotted markers: projected. "
        "Bars: uncertain timing windows. Hover a marker for its date, certainty and sources."
    )
    chart(fig, "timeline.events", timeline_summary(series), tables.events_table(series, names))
