"""Timeline: the chosen scenarios' events by track on one time axis."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from components.chart import ChartContent, show_chart
from components.data import memo
from explorer import figures
from explorer.analysis.summaries import timeline_summary
from explorer.content import ScenarioSet
from explorer.views import ViewState, data
from explorer.views.selection import event_series


def _content(scenario_set: ScenarioSet, state: ViewState, today: dt.date) -> ChartContent | None:
    series = event_series(scenario_set, state)
    if not any(one.events for one in series):
        return None
    names = {s.id: s.cited_as for s in scenario_set.sources}
    return ChartContent(
        figures.timeline(
            series,
            state.tracks,
            today,
            state.dates,
            names,
            {t.id: t.label for t in scenario_set.vocabulary.tracks},
        ),
        timeline_summary(series),
        data.timeline_table(scenario_set, state),
    )


def render(scenario_set: ScenarioSet, state: ViewState) -> ViewState:
    today = dt.date.today()
    key = "timeline.events"
    content = memo(
        (key, scenario_set.content_hash, state, today), lambda: _content(scenario_set, state, today)
    )
    if content is None:
        st.info("No events match the chosen tracks and dates. Widen the filters in the sidebar.")
        return state
    st.caption(
        "Filled markers: observed. Open markers: scheduled. Crossed markers: projected. "
        "Wide pale bars: uncertain timing windows; narrow bars: how long an event lasted. Hover a "
        "marker for its date, certainty and sources."
    )
    show_chart(key, content)
    return state
